"""Import and export the item bank as JSON or CSV (see ``docs/item-format.md``).

An import is all or nothing: every item is checked first, every problem is reported
with its place in the file, and nothing is written unless the whole file is valid.
Items are matched by ``code``: a known code updates that item, a new code creates one.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from skillpath.accounts.models import User
from skillpath.assessments import access, requirements
from skillpath.assessments.exceptions import ItemImportError
from skillpath.assessments.interchange_csv import (  # noqa: F401 (re-exported)
    CSV_COLUMNS,
    items_export_csv,
    row_to_dict,
)
from skillpath.assessments.models import Item, ItemKind, ItemStatus
from skillpath.assessments.services import bank
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.common.csvcells import csv_cell_read
from skillpath.common.jsontext import JsonTooDeep, json_load_bounded

FORMAT = "skillpath-items"
VERSION = 1
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_ITEMS = 5000


@dataclass
class ImportReport:
    created: list[str]
    updated: list[str]

    @property
    def count(self) -> int:
        return len(self.created) + len(self.updated)


# ----------------------------------------------------------------------- export
def item_to_dict(item: Item) -> dict[str, Any]:
    """Return one item in the JSON interchange format (answer key included)."""
    return {
        "code": item.code,
        "competency": requirements.competency_ref(item.competency),
        "kind": item.kind,
        "status": item.status,
        "stem": {"en": item.stem_en, "fr": item.stem_fr},
        "image_alt": {"en": item.image_alt_en, "fr": item.image_alt_fr},
        "content": item.content,
        "key": item.answer_key,
        "rubric": item.rubric or None,
        "irt": {
            "discrimination": item.discrimination,
            "thresholds": item.thresholds,
        },
    }


def items_export_json(items: Iterable[Item]) -> str:
    """Return the items as a JSON document."""
    return json.dumps(
        {
            "format": FORMAT,
            "version": VERSION,
            "items": [item_to_dict(i) for i in items],
        },
        ensure_ascii=False,
        indent=2,
    )


def parse_file(data: bytes, file_format: str) -> list[dict[str, Any]]:
    """Return the item dicts of an import file, or raise ``ItemImportError``."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ItemImportError(_("The file is larger than 5 MB: split it."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ItemImportError(_("The file must be UTF-8 text.")) from None
    if file_format == "json":
        try:
            document = json_load_bounded(text)
        except JsonTooDeep as error:
            raise ItemImportError(
                _(
                    "The JSON is nested deeper than %(limit)d levels; no item file "
                    "needs that many."
                )
                % {"limit": error.limit}
            ) from None
        except json.JSONDecodeError as error:
            raise ItemImportError(
                _("The file is not valid JSON (line %(line)d: %(msg)s).")
                % {"line": error.lineno, "msg": error.msg}
            ) from None
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise ItemImportError(
                _('The JSON must be an object with "format": "%(f)s".') % {"f": FORMAT}
            )
        if document.get("version") != VERSION:
            raise ItemImportError(
                _("This file is version %(v)s; skillpath reads version %(ok)d.")
                % {"v": document.get("version"), "ok": VERSION}
            )
        items = document.get("items")
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise ItemImportError(_('"items" must be a list of item objects.'))
        return items
    if file_format == "csv":
        reader = csv.DictReader(io.StringIO(text))
        missing = [
            c
            for c in ("code", "competency", "kind", "stem_en")
            if c not in (reader.fieldnames or [])
        ]
        if missing:
            raise ItemImportError(
                _("The CSV header lacks the columns: %(cols)s.")
                % {"cols": ", ".join(missing)}
            )
        rows, problems = [], []
        try:
            for number, row in enumerate(reader, start=2):
                try:
                    cells = {
                        name: csv_cell_read(value) if isinstance(value, str) else value
                        for name, value in row.items()
                    }
                    rows.append(row_to_dict(cells))
                except ValueError as error:
                    problems.append(_("Line %(n)d: %(e)s") % {"n": number, "e": error})
        except csv.Error as error:
            raise ItemImportError(
                _("The CSV cannot be read: %(e)s") % {"e": error}
            ) from None
        if problems:
            raise ItemImportError(
                _("The file was not imported; nothing was changed."), problems
            )
        return rows
    raise ItemImportError(_("Choose JSON or CSV."))


def _fields(entry: dict[str, Any]) -> dict[str, Any]:
    stem = entry.get("stem") or {}
    alt = entry.get("image_alt") or {}
    irt = entry.get("irt") or {}
    return {
        "code": str(entry.get("code", "")).strip(),
        "kind": str(entry.get("kind", "")),
        "status": str(entry.get("status") or ItemStatus.DRAFT),
        "stem_en": str(stem.get("en", "") if isinstance(stem, dict) else ""),
        "stem_fr": str(stem.get("fr", "") if isinstance(stem, dict) else ""),
        "image_alt_en": str(alt.get("en", "") if isinstance(alt, dict) else ""),
        "image_alt_fr": str(alt.get("fr", "") if isinstance(alt, dict) else ""),
        "content": entry.get("content") or {},
        "answer_key": entry.get("key") or {},
        "rubric": entry.get("rubric") or {},
        "discrimination": irt.get("discrimination", 1.0)
        if isinstance(irt, dict)
        else None,
        "thresholds": irt.get("thresholds", []) if isinstance(irt, dict) else None,
    }


def _update_problems(item: Item, fields: dict[str, Any]) -> list[str]:
    problems = []
    status = fields["status"]
    if status != item.status and status not in bank.TRANSITIONS.get(
        ItemStatus(item.status), ()
    ):
        problems.append(
            _("an item cannot go from “%(old)s” to “%(new)s”.")
            % {"old": item.status, "new": status}
        )
    if fields["kind"] != item.kind and item.responses.exists():
        problems.append(_("the type of an item that has answers cannot change."))
    return problems


def items_import(*, author: User, data: bytes, file_format: str) -> ImportReport:
    """Import items from a JSON or CSV file: all of them, or none.

    Raises ``ItemImportError`` with one line per problem (and writes nothing).
    """
    entries = parse_file(data, file_format)
    if not entries:
        raise ItemImportError(_("The file holds no item."))
    if len(entries) > MAX_ITEMS:
        raise ItemImportError(_("At most %(n)d items per file.") % {"n": MAX_ITEMS})
    problems: list[str] = []
    plan: list[tuple[Any, Item | None, dict[str, Any]]] = []
    seen: set[str] = set()
    existing = {
        i.code: i
        for i in Item.objects.filter(code__in=[str(e.get("code", "")) for e in entries])
    }
    for number, entry in enumerate(entries, start=1):
        fields = _fields(entry)
        where = _("Item %(n)d (%(code)s)") % {
            "n": number,
            "code": fields["code"] or "?",
        }
        found: list[str] = []
        code = fields["code"]
        if (
            not code
            or not code.replace("-", "").replace("_", "").isalnum()
            or len(code) > 80
        ):
            found.append(_("the code must be letters, digits, - or _ (at most 80)."))
        elif code in seen:
            found.append(_("the code appears twice in the file."))
        seen.add(code)
        competency = requirements.competency_lookup(str(entry.get("competency", "")))
        if competency is None:
            found.append(
                _("no competency “%(ref)s”.") % {"ref": entry.get("competency", "")}
            )
        elif not access.can_author(author, competency):
            found.append(_("you may not edit this competency's item bank."))
        if fields["status"] not in ItemStatus.values:
            found.append(_("unknown state “%(s)s”.") % {"s": fields["status"]})
        found += bank.item_problems(fields)
        item = existing.get(code)
        if (
            item is not None
            and competency is not None
            and item.competency_id != competency.pk
        ):
            found.append(_("this code belongs to an item of another competency."))
        if item is not None:
            found += _update_problems(item, fields)
        if (
            fields["status"] == ItemStatus.OPERATIONAL
            and fields["kind"]
            not in (ItemKind.PERFORMANCE_TASK, ItemKind.EVIDENCE_REQUEST)
            and not fields["thresholds"]
        ):
            found.append(_("an operational test item needs calibrated parameters."))
        problems += [f"{where}: {p}" for p in found]
        plan.append((competency, item, fields))
    if problems:
        raise ItemImportError(
            _("The file was not imported; nothing was changed. Fix these problems:"),
            problems,
        )
    report = ImportReport(created=[], updated=[])
    with transaction.atomic():
        for competency, item, fields in plan:
            if item is None:
                item = Item.objects.create(
                    competency=competency, created_by=author, **fields
                )
                report.created.append(item.code)
            else:
                for name, value in fields.items():
                    setattr(item, name, value)
                item.save()
                report.updated.append(item.code)
        audit_record(
            actor=author,
            verb=AuditVerb.ITEMS_IMPORT,
            target=author,
            created=len(report.created),
            updated=len(report.updated),
        )
    return report
