"""Read short labels out of a competency statement; no Django."""

from __future__ import annotations

import re

__all__ = ["labels_from_statement"]

_PARENTHESES = re.compile(r"\(([^()]*)\)")
_SEPARATORS = re.compile(r"\s*(?:,|;|\bor\b|\band\b|\bou\b|\bet\b)\s*", re.IGNORECASE)


def labels_from_statement(statement: str) -> tuple[str, ...]:
    """Return the names a statement gives itself: its terms in parentheses.

    Frameworks put acronyms and the usual names in parentheses ("Stock rotation
    methods (FIFO, FEFO)", "Respond to injuries and emergencies (first aid)"); each
    of those, split at commas and at "and"/"or"/"et"/"ou", is a label an ad uses word
    for word. The statement without its parentheses is a label too, for the short
    ones ("WHMIS 2015") that an ad quotes whole.

    Examples
    --------
    >>> labels_from_statement("Stock rotation methods (FIFO, FEFO)")
    ('Stock rotation methods', 'FIFO', 'FEFO')
    """
    bare = " ".join(_PARENTHESES.sub(" ", statement).split())
    found = [bare] if bare else []
    for inside in _PARENTHESES.findall(statement):
        found.extend(part.strip() for part in _SEPARATORS.split(inside))
    return tuple(dict.fromkeys(label for label in found if len(label) >= 2))
