"""Verification: what skillpath issues verifies in every form; any change fails."""

from __future__ import annotations

import base64
import copy
import json
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from skillpath.core.badges import (
    badge_png,
    badge_svg,
    bake_png,
    bake_svg,
    generate_ed25519_key,
    generate_rsa_key,
    sign_data_integrity,
    sign_vc_jwt,
)
from skillpath.credentials.documents.verification import credential_verify
from skillpath.credentials.keys import current_key, private_key
from skillpath.credentials.models import KeyType
from skillpath.credentials.services.awards import award_revoke
from skillpath.credentials.tests.issuing_world import awarded

pytestmark = pytest.mark.django_db

FIELD_CHANGES = [
    ("name", lambda d: d.__setitem__("name", d["name"] + "!")),
    ("validFrom", lambda d: d.__setitem__("validFrom", "2020-01-01T00:00:00Z")),
    ("issuer.name", lambda d: d["issuer"].__setitem__("name", "Someone Else")),
    (
        "achievement.name",
        lambda d: d["credentialSubject"]["achievement"].__setitem__("name", "Other"),
    ),
    (
        "result level",
        lambda d: d["credentialSubject"]["result"][0].__setitem__(
            "achievedLevel",
            d["credentialSubject"]["result"][0]["achievedLevel"][:-1] + "1",
        ),
    ),
    (
        "identityHash",
        lambda d: d["credentialSubject"]["identifier"][0].__setitem__(
            "identityHash", "sha256$" + "0" * 64
        ),
    ),
    ("evidence", lambda d: d["evidence"][0].__setitem__("narrative", "Nothing.")),
    (
        "statusListIndex",
        lambda d: d["credentialStatus"].__setitem__(
            "statusListIndex", str(int(d["credentialStatus"]["statusListIndex"]) + 1)
        ),
    ),
]


def _unsigned(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "proof"}


def _jwt_payload_changed(token: str, change: Any) -> str:
    header, payload, signature = token.split(".")
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    change(data)
    encoded = base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    return f"{header}.{encoded}.{signature}"


def test_an_issued_credential_verifies_as_json_both_jwts_and_baked_images() -> None:
    award = awarded()
    forms = {
        "json": award.document,
        "json text": json.dumps(award.document),
        "jwt rs256": award.jwt_rs256,
        "jwt eddsa": award.jwt_eddsa,
        "png": bake_png(badge_png("x"), award.document),
        "png jwt": bake_png(badge_png("x"), award.jwt_rs256),
        "svg": bake_svg(badge_svg("x"), award.document).encode(),
    }
    for label, form in forms.items():
        verdict = credential_verify(form)
        assert verdict.verified, (label, verdict.result.failures)
        assert [row.name for row in verdict.rows] == [
            "format",
            "structure",
            "jsonld",
            "proof",
            "issuer_key",
            "validity",
            "status",
            "issuer_known",
        ]
    header = json.loads(base64.urlsafe_b64decode(award.jwt_rs256.split(".")[0] + "=="))
    assert header == {"alg": "RS256", "kid": header["kid"], "typ": "JWT"}
    assert header["kid"].endswith("#rsa-1")


@pytest.mark.parametrize(
    ("field", "change"), FIELD_CHANGES, ids=[f for f, _ in FIELD_CHANGES]
)
def test_changing_any_single_field_fails_in_every_form(field: str, change: Any) -> None:
    award = awarded()
    tampered = copy.deepcopy(award.document)
    change(tampered)
    verdict = credential_verify(tampered)
    assert not verdict.verified and not verdict.result.check("proof").passed
    for token in (award.jwt_rs256, award.jwt_eddsa):
        verdict = credential_verify(_jwt_payload_changed(token, change))
        assert not verdict.verified and not verdict.result.check("proof").passed


def test_another_issuer_in_the_credential_fails() -> None:
    award, other = awarded(), awarded()
    tampered = copy.deepcopy(award.document)
    tampered["issuer"] = other.document["issuer"]
    assert not credential_verify(tampered).verified
    # Re-signed honestly by the other issuer, the issuer id no longer matches the key.
    forged = _unsigned(award.document)
    key = current_key(other.issuer, KeyType.ED25519)
    resigned = sign_data_integrity(
        forged, private_key(key), verification_method=key.method_id
    )
    verdict = credential_verify(resigned)
    assert not verdict.verified
    assert not verdict.result.check("issuer_key").passed


def test_a_different_key_under_the_issuers_key_id_fails() -> None:
    award = awarded()
    method = award.document["proof"]["verificationMethod"]
    forged = sign_data_integrity(
        _unsigned(award.document), generate_ed25519_key(), verification_method=method
    )
    assert not credential_verify(forged).result.check("proof").passed
    rsa_kid = json.loads(
        base64.urlsafe_b64decode(award.jwt_rs256.split(".")[0] + "==")
    )["kid"]
    forged_jwt = sign_vc_jwt(
        _unsigned(award.document), generate_rsa_key(2048), kid=rsa_kid
    )
    assert not credential_verify(forged_jwt).result.check("proof").passed
    self_signed = sign_data_integrity(
        _unsigned(award.document),
        generate_ed25519_key(),
        verification_method=award.issuer.iri + "#ed25519-99",
    )
    assert not credential_verify(self_signed).verified


def test_a_revoked_credential_fails_with_the_revocation_named() -> None:
    award = awarded()
    award_revoke(award=award, reason="Awarded in error.", actor=None)
    for form in (award.document, award.jwt_rs256, award.jwt_eddsa):
        verdict = credential_verify(form)
        assert not verdict.verified
        status = verdict.result.check("status")
        assert not status.passed and "revoked" in status.message
        assert verdict.revoked
        assert all(
            check.passed for check in verdict.result.checks if check.name != "status"
        )


def test_an_expired_credential_fails_its_dates() -> None:
    award = awarded(validity_months=12)
    later = timezone.now() + timedelta(days=400)
    verdict = credential_verify(award.document, now=later)
    assert not verdict.verified and not verdict.result.check("validity").passed
    assert (
        credential_verify(award.jwt_rs256, now=later).result.check("validity").passed
        is False
    )


def test_garbage_is_refused_with_a_reason() -> None:
    verdict = credential_verify("hello")
    assert not verdict.verified and verdict.rows[0].name == "format"
    assert not credential_verify(b"\x89PNG\r\n\x1a\n").verified
