"""Import and export a provider's modules as CSV, all or nothing.

One row per module; ``teaches`` and ``requires`` list ``competency-code:level`` pairs
separated by ``;``, and ``requires_modules`` lists module codes of the same provider.
An import checks every row first (:mod:`skillpath.learning.csv_rows`) and writes
nothing unless every row passes; then it writes in one transaction. Imported or
changed modules wait for review.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from skillpath.accounts.models import Organisation
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.common.csvcells import csv_cell_safe
from skillpath.learning import selectors
from skillpath.learning.csv_rows import (
    COLUMNS,
    MAX_ROWS,
    REQUIRED_COLUMNS,
    ModuleRow,
    check_row,
    circles,
    decode,
)
from skillpath.learning.exceptions import LearningError, ModuleImportError
from skillpath.learning.models import Module
from skillpath.learning.services import catalogue

__all__ = ["COLUMNS", "ImportResult", "modules_export", "modules_import"]


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int


def modules_import(
    *, provider: Organisation, imported_by: Any, data: bytes | str
) -> ImportResult:
    """Create or change ``provider``'s modules from CSV, or raise ``ModuleImportError``."""
    text = decode(data)
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if not header:
        raise ModuleImportError([(1, _("the file is empty"))])
    if missing:
        raise ModuleImportError(
            [(1, _("missing columns: %(columns)s") % {"columns": ", ".join(missing)})]
        )
    unknown = [c for c in header if c and c not in COLUMNS]
    if unknown:
        raise ModuleImportError(
            [(1, _("unknown columns: %(columns)s") % {"columns": ", ".join(unknown)})]
        )
    try:
        raw_rows = list(reader)
    except csv.Error as error:
        raise ModuleImportError(
            [
                (
                    reader.line_num,
                    _("the CSV cannot be read: %(error)s") % {"error": error},
                )
            ]
        ) from error
    keys = [
        part.rpartition(":")[0]
        for raw in raw_rows
        for column in ("teaches", "requires")
        for part in (raw.get(column) or "").split(";")
    ]
    competencies = selectors.competencies_by_key(keys)
    existing = {
        m.code: m
        for m in Module.objects.filter(provider=provider).prefetch_related(
            "requires_modules"
        )
    }
    rows: list[ModuleRow] = []
    problems: list[tuple[int, str]] = []
    codes_seen: dict[str, int] = {}
    if len(raw_rows) > MAX_ROWS:
        raise ModuleImportError(
            [
                (
                    MAX_ROWS + 2,
                    _("more than %(max)s modules; split the file") % {"max": MAX_ROWS},
                )
            ]
        )
    for index, raw in enumerate(raw_rows, start=2):
        if index - 1 > MAX_ROWS:
            raise ModuleImportError(
                [
                    (
                        index,
                        _("more than %(max)s modules; split the file")
                        % {"max": MAX_ROWS},
                    )
                ]
            )
        if None in raw:
            problems.append((index, _("more cells than columns")))
            continue
        if not any((v or "").strip() for v in raw.values()):
            continue
        row, row_problems = check_row(index, raw, competencies)
        code = row.fields["code"]
        if code in codes_seen:
            row_problems.append(
                _("code: %(code)s is also on row %(row)s")
                % {"code": code, "row": codes_seen[code]}
            )
        codes_seen.setdefault(code, index)
        problems.extend((index, p) for p in row_problems)
        rows.append(row)
    if not rows and not problems:
        raise ModuleImportError([(2, _("the file has no module rows"))])
    known = set(existing) | set(codes_seen)
    for row in rows:
        for code in row.requires_codes:
            if code == row.fields["code"]:
                problems.append(
                    (row.row, _("requires_modules: a module cannot require itself"))
                )
            elif code not in known:
                problems.append(
                    (
                        row.row,
                        _(
                            "requires_modules: %(provider)s has no module with the code “%(code)s”"
                        )
                        % {"provider": provider.name, "code": code},
                    )
                )
    if not problems:
        problems.extend(
            circles(
                rows,
                {
                    code: [m.code for m in module.requires_modules.all()]
                    for code, module in existing.items()
                },
            )
        )
    if problems:
        raise ModuleImportError(sorted(problems, key=lambda p: p[0]))
    return _write(
        provider=provider, imported_by=imported_by, rows=rows, existing=existing
    )


def _write(
    *,
    provider: Organisation,
    imported_by: Any,
    rows: list[ModuleRow],
    existing: dict[str, Module],
) -> ImportResult:
    created = 0
    changed: set[str] = set()
    try:
        with transaction.atomic():
            modules = dict(existing)
            for row in rows:  # first every module, then the links between them
                module = modules.get(row.fields["code"])
                if module is None:
                    modules[row.fields["code"]] = catalogue.module_create(
                        provider=provider,
                        created_by=imported_by,
                        teaches=row.teaches,
                        requires=row.requires,
                        **row.fields,
                    )
                    created += 1
                    continue
                before = module.updated_at
                modules[row.fields["code"]] = catalogue.module_update(
                    module=module,
                    changed_by=imported_by,
                    teaches=row.teaches,
                    requires=row.requires,
                    **row.fields,
                )
                if modules[row.fields["code"]].updated_at != before:
                    changed.add(row.fields["code"])
            for row in rows:
                module = modules[row.fields["code"]]
                wanted = {modules[c].pk for c in row.requires_codes}
                if wanted != set(module.requires_modules.values_list("pk", flat=True)):
                    if row.fields["code"] in existing:
                        changed.add(row.fields["code"])
                    catalogue.module_update(
                        module=module,
                        changed_by=imported_by,
                        requires_modules=[modules[c] for c in row.requires_codes],
                    )
            audit_record(
                actor=imported_by,
                verb=AuditVerb.MODULES_IMPORT,
                target=provider,
                created=created,
                updated=len(changed),
            )
    except LearningError as error:
        raise ModuleImportError([(0, str(error))]) from error
    updated = len(changed)
    return ImportResult(
        created=created, updated=updated, unchanged=len(rows) - created - updated
    )


def modules_export(modules: Iterable[Module]) -> str:
    """Return ``modules`` as CSV that :func:`modules_import` reads back."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for module in modules:
        row = {name: getattr(module, name, "") for name in COLUMNS[:14]}
        row["asks_for_proof"] = "yes" if module.asks_for_proof else "no"
        row["teaches"] = ";".join(
            f"{selectors.competency_key(o.competency)}:{o.level}"
            for o in module.outcomes.all()
        )
        row["requires"] = ";".join(
            f"{selectors.competency_key(r.competency)}:{r.level}"
            for r in module.requirements.all()
        )
        row["requires_modules"] = ";".join(
            sorted(m.code for m in module.requires_modules.all())
        )
        writer.writerow([csv_cell_safe(row[name]) for name in COLUMNS])
    return out.getvalue()
