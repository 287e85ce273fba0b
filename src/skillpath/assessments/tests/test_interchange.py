"""The documented item format: the examples in docs/item-format.md import as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

from skillpath.accounts import testing
from skillpath.assessments.exceptions import ItemImportError
from skillpath.assessments.models import Item, ItemStatus
from skillpath.assessments.services import interchange
from skillpath.assessments.tests import factories
from skillpath.credentials.testing import micro_credential

pytestmark = pytest.mark.django_db
DOC = Path(settings.BASE_DIR) / "docs" / "item-format.md"


def example(language: str) -> str:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(), re.S)[0]


@pytest.fixture
def world():
    credential = micro_credential(levels=(2,))
    competency = factories.competencies(credential)[0]
    return competency, testing.coordinator(credential.issuing_organisation)


def test_the_documented_json_example_imports(world) -> None:
    competency, coordinator = world
    text = example("json").replace(
        "5f0c1a52-8d0b-4f43-9c1e-2a7d1f3b9e10", competency.identifier
    )
    report = interchange.items_import(
        author=coordinator, data=text.encode(), file_format="json"
    )
    assert report.created == ["ecd-safety-01"]
    item = Item.objects.get(code="ecd-safety-01")
    assert item.answer_key == {"correct": "a"} and item.thresholds == [-0.4]


def test_the_documented_csv_example_imports(world) -> None:
    competency, coordinator = world
    text = example("csv").replace("ECE-HS-1", competency.code)
    report = interchange.items_import(
        author=coordinator, data=text.encode(), file_format="csv"
    )
    assert sorted(report.created) == ["ecd-mc-02", "ecd-tf-01"]
    pilot = Item.objects.get(code="ecd-mc-02")
    assert pilot.status == ItemStatus.PILOT and pilot.thresholds == []
    assert pilot.content["options"][1] == {"id": "b", "en": "38.0 °C", "fr": "38,0 °C"}


def test_an_import_cannot_skip_states_or_touch_other_organisations(world) -> None:
    competency, coordinator = world
    factories.bank(competency, size=1, status=ItemStatus.RETIRED, prefix="old")
    document = interchange.items_export_json(Item.objects.all()).replace(
        '"retired"', '"operational"'
    )
    with pytest.raises(ItemImportError) as error:
        interchange.items_import(
            author=coordinator, data=document.encode(), file_format="json"
        )
    assert any("cannot go from" in p for p in error.value.problems)
    stranger = testing.coordinator()
    with pytest.raises(ItemImportError) as error:
        interchange.items_import(
            author=stranger,
            data=interchange.items_export_json(Item.objects.all()).encode(),
            file_format="json",
        )
    assert any("may not edit" in p for p in error.value.problems)
