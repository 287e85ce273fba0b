"""Data Integrity proofs with the ``eddsa-rdfc-2022`` and ``eddsa-jcs-2022`` suites.

Both suites (W3C *Data Integrity EdDSA Cryptosuites v1.0*) sign
``sha256(canonical proof configuration) || sha256(canonical document)`` with
Ed25519 and write the 64-byte signature as ``proofValue`` = ``z`` + base58btc.
They differ in the canonicalisation: RDFC-1.0 over the JSON-LD's RDF statements,
or RFC 8785 JCS over the JSON text. The proof configuration is hashed with the
document's ``@context``; the JCS proof also keeps that ``@context``.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import base58
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from skillpath.core.badges import jcs
from skillpath.core.badges.dates import format_datetime, is_datetime
from skillpath.core.badges.errors import (
    BadgeError,
    ContextNotAllowedError,
    JsonLdError,
    KeyResolutionError,
    ProofError,
    TooComplexError,
)
from skillpath.core.badges.keys import VerificationKey
from skillpath.core.badges.linked_data import canonicalize_rdfc
from skillpath.core.badges.results import Check, ProofResult

RDFC_2022 = "eddsa-rdfc-2022"
JCS_2022 = "eddsa-jcs-2022"
CRYPTOSUITES = (RDFC_2022, JCS_2022)
PROOF_TYPE = "DataIntegrityProof"

KeyResolver = Callable[[str], VerificationKey | None]


def canonicalize_document(document: dict[str, Any], cryptosuite: str) -> bytes:
    """Return the canonical bytes of a document (without its proof) for a suite."""
    if cryptosuite == RDFC_2022:
        return canonicalize_rdfc(document).encode("utf-8")
    if cryptosuite == JCS_2022:
        return jcs.canonicalize(document)
    raise ProofError(
        f"Unsupported cryptosuite {cryptosuite!r}; use one of {CRYPTOSUITES}."
    )


def hash_data(canonical_proof_config: bytes, canonical_document: bytes) -> bytes:
    """Return ``sha256(proof config) || sha256(document)``: the 64 bytes signed."""
    return (
        hashlib.sha256(canonical_proof_config).digest()
        + hashlib.sha256(canonical_document).digest()
    )


def proof_options(
    *,
    verification_method: str,
    cryptosuite: str = RDFC_2022,
    created: datetime | None = None,
    proof_purpose: str = "assertionMethod",
) -> dict[str, Any]:
    """Return the proof options (the proof without ``proofValue``)."""
    if cryptosuite not in CRYPTOSUITES:
        raise ProofError(
            f"Unsupported cryptosuite {cryptosuite!r}; use one of {CRYPTOSUITES}."
        )
    return {
        "type": PROOF_TYPE,
        "cryptosuite": cryptosuite,
        "created": format_datetime(created or datetime.now(UTC)),
        "verificationMethod": verification_method,
        "proofPurpose": proof_purpose,
    }


def _proof_config(options: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    config = {key: value for key, value in options.items() if key != "proofValue"}
    if "@context" in document and "@context" not in config:
        config["@context"] = document["@context"]
    return config


def create_proof(
    document: dict[str, Any],
    private_key: ed25519.Ed25519PrivateKey,
    options: dict[str, Any],
) -> dict[str, Any]:
    """Return the proof object for ``document`` under the given proof options.

    ``document`` must not contain a ``proof``; ``options`` is usually built by
    :func:`proof_options`.
    """
    if not isinstance(private_key, ed25519.Ed25519PrivateKey):
        raise ProofError("eddsa-* cryptosuites need an Ed25519 private key.")
    if "proof" in document:
        raise ProofError(
            "The document already has a proof; sign the unsecured document."
        )
    if (
        options.get("type") != PROOF_TYPE
        or options.get("cryptosuite") not in CRYPTOSUITES
    ):
        raise ProofError(
            "Proof options need type DataIntegrityProof and an eddsa-* cryptosuite."
        )
    if "created" in options and not is_datetime(options["created"]):
        raise ProofError(f"Proof 'created' {options['created']!r} is not a date-time.")
    suite = options["cryptosuite"]
    config = _proof_config(options, document)
    signed_hash = hash_data(
        canonicalize_document(config, suite), canonicalize_document(document, suite)
    )
    signature = private_key.sign(signed_hash)
    proof = {key: value for key, value in options.items() if key != "@context"}
    if suite == JCS_2022 and "@context" in config:
        proof["@context"] = config["@context"]
    proof["proofValue"] = "z" + base58.b58encode(signature).decode("ascii")
    return proof


def sign_data_integrity(
    document: dict[str, Any],
    private_key: ed25519.Ed25519PrivateKey,
    *,
    verification_method: str,
    cryptosuite: str = RDFC_2022,
    created: datetime | None = None,
    proof_purpose: str = "assertionMethod",
) -> dict[str, Any]:
    """Return a copy of ``document`` secured with an ``eddsa-*-2022`` proof."""
    options = proof_options(
        verification_method=verification_method,
        cryptosuite=cryptosuite,
        created=created,
        proof_purpose=proof_purpose,
    )
    secured = copy.deepcopy(document)
    secured["proof"] = create_proof(document, private_key, options)
    return secured


def verify_data_integrity(
    document: dict[str, Any],
    resolve_key: KeyResolver,
    *,
    expected_purpose: str = "assertionMethod",
) -> ProofResult:
    """Verify the ``eddsa-*-2022`` proof(s) of a secured document.

    With several proofs, the first that verifies is enough (as Open Badges 3.0
    allows); otherwise the result of the last one tried is returned.
    ``resolve_key`` maps a verification method id to its key and controller; it
    may raise :class:`KeyResolutionError`.
    """
    proofs = document.get("proof") if isinstance(document, dict) else None
    if proofs is None:
        return ProofResult(
            False, (Check("proof_format", False, "The document has no proof."),)
        )
    candidates = proofs if isinstance(proofs, list) else [proofs]
    result = ProofResult(
        False, (Check("proof_format", False, "The proof list is empty."),)
    )
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    for proof in candidates:
        result = _verify_one(unsecured, proof, resolve_key, expected_purpose)
        if result.verified:
            return result
    return result


def _verify_one(
    unsecured: dict[str, Any],
    proof: Any,
    resolve_key: KeyResolver,
    expected_purpose: str,
) -> ProofResult:
    checks: list[Check] = []

    def fail(name: str, message: str) -> ProofResult:
        checks.append(Check(name, False, message))
        method = proof.get("verificationMethod") if isinstance(proof, dict) else None
        return ProofResult(
            False, tuple(checks), method if isinstance(method, str) else None
        )

    problem = _proof_problem(proof, unsecured, expected_purpose)
    if problem:
        return fail("proof_format", problem)
    suite = proof["cryptosuite"]
    method = proof["verificationMethod"]
    checks.append(Check("proof_format", True, f"{PROOF_TYPE} with {suite}."))

    try:
        key = resolve_key(method)
    except (KeyResolutionError, BadgeError) as exc:
        return fail("proof_key", f"Could not resolve {method}: {exc}")
    if key is None:
        return fail("proof_key", f"Unknown verification method {method}.")
    if not isinstance(key.public_key, ed25519.Ed25519PublicKey):
        return fail("proof_key", f"{method} is not an Ed25519 key; {suite} needs one.")
    checks.append(
        Check("proof_key", True, f"Key {method} controlled by {key.controller}.")
    )

    signature = base58.b58decode(proof["proofValue"][1:])
    try:
        config = _proof_config(proof, unsecured)
        signed_hash = hash_data(
            canonicalize_document(config, suite),
            canonicalize_document(unsecured, suite),
        )
    except TooComplexError as exc:
        return fail("complexity", str(exc))
    except (JsonLdError, ContextNotAllowedError, ValueError) as exc:
        return fail("canonicalization", f"Could not canonicalise with {suite}: {exc}")
    checks.append(Check("canonicalization", True, f"Canonicalised with {suite}."))
    try:
        key.public_key.verify(signature, signed_hash)
    except InvalidSignature:
        return fail(
            "signature",
            "The signature does not match: the credential was changed after it was "
            "signed, or signed with another key.",
        )
    checks.append(Check("signature", True, f"Ed25519 signature valid ({suite})."))
    return ProofResult(True, tuple(checks), method, key.controller, suite)


def _proof_problem(
    proof: Any, unsecured: dict[str, Any], expected_purpose: str
) -> str | None:
    if not isinstance(proof, dict):
        return "The proof is not a JSON object."
    if proof.get("type") != PROOF_TYPE:
        return f"Unsupported proof type {proof.get('type')!r}; expected {PROOF_TYPE}."
    if proof.get("cryptosuite") not in CRYPTOSUITES:
        return f"Unsupported cryptosuite {proof.get('cryptosuite')!r}."
    if proof.get("proofPurpose") != expected_purpose:
        return f"Proof purpose is {proof.get('proofPurpose')!r}, expected {expected_purpose!r}."
    if not isinstance(proof.get("verificationMethod"), str):
        return "The proof has no verificationMethod."
    if "created" in proof and not is_datetime(proof["created"]):
        return f"Proof 'created' {proof['created']!r} is not a date-time."
    value = proof.get("proofValue")
    if not isinstance(value, str) or not value.startswith("z"):
        return "proofValue must be a base58btc multibase string ('z…')."
    try:
        if len(base58.b58decode(value[1:])) != 64:
            return "proofValue must encode a 64-byte Ed25519 signature."
    except ValueError:
        return "proofValue is not valid base58btc."
    if "@context" in proof:
        doc_context = unsecured.get("@context")
        doc_list = doc_context if isinstance(doc_context, list) else [doc_context]
        proof_context = proof["@context"]
        proof_list = (
            proof_context if isinstance(proof_context, list) else [proof_context]
        )
        # Stricter than "starts with": contexts the proof does not cover would
        # change the meaning of the document without being signed.
        if doc_list != proof_list:
            return "The proof's @context differs from the document's @context."
    return None
