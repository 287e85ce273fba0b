"""VC-JWT (Open Badges 3.0 §8.2) with RS256 and EdDSA."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import jwt
import pytest
from badges_support import ED_KID, ISSUER_ID, RSA_KID, leaf_paths, make_credential
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

from skillpath.core.badges import VerificationKey, sign_vc_jwt, verify_vc_jwt
from skillpath.core.badges.keys import public_key_pem

Resolver = Callable[[str], VerificationKey | None]


def b64json(segment: str) -> Any:
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


def encode_segment(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


@pytest.fixture(params=["RS256", "EdDSA"])
def signer(
    request: pytest.FixtureRequest,
    rsa_key: rsa.RSAPrivateKey,
    ed_key: ed25519.Ed25519PrivateKey,
) -> tuple[str, Any, str]:
    if request.param == "RS256":
        return "RS256", rsa_key, RSA_KID
    return "EdDSA", ed_key, ED_KID


def test_jwt_header_and_payload_follow_open_badges(
    signer: tuple[str, Any, str],
) -> None:
    alg, key, kid = signer
    credential = make_credential(learner_id="https://skillpath.example/learners/77")
    token = sign_vc_jwt(credential, key, kid=kid)
    header_segment, payload_segment, _ = token.split(".")
    assert b64json(header_segment) == {"alg": alg, "kid": kid, "typ": "JWT"}
    payload = b64json(payload_segment)
    # The payload IS the credential, with the registered claims at the top level.
    assert {
        k: v for k, v in payload.items() if k not in ("iss", "jti", "nbf", "sub", "exp")
    } == credential
    assert payload["iss"] == ISSUER_ID
    assert payload["jti"] == credential["id"]
    assert payload["sub"] == "https://skillpath.example/learners/77"
    assert payload["nbf"] == 1768469400  # 2026-01-15T09:30:00Z
    assert payload["exp"] == 1874966400  # 2029-06-01T00:00:00Z
    assert "vc" not in payload and "iat" not in payload


def test_jwt_without_subject_id_or_expiry_omits_sub_and_exp(
    signer: tuple[str, Any, str],
) -> None:
    _, key, kid = signer
    token = sign_vc_jwt(make_credential(valid_until=None), key, kid=kid)
    payload = b64json(token.split(".")[1])
    assert "sub" not in payload and "exp" not in payload


def test_jwt_round_trip(signer: tuple[str, Any, str], resolve_key: Resolver) -> None:
    alg, key, kid = signer
    credential = make_credential()
    result, verified = verify_vc_jwt(sign_vc_jwt(credential, key, kid=kid), resolve_key)
    assert result.verified, result.checks
    assert verified == credential
    assert result.controller == ISSUER_ID and result.verification_method == kid
    assert alg in result.checks[2].message


def test_changing_any_payload_field_fails(
    signer: tuple[str, Any, str], resolve_key: Resolver
) -> None:
    _, key, kid = signer
    token = sign_vc_jwt(make_credential(), key, kid=kid)
    header, payload_segment, signature = token.split(".")
    payload = b64json(payload_segment)
    for path in leaf_paths(payload):
        changed = json.loads(json.dumps(payload))
        parent = changed
        for step in path[:-1]:
            parent = parent[step]
        value = parent[path[-1]]
        parent[path[-1]] = (
            (not value)
            if isinstance(value, bool)
            else (value + 1 if isinstance(value, int) else value + "x")
        )
        forged = f"{header}.{encode_segment(changed)}.{signature}"
        result, _ = verify_vc_jwt(forged, resolve_key)
        assert not result.verified, path


def test_another_key_fails(
    signer: tuple[str, Any, str],
    other_ed_key: ed25519.Ed25519PrivateKey,
    resolve_key: Resolver,
) -> None:
    _, key, kid = signer
    forged = sign_vc_jwt(make_credential(), other_ed_key, kid=ED_KID)
    result, _ = verify_vc_jwt(forged, resolve_key)
    assert not result.verified
    # Claiming the RSA kid with an Ed25519 signature is refused before verifying.
    mismatched = sign_vc_jwt(make_credential(), other_ed_key, kid=RSA_KID)
    result, _ = verify_vc_jwt(mismatched, resolve_key)
    assert not result.verified and "does not match the key type" in result.message


def test_hs256_confusion_with_the_public_key_is_refused(
    rsa_key: rsa.RSAPrivateKey, resolve_key: Resolver
) -> None:
    pem = public_key_pem(rsa_key)
    header = encode_segment({"alg": "HS256", "kid": RSA_KID, "typ": "JWT"})
    body = encode_segment(make_credential())
    import hashlib
    import hmac

    mac = hmac.new(pem, f"{header}.{body}".encode(), hashlib.sha256).digest()
    forged = f"{header}.{body}.{base64.urlsafe_b64encode(mac).rstrip(b'=').decode()}"
    result, _ = verify_vc_jwt(forged, resolve_key)
    assert not result.verified and "not allowed" in result.message


def test_claims_must_match_the_credential(
    rsa_key: rsa.RSAPrivateKey, resolve_key: Resolver
) -> None:
    credential = make_credential()
    payload = {
        **credential,
        "iss": "https://someone-else.example",
        "jti": credential["id"],
        "nbf": 1768469400,
        "exp": 1874966400,
    }
    token = jwt.encode(payload, rsa_key, algorithm="RS256", headers={"kid": RSA_KID})
    result, _ = verify_vc_jwt(token, resolve_key)
    assert not result.verified and "iss does not match" in result.message
    payload = {**payload, "iss": ISSUER_ID, "nbf": 1768469401}
    token = jwt.encode(payload, rsa_key, algorithm="RS256", headers={"kid": RSA_KID})
    result, _ = verify_vc_jwt(token, resolve_key)
    assert not result.verified and "nbf does not match" in result.message


def test_exp_sets_valid_until_when_the_credential_has_none(
    ed_key: ed25519.Ed25519PrivateKey, resolve_key: Resolver
) -> None:
    credential = make_credential(valid_until=None)
    payload = {
        **credential,
        "iss": ISSUER_ID,
        "jti": credential["id"],
        "nbf": 1768469400,
        "exp": 1874966400,
    }
    token = jwt.encode(
        payload, ed_key, algorithm="EdDSA", headers={"kid": ED_KID, "typ": "JWT"}
    )
    result, verified = verify_vc_jwt(token, resolve_key)
    assert result.verified
    assert verified is not None and verified["validUntil"] == "2029-06-01T00:00:00Z"


@pytest.mark.parametrize("token", ["", "not.a.jwt", "a.b", "eyJhbGciOiJub25lIn0.e30."])
def test_garbage_is_refused(token: str, resolve_key: Resolver) -> None:
    result, credential = verify_vc_jwt(token, resolve_key)
    assert not result.verified and credential is None
