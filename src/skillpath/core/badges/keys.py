"""Issuer keys: generation, Multikey and JWK encodings, encrypted storage.

Ed25519 keys sign Data Integrity proofs (``eddsa-*-2022``) and VC-JWTs (``EdDSA``);
RSA keys (2048 bits or more) sign VC-JWTs (``RS256``, the algorithm Open Badges 3.0
requires every verifier to support).

Private keys are stored as PKCS#8 PEM encrypted with a secret that the caller
supplies (the Django layer derives it from its settings); they never leave this
module unencrypted except as ``cryptography`` key objects.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

import base58
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

from skillpath.core.badges.errors import (
    KeyDecryptionError,
    KeyFormatError,
    KeyResolutionError,
)

PrivateKey = ed25519.Ed25519PrivateKey | rsa.RSAPrivateKey
PublicKey = ed25519.Ed25519PublicKey | rsa.RSAPublicKey

# Multicodec varint prefixes (https://github.com/multiformats/multicodec).
ED25519_PUB_PREFIX = b"\xed\x01"
ED25519_PRIV_PREFIX = b"\x80\x26"
MIN_RSA_BITS = 2048


def generate_ed25519_key() -> ed25519.Ed25519PrivateKey:
    """Return a new random Ed25519 private key."""
    return ed25519.Ed25519PrivateKey.generate()


def generate_rsa_key(bits: int = 3072) -> rsa.RSAPrivateKey:
    """Return a new RSA private key of ``bits`` bits (at least 2048), e = 65537."""
    if bits < MIN_RSA_BITS:
        raise ValueError(
            f"RSA keys must have at least {MIN_RSA_BITS} bits, not {bits}."
        )
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def algorithm_for(key: PrivateKey | PublicKey) -> str:
    """Return the JWS ``alg`` for a key: ``EdDSA`` or ``RS256``."""
    if isinstance(key, ed25519.Ed25519PrivateKey | ed25519.Ed25519PublicKey):
        return "EdDSA"
    if isinstance(key, rsa.RSAPrivateKey | rsa.RSAPublicKey):
        return "RS256"
    raise KeyFormatError(f"Unsupported key type {type(key).__name__}.")


# --- Multikey -------------------------------------------------------------------


def encode_public_multikey(public_key: ed25519.Ed25519PublicKey) -> str:
    """Return the Multikey ``publicKeyMultibase`` (``z6Mk…``) of an Ed25519 key."""
    raw = public_key.public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return "z" + base58.b58encode(ED25519_PUB_PREFIX + raw).decode("ascii")


def decode_public_multikey(value: str) -> ed25519.Ed25519PublicKey:
    """Return the Ed25519 public key encoded by a Multikey ``publicKeyMultibase``."""
    payload = _decode_multibase_btc(value, "public key")
    if payload[:2] != ED25519_PUB_PREFIX or len(payload) != 34:
        raise KeyFormatError(
            "Multikey public key must be 0xed01 followed by 32 bytes (Ed25519)."
        )
    return ed25519.Ed25519PublicKey.from_public_bytes(payload[2:])


def encode_private_multikey(private_key: ed25519.Ed25519PrivateKey) -> str:
    """Return the Multikey ``secretKeyMultibase`` of an Ed25519 key (32-byte seed)."""
    seed = private_key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    return "z" + base58.b58encode(ED25519_PRIV_PREFIX + seed).decode("ascii")


def decode_private_multikey(value: str) -> ed25519.Ed25519PrivateKey:
    """Return the Ed25519 private key of a Multikey ``secretKeyMultibase``.

    The payload after the 0x8026 prefix is the 32-byte seed; a 64-byte payload
    (seed followed by public key, as some libraries write it) is accepted when its
    public half matches the seed.
    """
    payload = _decode_multibase_btc(value, "private key")
    if payload[:2] != ED25519_PRIV_PREFIX or len(payload) not in (34, 66):
        raise KeyFormatError(
            "Multikey private key must be 0x8026 followed by a 32-byte Ed25519 seed."
        )
    key = ed25519.Ed25519PrivateKey.from_private_bytes(payload[2:34])
    if len(payload) == 66:
        derived = key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        if derived != payload[34:]:
            raise KeyFormatError(
                "Multikey private key: public half does not match seed."
            )
    return key


def _decode_multibase_btc(value: str, what: str) -> bytes:
    if not isinstance(value, str) or not value.startswith("z"):
        raise KeyFormatError(f"Multikey {what} must start with 'z' (base58btc).")
    try:
        return base58.b58decode(value[1:])
    except ValueError as exc:
        raise KeyFormatError(f"Multikey {what} is not valid base58btc.") from exc


# --- JWK ------------------------------------------------------------------------


def _b64url_uint(number: int) -> str:
    raw = number.to_bytes((number.bit_length() + 7) // 8 or 1, "big")
    return _b64url(raw)


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64url_decode(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as exc:
        raise KeyFormatError("JWK member is not valid base64url.") from exc


def public_jwk(
    key: PublicKey | PrivateKey, *, kid: str | None = None
) -> dict[str, str]:
    """Return the public JWK of a key (RSA or OKP/Ed25519), never a private member."""
    public = key.public_key() if isinstance(key, PrivateKey) else key
    jwk: dict[str, str]
    if isinstance(public, rsa.RSAPublicKey):
        numbers = public.public_numbers()
        jwk = {"kty": "RSA", "n": _b64url_uint(numbers.n), "e": _b64url_uint(numbers.e)}
    elif isinstance(public, ed25519.Ed25519PublicKey):
        raw = public.public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        jwk = {"kty": "OKP", "crv": "Ed25519", "x": _b64url(raw)}
    else:
        raise KeyFormatError(f"Unsupported key type {type(public).__name__}.")
    jwk["alg"] = algorithm_for(public)
    jwk["use"] = "sig"
    if kid is not None:
        jwk["kid"] = kid
    return jwk


def public_key_from_jwk(jwk: dict[str, Any]) -> PublicKey:
    """Return the public key of an RSA or OKP/Ed25519 JWK; refuse private JWKs."""
    if not isinstance(jwk, dict):
        raise KeyFormatError("A JWK must be a JSON object.")
    if "d" in jwk:
        raise KeyFormatError("Refusing a JWK that contains a private member 'd'.")
    kty = jwk.get("kty")
    if kty == "RSA":
        n = int.from_bytes(_b64url_decode(str(jwk.get("n", ""))), "big")
        e = int.from_bytes(_b64url_decode(str(jwk.get("e", ""))), "big")
        if n.bit_length() < MIN_RSA_BITS:
            raise KeyFormatError(f"RSA JWK is shorter than {MIN_RSA_BITS} bits.")
        return rsa.RSAPublicNumbers(e, n).public_key()
    if kty == "OKP" and jwk.get("crv") == "Ed25519":
        raw = _b64url_decode(str(jwk.get("x", "")))
        if len(raw) != 32:
            raise KeyFormatError("Ed25519 JWK 'x' must be 32 bytes.")
        return ed25519.Ed25519PublicKey.from_public_bytes(raw)
    raise KeyFormatError(f"Unsupported JWK kty={kty!r} crv={jwk.get('crv')!r}.")


# --- encrypted storage ----------------------------------------------------------


def encrypt_private_key(private_key: PrivateKey, secret: bytes) -> bytes:
    """Return the key as PKCS#8 PEM encrypted with ``secret`` (PBES2, AES-256).

    ``secret`` is the key-encryption secret the Django layer reads from its
    settings; it must not be empty.
    """
    if not secret:
        raise ValueError("The key-encryption secret must not be empty.")
    return private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(secret),
    )


def load_private_key(pem: bytes, secret: bytes) -> PrivateKey:
    """Return the private key stored by :func:`encrypt_private_key`.

    Raises
    ------
    KeyDecryptionError
        If ``secret`` is not the one the key was encrypted with, or the data is
        not an encrypted PKCS#8 key.
    """
    if not secret:
        raise KeyDecryptionError("The key-encryption secret must not be empty.")
    try:
        key = serialization.load_pem_private_key(pem, password=secret)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise KeyDecryptionError(
            "Could not decrypt the issuer's private key: the key-encryption secret "
            "is wrong (was it rotated?) or the stored key is damaged."
        ) from exc
    if not isinstance(key, PrivateKey):
        raise KeyFormatError(f"Unsupported private key type {type(key).__name__}.")
    return key


def public_key_pem(key: PublicKey | PrivateKey) -> bytes:
    """Return the SubjectPublicKeyInfo PEM of a key's public half."""
    public = key.public_key() if isinstance(key, PrivateKey) else key
    return public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def load_public_key_pem(pem: bytes) -> PublicKey:
    """Return the public key of a SubjectPublicKeyInfo PEM (RSA or Ed25519)."""
    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise KeyFormatError("Not a PEM public key.") from exc
    if not isinstance(key, PublicKey):
        raise KeyFormatError(f"Unsupported public key type {type(key).__name__}.")
    return key


# --- verification methods -------------------------------------------------------


@dataclass(frozen=True)
class VerificationKey:
    """A public key as a verification method: its id, its controller, the key.

    The Django layer's ``resolve_key`` callback returns one of these for a
    verification method id (a Data Integrity ``verificationMethod`` or a JWT
    ``kid``). ``controller`` is the issuer id the key belongs to.
    """

    id: str
    controller: str
    public_key: PublicKey


def verification_method_document(key: VerificationKey) -> dict[str, Any]:
    """Return the verification method object for a controller document.

    Ed25519 keys are ``Multikey`` with ``publicKeyMultibase``; RSA keys are
    ``JsonWebKey`` with ``publicKeyJwk`` (both types of W3C Controlled Identifiers 1.0,
    which Data Integrity and the Open Badges 3.0 issue name).
    """
    if isinstance(key.public_key, ed25519.Ed25519PublicKey):
        return {
            "id": key.id,
            "type": "Multikey",
            "controller": key.controller,
            "publicKeyMultibase": encode_public_multikey(key.public_key),
        }
    return {
        "id": key.id,
        "type": "JsonWebKey",
        "controller": key.controller,
        "publicKeyJwk": public_jwk(key.public_key),
    }


def verification_key_from_document(method: dict[str, Any]) -> VerificationKey:
    """Return the key described by a ``Multikey`` or JSON Web Key method object."""
    try:
        method_id = str(method["id"])
        controller = str(method["controller"])
    except (KeyError, TypeError) as exc:
        raise KeyFormatError(
            "A verification method needs an id and a controller."
        ) from exc
    if "publicKeyMultibase" in method:
        public: PublicKey = decode_public_multikey(method["publicKeyMultibase"])
    elif "publicKeyJwk" in method:
        public = public_key_from_jwk(method["publicKeyJwk"])
    else:
        raise KeyFormatError(
            "A verification method needs publicKeyMultibase or publicKeyJwk."
        )
    return VerificationKey(id=method_id, controller=controller, public_key=public)


def controller_document(controller: str, keys: list[VerificationKey]) -> dict[str, Any]:
    """Return a DID-core style controller document listing ``keys`` for assertions.

    Serve it at the controller's URL (or ``/.well-known/did.json`` for did:web) so
    that third-party verifiers can dereference the verification methods.
    """
    for key in keys:
        if key.controller != controller:
            raise ValueError(
                f"Key {key.id} is controlled by {key.controller}, not {controller}."
            )
    contexts = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]
    if any(isinstance(key.public_key, rsa.RSAPublicKey) for key in keys):
        contexts.append("https://www.w3.org/ns/cid/v1")
    return {
        "@context": contexts,
        "id": controller,
        "verificationMethod": [verification_method_document(key) for key in keys],
        "assertionMethod": [key.id for key in keys],
    }


def did_key_for(public_key: ed25519.Ed25519PublicKey) -> str:
    """Return the ``did:key`` verification method id of an Ed25519 key."""
    multikey = encode_public_multikey(public_key)
    return f"did:key:{multikey}#{multikey}"


def resolve_did_key(method_id: str) -> VerificationKey:
    """Resolve an Ed25519 ``did:key`` verification method locally (no network)."""
    if not method_id.startswith("did:key:z6Mk"):
        raise KeyResolutionError(f"Not an Ed25519 did:key: {method_id}.")
    did, _, fragment = method_id.partition("#")
    multikey = did.removeprefix("did:key:")
    if fragment and fragment != multikey:
        raise KeyResolutionError(
            f"did:key fragment does not match the key: {method_id}."
        )
    try:
        public = decode_public_multikey(multikey)
    except KeyFormatError as exc:
        raise KeyResolutionError(f"Malformed did:key {method_id}: {exc}") from exc
    return VerificationKey(id=f"{did}#{multikey}", controller=did, public_key=public)
