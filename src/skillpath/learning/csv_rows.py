"""Read and check the rows of a module CSV file, without writing anything."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_slug
from django.utils.translation import gettext as _

from skillpath.accounts.models import Province
from skillpath.common.csvcells import csv_cell_read
from skillpath.frameworks.models import Competency
from skillpath.learning import selectors
from skillpath.learning.exceptions import ModuleImportError
from skillpath.learning.models import ModuleFormat, ModuleLanguage

COLUMNS = [
    "code",
    "title_en",
    "title_fr",
    "description_en",
    "description_fr",
    "url",
    "format",
    "language",
    "hours",
    "cost",
    "province",
    "location",
    "schedule",
    "asks_for_proof",
    "teaches",
    "requires",
    "requires_modules",
]
REQUIRED_COLUMNS = (
    "code",
    "title_en",
    "title_fr",
    "format",
    "language",
    "hours",
    "teaches",
)
MAX_ROWS = 2000
MAX_BYTES = 2 * 1024 * 1024
YES = {"yes", "true", "1", "oui", "y"}
NO = {"no", "false", "0", "non", "n", ""}


@dataclass
class ModuleRow:
    """One checked row, ready to write."""

    row: int
    fields: dict[str, Any]
    teaches: dict[Competency, int] = field(default_factory=dict)
    requires: dict[Competency, int] = field(default_factory=dict)
    requires_codes: list[str] = field(default_factory=list)


def cell(value: str | None) -> str:
    # Exported cells that looked like formulas carry a protective quote.
    return csv_cell_read((value or "").strip())


def decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    if len(data) > MAX_BYTES:
        raise ModuleImportError([(0, _("the file is larger than 2 MB; split it"))])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ModuleImportError(
            [(0, _("the file is not UTF-8 text; save it as CSV UTF-8 and try again"))]
        ) from error


def _levels(
    text: str,
    competencies: dict[str, list[Competency]],
    column: str,
    problems: list[str],
) -> dict[Competency, int]:
    levels: dict[Competency, int] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        code, sep, level_text = part.rpartition(":")
        if not sep or not code.strip():
            problems.append(
                _(
                    "%(column)s: write each entry as competency-code:level, not “%(part)s”"
                )
                % {"column": column, "part": part}
            )
            continue
        matches = competencies.get(code.strip().lower(), [])
        if len(matches) != 1:
            problems.append(
                (
                    _("%(column)s: no competency has the code “%(code)s”")
                    if not matches
                    else _(
                        "%(column)s: “%(code)s” names competencies of several "
                        "frameworks; use the competency's identifier"
                    )
                )
                % {"column": column, "code": code.strip()}
            )
            continue
        competency = matches[0]
        try:
            level = int(level_text)
        except ValueError:
            level = 0
        if level < 1:
            problems.append(
                _("%(column)s: the level of %(code)s must be a whole number from 1")
                % {"column": column, "code": code.strip()}
            )
            continue
        if competency in levels:
            problems.append(
                _("%(column)s: %(code)s is listed twice")
                % {"column": column, "code": code.strip()}
            )
        levels[competency] = level
    return levels


def check_row(
    number: int, raw: dict[str, str], competencies: dict[str, list[Competency]]
) -> tuple[ModuleRow, list[str]]:
    cells = {name: cell(raw.get(name)) for name in COLUMNS}
    problems: list[str] = []
    try:
        validate_slug(cells["code"])
    except ValidationError:
        problems.append(
            _("code: give a short code of letters, digits, hyphens or underscores")
        )
    for name in ("title_en", "title_fr"):
        if not cells[name]:
            problems.append(_("%(column)s: a title is required") % {"column": name})
        elif len(cells[name]) > 200:
            problems.append(_("%(column)s: at most 200 characters") % {"column": name})
    if cells["url"]:
        try:
            URLValidator(schemes=["http", "https"])(cells["url"])
        except ValidationError:
            problems.append(_("url: give a full http:// or https:// address"))
    if cells["format"] not in ModuleFormat.values:
        problems.append(
            _("format: use one of %(choices)s")
            % {"choices": ", ".join(ModuleFormat.values)}
        )
    if cells["language"] not in ModuleLanguage.values:
        problems.append(
            _("language: use one of %(choices)s")
            % {"choices": ", ".join(ModuleLanguage.values)}
        )
    amounts: dict[str, Decimal] = {}
    for name, default in (("hours", ""), ("cost", "0")):
        text = cells[name] or default
        try:
            amounts[name] = Decimal(text.replace(",", "."))
            if not amounts[name].is_finite():
                raise InvalidOperation
        except InvalidOperation:
            problems.append(_("%(column)s: give a number") % {"column": name})
            continue
        if name == "hours" and amounts[name] <= 0:
            problems.append(_("hours: must be more than 0"))
        if name == "cost" and amounts[name] < 0:
            problems.append(_("cost: cannot be negative; use 0 for a free module"))
    if cells["province"] and cells["province"].upper() not in Province.values:
        problems.append(_("province: use a two-letter code such as ON or QC"))
    if cells["asks_for_proof"].lower() not in YES | NO:
        problems.append(_("asks_for_proof: write yes or no"))
    teaches = _levels(cells["teaches"], competencies, "teaches", problems)
    requires = _levels(cells["requires"], competencies, "requires", problems)
    if not cells["teaches"]:
        problems.append(_("teaches: list at least one competency-code:level"))
    for competency, level in requires.items():
        if competency in teaches and teaches[competency] <= level:
            problems.append(
                _("requires: %(code)s is required at the level the module teaches")
                % {"code": selectors.competency_key(competency)}
            )
    fields: dict[str, Any] = {
        name: cells[name]
        for name in COLUMNS
        if name not in ("teaches", "requires", "requires_modules", "hours", "cost")
    }
    fields["province"] = cells["province"].upper()
    fields["asks_for_proof"] = cells["asks_for_proof"].lower() in YES
    fields.update(amounts)
    codes = [c.strip() for c in cells["requires_modules"].split(";") if c.strip()]
    return ModuleRow(number, fields, teaches, requires, codes), problems


def circles(
    rows: list[ModuleRow], existing: dict[str, list[str]]
) -> list[tuple[int, str]]:
    graph = dict(existing)
    graph.update({r.fields["code"]: r.requires_codes for r in rows})
    problems = []
    for row in rows:
        seen, stack = set(), list(graph.get(row.fields["code"], []))
        while stack:
            code = stack.pop()
            if code == row.fields["code"]:
                problems.append(
                    (
                        row.row,
                        _("requires_modules: the prerequisites go round in a circle"),
                    )
                )
                break
            if code not in seen:
                seen.add(code)
                stack.extend(graph.get(code, []))
    return problems
