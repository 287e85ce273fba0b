"""Hypothesis fuzzing of the verifier's input (JSON, VC-JWT text, image bytes).

``credential_verify`` takes anything a stranger uploads: it answers with a verdict,
never an exception, never "verified" for junk, and writes nothing.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillpath.common.tests.fuzz import FUZZ, json_values, row_counts, uploads
from skillpath.credentials.documents.verification import Verdict, credential_verify
from skillpath.credentials.tests.issuing_world import awarded

pytestmark = pytest.mark.django_db

KEYS = ["@context", "type", "issuer", "credentialSubject", "proof", "validFrom"]
SHAPED = st.fixed_dictionaries(
    {"@context": json_values, "type": json_values},
    optional=dict.fromkeys(KEYS[2:], json_values),
)


def _verdict(data: Any) -> Verdict:
    before = row_counts()
    verdict = credential_verify(data)
    assert isinstance(verdict, Verdict)
    assert row_counts() == before, "verifying wrote something"
    return verdict


@FUZZ
@given(
    data=uploads(valid=b'{"@context": [], "type": ["VerifiableCredential"]}', keys=KEYS)
    | st.text(max_size=200)
    | SHAPED
)
def test_junk_gets_a_verdict_that_it_is_not_verified(data: Any) -> None:
    assert not _verdict(data).result.verified


@pytest.fixture
def document() -> dict[str, Any]:
    return awarded().document


@FUZZ
@given(
    key=st.sampled_from(KEYS + ["id", "name", "credentialStatus"]), value=json_values
)
def test_a_real_credential_with_one_field_changed_does_not_verify(
    document: dict[str, Any], key: str, value: Any
) -> None:
    changed = {**document, key: value}
    if changed == document:
        return
    assert not _verdict(json.dumps(changed)).result.verified
