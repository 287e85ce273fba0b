"""Issuers and their signing keys: creation, rotation, publication, lookup.

Each issuer has one current Ed25519 key (Data Integrity ``eddsa-rdfc-2022`` and
EdDSA JWTs) and one current RSA key (RS256 JWTs). Private keys are stored encrypted
with ``settings.SKILLPATH_KEY_ENCRYPTION_KEY`` and are only ever decrypted in this
module, to sign. Rotation retires the current key; retired keys stay published in
the issuer's controller document so that what they signed still verifies.
"""

from __future__ import annotations

from typing import Any

from cryptography.hazmat.primitives.asymmetric import ed25519
from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from skillpath.accounts.models import Organisation
from skillpath.common.audit import audit_record
from skillpath.core.badges import (
    IssuerProfile,
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
from skillpath.credentials.exceptions import (
    IssuerKeyUnavailable,
    IssuerNotFound,
)
from skillpath.credentials.models import Issuer, IssuerKey, KeyType

# The contexts that define Multikey and JsonWebKey (W3C Controlled Identifiers 1.0).
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
CID_V1 = "https://www.w3.org/ns/cid/v1"
RSA_BITS = 3072


def base_url() -> str:
    """Return the public address of this platform, without a trailing slash."""
    return str(settings.SKILLPATH_BASE_URL).rstrip("/")


def absolute(path: str) -> str:
    """Return the public URL of a site path."""
    return base_url() + path


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


def _method_id(issuer: Issuer, key_type: str, number: int) -> str:
    return f"{issuer.iri}#{key_type}-{number}"


def _new_key(*, issuer: Issuer, key_type: str, number: int) -> IssuerKey:
    private: PrivateKey = (
        generate_ed25519_key()
        if key_type == KeyType.ED25519
        else generate_rsa_key(RSA_BITS)
    )
    return IssuerKey.objects.create(
        issuer=issuer,
        key_type=key_type,
        number=number,
        method_id=_method_id(issuer, key_type, number),
        public_key_pem=public_key_pem(private).decode("ascii"),
        encrypted_private_key=encrypt_private_key(private, _secret()),
    )


def issuer_ensure(*, organisation: Organisation, actor: Any = None) -> Issuer:
    """Return the organisation's issuer, creating it and its keys the first time."""
    existing = Issuer.objects.filter(organisation=organisation).first()
    if existing is not None:
        return existing
    from skillpath.credentials.services.status_lists import status_list_open

    try:
        with transaction.atomic():
            issuer = Issuer.objects.create(
                organisation=organisation,
                slug=organisation.slug,
                iri=absolute(reverse("credentials:issuer", args=[organisation.slug])),
                name=organisation.name,
                url=organisation.website,
                email=organisation.email,
            )
            for key_type in (KeyType.ED25519, KeyType.RSA):
                _new_key(issuer=issuer, key_type=key_type, number=1)
            status_list_open(issuer=issuer)
            audit_record(actor=actor, verb="issuer.create", target=issuer)
    except IntegrityError:  # created meanwhile by a concurrent request
        return Issuer.objects.get(organisation=organisation)
    return issuer


def issuer_key_rotate(*, issuer: Issuer, key_type: str, actor: Any = None) -> IssuerKey:
    """Retire the issuer's current key of ``key_type`` and create its successor."""
    if key_type not in KeyType.values:
        raise ValueError(f"Unknown key type {key_type!r}; use one of {KeyType.values}.")
    with transaction.atomic():
        Issuer.objects.select_for_update().get(pk=issuer.pk)
        keys = IssuerKey.objects.filter(issuer=issuer, key_type=key_type)
        number = max((key.number for key in keys), default=0) + 1
        retired = keys.filter(retired_at__isnull=True).update(retired_at=timezone.now())
        key = _new_key(issuer=issuer, key_type=key_type, number=number)
        audit_record(
            actor=actor,
            verb="issuer.key_rotate",
            target=issuer,
            key_type=key_type,
            method=key.method_id,
            retired=retired,
        )
    return key


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


def issuer_profile(issuer: Issuer) -> IssuerProfile:
    """Return the Open Badges ``Profile`` of the issuer."""
    return IssuerProfile(
        id=issuer.iri,
        name=issuer.name,
        url=issuer.url or None,
        email=issuer.email or None,
        image=issuer.image_url or None,
        description=issuer.description or None,
    )


def issuer_lookup(reference: str) -> Issuer:
    """Return the issuer whose id URL, or whose organisation's short name, is given."""
    reference = reference.strip()
    issuer = (
        Issuer.objects.select_related("organisation")
        .filter(iri=reference.rstrip("/"))
        .first()
        or Issuer.objects.select_related("organisation")
        .filter(organisation__slug=reference)
        .first()
        or Issuer.objects.select_related("organisation").filter(slug=reference).first()
    )
    if issuer is None:
        raise IssuerNotFound(
            _(
                "No issuer is known as %(reference)s. Give the issuer's id URL or its "
                "organisation's short name (credential_list shows both)."
            )
            % {"reference": reference}
        )
    return issuer
