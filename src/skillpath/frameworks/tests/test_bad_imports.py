"""Bad import files are refused with the file, the record and the rule, and write nothing."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from skillpath.frameworks import services
from skillpath.frameworks.exceptions import FrameworkImportError
from skillpath.frameworks.interchange import writer
from skillpath.frameworks.tests.support import DATA, database_counts

pytestmark = pytest.mark.django_db

RICH = json.loads((DATA / "ece_assistant_case.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def existing_framework() -> None:
    """Each test starts with one framework imported, so "unchanged" means something."""
    services.framework_import(
        path=DATA / "SequenceNumberFramework.json",
        source_format="case",
        imported_by=None,
    )


def _case_file(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    package = copy.deepcopy(RICH)
    change(package)
    path = tmp_path / "package.json"
    path.write_text(json.dumps(package), encoding="utf-8")
    return path


def _refused(
    path: Path, source_format: str = "case", **kwargs: Any
) -> FrameworkImportError:
    before = database_counts()
    with pytest.raises(FrameworkImportError) as caught:
        services.framework_import(
            path=path, source_format=source_format, imported_by=None, **kwargs
        )
    assert database_counts() == before
    return caught.value


def _item(package: dict[str, Any], code: str) -> dict[str, Any]:
    return next(i for i in package["CFItems"] if i.get("humanCodingScheme") == code)


def test_not_json(tmp_path: Path) -> None:
    path = tmp_path / "package.json"
    path.write_text('{"CFDocument": {"identifier": ', encoding="utf-8")
    error = _refused(path)
    assert error.file == "package.json"
    assert error.record == "line 1, column 31"
    assert "not JSON" in error.rule


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(
        json.dumps({"CFDocument": {"title": "Éducation"}}, ensure_ascii=False).encode(
            "latin-1"
        )
    )
    error = _refused(path)
    assert "not UTF-8" in error.rule and error.record.startswith("byte ")


def test_missing_required_field(tmp_path: Path) -> None:
    path = _case_file(tmp_path, lambda p: _item(p, "ECEA.1.2").pop("fullStatement"))
    error = _refused(path)
    assert error.record.startswith("CFItems[")
    assert str(error).startswith("package.json, CFItems[")
    assert "“fullStatement” is missing" in error.rule


def test_missing_document(tmp_path: Path) -> None:
    path = _case_file(tmp_path, lambda p: p.pop("CFDocument"))
    assert "“CFDocument” is missing" in _refused(path).rule


def test_duplicate_identifier(tmp_path: Path) -> None:
    def duplicate(package: dict[str, Any]) -> None:
        _item(package, "ECEA.1.2")["identifier"] = _item(package, "ECEA.1.1")[
            "identifier"
        ]

    error = _refused(_case_file(tmp_path, duplicate))
    assert "duplicate identifier" in error.rule
    assert _item(RICH, "ECEA.1.1")["identifier"] in error.record


def test_association_to_a_node_that_does_not_exist(tmp_path: Path) -> None:
    missing = "99999999-9999-4999-8999-999999999999"

    def dangle(package: dict[str, Any]) -> None:
        association = next(
            a for a in package["CFAssociations"] if a["associationType"] == "isChildOf"
        )
        association["destinationNodeURI"]["identifier"] = missing

    error = _refused(_case_file(tmp_path, dangle))
    assert error.record.startswith("CFAssociations[0]")
    assert f"destination node {missing} does not exist" in error.rule


def test_cycle_in_the_hierarchy(tmp_path: Path) -> None:
    def loop(package: dict[str, Any]) -> None:
        top = _item(package, "ECEA.1")
        leaf = _item(package, "ECEA.1.1.a")
        association = next(
            a
            for a in package["CFAssociations"]
            if a["associationType"] == "isChildOf"
            and a["originNodeURI"]["identifier"] == top["identifier"]
        )
        association["destinationNodeURI"] = {
            "title": "ECEA.1.1.a",
            "identifier": leaf["identifier"],
            "uri": leaf["uri"],
        }

    error = _refused(_case_file(tmp_path, loop))
    assert "cycle" in error.rule and _item(RICH, "ECEA.1")["identifier"] in error.rule


def test_unknown_level_in_the_scale(tmp_path: Path) -> None:
    def gap(package: dict[str, Any]) -> None:
        levels = package["CFDocument"]["extensions"]["skillpath"]["proficiencyScale"][
            "levels"
        ]
        levels[3]["level"] = 7

    error = _refused(_case_file(tmp_path, gap))
    assert error.record == "CFDocument.extensions.skillpath.proficiencyScale"
    assert "unknown level" in error.rule and "1, 2, 3, 7" in error.rule


def test_unknown_level_in_onet_ratings(tmp_path: Path) -> None:
    folder = tmp_path / "onet"
    shutil.copytree(DATA / "onet_folder", folder)
    skills = folder / "Skills.txt"
    lines = skills.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("\tLV\t4.75\t", "\tLV\t9.50\t")
    skills.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = _refused(folder, "onet")
    assert (error.file, error.record) == ("Skills.txt", "line 3")
    assert "unknown level: 9.50 is not on O*NET's LV scale (0 to 7)" in error.rule


def test_unknown_scale_in_onet_ratings(tmp_path: Path) -> None:
    folder = tmp_path / "onet"
    shutil.copytree(DATA / "onet_folder", folder)
    skills = folder / "Skills.txt"
    skills.write_text(
        skills.read_text(encoding="utf-8").replace("\tIM\t", "\tXX\t", 1),
        encoding="utf-8",
    )
    error = _refused(folder, "onet")
    assert "unknown scale “XX”" in error.rule and error.record == "line 2"


def test_file_too_large(tmp_path: Path) -> None:
    error = _refused(DATA / "ece_assistant_case.json", max_bytes=10_000)
    assert error.file == "ece_assistant_case.json"
    assert "too large" in error.rule and "10,000" in error.rule


def test_unknown_association_type(tmp_path: Path) -> None:
    def unknown(package: dict[str, Any]) -> None:
        package["CFAssociations"][-1]["associationType"] = "isCousinOf"

    error = _refused(_case_file(tmp_path, unknown))
    assert "unknown association type “isCousinOf”" in error.rule


def test_identifier_that_is_not_a_uuid(tmp_path: Path) -> None:
    path = _case_file(
        tmp_path, lambda p: _item(p, "ECEA.2").update(identifier="ECEA-2")
    )
    assert "must be a UUID" in _refused(path).rule


def test_esco_file_that_is_not_csv(tmp_path: Path) -> None:
    path = tmp_path / "skills_en.csv"
    path.write_text(json.dumps(RICH), encoding="utf-8")
    error = _refused(path, "esco")
    assert error.file == "skills_en.csv" and error.record == "line 1"
    assert "not an ESCO skills, occupations or relations file" in error.rule


def test_esco_file_with_binary_data(tmp_path: Path) -> None:
    path = tmp_path / "skills_en.csv"
    path.write_bytes(b"conceptUri,preferredLabel\x00\x01\x02")
    assert "binary" in _refused(path, "esco").rule


def test_esco_relation_to_a_skill_that_does_not_exist(tmp_path: Path) -> None:
    folder = tmp_path / "esco"
    shutil.copytree(DATA / "esco_folder", folder)
    relations = folder / "occupationSkillRelations_en.csv"
    text = relations.read_text(encoding="utf-8").replace(
        "3c0f3d6e-5b11-4a6e-8f4b-2d1a0e9c7b22", "ffffffff-5b11-4a6e-8f4b-2d1a0e9c7b22"
    )
    relations.write_text(text, encoding="utf-8")
    error = _refused(folder, "esco")
    assert (error.file, error.record) == ("occupationSkillRelations_en.csv", "line 4")
    assert "the skill http://data.europa.eu/esco/skill/ffffffff" in error.rule


def test_esco_relations_alone_name_the_missing_occupation(tmp_path: Path) -> None:
    error = _refused(DATA / "esco_folder" / "occupationSkillRelations_en.csv", "esco")
    assert "the occupation http://data.europa.eu/esco/occupation/00030d09" in error.rule


def test_esco_unknown_relation_type(tmp_path: Path) -> None:
    folder = tmp_path / "esco"
    shutil.copytree(DATA / "esco_folder", folder)
    relations = folder / "occupationSkillRelations_en.csv"
    relations.write_text(
        relations.read_text(encoding="utf-8").replace(
            ",optional,", ",nice to have,", 1
        ),
        encoding="utf-8",
    )
    assert "unknown relation type “nice to have”" in _refused(folder, "esco").rule


def test_esco_record_with_too_many_cells(tmp_path: Path) -> None:
    path = tmp_path / "occupations_en.csv"
    text = (DATA / "esco" / "occupations_en.sample.csv").read_text(encoding="utf-8")
    path.write_text(
        text + "Occupation,http://data.europa.eu/esco/occupation/x,1,a,b,c\n",
        encoding="utf-8",
    )
    error = _refused(path, "esco")
    assert error.record == "line 40"
    assert "6 cells but the header names 13 columns" in error.rule


def test_esco_duplicate_concept(tmp_path: Path) -> None:
    path = tmp_path / "skills_en.csv"
    lines = (
        (DATA / "esco_folder" / "skills_en.csv")
        .read_text(encoding="utf-8")
        .splitlines()
    )
    path.write_text("\n".join([*lines, lines[-1]]) + "\n", encoding="utf-8")
    error = _refused(path, "esco")
    assert (
        "duplicate identifier http://data.europa.eu/esco/skill/3c0f3d6e" in error.rule
    )


def test_an_existing_identifier_is_not_replaced_silently() -> None:
    error = _refused(DATA / "SequenceNumberFramework.json")
    assert "exists already" in error.rule


def test_a_failure_while_writing_leaves_nothing_behind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def failing_insert(*args: Any, **kwargs: Any) -> int:
        raise FrameworkImportError("relations", "", "simulated failure")

    # Skills and occupations are written; writing the relations fails.
    monkeypatch.setattr(writer, "_insert_rows", failing_insert)
    _refused(DATA / "esco_folder", "esco")


def test_replace_swaps_a_framework_nothing_uses(tmp_path: Path) -> None:
    framework = services.framework_import(
        path=DATA / "SequenceNumberFramework.json",
        source_format="case",
        imported_by=None,
        replace=True,
    )
    assert framework.competencies.count() == 2
