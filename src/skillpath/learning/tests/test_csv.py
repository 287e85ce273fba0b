"""CSV import and export: all or nothing, and a clear message naming row and rule."""

from __future__ import annotations

import pytest

from skillpath.accounts import testing
from skillpath.learning.exceptions import ModuleImportError
from skillpath.learning.models import Module, ModuleStatus
from skillpath.learning.services import csv_io
from skillpath.learning.tests import helpers as h

pytestmark = pytest.mark.django_db

HEADER = ",".join(csv_io.COLUMNS)


def _row(code: str, teaches: str, **cells: str) -> str:
    values = {
        "code": code,
        "title_en": f"Title {code}",
        "title_fr": f"Titre {code}",
        "format": "self_paced",
        "language": "en",
        "hours": "6",
        "cost": "0",
        "teaches": teaches,
        **cells,
    }
    return ",".join(values.get(column, "") for column in csv_io.COLUMNS)


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    org = h.provider()
    return {
        "org": org,
        "staff": h.provider_staff(org),
        "c1": h.competency(),
        "c2": h.competency(),
    }


def test_import_creates_modules_waiting_for_review_and_export_reads_back(world) -> None:  # type: ignore[no-untyped-def]
    c1, c2 = world["c1"].code, world["c2"].code
    data = "\n".join(
        [
            HEADER,
            _row("intro", f"{c1}:1"),
            _row(
                "deep", f"{c1}:3;{c2}:2", requires=f"{c1}:1", requires_modules="intro"
            ),
        ]
    )
    result = csv_io.modules_import(
        provider=world["org"], imported_by=world["staff"], data=data.encode()
    )
    assert (result.created, result.updated) == (2, 0)
    deep = Module.objects.get(code="deep")
    assert deep.status == ModuleStatus.PENDING
    assert [m.code for m in deep.requires_modules.all()] == ["intro"]
    exported = csv_io.modules_export(Module.objects.filter(provider=world["org"]))
    again = csv_io.modules_import(
        provider=world["org"], imported_by=world["staff"], data=exported
    )
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


@pytest.mark.parametrize(
    ("lines", "row", "rule"),
    [
        (["code,title_en"], 1, "missing columns"),
        ([HEADER, _row("a", "{c1}:1", hours="0")], 2, "hours: must be more than 0"),
        ([HEADER, _row("a", "{c1}:1"), _row("b", "nope:2")], 3, "no competency"),
        ([HEADER, _row("a", "{c1}:1", format="podcast")], 2, "format: use one of"),
        ([HEADER, _row("a", "{c1}:1"), _row("a", "{c1}:2")], 3, "is also on row"),
        ([HEADER, _row("a", "{c1}:1", requires_modules="zz")], 2, "no module with"),
        (
            [
                HEADER,
                _row("a", "{c1}:1", requires_modules="b"),
                _row("b", "{c1}:2", requires_modules="a"),
            ],
            2,
            "circle",
        ),
        ([HEADER, _row("a", "{c1}:x")], 2, "whole number"),
        ([HEADER, _row("a", "")], 2, "teaches: list at least one"),
        ([HEADER, _row("a", "{c1}:1", cost="-5")], 2, "cannot be negative"),
        ([HEADER, _row("a", "{c1}:1", url="javascript:alert(1)")], 2, "url"),
    ],
    ids=[
        "missing-column",
        "zero-hours",
        "unknown-competency",
        "bad-format",
        "duplicate-code",
        "unknown-prerequisite",
        "circular-prerequisites",
        "bad-level",
        "teaches-nothing",
        "negative-cost",
        "bad-url",
    ],
)
def test_bad_files_are_refused_naming_row_and_rule_and_nothing_is_written(
    world, lines: list[str], row: int, rule: str
) -> None:  # type: ignore[no-untyped-def]
    good = _row("good", f"{world['c1'].code}:1")
    text = "\n".join([lines[0], good, *lines[1:]] if len(lines) > 1 else lines).replace(
        "{c1}", world["c1"].code
    )
    shifted = row + 1 if len(lines) > 1 else row
    with pytest.raises(ModuleImportError) as refused:
        csv_io.modules_import(
            provider=world["org"], imported_by=world["staff"], data=text.encode()
        )
    assert any(
        r == shifted and rule in message for r, message in refused.value.problems
    )
    assert f"row {shifted}" in str(refused.value)
    assert not Module.objects.exists()


def test_a_file_that_is_not_utf8_is_refused(world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ModuleImportError, match="UTF-8"):
        csv_io.modules_import(
            provider=world["org"],
            imported_by=world["staff"],
            data=(HEADER + "\n" + _row("é", "x:1")).encode("utf-16"),
        )
    assert not Module.objects.exists()


def test_export_defuses_spreadsheet_formulas(world) -> None:  # type: ignore[no-untyped-def]
    h.module(
        teaches={world["c1"]: 1},
        provider_org=world["org"],
        title_en="=HYPERLINK(1)",
    )
    exported = csv_io.modules_export(Module.objects.all())
    assert "'=HYPERLINK(1)" in exported
    assert testing.PASSWORD not in exported
