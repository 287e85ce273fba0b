"""Write CSV cells a spreadsheet will not run, and read them back as they were.

A cell starting with ``=``, ``+``, ``-`` or ``@`` is a formula to Excel and
LibreOffice (CSV injection: ``=HYPERLINK(...)`` sends data away when clicked).
Exports put a protective ``'`` before such a cell; imports take it off again, so a
file round-trips unchanged. A plain number (``-0.4``) is no formula and is left as
it is.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_cell_safe(value: Any) -> str:
    """Return the cell text, with a leading ``'`` if a spreadsheet would run it."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def csv_cell_read(value: str | None) -> str:
    """Return the cell as it was before :func:`csv_cell_safe` protected it."""
    text = value or ""
    if text.startswith("'") and text[1:2] in FORMULA_STARTS:
        return text[1:]
    return text
