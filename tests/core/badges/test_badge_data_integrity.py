"""Signing and verifying Open Badges credentials with Data Integrity proofs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from badges_support import (
    ED_KID,
    ISSUER_ID,
    RSA_KID,
    leaf_paths,
    make_credential,
    mutated,
)
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

from skillpath.core.badges import (
    JCS_2022,
    RDFC_2022,
    ProofError,
    VerificationKey,
    sign_data_integrity,
    verify_data_integrity,
)

Resolver = Callable[[str], VerificationKey | None]
CREATED = datetime(2026, 1, 15, 9, 31, tzinfo=UTC)


def sign(
    credential: dict[str, Any], key: ed25519.Ed25519PrivateKey, suite: str
) -> dict[str, Any]:
    return sign_data_integrity(
        credential, key, verification_method=ED_KID, cryptosuite=suite, created=CREATED
    )


@pytest.mark.parametrize("suite", [RDFC_2022, JCS_2022])
def test_signed_credential_verifies(
    suite: str, ed_key: ed25519.Ed25519PrivateKey, resolve_key: Resolver
) -> None:
    signed = sign(make_credential(), ed_key, suite)
    proof = signed["proof"]
    assert proof["type"] == "DataIntegrityProof" and proof["cryptosuite"] == suite
    assert (
        proof["verificationMethod"] == ED_KID
        and proof["proofPurpose"] == "assertionMethod"
    )
    assert proof["created"] == "2026-01-15T09:31:00Z"
    assert proof["proofValue"].startswith("z")
    # Only the JCS proof keeps the @context it was hashed with.
    assert ("@context" in proof) is (suite == JCS_2022)
    result = verify_data_integrity(signed, resolve_key)
    assert result.verified, result.checks
    assert result.controller == ISSUER_ID and result.verification_method == ED_KID


def test_signing_is_deterministic(ed_key: ed25519.Ed25519PrivateKey) -> None:
    assert sign(make_credential(), ed_key, RDFC_2022) == sign(
        make_credential(), ed_key, RDFC_2022
    )


@pytest.mark.parametrize("suite", [RDFC_2022, JCS_2022])
def test_changing_any_single_field_fails(
    suite: str, ed_key: ed25519.Ed25519PrivateKey, resolve_key: Resolver
) -> None:
    signed = sign(make_credential(), ed_key, suite)
    paths = [path for path in leaf_paths(signed) if path[0] != "proof"]
    assert len(paths) > 60
    survivors = [
        path
        for path in paths
        if verify_data_integrity(mutated(signed, path), resolve_key).verified
    ]
    assert survivors == []


@pytest.mark.parametrize("suite", [RDFC_2022, JCS_2022])
@pytest.mark.parametrize("field", ["created", "verificationMethod", "proofValue"])
def test_changing_the_proof_fails(
    suite: str, field: str, ed_key: ed25519.Ed25519PrivateKey, resolve_key: Resolver
) -> None:
    signed = sign(make_credential(), ed_key, suite)
    if field == "verificationMethod":
        signed["proof"][field] = RSA_KID  # a real key of the issuer, but not this one
    else:
        signed = mutated(signed, ("proof", field))
    assert not verify_data_integrity(signed, resolve_key).verified


def test_another_key_fails(
    other_ed_key: ed25519.Ed25519PrivateKey, resolve_key: Resolver
) -> None:
    forged = sign(make_credential(), other_ed_key, RDFC_2022)
    result = verify_data_integrity(forged, resolve_key)
    assert not result.verified
    assert result.checks[-1].name == "signature"


def test_unknown_verification_method_fails(ed_key: ed25519.Ed25519PrivateKey) -> None:
    signed = sign(make_credential(), ed_key, RDFC_2022)

    def resolve(method: str) -> VerificationKey:
        from skillpath.core.badges import KeyResolutionError

        raise KeyResolutionError("not found")

    result = verify_data_integrity(signed, resolve)
    assert not result.verified and result.checks[-1].name == "proof_key"


def test_rsa_key_cannot_verify_eddsa(
    ed_key: ed25519.Ed25519PrivateKey, rsa_key: rsa.RSAPrivateKey
) -> None:
    signed = sign(make_credential(), ed_key, RDFC_2022)
    result = verify_data_integrity(
        signed, lambda method: VerificationKey(method, ISSUER_ID, rsa_key.public_key())
    )
    assert not result.verified and "Ed25519" in result.message


def test_wrong_proof_purpose_fails(
    ed_key: ed25519.Ed25519PrivateKey, resolve_key: Resolver
) -> None:
    signed = sign_data_integrity(
        make_credential(),
        ed_key,
        verification_method=ED_KID,
        proof_purpose="authentication",
    )
    result = verify_data_integrity(signed, resolve_key)
    assert not result.verified and "purpose" in result.message


def test_unsigned_or_unsupported_proofs_fail(resolve_key: Resolver) -> None:
    credential = make_credential()
    assert not verify_data_integrity(credential, resolve_key).verified
    credential["proof"] = {"type": "Ed25519Signature2020", "proofValue": "z1"}
    assert (
        "Unsupported proof type"
        in verify_data_integrity(credential, resolve_key).message
    )


def test_any_one_verifying_proof_is_enough(
    ed_key: ed25519.Ed25519PrivateKey,
    other_ed_key: ed25519.Ed25519PrivateKey,
    resolve_key: Resolver,
) -> None:
    good = sign(make_credential(), ed_key, RDFC_2022)["proof"]
    bad = sign(make_credential(), other_ed_key, JCS_2022)["proof"]
    credential = make_credential()
    credential["proof"] = [bad, good]
    assert verify_data_integrity(credential, resolve_key).verified


def test_jcs_proof_context_must_match_document(
    ed_key: ed25519.Ed25519PrivateKey, resolve_key: Resolver
) -> None:
    signed = sign(make_credential(), ed_key, JCS_2022)
    signed["proof"]["@context"] = signed["@context"][:1]
    assert not verify_data_integrity(signed, resolve_key).verified


def test_signing_refuses_undefined_terms_and_resigning(
    ed_key: ed25519.Ed25519PrivateKey,
) -> None:
    credential = make_credential()
    credential["shoeSize"] = 42
    from skillpath.core.badges import JsonLdError

    with pytest.raises(JsonLdError, match="shoeSize"):
        sign(credential, ed_key, RDFC_2022)
    signed = sign(make_credential(), ed_key, RDFC_2022)
    from skillpath.core.badges import create_proof

    with pytest.raises(ProofError, match="already has a proof"):
        create_proof(signed, ed_key, signed["proof"])
    with pytest.raises(ProofError, match="Unsupported cryptosuite"):
        sign(make_credential(), ed_key, "ecdsa-rdfc-2019")
