"""Read a learner's answer to an item and score it against the item's key.

Pure functions over plain data: ``content`` is what the learner sees (options,
prompts), ``key`` is the answer key, which never leaves the server. An answer is
normalised to a small dict (see ``docs/item-format.md``):

==================  ==========================================
kind                answer
==================  ==========================================
single_choice       ``{"choice": "b"}``
multiple_select     ``{"choices": ["a", "c"]}``
true_false          ``{"value": true}``
numeric             ``{"value": 12.5}``
short_text          ``{"text": "..."}``
ordering            ``{"order": ["c", "a", "b"]}``
matching            ``{"pairs": {"p1": "c2", "p2": "c1"}}``
==================  ==========================================

Scoring gives a *credit* in [0, 1]; the score category of an item with ``k``
thresholds (``k = 1`` for a 2PL item) is ``floor(credit * k)``, so a 2PL item is right
only with full credit, and a graded (GRM) item gives partial credit.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from skillpath.assessments.exceptions import AnswerInvalid

SINGLE_CHOICE = "single_choice"
MULTIPLE_SELECT = "multiple_select"
TRUE_FALSE = "true_false"
NUMERIC = "numeric"
SHORT_TEXT = "short_text"
ORDERING = "ordering"
MATCHING = "matching"
PERFORMANCE_TASK = "performance_task"
EVIDENCE_REQUEST = "evidence_request"

AUTO_SCORED = (
    SINGLE_CHOICE,
    MULTIPLE_SELECT,
    TRUE_FALSE,
    NUMERIC,
    SHORT_TEXT,
    ORDERING,
    MATCHING,
)
ASSESSOR_SCORED = (PERFORMANCE_TASK, EVIDENCE_REQUEST)
MAX_TEXT_ANSWER = 500


@dataclass(frozen=True)
class Score:
    """The result of scoring one answer."""

    credit: float  # 0..1
    category: int  # 0..n_thresholds

    @property
    def correct(self) -> bool:
        return self.credit >= 1.0


def _option_ids(content: Mapping[str, Any], name: str = "options") -> list[str]:
    return [str(option["id"]) for option in content.get(name, [])]


def _one(data: Mapping[str, Any], name: str) -> str:
    value = data.get(name)
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    return "" if value is None else str(value).strip()


def _many(data: Mapping[str, Any], name: str) -> list[str]:
    getlist = getattr(data, "getlist", None)
    values = getlist(name) if getlist else data.get(name, [])
    if isinstance(values, str):
        values = [values]
    return [str(value) for value in values or []]


def parse_number(text: str) -> float:
    """Return the number a person typed: ``1 234,5`` and ``1,234.5`` both work."""
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(",", "")
    elif cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise AnswerInvalid(_("Type a number, for example 12.5.")) from None
    if not math.isfinite(value):
        raise AnswerInvalid(_("Type a number, for example 12.5."))
    return value


def parse_answer(kind: str, content: Mapping[str, Any], data: Any) -> dict[str, Any]:
    """Return the normalised answer from form data or a JSON answer.

    ``data`` is a ``QueryDict`` from a form (fields ``choice``, ``choices``,
    ``value``, ``text``, ``position-<id>``, ``match-<id>``) or the answer dict of the
    API. Raises ``AnswerInvalid`` with what to fix.
    """
    if kind == SINGLE_CHOICE:
        choice = _one(data, "choice")
        if choice not in _option_ids(content):
            raise AnswerInvalid(_("Choose one answer."))
        return {"choice": choice}
    if kind == MULTIPLE_SELECT:
        choices = _many(data, "choices")
        valid = _option_ids(content)
        if any(choice not in valid for choice in choices):
            raise AnswerInvalid(_("Choose among the answers shown."))
        return {"choices": sorted(set(choices))}
    if kind == TRUE_FALSE:
        value = data.get("value")
        if isinstance(value, (list, tuple)):
            value = value[-1] if value else None
        if value in (True, "true", "True", "1"):
            return {"value": True}
        if value in (False, "false", "False", "0"):
            return {"value": False}
        raise AnswerInvalid(_("Choose true or false."))
    if kind == NUMERIC:
        value = data.get("value")
        if isinstance(value, (list, tuple)):
            value = value[-1] if value else None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if not math.isfinite(value):
                raise AnswerInvalid(_("Type a number, for example 12.5."))
            return {"value": float(value)}
        if not str(value or "").strip():
            raise AnswerInvalid(_("Type a number, for example 12.5."))
        return {"value": parse_number(str(value))}
    if kind == SHORT_TEXT:
        text = _one(data, "text")
        if not text:
            raise AnswerInvalid(_("Type your answer."))
        if len(text) > MAX_TEXT_ANSWER:
            raise AnswerInvalid(
                _("Keep your answer under %(n)d characters.") % {"n": MAX_TEXT_ANSWER}
            )
        return {"text": text}
    if kind == ORDERING:
        return {"order": _parse_order(content, data)}
    if kind == MATCHING:
        return {"pairs": _parse_pairs(content, data)}
    raise AnswerInvalid(_("This item is not answered here."))


def _parse_order(content: Mapping[str, Any], data: Any) -> list[str]:
    ids = _option_ids(content)
    order = data.get("order") if isinstance(data, Mapping) else None
    if isinstance(order, list) and not hasattr(data, "getlist"):
        chosen = [str(value) for value in order]
    else:
        positions: dict[str, int] = {}
        for option_id in ids:
            raw = _one(data, f"position-{option_id}")
            try:
                positions[option_id] = int(raw)
            except ValueError:
                raise AnswerInvalid(_("Give every step a position.")) from None
        if sorted(positions.values()) != list(range(1, len(ids) + 1)):
            raise AnswerInvalid(
                _("Give each step a different position, from 1 to %(n)d.")
                % {"n": len(ids)}
            )
        chosen = sorted(ids, key=positions.__getitem__)
    if sorted(chosen) != sorted(ids):
        raise AnswerInvalid(_("Put every step in order, each once."))
    return chosen


def _parse_pairs(content: Mapping[str, Any], data: Any) -> dict[str, str]:
    prompts = _option_ids(content, "prompts")
    choices = set(_option_ids(content, "choices"))
    given = data.get("pairs") if isinstance(data, Mapping) else None
    pairs: dict[str, str] = {}
    for prompt in prompts:
        if isinstance(given, Mapping):
            value = str(given.get(prompt, ""))
        else:
            value = _one(data, f"match-{prompt}")
        if value not in choices:
            raise AnswerInvalid(_("Choose a match for every line."))
        pairs[prompt] = value
    return pairs


def normalise_text(text: str, *, keep_accents: bool = True) -> str:
    """Return text compared case-insensitively, with spacing and quotes tidied."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = " ".join(text.split()).strip(" .!?;:")
    if not keep_accents:
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return text


def credit(
    kind: str, content: Mapping[str, Any], key: Mapping[str, Any], answer: Any
) -> float:
    """Return the credit in [0, 1] that ``answer`` earns against ``key``."""
    if kind == SINGLE_CHOICE:
        return float(answer.get("choice") == key["correct"])
    if kind == TRUE_FALSE:
        return float(bool(answer.get("value")) == bool(key["correct"]))
    if kind == MULTIPLE_SELECT:
        correct = set(key["correct"])
        chosen = set(answer.get("choices", []))
        hits = len(correct & chosen)
        false_alarms = len(chosen - correct)
        return max(0.0, (hits - false_alarms) / len(correct)) if correct else 0.0
    if kind == NUMERIC:
        value = float(answer.get("value"))
        target = float(key["value"])
        tolerance = float(key.get("tolerance", 0.0))
        return float(abs(value - target) <= tolerance + 1e-9)
    if kind == SHORT_TEXT:
        return float(_text_matches(str(answer.get("text", "")), key))
    if kind == ORDERING:
        return _pairwise_order_credit(list(answer.get("order", [])), list(key["order"]))
    if kind == MATCHING:
        pairs = dict(key["pairs"])
        given = answer.get("pairs", {})
        right = sum(
            1 for prompt, choice in pairs.items() if given.get(prompt) == choice
        )
        return right / len(pairs) if pairs else 0.0
    raise ValueError(f"{kind} items are not scored automatically")


def _text_matches(text: str, key: Mapping[str, Any]) -> bool:
    if key.get("case_sensitive"):
        typed = " ".join(text.split())
        accepted = [" ".join(str(a).split()) for a in key.get("accepted", [])]
        if typed in accepted:
            return True
    else:
        loose = not key.get("accents_matter", False)
        typed = normalise_text(text, keep_accents=not loose)
        if any(
            typed == normalise_text(str(a), keep_accents=not loose)
            for a in key.get("accepted", [])
        ):
            return True
    pattern = key.get("pattern")
    if pattern:
        flags = 0 if key.get("case_sensitive") else re.IGNORECASE
        return re.fullmatch(pattern, text.strip(), flags) is not None
    return False


def _pairwise_order_credit(given: list[str], correct: list[str]) -> float:
    # The share of pairs of steps that are in the right relative order.
    if given == correct:
        return 1.0
    rank = {step: index for index, step in enumerate(given)}
    n = len(correct)
    pairs = n * (n - 1) // 2
    if not pairs or set(rank) != set(correct):
        return 0.0
    right = sum(
        1
        for i in range(n)
        for j in range(i + 1, n)
        if rank[correct[i]] < rank[correct[j]]
    )
    return right / pairs


def score(
    kind: str,
    content: Mapping[str, Any],
    key: Mapping[str, Any],
    answer: Any,
    *,
    n_thresholds: int = 1,
) -> Score:
    """Return the credit and score category of ``answer``."""
    earned = credit(kind, content, key, answer)
    category = int(math.floor(earned * n_thresholds + 1e-9))
    return Score(credit=earned, category=max(0, min(category, n_thresholds)))
