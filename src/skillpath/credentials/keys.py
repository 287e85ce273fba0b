"""Issuers' signing keys: made, decrypted to sign, and published.

Each issuer has one current Ed25519 key (Data Integrity ``eddsa-rdfc-2022`` and
EdDSA JWTs) and one current RSA key (RS256 JWTs). Private keys are stored encrypted
with ``settings.SKILLPATH_KEY_ENCRYPTION_KEY`` and are only ever decrypted in this
module, to sign. Retired keys stay published in the issuer's controller document so
that what they signed still verifies. The writes (creating an issuer, rotating a key)
are in ``services/issuers.py``.
"""

from __future__ import annotations

from typing import Any

from cryptography.hazmat.primitives.asymmetric import ed25519
from django.conf import settings
from django.utils.translation import gettext as _

from skillpath.core.badges import (
    KeyDecryptionError,
    KeyFormatError,
    VerificationKey,
    encrypt_private_key,
    generate_ed25519_key,
    generate_rsa_key,
    load_private_key,
    verification_method_document,
)
from skillpath.core.badges import controller_document as core_controller_document
from skillpath.core.badges.keys import PrivateKey, load_public_key_pem, public_key_pem
from skillpath.credentials.exceptions import IssuerKeyUnavailable
from skillpath.credentials.models import Issuer, IssuerKey, KeyType

# The contexts that define Multikey and JsonWebKey (W3C Controlled Identifiers 1.0).
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
CID_V1 = "https://www.w3.org/ns/cid/v1"
RSA_BITS = 3072


def _secret() -> bytes:
    secret = str(getattr(settings, "SKILLPATH_KEY_ENCRYPTION_KEY", ""))
    if not secret:
        raise IssuerKeyUnavailable(
            _(
                "SKILLPATH_KEY_ENCRYPTION_KEY is not set, so issuer keys cannot be "
                "stored or used. Set it in the environment."
            )
        )
    return secret.encode("utf-8")


def method_id(issuer: Issuer, key_type: str, number: int) -> str:
    """Return the verification method id of the issuer's key ``number``."""
    return f"{issuer.iri}#{key_type}-{number}"


def key_pair_new(key_type: str) -> tuple[str, bytes]:
    """Return a new key's public half (PEM) and its private half, encrypted."""
    private: PrivateKey = (
        generate_ed25519_key()
        if key_type == KeyType.ED25519
        else generate_rsa_key(RSA_BITS)
    )
    return (
        public_key_pem(private).decode("ascii"),
        encrypt_private_key(private, _secret()),
    )


def current_key(issuer: Issuer, key_type: str) -> IssuerKey:
    """Return the issuer's key of ``key_type`` that signs now."""
    key = IssuerKey.objects.filter(
        issuer=issuer, key_type=key_type, retired_at__isnull=True
    ).first()
    if key is None:
        raise IssuerKeyUnavailable(
            _("The issuer %(issuer)s has no current %(type)s key; rotate one in.")
            % {"issuer": issuer.name, "type": key_type}
        )
    return key


def private_key(key: IssuerKey) -> PrivateKey:
    """Return the decrypted private key of ``key``, to sign with at once."""
    try:
        return load_private_key(bytes(key.encrypted_private_key), _secret())
    except (KeyDecryptionError, KeyFormatError) as error:
        raise IssuerKeyUnavailable(str(error)) from error


def ed25519_private_key(key: IssuerKey) -> ed25519.Ed25519PrivateKey:
    """Return the decrypted private key of an Ed25519 ``key`` (Data Integrity)."""
    private = private_key(key)
    if not isinstance(private, ed25519.Ed25519PrivateKey):
        raise IssuerKeyUnavailable(f"{key.method_id} is not an Ed25519 key.")
    return private


def verification_key(key: IssuerKey) -> VerificationKey:
    """Return the public half of ``key`` as the core's verification key."""
    return VerificationKey(
        id=key.method_id,
        controller=key.issuer.iri,
        public_key=load_public_key_pem(key.public_key_pem.encode("ascii")),
    )


def resolve_method(method_id: str) -> VerificationKey | None:
    """Return the key of one of skillpath's issuers with this method id, or None.

    Retired keys resolve too. Nothing is fetched from the network.
    """
    key = IssuerKey.objects.select_related("issuer").filter(method_id=method_id).first()
    return verification_key(key) if key is not None else None


def method_document(key: IssuerKey) -> dict[str, Any]:
    """Return the verification method: Multikey (Ed25519) or JsonWebKey (RSA).

    The document names its own context, so that it can be read on its own (as
    ``issuer_keys`` prints it) as well as inside the controller document.
    """
    document = verification_method_document(verification_key(key))
    context = MULTIKEY_V1 if document["type"] == "Multikey" else CID_V1
    return {"@context": context, **document}


def issuer_keys(issuer: Issuer) -> list[IssuerKey]:
    """Return every key of the issuer, current and retired, oldest first."""
    return list(
        IssuerKey.objects.filter(issuer=issuer)
        .select_related("issuer")
        .order_by("key_type", "number")
    )


def issuer_key_documents(issuer: Issuer) -> dict[str, dict[str, Any]]:
    """Return ``{method id: verification method document}`` for every key."""
    return {key.method_id: method_document(key) for key in issuer_keys(issuer)}


def controller_document(issuer: Issuer) -> dict[str, Any]:
    """Return the issuer's controller document, served at its id.

    Every key, current or retired, is an ``assertionMethod``: credentials and status
    lists are signed for that purpose, and old credentials must keep verifying.
    """
    return core_controller_document(
        issuer.iri, [verification_key(key) for key in issuer_keys(issuer)]
    )
