"""Issuer keys: Multikey, JWK, did:key and encrypted storage."""

from __future__ import annotations

import pytest
from badges_support import load_vector
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

from skillpath.core.badges import (
    KeyDecryptionError,
    KeyFormatError,
    KeyResolutionError,
    VerificationKey,
    controller_document,
    decode_private_multikey,
    decode_public_multikey,
    did_key_for,
    encode_private_multikey,
    encode_public_multikey,
    encrypt_private_key,
    generate_ed25519_key,
    generate_rsa_key,
    load_private_key,
    public_jwk,
    public_key_from_jwk,
    resolve_did_key,
    verification_key_from_document,
    verification_method_document,
)


def raw(key: ed25519.Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def test_vector_multikeys_decode_to_the_published_raw_keys() -> None:
    vector = load_vector("eddsa-rdfc-2022")
    private = decode_private_multikey(vector["keyPair"]["privateKeyMultibase"])
    public = decode_public_multikey(vector["keyPair"]["publicKeyMultibase"])
    assert raw(public).hex() == vector["keyPairRawHex"]["publicKey"]
    assert raw(private.public_key()) == raw(public)
    seed = private.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    assert seed.hex() == vector["keyPairRawHex"]["privateKeySeed"]


def test_multikey_round_trip() -> None:
    key = generate_ed25519_key()
    public_multikey = encode_public_multikey(key.public_key())
    assert public_multikey.startswith("z6Mk")
    assert raw(decode_public_multikey(public_multikey)) == raw(key.public_key())
    private_multikey = encode_private_multikey(key)
    assert private_multikey.startswith("z3u2")
    restored = decode_private_multikey(private_multikey)
    assert raw(restored.public_key()) == raw(key.public_key())


def test_vector_multikey_re_encodes_identically() -> None:
    pair = load_vector("eddsa-jcs-2022")["keyPair"]
    assert (
        encode_public_multikey(decode_public_multikey(pair["publicKeyMultibase"]))
        == (pair["publicKeyMultibase"])
    )
    assert (
        encode_private_multikey(decode_private_multikey(pair["privateKeyMultibase"]))
        == (pair["privateKeyMultibase"])
    )


@pytest.mark.parametrize("value", ["6MkrJVnaZ", "z0OIl", "z" + "1" * 10, ""])
def test_malformed_multikey_is_refused(value: str) -> None:
    with pytest.raises(KeyFormatError):
        decode_public_multikey(value)


def test_private_prefix_is_not_accepted_as_public() -> None:
    key = generate_ed25519_key()
    with pytest.raises(KeyFormatError):
        decode_public_multikey(encode_private_multikey(key))


def test_rsa_jwk_export_and_import(rsa_key: rsa.RSAPrivateKey) -> None:
    jwk = public_jwk(rsa_key, kid="https://issuer.example#rsa")
    assert jwk["kty"] == "RSA" and jwk["e"] == "AQAB" and jwk["alg"] == "RS256"
    assert "d" not in jwk and "p" not in jwk
    assert jwk["kid"] == "https://issuer.example#rsa"
    restored = public_key_from_jwk(jwk)
    assert isinstance(restored, rsa.RSAPublicKey)
    assert restored.public_numbers() == rsa_key.public_key().public_numbers()


def test_ed25519_jwk_round_trip(ed_key: ed25519.Ed25519PrivateKey) -> None:
    jwk = public_jwk(ed_key.public_key())
    assert jwk == {
        "kty": "OKP",
        "crv": "Ed25519",
        "x": jwk["x"],
        "alg": "EdDSA",
        "use": "sig",
    }
    restored = public_key_from_jwk(jwk)
    assert isinstance(restored, ed25519.Ed25519PublicKey)
    assert raw(restored) == raw(ed_key.public_key())


def test_private_jwk_is_refused(rsa_key: rsa.RSAPrivateKey) -> None:
    with pytest.raises(KeyFormatError, match="private"):
        public_key_from_jwk({**public_jwk(rsa_key), "d": "AAAA"})


def test_short_rsa_keys_are_refused() -> None:
    with pytest.raises(ValueError, match="2048"):
        generate_rsa_key(1024)


@pytest.mark.parametrize("kind", ["ed25519", "rsa"])
def test_encrypted_private_key_round_trip(
    kind: str, ed_key: ed25519.Ed25519PrivateKey, rsa_key: rsa.RSAPrivateKey
) -> None:
    key = ed_key if kind == "ed25519" else rsa_key
    secret = b"env-secret-3f9a1c"
    pem = encrypt_private_key(key, secret)
    assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    restored = load_private_key(pem, secret)
    assert public_jwk(restored) == public_jwk(key)


def test_wrong_secret_fails_clearly(ed_key: ed25519.Ed25519PrivateKey) -> None:
    pem = encrypt_private_key(ed_key, b"right secret")
    with pytest.raises(KeyDecryptionError, match="secret is wrong"):
        load_private_key(pem, b"wrong secret")


def test_empty_secret_is_refused(ed_key: ed25519.Ed25519PrivateKey) -> None:
    with pytest.raises(ValueError):
        encrypt_private_key(ed_key, b"")
    with pytest.raises(KeyDecryptionError):
        load_private_key(encrypt_private_key(ed_key, b"s"), b"")


def test_damaged_key_fails_clearly(ed_key: ed25519.Ed25519PrivateKey) -> None:
    with pytest.raises(KeyDecryptionError):
        load_private_key(b"-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n", b"secret")


def test_did_key_resolves_locally(ed_key: ed25519.Ed25519PrivateKey) -> None:
    method = did_key_for(ed_key.public_key())
    resolved = resolve_did_key(method)
    assert resolved.id == method
    assert resolved.controller == method.split("#")[0]
    assert isinstance(resolved.public_key, ed25519.Ed25519PublicKey)
    assert raw(resolved.public_key) == raw(ed_key.public_key())
    with pytest.raises(KeyResolutionError):
        resolve_did_key("did:web:example.org#key-1")


def test_verification_method_documents_round_trip(
    ed_key: ed25519.Ed25519PrivateKey, rsa_key: rsa.RSAPrivateKey
) -> None:
    controller = "https://issuer.example/profile"
    keys = [
        VerificationKey(f"{controller}#ed", controller, ed_key.public_key()),
        VerificationKey(f"{controller}#rsa", controller, rsa_key.public_key()),
    ]
    document = controller_document(controller, keys)
    assert document["assertionMethod"] == [key.id for key in keys]
    methods = document["verificationMethod"]
    assert methods[0]["type"] == "Multikey" and methods[0][
        "publicKeyMultibase"
    ].startswith("z6Mk")
    assert "d" not in methods[1]["publicKeyJwk"]
    for key, method in zip(keys, methods, strict=True):
        restored = verification_key_from_document(method)
        assert (restored.id, restored.controller) == (key.id, key.controller)
        assert verification_method_document(restored) == method
