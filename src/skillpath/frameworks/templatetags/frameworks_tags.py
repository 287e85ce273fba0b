"""Small template helpers of the frameworks pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.simple_tag
def panel(prefix: str, pk: Any) -> str:
    """Return the id of a builder panel, e.g. ``add-need-12``."""
    return f"{prefix}-{pk}"


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    """Return ``mapping[key]`` (or ``None``)."""
    return mapping.get(key) if mapping else None
