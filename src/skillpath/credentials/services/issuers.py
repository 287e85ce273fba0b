"""Issuers and their signing keys: creation, rotation, lookup.

Rotation retires the current key and creates its successor; the keys themselves
(made, decrypted to sign, published) are in ``keys.py``.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from skillpath.accounts.models import Organisation
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.core.badges import IssuerProfile
from skillpath.credentials.exceptions import IssuerNotFound
from skillpath.credentials.keys import key_pair_new, method_id
from skillpath.credentials.models import Issuer, IssuerKey, KeyType
from skillpath.credentials.services.status_lists import status_list_open
from skillpath.credentials.site import absolute


def _new_key(*, issuer: Issuer, key_type: str, number: int) -> IssuerKey:
    public_pem, encrypted = key_pair_new(key_type)
    return IssuerKey.objects.create(
        issuer=issuer,
        key_type=key_type,
        number=number,
        method_id=method_id(issuer, key_type, number),
        public_key_pem=public_pem,
        encrypted_private_key=encrypted,
    )


def issuer_ensure(*, organisation: Organisation, actor: Any = None) -> Issuer:
    """Return the organisation's issuer, creating it and its keys the first time."""
    existing = Issuer.objects.filter(organisation=organisation).first()
    if existing is not None:
        return existing
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
            audit_record(actor=actor, verb=AuditVerb.ISSUER_CREATE, target=issuer)
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
            verb=AuditVerb.ISSUER_KEY_ROTATE,
            target=issuer,
            key_type=key_type,
            method=key.method_id,
            retired=retired,
        )
    return key


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
