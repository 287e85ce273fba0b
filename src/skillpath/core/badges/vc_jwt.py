"""VC-JWT: the JSON Web Token proof format of Open Badges 3.0 (§8.2).

The JWT payload is the credential itself with the registered claims added at
its top level: ``iss`` = ``issuer.id``, ``jti`` = ``id``, ``nbf`` = ``validFrom``,
``sub`` = ``credentialSubject.id`` and ``exp`` = ``validUntil`` when present. The
JOSE header carries only ``alg`` (RS256 or EdDSA), ``kid`` (the verification
method id) and ``typ`` = ``JWT``.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

from skillpath.core.badges.data_integrity import KeyResolver
from skillpath.core.badges.dates import (
    format_datetime,
    from_numeric_date,
    numeric_date,
    parse_datetime,
)
from skillpath.core.badges.errors import BadgeError, ProofError
from skillpath.core.badges.keys import (
    PrivateKey,
    PublicKey,
    algorithm_for,
    public_key_from_jwk,
)
from skillpath.core.badges.results import Check, ProofResult

ALGORITHMS = ("RS256", "EdDSA")
JWT_CLAIMS = ("iss", "jti", "nbf", "sub", "exp", "iat", "aud")


def issuer_id(credential: dict[str, Any]) -> str | None:
    """Return ``issuer.id`` (or ``issuer`` when it is a plain IRI)."""
    issuer = credential.get("issuer")
    if isinstance(issuer, dict):
        value = issuer.get("id")
        return value if isinstance(value, str) else None
    return issuer if isinstance(issuer, str) else None


def subject_id(credential: dict[str, Any]) -> str | None:
    """Return ``credentialSubject.id`` if the (single) subject has one."""
    subject = credential.get("credentialSubject")
    if isinstance(subject, dict) and isinstance(subject.get("id"), str):
        return str(subject["id"])
    return None


def jwt_payload(credential: dict[str, Any]) -> dict[str, Any]:
    """Return the JWT payload: the credential plus ``iss jti nbf sub exp`` claims."""
    issuer = issuer_id(credential)
    if not issuer or not isinstance(credential.get("id"), str):
        raise ProofError("A VC-JWT needs the credential's id and issuer.id.")
    if "validFrom" not in credential:
        raise ProofError("A VC-JWT needs the credential's validFrom (for nbf).")
    payload = dict(credential)
    payload["iss"] = issuer
    payload["jti"] = credential["id"]
    payload["nbf"] = numeric_date(parse_datetime(credential["validFrom"]))
    subject = subject_id(credential)
    if subject is not None:
        payload["sub"] = subject
    if "validUntil" in credential:
        payload["exp"] = numeric_date(parse_datetime(credential["validUntil"]))
    return payload


def sign_vc_jwt(
    credential: dict[str, Any], private_key: PrivateKey, *, kid: str
) -> str:
    """Return the compact JWS of ``credential`` signed with RS256 or EdDSA.

    ``kid`` is the verification method id whose controller is the issuer.
    """
    algorithm = algorithm_for(private_key)
    if isinstance(private_key, rsa.RSAPrivateKey) and private_key.key_size < 2048:
        raise ProofError("RS256 keys must have at least 2048 bits.")
    return jwt.encode(
        jwt_payload(credential),
        private_key,
        algorithm=algorithm,
        headers={"kid": kid, "typ": "JWT"},
    )


def _b64_json(segment: str) -> Any:
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


def looks_like_jwt(text: str) -> bool:
    """Return whether ``text`` has the shape of a compact JWS with a JSON header."""
    parts = text.strip().split(".")
    if len(parts) != 3 or not all(parts[:2]):
        return False
    try:
        header = _b64_json(parts[0])
    except ValueError:
        return False
    return isinstance(header, dict) and "alg" in header


def credential_from_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """Return the credential of a VC-JWT payload (its JWT claims taken off).

    A legacy VC 1.1 payload keeps the credential in its ``vc`` claim.
    """
    if isinstance(payload.get("vc"), dict) and "@context" not in payload:
        return dict(payload["vc"])
    return {key: value for key, value in payload.items() if key not in JWT_CLAIMS}


def verify_vc_jwt(
    token: str, resolve_key: KeyResolver
) -> tuple[ProofResult, dict[str, Any] | None]:
    """Verify a VC-JWT's signature and its claims against the embedded credential.

    Returns the proof result and the credential (None if it could not be read).
    The algorithm is chosen from the resolved key's type, never from the header.
    """
    checks: list[Check] = []
    token = token.strip()

    def fail(
        name: str, message: str, method: str | None = None
    ) -> tuple[ProofResult, None]:
        checks.append(Check(name, False, message))
        return ProofResult(False, tuple(checks), method), None

    # Read the header ourselves: PyJWT's unverified read decodes the whole token.
    try:
        header = _b64_json(token.split(".", 1)[0])
    except (ValueError, UnicodeDecodeError) as exc:
        return fail("proof_format", f"Not a compact JWS: {exc}.")
    if not isinstance(header, dict) or token.count(".") != 2:
        return fail("proof_format", "Not a compact JWS (header.payload.signature).")
    alg = header.get("alg")
    if alg not in ALGORITHMS:
        return fail(
            "proof_format", f"JWS alg {alg!r} is not allowed; use one of {ALGORITHMS}."
        )
    if header.get("typ", "JWT") != "JWT":
        return fail(
            "proof_format", f"JOSE header typ {header.get('typ')!r} must be 'JWT'."
        )
    if "crit" in header:
        return fail("proof_format", "JOSE header 'crit' is not supported.")
    kid = header.get("kid")
    checks.append(Check("proof_format", True, f"Compact JWS, alg {alg}."))

    controller: str | None = None
    public_key: PublicKey
    try:
        if isinstance(kid, str):
            key = resolve_key(kid)
            if key is None:
                return fail("proof_key", f"Unknown verification method {kid}.", kid)
            public_key, controller = key.public_key, key.controller
        elif isinstance(header.get("jwk"), dict):
            public_key = public_key_from_jwk(header["jwk"])
        else:
            return fail("proof_key", "The JOSE header has neither kid nor jwk.")
    except BadgeError as exc:
        return fail("proof_key", f"Could not resolve the key {kid}: {exc}", kid)
    expected_alg = algorithm_for(public_key)
    if expected_alg != alg:
        return fail(
            "proof_key",
            f"Header alg {alg} does not match the key type ({expected_alg}).",
            kid,
        )
    checks.append(
        Check("proof_key", True, f"Key {kid or 'from jwk header'} ({expected_alg}).")
    )

    try:
        payload = jwt.decode(
            token,
            public_key,
            algorithms=[expected_alg],
            options={
                "verify_exp": False,  # dates are checked against the caller's clock
                "verify_nbf": False,
                "verify_iat": False,
                "verify_aud": False,
                "require": ["iss", "jti", "nbf"],
            },
        )
    except jwt.InvalidSignatureError:
        return fail(
            "signature",
            "The JWS signature does not match: the credential was changed after it "
            "was signed, or signed with another key.",
            kid,
        )
    except jwt.PyJWTError as exc:
        return fail("signature", f"Invalid VC-JWT: {exc}.", kid)
    checks.append(Check("signature", True, f"JWS signature valid ({expected_alg})."))

    credential = credential_from_payload(payload)
    problems = _claim_problems(payload, credential)
    if problems:
        checks.append(Check("jwt_claims", False, " ".join(problems)))
        return ProofResult(False, tuple(checks), kid, controller), credential
    checks.append(
        Check("jwt_claims", True, "iss, jti, nbf, sub, exp match the credential.")
    )
    return ProofResult(True, tuple(checks), kid, controller), credential


def _claim_problems(payload: dict[str, Any], credential: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    if payload.get("iss") != issuer_id(credential):
        problems.append("iss does not match issuer.id.")
    if payload.get("jti") != credential.get("id"):
        problems.append("jti does not match the credential id.")
    subject = subject_id(credential)
    if payload.get("sub") != subject and not (subject is None and "sub" not in payload):
        problems.append("sub does not match credentialSubject.id.")
    try:
        if payload.get("nbf") != numeric_date(
            parse_datetime(credential.get("validFrom", ""))
        ):
            problems.append("nbf does not match validFrom.")
    except ValueError:
        problems.append("validFrom is missing or not a date-time.")
    if "validUntil" in credential:
        try:
            if payload.get("exp") != numeric_date(
                parse_datetime(credential["validUntil"])
            ):
                problems.append("exp does not match validUntil.")
        except ValueError:
            problems.append("validUntil is not a date-time.")
    elif "exp" in payload:
        # Open Badges: exp, when present, sets validUntil.
        try:
            credential["validUntil"] = format_datetime(
                from_numeric_date(payload["exp"])
            )
        except (TypeError, ValueError, OverflowError):
            problems.append("exp is not a NumericDate.")
    return problems
