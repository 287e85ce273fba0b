"""The W3C and 1EdTech EdDSA test vectors, reproduced exactly."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

import pytest
from badges_support import VECTORS, load_vector
from cryptography.hazmat.primitives.asymmetric import ed25519

from skillpath.core.badges import (
    VerificationKey,
    canonicalize_rdfc,
    create_proof,
    decode_private_multikey,
    decode_public_multikey,
    verify_data_integrity,
)
from skillpath.core.badges.data_integrity import canonicalize_document, hash_data
from skillpath.core.badges.jcs import canonicalize

VECTOR_NAMES = ["eddsa-rdfc-2022", "eddsa-jcs-2022", "ob3-eddsa-rdfc-2022"]


def private_key(vector: dict[str, Any]) -> ed25519.Ed25519PrivateKey:
    pair = vector["keyPair"]
    if "privateKeyMultibase" in pair:
        return decode_private_multikey(pair["privateKeyMultibase"])
    # The Open Badges vector publishes seed || public key in hex.
    return ed25519.Ed25519PrivateKey.from_private_bytes(
        bytes.fromhex(pair["privateKeyHex_seed_plus_pub"])[:32]
    )


def resolver(vector: dict[str, Any]) -> Callable[[str], VerificationKey]:
    public = decode_public_multikey(vector["keyPair"]["publicKeyMultibase"])
    controller = vector["keyPair"].get("controller", "did:example:controller")
    return lambda method: VerificationKey(method, controller, public)


def proof_config(vector: dict[str, Any]) -> dict[str, Any]:
    return {
        **vector["proofOptions"],
        "@context": vector["unsignedDocument"]["@context"],
    }


@pytest.mark.parametrize("name", VECTOR_NAMES)
def test_vector_canonical_forms_and_hashes_match(name: str) -> None:
    vector = load_vector(name)
    suite = vector["proofOptions"]["cryptosuite"]
    canonical_doc = canonicalize_document(vector["unsignedDocument"], suite)
    canonical_proof = canonicalize_document(proof_config(vector), suite)
    assert canonical_doc.decode("utf-8") == vector["canonicalDocument"]
    assert canonical_proof.decode("utf-8") == vector["canonicalProofOptions"]
    assert hashlib.sha256(canonical_doc).hexdigest() == vector["documentHashHex"]
    assert hashlib.sha256(canonical_proof).hexdigest() == vector["proofOptionsHashHex"]
    assert hash_data(canonical_proof, canonical_doc).hex() == vector["combinedHashHex"]


@pytest.mark.parametrize("name", VECTOR_NAMES)
def test_vector_proof_is_reproduced_exactly(name: str) -> None:
    vector = load_vector(name)
    proof = create_proof(
        vector["unsignedDocument"], private_key(vector), vector["proofOptions"]
    )
    assert proof["proofValue"] == vector["proofValue"]
    assert proof == vector["signedDocument"]["proof"]


@pytest.mark.parametrize("name", VECTOR_NAMES)
def test_vector_signed_document_verifies(name: str) -> None:
    vector = load_vector(name)
    result = verify_data_integrity(vector["signedDocument"], resolver(vector))
    assert result.verified, result.checks
    assert [check.name for check in result.checks] == [
        "proof_format",
        "proof_key",
        "canonicalization",
        "signature",
    ]


def test_vector_raw_files_match_consolidated_vectors() -> None:
    raw = VECTORS / "raw" / "eddsa-rdfc-2022"
    vector = load_vector("eddsa-rdfc-2022")
    assert (raw / "canonDocDataInt.txt").read_text() == vector["canonicalDocument"]
    assert (
        json.loads((raw / "signedDataInt.json").read_text()) == vector["signedDocument"]
    )
    ob3 = VECTORS / "raw" / "ob3"
    assert (ob3 / "document-canon.txt").read_text() == load_vector(
        "ob3-eddsa-rdfc-2022"
    )["canonicalDocument"]


def _change_one_character(text: str, position: int) -> str:
    replacement = "X" if text[position] != "X" else "Y"
    return text[:position] + replacement + text[position + 1 :]


@pytest.mark.parametrize("name", VECTOR_NAMES)
@pytest.mark.parametrize(
    ("field", "position"),
    [
        ("name", 0),
        ("issuer", -1),
        ("validFrom", 3),
        ("id", -2),
        ("proofValue", 10),
        ("created", 18),
    ],
)
def test_vector_one_changed_character_fails(
    name: str, field: str, position: int
) -> None:
    vector = load_vector(name)
    signed = json.loads(json.dumps(vector["signedDocument"]))
    if field in ("proofValue", "created"):
        signed["proof"][field] = _change_one_character(signed["proof"][field], position)
    elif field == "issuer" and isinstance(signed["issuer"], dict):
        signed["issuer"]["id"] = _change_one_character(signed["issuer"]["id"], position)
    else:
        signed[field] = _change_one_character(signed[field], position)
    result = verify_data_integrity(signed, resolver(vector))
    assert not result.verified


def test_rdfc_canonical_form_is_what_pyld_urdna2015_gives() -> None:
    vector = load_vector("eddsa-rdfc-2022")
    assert canonicalize_rdfc(vector["unsignedDocument"]) == vector["canonicalDocument"]


def test_jcs_canonical_form_of_vector_document() -> None:
    vector = load_vector("eddsa-jcs-2022")
    assert (
        canonicalize(vector["unsignedDocument"]).decode() == vector["canonicalDocument"]
    )
