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
