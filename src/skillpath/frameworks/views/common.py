"""Helpers the frameworks views share."""

from __future__ import annotations

from typing import Any


def int_or_none(value: Any) -> int | None:
    """Return ``value`` as an int, or ``None`` if it is not one."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
