"""A valid signature is not a known issuer: self-signed forgeries are not "Verified".

Any Ed25519 ``did:key`` signs validly for itself. The verdict says separately that
the signature holds and whether the issuer is one this platform knows (its own
issuers, and the trusted issuers an administrator lists), and an unknown issuer is
shown by its DID, never under the name the credential gives itself.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from skillpath.core.badges import did_key_for, generate_ed25519_key, sign_data_integrity
from skillpath.credentials.documents.verification import credential_verify
from skillpath.credentials.models import TrustedIssuer
from skillpath.credentials.tests.issuing_world import awarded

pytestmark = pytest.mark.django_db


def _self_signed_forgery(document: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """Return the award re-issued by a fresh did:key under the real issuer's name."""
    key = generate_ed25519_key()
    method = did_key_for(key.public_key())
    did = method.split("#", 1)[0]
    forged = {
        k: v for k, v in document.items() if k not in ("proof", "credentialStatus")
    }
    forged["issuer"] = {**document["issuer"], "id": did}
    return sign_data_integrity(forged, key, verification_method=method), did


def test_a_self_signed_forgery_has_a_valid_signature_but_an_unknown_issuer() -> None:
    award = awarded()
    forged, did = _self_signed_forgery(award.document)
    verdict = credential_verify(forged)
    assert verdict.signature_valid
    assert not verdict.issuer_known
    assert not verdict.verified
    # Never shown under the organisation's name the credential claims.
    assert verdict.summary["issuer_id"] == did
    assert verdict.summary["issuer_name"] == ""
    assert award.issuer.name not in json.dumps(verdict.as_dict())
    assert verdict.as_dict()["issuer_known"] is False
    assert verdict.as_dict()["signature_valid"] is True


def test_our_own_credential_is_verified_with_its_issuer_known_by_our_name() -> None:
    award = awarded()
    verdict = credential_verify(award.document)
    assert verdict.verified and verdict.signature_valid and verdict.issuer_known
    assert verdict.summary["issuer_name"] == award.issuer.name
    assert verdict.issuer_source == "platform"


def test_an_issuer_the_administrator_trusts_is_known_by_the_listed_name() -> None:
    award = awarded()
    forged, did = _self_signed_forgery(award.document)
    TrustedIssuer.objects.create(identifier=did, name="Partner Polytechnic")
    verdict = credential_verify(forged)
    assert verdict.verified and verdict.issuer_known
    assert verdict.issuer_source == "trusted"
    assert verdict.summary["issuer_name"] == "Partner Polytechnic"
    TrustedIssuer.objects.filter(identifier=did).update(active=False)
    assert not credential_verify(forged).issuer_known


def test_the_verify_page_and_api_say_unknown_issuer_with_the_did(
    client: Client,
) -> None:
    award = awarded()
    forged, did = _self_signed_forgery(award.document)
    page = client.post("/credentials/verify/", {"credential": json.dumps(forged)})
    # The verdict, not the pasted text the form shows back.
    html = page.content.decode().split('<section id="verdict"', 1)[1]
    html = html.split("</section>", 1)[0]
    assert "Verified</strong>" not in html
    assert "Unknown issuer" in html and did in html
    assert award.issuer.name not in html
    response = client.post(
        "/api/v1/credentials/verify",
        json.dumps({"credential": forged}),
        content_type="application/json",
    )
    body = response.json()
    assert body["verified"] is False and body["signature_valid"] is True
    assert body["issuer_known"] is False
    assert body["credential"]["issuer_id"] == did
    assert body["credential"]["issuer_name"] == ""
