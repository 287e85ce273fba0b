"""Read the English or French version of a bilingual field."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language


def localised(obj: Any, name: str, language: str | None = None) -> str:
    """Return ``obj.<name>_fr`` in French when it is filled in, else ``<name>_en``.

    Either language falls back to the other, so a French-only ESCO label still shows
    on an English page; a blank (whitespace-only) value counts as missing.
    """
    language = (language or get_language() or "en")[:2]
    english = str(getattr(obj, f"{name}_en", "") or "")
    french = str(getattr(obj, f"{name}_fr", "") or "")
    if language == "fr":
        return french if french.strip() else english
    return english if english.strip() else french
