"""Read the English or French version of a bilingual field."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language


def localised(obj: Any, name: str, language: str | None = None) -> str:
    """Return ``obj.<name>_fr`` in French when it is filled in, else ``<name>_en``.

    Either language falls back to the other, so a French-only ESCO label still shows
    on an English page.
    """
    language = (language or get_language() or "en")[:2]
    english = str(getattr(obj, f"{name}_en", "") or "")
    french = str(getattr(obj, f"{name}_fr", "") or "")
    if language == "fr":
        return french or english
    return english or french


def split_lines(text: str) -> list[str]:
    """Return the non-empty stripped lines of ``text``."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
