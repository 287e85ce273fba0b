"""Verify a credential as anyone would: signature, key, dates, revocation, structure.

Keys are looked up among skillpath's own issuers (retired keys included); Ed25519
``did:key`` methods are resolved by the core without any lookup. Status lists are
read from skillpath's database. Nothing is ever fetched from the network, so a
credential from another issuer fails with the key named as unknown.

A valid signature is not enough: anyone can make a ``did:key`` and sign under a
college's name. The verdict says separately whether the signature holds
(``signature_valid``) and whether the issuer is one this platform knows
(``issuer_known``: its own issuers, or one an administrator lists as a
``TrustedIssuer``); "verified" needs both. The issuer's name shown is the one this
platform keeps, never the one the credential gives itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from skillpath.core.badges import Check, VerificationResult, verify_credential
from skillpath.credentials.keys import resolve_method
from skillpath.credentials.models import Issuer, TrustedIssuer
from skillpath.credentials.services.status_lists import resolve_status_list

MAX_INPUT_BYTES = 2 * 1024 * 1024

CHECK_LABELS: dict[str, Promise] = {
    "format": _("Readable credential"),
    "complexity": _("Small and simple enough to verify"),
    "structure": _("Open Badges 3.0 structure"),
    "jsonld": _("Every term defined (JSON-LD)"),
    "proof": _("Signature"),
    "issuer_key": _("Signing key belongs to the issuer"),
    "validity": _("Validity dates"),
    "status": _("Not revoked"),
    "issuer_known": _("Issuer known to this platform"),
}
SIGNATURE_CHECKS = ("proof", "issuer_key")


@dataclass(frozen=True)
class KnownIssuer:
    """An issuer this platform knows: one of its own, or one it trusts."""

    id: str
    name: str
    source: str  # "platform" or "trusted"


def known_issuer(issuer_id: str) -> KnownIssuer | None:
    """Return the issuer with this id if this platform knows it, else None."""
    if not issuer_id:
        return None
    own = Issuer.objects.filter(iri=issuer_id).values_list("name", flat=True).first()
    if own is not None:
        return KnownIssuer(issuer_id, own, "platform")
    trusted = (
        TrustedIssuer.objects.filter(identifier=issuer_id, active=True)
        .values_list("name", flat=True)
        .first()
    )
    if trusted is not None:
        return KnownIssuer(issuer_id, trusted, "trusted")
    return None


def _issuer_id(credential: dict[str, Any] | None) -> str:
    issuer = (credential or {}).get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    return issuer_id if isinstance(issuer_id, str) else ""


@dataclass(frozen=True)
class CheckRow:
    """One check of a verification, ready to show."""

    name: str
    label: str | Promise
    passed: bool
    message: str


@dataclass(frozen=True)
class Verdict:
    """The verdict of a verification, its checks, and what the credential says."""

    result: VerificationResult
    issuer: KnownIssuer | None = field(default=None)

    @property
    def signature_valid(self) -> bool:
        """Return whether the signature holds and its key belongs to the issuer id."""
        names = {check.name: check.passed for check in self.result.checks}
        return all(names.get(name, False) for name in SIGNATURE_CHECKS)

    @property
    def issuer_known(self) -> bool:
        """Return whether the issuer is this platform's own or a trusted one."""
        return self.issuer is not None

    @property
    def issuer_source(self) -> str:
        """Return ``platform``, ``trusted`` or ``unknown``."""
        return self.issuer.source if self.issuer else "unknown"

    @property
    def verified(self) -> bool:
        """Return whether every check passed and the issuer is known here."""
        return self.result.verified and self.issuer_known

    @property
    def revoked(self) -> bool:
        try:
            status = self.result.check("status")
        except KeyError:
            return False
        return not status.passed and "revoked" in status.message

    @property
    def rows(self) -> list[CheckRow]:
        rows = [
            CheckRow(c.name, CHECK_LABELS.get(c.name, c.name), c.passed, c.message)
            for c in self.result.checks
        ]
        if self.result.credential is not None:
            rows.append(self._issuer_row())
        return rows

    def _issuer_row(self) -> CheckRow:
        issuer_id = _issuer_id(self.result.credential)
        if self.issuer is None:
            message = gettext(
                "Unknown issuer: %(id)s is neither an issuer of this platform nor on "
                "its list of trusted issuers. A valid signature only shows that "
                "whoever holds this key signed it."
            ) % {"id": issuer_id or "?"}
        elif self.issuer.source == "platform":
            message = gettext("%(name)s issues credentials on this platform.") % {
                "name": self.issuer.name
            }
        else:
            message = gettext(
                "%(name)s is on this platform's list of trusted issuers."
            ) % {"name": self.issuer.name}
        return CheckRow(
            "issuer_known",
            CHECK_LABELS["issuer_known"],
            self.issuer is not None,
            message,
        )

    @property
    def credential(self) -> dict[str, Any] | None:
        return self.result.credential

    @property
    def summary(self) -> dict[str, Any]:
        """Return the names a person wants to see: credential, issuer, dates."""
        credential = self.result.credential or {}
        subject = credential.get("credentialSubject")
        subject = subject if isinstance(subject, dict) else {}
        achievement = subject.get("achievement")
        achievement = achievement if isinstance(achievement, dict) else {}
        return {
            "name": credential.get("name") or achievement.get("name") or "",
            "description": achievement.get("description", ""),
            # Our name for a known issuer; nothing for an unknown one (its own
            # claim to a name is exactly what a forgery would fake).
            "issuer_name": self.issuer.name if self.issuer else "",
            "issuer_id": _issuer_id(credential),
            "issuer_known": self.issuer_known,
            "valid_from": credential.get("validFrom", ""),
            "valid_until": credential.get("validUntil", ""),
            "id": credential.get("id", ""),
        }

    def as_dict(self) -> dict[str, Any]:
        """Return the verdict as JSON-ready data (for the API)."""
        return {
            "verified": self.verified,
            "signature_valid": self.signature_valid,
            "issuer_known": self.issuer_known,
            "issuer_source": self.issuer_source,
            "format": self.result.format,
            "revoked": self.revoked,
            "checks": [
                {
                    "name": row.name,
                    "label": str(row.label),
                    "passed": row.passed,
                    "message": row.message,
                }
                for row in self.rows
            ],
            "credential": self.summary if self.result.credential else None,
        }


def credential_verify(
    data: dict[str, Any] | str | bytes, *, now: datetime | None = None
) -> Verdict:
    """Verify a credential given as JSON, a VC-JWT or a baked PNG/SVG image."""
    size = len(data) if isinstance(data, str | bytes) else 0
    if size > MAX_INPUT_BYTES:
        return Verdict(
            VerificationResult(
                False,
                (
                    Check(
                        "format",
                        False,
                        f"The file is larger than {MAX_INPUT_BYTES // 1024} KiB.",
                    ),
                ),
            )
        )
    result = verify_credential(
        data,
        resolve_key=resolve_method,
        resolve_status_list=resolve_status_list,
        now=now,
    )
    return Verdict(result, known_issuer(_issuer_id(result.credential)))
