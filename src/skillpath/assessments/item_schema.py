"""Check an item's content, answer key and rubric before anything is saved.

Pure functions: each returns a list of problems (empty when the item is valid), in
words a coordinator can act on. The format is documented in ``docs/item-format.md``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from skillpath.assessments import scoring

OPTION_KINDS = (
    scoring.SINGLE_CHOICE,
    scoring.MULTIPLE_SELECT,
    scoring.ORDERING,
)
MAX_OPTIONS = 12
ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,20}$")


def _texts(entries: Any, label: str, problems: list[str]) -> list[str]:
    if not isinstance(entries, list) or not entries:
        problems.append(_("%(label)s: give a list of entries.") % {"label": label})
        return []
    ids: list[str] = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, Mapping):
            problems.append(
                _("%(label)s %(n)d: give an object with id, en and fr.")
                % {"label": label, "n": number}
            )
            continue
        entry_id = str(entry.get("id", ""))
        if not ID_PATTERN.match(entry_id):
            problems.append(
                _("%(label)s %(n)d: the id must be 1–20 letters, digits, - or _.")
                % {"label": label, "n": number}
            )
        if not str(entry.get("en", "")).strip():
            problems.append(
                _("%(label)s %(n)d: the English text is missing.")
                % {"label": label, "n": number}
            )
        ids.append(entry_id)
    if len(set(ids)) != len(ids):
        problems.append(_("%(label)s: every id must be different.") % {"label": label})
    if len(ids) > MAX_OPTIONS:
        problems.append(
            _("%(label)s: at most %(n)d entries.") % {"label": label, "n": MAX_OPTIONS}
        )
    return ids


def validate_item(
    kind: str, content: Any, key: Any, rubric: Any = None, n_thresholds: int = 1
) -> list[str]:
    """Return what is wrong with an item of ``kind`` (empty when it is valid)."""
    problems: list[str] = []
    if not isinstance(content, Mapping):
        return [_("The content must be an object.")]
    if not isinstance(key, Mapping):
        return [_("The answer key must be an object.")]
    if kind in OPTION_KINDS:
        ids = _texts(content.get("options"), _("Option"), problems)
        if len(ids) < 2:
            problems.append(_("Give at least two options."))
        if kind == scoring.SINGLE_CHOICE and key.get("correct") not in ids:
            problems.append(_("The key must name the one correct option by its id."))
        if kind == scoring.MULTIPLE_SELECT:
            correct = key.get("correct")
            if (
                not isinstance(correct, list)
                or not correct
                or any(c not in ids for c in correct)
            ):
                problems.append(
                    _("The key must list the ids of the correct options (one or more).")
                )
        if kind == scoring.ORDERING:
            order = key.get("order")
            if not isinstance(order, list) or sorted(map(str, order)) != sorted(ids):
                problems.append(
                    _("The key must give every option id once, in the right order.")
                )
    elif kind == scoring.TRUE_FALSE:
        if not isinstance(key.get("correct"), bool):
            problems.append(
                _("The key must say whether the statement is true or false.")
            )
    elif kind == scoring.NUMERIC:
        value, tolerance = key.get("value"), key.get("tolerance", 0)
        if not _is_number(value):
            problems.append(_("The key must give the expected number."))
        if not _is_number(tolerance) or float(tolerance) < 0:
            problems.append(_("The tolerance must be a number of zero or more."))
    elif kind == scoring.SHORT_TEXT:
        accepted = key.get("accepted", [])
        pattern = key.get("pattern", "")
        if not isinstance(accepted, list) or any(not str(a).strip() for a in accepted):
            problems.append(_("Accepted answers must be a list of non-empty texts."))
        if pattern:
            try:
                re.compile(str(pattern))
            except re.error as error:
                problems.append(
                    _("The pattern is not a valid regular expression: %(error)s")
                    % {"error": error}
                )
        if not accepted and not pattern:
            problems.append(_("Give accepted answers, a pattern, or both."))
    elif kind == scoring.MATCHING:
        prompts = _texts(content.get("prompts"), _("Prompt"), problems)
        choices = _texts(content.get("choices"), _("Match"), problems)
        pairs = key.get("pairs")
        if (
            not isinstance(pairs, Mapping)
            or sorted(pairs) != sorted(prompts)
            or any(str(v) not in choices for v in pairs.values())
        ):
            problems.append(
                _("The key must pair every prompt id with the id of one match.")
            )
    elif kind in scoring.ASSESSOR_SCORED:
        problems += validate_rubric(rubric)
    else:
        problems.append(_("Unknown item type “%(kind)s”.") % {"kind": kind})
    if (
        kind in scoring.AUTO_SCORED
        and n_thresholds > 1
        and kind
        in (
            scoring.SINGLE_CHOICE,
            scoring.TRUE_FALSE,
            scoring.NUMERIC,
            scoring.SHORT_TEXT,
        )
    ):
        problems.append(
            _(
                "Only multiple-select, ordering and matching items can give partial credit."
            )
        )
    return problems


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
    )


def validate_rubric(rubric: Any) -> list[str]:
    """Return what is wrong with a rubric: criteria × levels with descriptors.

    ``{"levels": [{"level": 1, "en": "...", "fr": "..."}, ...],
    "criteria": [{"id": "c1", "en": "...", "fr": "...",
    "descriptors": {"1": {"en": "...", "fr": "..."}, ...}}, ...]}``
    """
    if not isinstance(rubric, Mapping):
        return [_("A performance task or evidence request needs a rubric.")]
    problems: list[str] = []
    levels = rubric.get("levels")
    numbers: list[int] = []
    if not isinstance(levels, list) or len(levels) < 2:
        problems.append(_("The rubric needs at least two levels."))
    else:
        for entry in levels:
            if not isinstance(entry, Mapping) or not isinstance(
                entry.get("level"), int
            ):
                problems.append(_("Each rubric level needs an integer “level”."))
                continue
            if not str(entry.get("en", "")).strip():
                problems.append(
                    _("Rubric level %(n)s needs an English label.")
                    % {"n": entry["level"]}
                )
            numbers.append(entry["level"])
        if len(set(numbers)) != len(numbers):
            problems.append(_("Rubric levels must be different numbers."))
    ids = _texts(rubric.get("criteria"), _("Criterion"), problems)
    for criterion in rubric.get("criteria") or []:
        if not isinstance(criterion, Mapping):
            continue
        descriptors = criterion.get("descriptors", {})
        if not isinstance(descriptors, Mapping) or any(
            str(n) not in descriptors for n in numbers
        ):
            problems.append(
                _("Criterion “%(id)s” needs a descriptor for every level.")
                % {"id": criterion.get("id", "?")}
            )
    if not ids:
        problems.append(_("The rubric needs at least one criterion."))
    return problems


def rubric_levels(rubric: Mapping[str, Any]) -> list[int]:
    """Return the rubric's level numbers, lowest first."""
    return sorted(int(entry["level"]) for entry in rubric.get("levels", []))


def rubric_result(
    rubric: Mapping[str, Any], criterion_levels: Mapping[str, Any]
) -> int:
    """Return the level shown: every criterion must reach it (the lowest one).

    Raises ``ValueError`` when a criterion has no level or an unknown level.
    """
    allowed = set(rubric_levels(rubric))
    chosen: list[int] = []
    for criterion in rubric.get("criteria", []):
        raw = criterion_levels.get(str(criterion["id"]))
        try:
            level = int(raw)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise ValueError(
                _("Choose a level for “%(c)s”.") % {"c": criterion.get("en", "")}
            ) from None
        if level not in allowed:
            raise ValueError(_("Choose one of the rubric's levels."))
        chosen.append(level)
    if not chosen:
        raise ValueError(_("The rubric has no criterion."))
    return min(chosen)
