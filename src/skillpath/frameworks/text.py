"""Text helpers of frameworks (``localised`` lives in ``skillpath.common.text``)."""

from __future__ import annotations

from skillpath.common.text import localised

__all__ = ["localised", "split_lines"]


def split_lines(text: str) -> list[str]:
    """Return the non-empty stripped lines of ``text``."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
