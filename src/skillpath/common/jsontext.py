"""Read JSON that a person uploads, with its nesting bounded before it is parsed.

``json.loads`` recurses once per level of nesting: ten thousand ``[`` raise
``RecursionError`` (a 500), and a few hundred levels still reach code that walks the
result recursively. Importers read uploads through :func:`json_load_bounded`, which
measures the nesting first, in one pass over the text, and refuses what is deeper
than any real file needs.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 32
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKET = re.compile(r"[\[\]{}]")


class JsonTooDeep(ValueError):
    """The JSON nests arrays and objects deeper than ``limit``."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"nested deeper than {limit} levels")
        self.limit = limit


def json_depth(text: str, *, stop_after: int | None = None) -> int:
    """Return how deep arrays and objects nest in ``text`` (strings are skipped).

    Stops counting once ``stop_after`` is passed. Meant for text about to be
    parsed: on malformed JSON the figure is only an estimate, and the parser then
    says what is wrong.
    """
    depth = deepest = 0
    for bracket in _BRACKET.finditer(_STRING.sub("", text)):
        if bracket.group() in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if stop_after is not None and deepest > stop_after:
                    return deepest
        else:
            depth -= 1
    return deepest


def json_load_bounded(text: str, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse ``text``; raise ``JsonTooDeep`` past ``max_depth`` levels of nesting.

    ``json.JSONDecodeError`` comes out as from ``json.loads``.
    """
    if json_depth(text, stop_after=max_depth) > max_depth:
        raise JsonTooDeep(max_depth)
    try:
        return json.loads(text)
    except RecursionError:  # a backstop: the depth check should have caught it
        raise JsonTooDeep(max_depth) from None
