"""Fixtures for the badges core tests: keys, a key resolver, a credential."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from badges_support import ED_KID, ISSUER_ID, RSA_KID, make_credential
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

from skillpath.core.badges import (
    VerificationKey,
    generate_ed25519_key,
    generate_rsa_key,
)


@pytest.fixture(scope="session")
def ed_key() -> ed25519.Ed25519PrivateKey:
    return generate_ed25519_key()


@pytest.fixture(scope="session")
def rsa_key() -> rsa.RSAPrivateKey:
    return generate_rsa_key(2048)


@pytest.fixture(scope="session")
def other_ed_key() -> ed25519.Ed25519PrivateKey:
    return generate_ed25519_key()


@pytest.fixture(scope="session")
def resolve_key(
    ed_key: ed25519.Ed25519PrivateKey, rsa_key: rsa.RSAPrivateKey
) -> Callable[[str], VerificationKey | None]:
    keys = {
        ED_KID: VerificationKey(ED_KID, ISSUER_ID, ed_key.public_key()),
        RSA_KID: VerificationKey(RSA_KID, ISSUER_ID, rsa_key.public_key()),
    }
    return keys.get


@pytest.fixture
def credential() -> dict[str, Any]:
    return make_credential()
