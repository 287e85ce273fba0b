"""ESCO and O*NET files import: real rows, multi-line cells, French labels, ratings."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from skillpath.frameworks import services
from skillpath.frameworks.models import (
    Competency,
    CompetencyKind,
    Framework,
    Occupation,
    OccupationCompetency,
    RelationType,
)
from skillpath.frameworks.tests.support import DATA

pytestmark = pytest.mark.django_db


def _import(path: Path, source_format: str, **kwargs: object) -> Framework:
    return services.framework_import(
        path=path, source_format=source_format, imported_by=None, **kwargs
    )


def test_the_real_esco_skills_collection_rows_import() -> None:
    framework = _import(DATA / "esco" / "ictSkillsCollection_en.sample.csv", "esco")
    assert framework.source_format == "esco"
    skills = {c.uri: c for c in framework.competencies.all()}
    assert len(skills) == 5
    programming = skills[
        "http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97"
    ]
    assert programming.title_en == "computer programming"
    assert programming.kind == CompetencyKind.KNOWLEDGE
    assert programming.identifier == "21d2f96d-35f7-4e3f-9745-c533d2dd6e97"
    citizenship = skills[
        "http://data.europa.eu/esco/skill/16a00c69-9c74-4c37-96d7-6301d285e5ce"
    ]
    # “ | ”-separated collections become one label a line.
    assert citizenship.alt_labels_en.splitlines()[:2] == [
        "apply e-services",
        "use e-services",
    ]
    assert citizenship.source_data == {"reuseLevel": "transversal"}


def test_the_real_esco_occupation_rows_with_multi_line_cells_import() -> None:
    framework = _import(DATA / "esco" / "occupations_en.sample.csv", "esco")
    occupations = {o.title_en: o for o in framework.occupations.all()}
    assert set(occupations) == {
        "technical director",
        "metal drawing machine operator",
        "precision device inspector",
        "air traffic safety technician",
    }
    director = occupations["technical director"]
    assert director.code == "2166"
    assert director.alt_labels_en.splitlines() == [
        "technical and operations director",
        "head of technical",
        "director of technical arts",
        "head of technical department",
        "technical supervisor",
        "technical manager",
    ]
    assert director.description_en.startswith(
        "Technical directors realise the artistic visions"
    )


def test_an_esco_folder_imports_skills_occupations_relations_and_french() -> None:
    framework = _import(
        DATA / "esco_folder", "esco", identifier="esco-test", version="1.0.x"
    )
    assert framework.identifier == "esco-test" and framework.version == "1.0.x"
    assert framework.competencies.count() == 5
    assert framework.occupations.count() == 4
    assert (
        OccupationCompetency.objects.filter(occupation__framework=framework).count()
        == 5
    )
    director = Occupation.objects.get(framework=framework, code="2166")
    assert director.title_fr == "directeur technique/directrice technique"
    essential = director.competency_links.get(relation=RelationType.ESSENTIAL)
    assert essential.competency.title_en == "coordinate technical production"
    assert essential.competency.title_fr == "coordonner la production technique"
    troubleshoot = Competency.objects.get(
        framework=framework, title_en="solve technical problems"
    )
    assert troubleshoot.alt_labels_en.splitlines() == [
        "troubleshoot technical problems",
        "fix technical problems",
    ]


def test_the_real_onet_occupation_rows_import() -> None:
    framework = _import(DATA / "onet" / "onet_occupation_data.sample.txt", "onet")
    occupations = {o.code: o for o in framework.occupations.all()}
    assert set(occupations) == {
        "11-1011.00",
        "11-1011.03",
        "11-1021.00",
        "11-1031.00",
        "11-2011.01",
    }
    assert occupations["11-1011.00"].title_en == "Chief Executives"
    # The quoted cell with commas is read whole.
    assert occupations["11-1021.00"].description_en.endswith(
        "such as personnel, purchasing, or administrative services."
    )


def test_an_onet_folder_imports_skills_and_knowledge_with_their_scales() -> None:
    framework = _import(DATA / "onet_folder", "onet")
    reading = Competency.objects.get(framework=framework, code="2.A.1.a")
    assert reading.kind == CompetencyKind.SKILL
    assert reading.description_en.startswith("Understanding written sentences")
    assert reading.parent.code == "2.A.1" and reading.parent.parent is None
    management = Competency.objects.get(framework=framework, code="2.C.1.a")
    assert management.kind == CompetencyKind.KNOWLEDGE
    link = OccupationCompetency.objects.get(
        occupation__code="11-1011.00", competency=management
    )
    assert link.relation == RelationType.RATED
    assert (link.importance, link.level) == (4.61, 6.07)
    assert framework.scale.levels.count() == 7


def test_the_import_command_draws_a_progress_bar_and_reports(tmp_path: Path) -> None:
    out, err = StringIO(), StringIO()
    call_command(
        "framework_import",
        str(DATA / "esco_folder"),
        "--format",
        "esco",
        stdout=out,
        stderr=err,
    )
    assert "5 competencies, 4 occupations" in out.getvalue()
    assert "relations" in err.getvalue() and "#" in err.getvalue()


def test_the_import_command_refuses_a_bad_file_and_says_why(tmp_path: Path) -> None:
    from django.core.management.base import CommandError

    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(
        CommandError, match=r"Nothing was imported\. broken\.json, line 1"
    ):
        call_command(
            "framework_import", str(bad), "--format", "case", stderr=StringIO()
        )
    assert not Framework.objects.exists()
