"""Keep the list of trusted issuers: the administrator's one write here."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from skillpath.common.audit import AuditVerb, audit_record
from skillpath.credentials.exceptions import IssuingError
from skillpath.credentials.models import TrustedIssuer


def trusted_issuer_identifier_clean(identifier: str) -> str:
    """Return the issuer id without spaces, or raise if it is no DID or web address."""
    identifier = (identifier or "").strip()
    if not identifier.startswith(("did:", "https://", "http://")) or any(
        character.isspace() for character in identifier
    ):
        raise IssuingError(
            _(
                "identifier: give the issuer's id as credentials carry it (a DID or URL)."
            )
        )
    return identifier


def trusted_issuer_save(*, trusted: TrustedIssuer, actor: Any) -> TrustedIssuer:
    """Save a trusted issuer as an administrator entered it, and audit the change."""
    trusted.identifier = trusted_issuer_identifier_clean(trusted.identifier)
    trusted.name = trusted.name.strip()
    with transaction.atomic():
        trusted.save()
        audit_record(
            actor=actor,
            verb=AuditVerb.TRUSTED_ISSUER_SET,
            target=trusted,
            identifier=trusted.identifier,
            name=trusted.name,
            active=trusted.active,
        )
    return trusted
