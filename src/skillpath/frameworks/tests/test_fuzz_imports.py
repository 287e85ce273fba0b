"""Hypothesis fuzzing of the CASE and ESCO importers.

Whatever the file holds, the importer either imports it or raises its own
``FrameworkImportError`` (with a message) and writes nothing; no other exception
escapes, so nothing becomes a 500.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from skillpath.common.tests.fuzz import FUZZ, accepted_or_refused, uploads
from skillpath.frameworks import services
from skillpath.frameworks.exceptions import FrameworkImportError
from skillpath.frameworks.tests.support import DATA

pytestmark = pytest.mark.django_db

CASE_VALID = (DATA / "ece_assistant_case.json").read_bytes()
CASE_KEYS = ["CFDocument", "CFItems", "CFAssociations", "CFDefinitions", "CFRubrics"]
ESCO_VALID = (DATA / "esco_folder" / "skills_en.csv").read_bytes()
ESCO_COLUMNS = ESCO_VALID.decode().splitlines()[0].split(",")


def _import(path: Path, data: bytes, source_format: str) -> None:
    path.write_bytes(data)
    services.framework_import(path=path, source_format=source_format, imported_by=None)


@FUZZ
@given(data=uploads(valid=CASE_VALID, keys=CASE_KEYS))
def test_case_importer_imports_or_refuses_with_its_own_error(
    tmp_path: Path, data: bytes
) -> None:
    accepted_or_refused(
        lambda: _import(tmp_path / "package.json", data, "case"), FrameworkImportError
    )


@FUZZ
@given(data=uploads(valid=ESCO_VALID, columns=ESCO_COLUMNS))
def test_esco_importer_imports_or_refuses_with_its_own_error(
    tmp_path: Path, data: bytes
) -> None:
    accepted_or_refused(
        lambda: _import(tmp_path / "skills_en.csv", data, "esco"), FrameworkImportError
    )
