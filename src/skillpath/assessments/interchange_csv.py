"""The CSV side of the item format: one row per item (see ``docs/item-format.md``).

Lists are written with ``|`` between entries and options as ``id=text``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from skillpath.assessments import requirements
from skillpath.assessments.models import Item, ItemKind, ItemStatus
from skillpath.common.csvcells import csv_cell_safe
from skillpath.common.jsontext import JsonTooDeep, json_load_bounded

CSV_COLUMNS = [
    "code",
    "competency",
    "kind",
    "status",
    "stem_en",
    "stem_fr",
    "options_en",
    "options_fr",
    "prompts_en",
    "prompts_fr",
    "correct",
    "tolerance",
    "accepted",
    "pattern",
    "discrimination",
    "thresholds",
    "rubric_json",
]
SEPARATOR = "|"


def _pairs_text(entries: list[dict[str, Any]], language: str) -> str:
    return f" {SEPARATOR} ".join(f"{e['id']}={e.get(language, '')}" for e in entries)


def items_export_csv(items: Iterable[Item]) -> str:
    """Return the items as CSV, one row per item (see the format's columns)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for item in items:
        row = dict.fromkeys(CSV_COLUMNS, "")
        row.update(
            code=item.code,
            competency=requirements.competency_ref(item.competency),
            kind=item.kind,
            status=item.status,
            stem_en=item.stem_en,
            stem_fr=item.stem_fr,
            discrimination=f"{item.discrimination:g}",
            thresholds=SEPARATOR.join(f"{t:g}" for t in item.thresholds or []),
        )
        content, key = item.content or {}, item.answer_key or {}
        if "options" in content:
            row["options_en"] = _pairs_text(content["options"], "en")
            row["options_fr"] = _pairs_text(content["options"], "fr")
        if "prompts" in content:
            row["prompts_en"] = _pairs_text(content["prompts"], "en")
            row["prompts_fr"] = _pairs_text(content["prompts"], "fr")
            row["options_en"] = _pairs_text(content["choices"], "en")
            row["options_fr"] = _pairs_text(content["choices"], "fr")
        row["correct"] = _correct_text(item.kind, key)
        if item.kind == ItemKind.NUMERIC:
            row["tolerance"] = f"{key.get('tolerance', 0):g}"
        if item.kind == ItemKind.SHORT_TEXT:
            row["accepted"] = SEPARATOR.join(key.get("accepted", []))
            row["pattern"] = key.get("pattern", "")
        if item.rubric:
            row["rubric_json"] = json.dumps(item.rubric, ensure_ascii=False)
        writer.writerow({name: csv_cell_safe(value) for name, value in row.items()})
    return out.getvalue()


def _correct_text(kind: str, key: dict[str, Any]) -> str:
    if kind == ItemKind.SINGLE_CHOICE:
        return str(key.get("correct", ""))
    if kind == ItemKind.MULTIPLE_SELECT:
        return SEPARATOR.join(key.get("correct", []))
    if kind == ItemKind.ORDERING:
        return SEPARATOR.join(key.get("order", []))
    if kind == ItemKind.TRUE_FALSE:
        return "true" if key.get("correct") else "false"
    if kind == ItemKind.NUMERIC:
        return f"{key.get('value', '')}"
    if kind == ItemKind.MATCHING:
        return f" {SEPARATOR} ".join(
            f"{p}={c}" for p, c in key.get("pairs", {}).items()
        )
    return ""


def _split(text: str) -> list[str]:
    return [part.strip() for part in (text or "").split(SEPARATOR) if part.strip()]


def _entries(english: str, french: str) -> list[dict[str, str]]:
    french_by_id = dict(_pair(p) for p in _split(french))
    entries = []
    for part in _split(english):
        entry_id, text = _pair(part)
        entries.append(
            {"id": entry_id, "en": text, "fr": french_by_id.get(entry_id, "")}
        )
    return entries


def _pair(part: str) -> tuple[str, str]:
    if "=" not in part:
        raise ValueError(_("“%(part)s” should be written id=text.") % {"part": part})
    entry_id, text = part.split("=", 1)
    return entry_id.strip(), text.strip()


def _number(text: str, name: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise ValueError(
            _("%(name)s must be a number, not “%(text)s”.")
            % {"name": name, "text": text}
        ) from None


def row_to_dict(row: dict[str, str]) -> dict[str, Any]:
    kind = (row.get("kind") or "").strip()
    content: dict[str, Any] = {}
    key: dict[str, Any] = {}
    correct = (row.get("correct") or "").strip()
    if kind in (ItemKind.SINGLE_CHOICE, ItemKind.MULTIPLE_SELECT, ItemKind.ORDERING):
        content["options"] = _entries(
            row.get("options_en", ""), row.get("options_fr", "")
        )
        if kind == ItemKind.SINGLE_CHOICE:
            key["correct"] = correct
        elif kind == ItemKind.MULTIPLE_SELECT:
            key["correct"] = _split(correct)
        else:
            key["order"] = _split(correct)
    elif kind == ItemKind.MATCHING:
        content["prompts"] = _entries(
            row.get("prompts_en", ""), row.get("prompts_fr", "")
        )
        content["choices"] = _entries(
            row.get("options_en", ""), row.get("options_fr", "")
        )
        key["pairs"] = dict(_pair(p) for p in _split(correct))
    elif kind == ItemKind.TRUE_FALSE:
        if correct.lower() not in ("true", "false"):
            raise ValueError(_("“correct” must be true or false."))
        key["correct"] = correct.lower() == "true"
    elif kind == ItemKind.NUMERIC:
        key["value"] = _number(correct, "correct")
        key["tolerance"] = _number(row.get("tolerance") or "0", "tolerance")
    elif kind == ItemKind.SHORT_TEXT:
        key["accepted"] = _split(row.get("accepted", ""))
        if (row.get("pattern") or "").strip():
            key["pattern"] = row["pattern"].strip()
    rubric = None
    if (row.get("rubric_json") or "").strip():
        try:
            rubric = json_load_bounded(row["rubric_json"])
        except JsonTooDeep as error:
            raise ValueError(
                _("rubric_json is nested deeper than %(limit)d levels.")
                % {"limit": error.limit}
            ) from None
        except json.JSONDecodeError as error:
            raise ValueError(
                _("rubric_json is not valid JSON: %(e)s") % {"e": error}
            ) from None
    thresholds_text = (row.get("thresholds") or "").strip()
    return {
        "code": (row.get("code") or "").strip(),
        "competency": (row.get("competency") or "").strip(),
        "kind": kind,
        "status": (row.get("status") or ItemStatus.DRAFT).strip(),
        "stem": {"en": row.get("stem_en", ""), "fr": row.get("stem_fr", "")},
        "content": content,
        "key": key,
        "rubric": rubric,
        "irt": {
            "discrimination": _number(
                row.get("discrimination") or "1", "discrimination"
            ),
            "thresholds": [_number(t, "thresholds") for t in _split(thresholds_text)],
        },
    }
