"""Crafted CASE packages are refused with a message naming the record; nothing written.

From a fuzzing run: deep nesting raised RecursionError, ``"extensions": 5`` an
AttributeError, and a number where ``fullStatement`` needs a string was taken in.
The package is checked against the CASE 1.1 CFPackage schema's types for every field
the importer reads, before anything is written.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from skillpath.frameworks import services
from skillpath.frameworks.exceptions import FrameworkImportError
from skillpath.frameworks.tests.support import DATA, database_counts

pytestmark = pytest.mark.django_db

RICH = json.loads((DATA / "ece_assistant_case.json").read_text(encoding="utf-8"))


def _refused(tmp_path: Path, text: str) -> str:
    path = tmp_path / "package.json"
    path.write_text(text, encoding="utf-8")
    before = database_counts()
    with pytest.raises(FrameworkImportError) as caught:
        services.framework_import(path=path, source_format="case", imported_by=None)
    assert database_counts() == before
    return str(caught.value)


def _changed(change: Callable[[dict[str, Any]], None]) -> str:
    package = copy.deepcopy(RICH)
    change(package)
    return json.dumps(package)


def test_deeply_nested_json_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    message = _refused(tmp_path, '{"CFDocument": ' + "[" * 50_000 + "]" * 50_000 + "}")
    assert "nested" in message


def test_nesting_inside_an_extension_is_refused_too(tmp_path: Path) -> None:
    def deep(package: dict[str, Any]) -> None:
        value: Any = 1
        for _ in range(200):
            value = {"x": value}
        package["CFDocument"]["extensions"] = {"other": value}

    assert "nested" in _refused(tmp_path, _changed(deep))


@pytest.mark.parametrize(
    ("where", "change"),
    [
        ("extensions", lambda p: p.__setitem__("extensions", 5)),
        ("CFDocument", lambda p: p["CFDocument"].__setitem__("extensions", 5)),
        ("CFDocument", lambda p: p["CFDocument"].__setitem__("title", 5)),
        ("CFDocument", lambda p: p["CFDocument"].__setitem__("language", ["en"])),
        ("CFItems[0]", lambda p: p["CFItems"][0].__setitem__("fullStatement", 5)),
        ("CFItems[0]", lambda p: p["CFItems"][0].__setitem__("extensions", "x")),
        (
            "CFItems[0]",
            lambda p: p["CFItems"][0].__setitem__("humanCodingScheme", {"a": 1}),
        ),
        ("CFItems[0]", lambda p: p["CFItems"][0].__setitem__("CFItemTypeURI", 7)),
        (
            "CFAssociations[0]",
            lambda p: p["CFAssociations"][0].__setitem__("sequenceNumber", "one"),
        ),
        (
            "CFAssociations[0]",
            lambda p: p["CFAssociations"][0].__setitem__("associationType", 3),
        ),
        ("CFDefinitions", lambda p: p["CFDefinitions"].__setitem__("CFItemTypes", 5)),
    ],
)
def test_a_field_of_the_wrong_type_is_refused_naming_its_record(
    tmp_path: Path, where: str, change: Callable[[dict[str, Any]], None]
) -> None:
    message = _refused(tmp_path, _changed(change))
    assert where in message


def test_the_real_packages_still_import() -> None:
    for name in ("SequenceNumberFramework.json", "ece_assistant_case.json"):
        services.framework_import(
            path=DATA / name, source_format="case", imported_by=None
        )
