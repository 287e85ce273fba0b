"""Hypothesis fuzzing of the item-bank importer (JSON and CSV).

Whatever the file holds, ``items_import`` imports it or raises ``ItemImportError``
with a message and writes nothing; no other exception escapes.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given

from skillpath.accounts import testing
from skillpath.accounts.models import User
from skillpath.assessments.exceptions import ItemImportError
from skillpath.assessments.services import interchange
from skillpath.common.tests.fuzz import FUZZ, accepted_or_refused, uploads

pytestmark = pytest.mark.django_db

CSV_COLUMNS = ["code", "competency", "kind", "stem_en", "stem_fr", "rubric_json"]
CSV_VALID = (
    b"code,competency,kind,stem_en,rubric_json\na1,x,performance_task,Do it,{}\n"
)
JSON_VALID = json.dumps(
    {
        "format": interchange.FORMAT,
        "version": interchange.VERSION,
        "items": [{"code": "a1", "kind": "single_choice", "stem_en": "Which?"}],
    }
).encode()


@pytest.fixture
def author() -> User:
    return testing.coordinator()


@FUZZ
@given(data=uploads(valid=JSON_VALID, keys=["format", "version", "items"]))
def test_json_item_files_are_imported_or_refused_with_its_own_error(
    author: User, data: bytes
) -> None:
    accepted_or_refused(
        lambda: interchange.items_import(author=author, data=data, file_format="json"),
        ItemImportError,
    )


@FUZZ
@given(data=uploads(valid=CSV_VALID, columns=CSV_COLUMNS))
def test_csv_item_files_are_imported_or_refused_with_its_own_error(
    author: User, data: bytes
) -> None:
    accepted_or_refused(
        lambda: interchange.items_import(author=author, data=data, file_format="csv"),
        ItemImportError,
    )
