"""End-to-end verification: every format, every check, every way to fail."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from badges_support import (
    ED_KID,
    ISSUER_ID,
    NOW,
    RSA_KID,
    STATUS_URL,
    leaf_paths,
    load_vector,
    make_credential,
    mutated,
)
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

from skillpath.core.badges import (
    CHECK_NAMES,
    JCS_2022,
    VerificationKey,
    badge_png,
    badge_svg,
    bake_png,
    bake_svg,
    build_status_list_credential,
    decode_public_multikey,
    did_key_for,
    new_bitstring,
    recipient_matches,
    set_bit,
    sign_data_integrity,
    sign_vc_jwt,
    verify_credential,
    verify_status,
)

Resolver = Callable[[str], VerificationKey | None]
REVOKED_INDEX = 13
GOOD_INDEX = 4242


@pytest.fixture(scope="module")
def status_lists(ed_key: ed25519.Ed25519PrivateKey) -> dict[str, dict[str, Any]]:
    bits = new_bitstring()
    set_bit(bits, REVOKED_INDEX)
    status_list = build_status_list_credential(
        credential_id=STATUS_URL,
        issuer_id=ISSUER_ID,
        bits=bits,
        valid_from=datetime(2026, 1, 1, tzinfo=UTC),
    )
    return {
        STATUS_URL: sign_data_integrity(status_list, ed_key, verification_method=ED_KID)
    }


def verify(
    data: Any, resolve_key: Resolver, lists: dict[str, Any], now: datetime = NOW
) -> Any:
    return verify_credential(
        data, resolve_key=resolve_key, resolve_status_list=lists.__getitem__, now=now
    )


@pytest.fixture(params=["eddsa-rdfc-2022", "eddsa-jcs-2022", "RS256", "EdDSA"])
def sign(
    request: pytest.FixtureRequest,
    ed_key: ed25519.Ed25519PrivateKey,
    rsa_key: rsa.RSAPrivateKey,
) -> Callable[[dict[str, Any]], dict[str, Any] | str]:
    method = request.param

    def signer(credential: dict[str, Any]) -> dict[str, Any] | str:
        if method == "RS256":
            return sign_vc_jwt(credential, rsa_key, kid=RSA_KID)
        if method == "EdDSA":
            return sign_vc_jwt(credential, ed_key, kid=ED_KID)
        return sign_data_integrity(
            credential, ed_key, verification_method=ED_KID, cryptosuite=method
        )

    return signer


def test_signed_credential_passes_every_check(
    sign: Callable[[dict[str, Any]], Any],
    resolve_key: Resolver,
    status_lists: dict[str, Any],
) -> None:
    signed = sign(make_credential())
    result = verify(signed, resolve_key, status_lists)
    assert result.verified, result.failures
    assert [check.name for check in result.checks] == list(CHECK_NAMES)
    assert result.format == ("jwt" if isinstance(signed, str) else "json")
    assert result.check("status").message == "Not revoked."
    assert result.credential["id"] == make_credential()["id"]
    assert recipient_matches(result.credential, email="learner@example.org")
    assert not recipient_matches(result.credential, email="someone@example.org")


@pytest.mark.parametrize("image", ["png", "svg"])
def test_baked_badges_verify(
    image: str,
    sign: Callable[[dict[str, Any]], Any],
    resolve_key: Resolver,
    status_lists: dict[str, Any],
) -> None:
    signed = sign(make_credential())
    if image == "png":
        baked: bytes | str = bake_png(badge_png("Network Support Technician"), signed)
    else:
        baked = bake_svg(badge_svg("Network Support Technician"), signed)
    result = verify(baked, resolve_key, status_lists)
    kind = "jwt" if isinstance(signed, str) else "json"
    assert result.verified, result.failures
    assert result.format == f"{image}+{kind}"
    text = verify(
        json.dumps(signed) if kind == "json" else signed, resolve_key, status_lists
    )
    assert text.verified


def test_changing_any_single_field_fails(
    ed_key: ed25519.Ed25519PrivateKey,
    resolve_key: Resolver,
    status_lists: dict[str, Any],
) -> None:
    signed = sign_data_integrity(
        make_credential(), ed_key, verification_method=ED_KID, cryptosuite=JCS_2022
    )
    for path in leaf_paths(signed):
        result = verify(mutated(signed, path), resolve_key, status_lists)
        assert not result.verified, path


def test_another_issuer_fails(
    sign: Callable[[dict[str, Any]], Any],
    resolve_key: Resolver,
    status_lists: dict[str, Any],
) -> None:
    credential = make_credential()
    credential["issuer"]["id"] = "https://impostor.example/issuers/1"
    result = verify(sign(credential), resolve_key, status_lists)
    assert not result.verified
    assert not result.check("issuer_key").passed
    assert "not of the issuer" in result.check("issuer_key").message


def test_key_of_another_controller_fails(
    other_ed_key: ed25519.Ed25519PrivateKey,
    resolve_key: Resolver,
    status_lists: dict[str, Any],
) -> None:
    # A valid did:key signature is not the issuer's signature.
    method = did_key_for(other_ed_key.public_key())
    signed = sign_data_integrity(
        make_credential(), other_ed_key, verification_method=method
    )
    result = verify(signed, resolve_key, status_lists)
    assert result.check("proof").passed
    assert not result.check("issuer_key").passed and not result.verified


def test_another_key_fails(
    other_ed_key: ed25519.Ed25519PrivateKey,
    resolve_key: Resolver,
    status_lists: dict[str, Any],
) -> None:
    for signed in (
        sign_data_integrity(
            make_credential(), other_ed_key, verification_method=ED_KID
        ),
        sign_vc_jwt(make_credential(), other_ed_key, kid=ED_KID),
    ):
        result = verify(signed, resolve_key, status_lists)
        assert not result.verified and not result.check("proof").passed


def test_expired_credential_fails_the_dates_check(
    sign: Callable[[dict[str, Any]], Any],
    resolve_key: Resolver,
    status_lists: dict[str, Any],
) -> None:
    signed = sign(make_credential())
    result = verify(
        signed, resolve_key, status_lists, now=datetime(2030, 1, 1, tzinfo=UTC)
    )
    assert not result.verified
    assert [check.name for check in result.failures] == ["validity"]
    assert result.check("validity").message.startswith("Expired on 2029-06-01")
    early = verify(
        signed, resolve_key, status_lists, now=datetime(2025, 1, 1, tzinfo=UTC)
    )
    assert early.check("validity").message.startswith("Not yet valid")


def test_revoked_credential_fails_with_revoked(
    sign: Callable[[dict[str, Any]], Any],
    resolve_key: Resolver,
    status_lists: dict[str, Any],
) -> None:
    result = verify(
        sign(make_credential(status_index=REVOKED_INDEX)), resolve_key, status_lists
    )
    assert not result.verified
    assert [check.name for check in result.failures] == ["status"]
    assert "revoked" in result.check("status").message


def test_status_list_must_be_authentic_and_the_issuers(
    ed_key: ed25519.Ed25519PrivateKey,
    other_ed_key: ed25519.Ed25519PrivateKey,
    resolve_key: Resolver,
    status_lists: dict[str, Any],
) -> None:
    signed = sign_data_integrity(make_credential(), ed_key, verification_method=ED_KID)
    forged_list = mutated(
        status_lists[STATUS_URL], ("credentialSubject", "encodedList")
    )
    result = verify(signed, resolve_key, {STATUS_URL: forged_list})
    assert (
        not result.check("status").passed
        and "not authentic" in result.check("status").message
    )
    unsigned = {k: v for k, v in status_lists[STATUS_URL].items() if k != "proof"}
    other = sign_data_integrity(
        {**unsigned, "issuer": "did:key:x"},
        other_ed_key,
        verification_method=did_key_for(other_ed_key.public_key()),
    )
    result = verify(signed, resolve_key, {STATUS_URL: other})
    assert "not issued by" in result.check("status").message
    no_lists = verify_credential(signed, resolve_key=resolve_key, now=NOW)
    assert not no_lists.check("status").passed


def test_status_list_fetch_failure_is_reported(
    ed_key: ed25519.Ed25519PrivateKey, resolve_key: Resolver
) -> None:
    signed = sign_data_integrity(make_credential(), ed_key, verification_method=ED_KID)

    def broken(url: str) -> dict[str, Any]:
        raise TimeoutError("status server did not answer")

    result = verify_credential(
        signed, resolve_key=resolve_key, resolve_status_list=broken, now=NOW
    )
    assert not result.verified and "did not answer" in result.check("status").message


def test_credential_without_status_needs_no_status_list(
    ed_key: ed25519.Ed25519PrivateKey, resolve_key: Resolver
) -> None:
    signed = sign_data_integrity(
        make_credential(status_index=None), ed_key, verification_method=ED_KID
    )
    result = verify_credential(signed, resolve_key=resolve_key, now=NOW)
    assert result.verified and "cannot revoke" in result.check("status").message


def test_undefined_term_fails_jsonld_and_structure_problems_are_named(
    ed_key: ed25519.Ed25519PrivateKey,
    resolve_key: Resolver,
    status_lists: dict[str, Any],
) -> None:
    credential = make_credential()
    del credential["credentialSubject"]["achievement"]["criteria"]
    credential["credentialSubject"]["grade"] = "A"
    signed = sign_data_integrity(
        credential, ed_key, verification_method=ED_KID, cryptosuite=JCS_2022
    )
    result = verify(signed, resolve_key, status_lists)
    assert not result.check("structure").passed
    assert "criteria" in result.check("structure").message
    assert (
        not result.check("jsonld").passed and "grade" in result.check("jsonld").message
    )
    assert result.check("proof").passed  # JCS signs the JSON as it is


def test_resolver_failures_do_not_escape(
    ed_key: ed25519.Ed25519PrivateKey, status_lists: dict[str, Any]
) -> None:
    signed = sign_data_integrity(make_credential(), ed_key, verification_method=ED_KID)

    def exploding(method: str) -> VerificationKey:
        raise ConnectionError("database is down")

    result = verify(signed, exploding, status_lists)
    assert not result.verified and "database is down" in result.check("proof").message


@pytest.mark.parametrize(
    "data", [b"\x00\x01binary", "hello", "{not json", b"GIF89a...", "[1, 2]", 42]
)
def test_unknown_formats_fail_the_format_check(
    data: Any, resolve_key: Resolver
) -> None:
    result = verify_credential(data, resolve_key=resolve_key, now=NOW)
    assert not result.verified
    assert [check.name for check in result.checks] == ["format"]


def test_open_badges_vector_verifies_end_to_end() -> None:
    vector = load_vector("ob3-eddsa-rdfc-2022")
    public = decode_public_multikey(vector["keyPair"]["publicKeyMultibase"])
    controller = vector["keyPair"]["controller"]

    def resolve(method: str) -> VerificationKey | None:
        return (
            VerificationKey(method, controller, public)
            if method.startswith(controller)
            else None
        )

    result = verify_credential(vector["signedDocument"], resolve_key=resolve, now=NOW)
    assert result.verified, result.failures


def test_status_can_be_checked_on_its_own(
    ed_key: ed25519.Ed25519PrivateKey,
    resolve_key: Resolver,
    status_lists: dict[str, Any],
) -> None:
    for index, revoked in ((REVOKED_INDEX, True), (GOOD_INDEX, False)):
        check = verify_status(
            make_credential(status_index=index),
            resolve_key=resolve_key,
            resolve_status_list=status_lists.__getitem__,
            now=NOW,
        )
        assert check.name == "status" and check.passed is not revoked


def test_recipient_can_be_matched_by_id() -> None:
    credential = make_credential(
        learner_id="https://skillpath.example/learners/77", email=None
    )
    assert recipient_matches(
        credential, subject_id="https://skillpath.example/learners/77"
    )
    assert not recipient_matches(
        credential, subject_id="https://skillpath.example/learners/78"
    )
    assert not recipient_matches(credential, email="learner@example.org")
