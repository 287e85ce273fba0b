"""Issue 14, fix 2: anonymous verification is bounded in work and in rate."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from django.test import Client, override_settings

from skillpath.credentials.tests.issuing_world import awarded

pytestmark = pytest.mark.django_db

VERIFY = "/api/v1/credentials/verify"


def _poisoned(document: dict[str, Any], *, alignments: int = 8) -> dict[str, Any]:
    """Return our own signed award with identical results of identical alignments.

    The proof is the award's own, so verification gets as far as canonicalising.
    """
    poison = copy.deepcopy(document)
    alignment = {
        "type": ["Alignment"],
        "targetName": "Configure a network firewall",
        "targetUrl": "https://case.skillpath.example/uri/item-17",
        "targetDescription": "x" * 1700,
        "targetType": "CFItem",
    }
    result = poison["credentialSubject"]["result"][0]
    poison["credentialSubject"]["result"] = [
        {
            "type": ["Result"],
            "resultDescription": result["resultDescription"],
            "alignment": [dict(alignment) for _ in range(alignments)],
        }
        for _ in range(2)
    ]
    return poison


def _post(client: Client, credential: Any, address: str = "198.51.100.7") -> Any:
    return client.post(
        VERIFY,
        json.dumps({"credential": credential}),
        content_type="application/json",
        REMOTE_ADDR=address,
    )


def test_the_poisoned_credential_is_refused_as_too_complex_without_signing_in(
    client: Client,
) -> None:
    poison = _poisoned(awarded().document)
    assert len(json.dumps(poison)) > 30_000
    response = _post(client, poison)
    assert response.status_code == 200
    body = response.json()
    assert body["verified"] is False
    complexity = next(c for c in body["checks"] if c["name"] == "complexity")
    assert complexity["passed"] is False
    assert "too complex to verify" in complexity["message"].lower()
    assert complexity["label"]


def test_the_verify_page_refuses_the_poison_with_a_clear_message(
    client: Client,
) -> None:
    poison = _poisoned(awarded().document)
    page = client.post("/credentials/verify/", {"credential": json.dumps(poison)})
    assert page.status_code == 200
    assert "Too complex to verify" in page.content.decode()


@override_settings(SKILLPATH_VERIFY_ANONYMOUS_MAX=3)
def test_anonymous_verification_is_rate_limited_per_client_address(
    client: Client,
) -> None:
    document = awarded().document
    for _ in range(3):
        assert _post(client, document).json()["verified"] is True
    refused = _post(client, document)
    assert refused.status_code == 429
    error = refused.json()["error"]
    assert error["status"] == 429 and error["code"] == "too_many_requests"
    assert "Too many verifications" in error["message"]
    # Another address is not held up by this one.
    assert _post(client, document, address="203.0.113.9").status_code == 200
    # Nor is the same address's web form a way round the limit.
    page = client.post(
        "/credentials/verify/",
        {"credential": json.dumps(document)},
        REMOTE_ADDR="198.51.100.7",
    )
    assert page.status_code == 429
    assert "Too many verifications" in page.content.decode()


@override_settings(SKILLPATH_VERIFY_ANONYMOUS_MAX=1)
def test_a_signed_in_person_is_not_counted(client: Client) -> None:
    award = awarded()
    client.force_login(award.learner)
    for _ in range(3):
        assert _post(client, award.document).status_code == 200
