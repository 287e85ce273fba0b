"""CASE 1.1 packages import, export, and re-import to the same framework."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillpath.accounts import testing
from skillpath.frameworks import services
from skillpath.frameworks.interchange.case_export import export_case
from skillpath.frameworks.models import (
    AssociationType,
    Competency,
    CompetencyKind,
    Framework,
)
from skillpath.frameworks.tests.support import DATA, snapshot

pytestmark = pytest.mark.django_db

SAMPLE = DATA / "SequenceNumberFramework.json"
RICH = DATA / "ece_assistant_case.json"


def _import(path: Path, **kwargs: object) -> Framework:
    return services.framework_import(
        path=path, source_format="case", imported_by=None, **kwargs
    )


def _roundtrip(framework: Framework, tmp_path: Path) -> tuple[dict, dict, dict]:
    """Export, delete, re-import: return the snapshots before and after, and the JSON."""
    before = snapshot(framework)
    package = export_case(framework)
    exported = tmp_path / "exported.json"
    exported.write_text(json.dumps(package), encoding="utf-8")
    framework.delete()
    again = _import(exported)
    return before, snapshot(again), package


def test_the_opensalt_sample_imports_with_its_sequence_numbers() -> None:
    framework = _import(SAMPLE)
    assert framework.identifier == "d0000000-0000-0000-0000-000000000000"
    assert framework.title == "Sequence Number Test"
    assert framework.creator == "OpenSALT Testing"
    titles = [c.title_en for c in framework.competencies.order_by("position")]
    # The second item has sequence number 1, so it comes first.
    assert titles == ["Second added item, but should be first", "First Added Item"]
    assert [c.code for c in framework.competencies.order_by("position")] == [
        "SNT.2",
        "SNT.1",
    ]
    assert framework.scale.levels.count() == 4


def test_the_opensalt_sample_round_trips_to_the_same_framework(tmp_path: Path) -> None:
    before, after, package = _roundtrip(_import(SAMPLE), tmp_path)
    assert after == before
    associations = {a["identifier"] for a in package["CFAssociations"]}
    assert associations == {
        "0434307a-c0eb-11e7-bad9-1f2b8d8c4f6f",
        "ea98af74-c0ea-11e7-aa16-9fb3d6294ee4",
    }
    assert package["CFItems"][0]["uri"].startswith(
        "http://server/ims/case/v1p0/CFItems/"
    )


def test_the_rich_package_keeps_three_levels_french_types_and_associations() -> None:
    framework = _import(RICH)
    domain = Competency.objects.get(framework=framework, code="ECEA.1")
    competency = Competency.objects.get(framework=framework, code="ECEA.1.1")
    knowledge = Competency.objects.get(framework=framework, code="ECEA.1.1.a")
    assert knowledge.parent == competency and competency.parent == domain
    assert domain.parent is None
    assert knowledge.kind == CompetencyKind.KNOWLEDGE
    assert knowledge.item_type.title == "Knowledge"
    assert competency.title_fr == "Observer et documenter le développement des enfants"
    assert competency.description_en.startswith("Observes children in play")
    assert (
        Competency.objects.get(framework=framework, code="ECEA.3.2").kind == "attitude"
    )
    # French items are translations, not competencies of their own.
    assert framework.competencies.count() == 13
    assert Competency.objects.get(framework=framework, code="ECEA.2.1.a").title_fr == ""
    kinds = set(framework.associations.values_list("association_type", flat=True))
    assert kinds == {"precedes", "isRelatedTo", "isPeerOf", "exactMatchOf"}
    match = framework.associations.get(association_type=AssociationType.EXACT_MATCH_OF)
    assert match.destination is None and match.destination_uri.startswith(
        "https://case.publichealth"
    )
    related = framework.associations.get(association_type="isRelatedTo")
    assert (
        related.origin.code == "ECEA.1.1.b" and related.destination.code == "ECEA.3.1"
    )
    levels = list(framework.scale.levels.values_list("level", "label_en", "label_fr"))
    assert levels[2] == (3, "Independent", "Autonome")


def test_the_rich_package_round_trips_to_the_same_framework(tmp_path: Path) -> None:
    before, after, package = _roundtrip(_import(RICH), tmp_path)
    assert after == before
    original = json.loads(RICH.read_text(encoding="utf-8"))
    assert {i["identifier"] for i in package["CFItems"]} == {
        i["identifier"] for i in original["CFItems"]
    }
    assert {a["identifier"] for a in package["CFAssociations"]} == {
        a["identifier"] for a in original["CFAssociations"]
    }
    exported_types = {t["identifier"] for t in package["CFDefinitions"]["CFItemTypes"]}
    assert exported_types == {
        t["identifier"] for t in original["CFDefinitions"]["CFItemTypes"]
    }
    assert (
        package["CFDefinitions"]["CFSubjects"]
        == original["CFDefinitions"]["CFSubjects"]
    )


def test_a_second_round_trip_gives_the_same_package(tmp_path: Path) -> None:
    first = export_case(_import(RICH))
    _before, _after, second = _roundtrip(Framework.objects.get(), tmp_path)
    assert second == first


def test_a_framework_written_in_skillpath_exports_and_round_trips(
    tmp_path: Path,
) -> None:
    college = testing.organisation()
    coordinator = testing.coordinator(college)
    framework = services.framework_create(
        title="Cybersecurity analyst", created_by=coordinator, owner=college
    )
    parent = services.competency_create(
        framework=framework,
        created_by=coordinator,
        title_en="Monitor networks",
        code="C1",
    )
    services.competency_create(
        framework=framework,
        created_by=coordinator,
        title_en="Read firewall logs",
        title_fr="Lire les journaux du pare-feu",
        kind=CompetencyKind.KNOWLEDGE,
        parent=parent,
        code="C1.1",
    )
    package = export_case(framework)
    assert package["CFDocument"]["caseVersion"] == "1.1"
    translations = [
        a
        for a in package["CFAssociations"]
        if a["associationType"] == "isTranslationOf"
    ]
    assert len(translations) == 1
    framework.owner = None
    framework.save()
    before, after, _package = _roundtrip(framework, tmp_path)
    changed = {
        name
        for name in before["framework"]
        if before["framework"][name] != after["framework"][name]
    }
    # Only what a CASE source adds to a skillpath framework differs.
    assert changed <= {"source_format", "source_data"}
    assert after["competencies"] == [
        {**row, "source_data": after_row["source_data"]}
        for row, after_row in zip(
            before["competencies"], after["competencies"], strict=True
        )
    ]


def test_the_export_command_prints_the_package(tmp_path: Path) -> None:
    from io import StringIO

    from django.core.management import call_command

    _import(RICH)
    out = StringIO()
    framework = Framework.objects.get()
    call_command(
        "framework_export", framework.identifier, "--format", "case", stdout=out
    )
    package = json.loads(out.getvalue())
    assert package["CFDocument"]["identifier"] == framework.identifier
