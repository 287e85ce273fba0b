"""Template helpers of the learning pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def closes_names(item: Any, journey: Any) -> list[tuple[str, int, int]]:
    """Return (competency name, from, to) for each gap a plan item closes."""
    return [
        (journey.names.get(int(competency), competency), int(low), int(high))
        for competency, (low, high) in sorted(item.closes.items())
    ]
