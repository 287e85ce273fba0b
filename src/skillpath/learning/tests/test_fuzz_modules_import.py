"""Hypothesis fuzzing of the module CSV importer.

Whatever the file holds, ``modules_import`` imports it or raises
``ModuleImportError`` naming rows and rules, and writes nothing.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given

from skillpath.common.tests.fuzz import FUZZ, accepted_or_refused, uploads
from skillpath.learning.exceptions import ModuleImportError
from skillpath.learning.services import csv_io
from skillpath.learning.tests import helpers as h

pytestmark = pytest.mark.django_db

COLUMNS = list(csv_io.COLUMNS)
VALID = (
    ",".join(COLUMNS)
    + "\n"
    + ",".join(
        {
            "code": "intro",
            "title_en": "Intro",
            "title_fr": "Intro",
            "format": "self_paced",
            "language": "en",
            "hours": "6",
            "cost": "0",
            "teaches": "C1:1",
        }.get(column, "")
        for column in COLUMNS
    )
    + "\n"
).encode()


@pytest.fixture
def world() -> dict[str, Any]:
    org = h.provider()
    return {"org": org, "staff": h.provider_staff(org)}


@FUZZ
@given(data=uploads(valid=VALID, columns=COLUMNS))
def test_module_files_are_imported_or_refused_with_its_own_error(
    world: dict[str, Any], data: bytes
) -> None:
    accepted_or_refused(
        lambda: csv_io.modules_import(
            provider=world["org"], imported_by=world["staff"], data=data
        ),
        ModuleImportError,
    )
