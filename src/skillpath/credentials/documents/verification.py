"""Verify a credential as anyone would: signature, key, dates, revocation, structure.

Keys are looked up among skillpath's own issuers (retired keys included); Ed25519
``did:key`` methods are resolved by the core without any lookup. Status lists are
read from skillpath's database. Nothing is ever fetched from the network, so a
credential from another issuer fails with the key named as unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from skillpath.core.badges import Check, VerificationResult, verify_credential
from skillpath.credentials.keys import resolve_method
from skillpath.credentials.services.status_lists import resolve_status_list

MAX_INPUT_BYTES = 2 * 1024 * 1024

CHECK_LABELS: dict[str, Promise] = {
    "format": _("Readable credential"),
    "structure": _("Open Badges 3.0 structure"),
    "jsonld": _("Every term defined (JSON-LD)"),
    "proof": _("Signature"),
    "issuer_key": _("Signing key belongs to the issuer"),
    "validity": _("Validity dates"),
    "status": _("Not revoked"),
}


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

    @property
    def verified(self) -> bool:
        return self.result.verified

    @property
    def revoked(self) -> bool:
        try:
            status = self.result.check("status")
        except KeyError:
            return False
        return not status.passed and "revoked" in status.message

    @property
    def rows(self) -> list[CheckRow]:
        return [
            CheckRow(c.name, CHECK_LABELS.get(c.name, c.name), c.passed, c.message)
            for c in self.result.checks
        ]

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
        issuer = credential.get("issuer")
        issuer = issuer if isinstance(issuer, dict) else {"id": issuer}
        return {
            "name": credential.get("name") or achievement.get("name") or "",
            "description": achievement.get("description", ""),
            "issuer_name": issuer.get("name", ""),
            "issuer_id": issuer.get("id", ""),
            "valid_from": credential.get("validFrom", ""),
            "valid_until": credential.get("validUntil", ""),
            "id": credential.get("id", ""),
        }

    def as_dict(self) -> dict[str, Any]:
        """Return the verdict as JSON-ready data (for the API)."""
        return {
            "verified": self.verified,
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
    return Verdict(
        verify_credential(
            data,
            resolve_key=resolve_method,
            resolve_status_list=resolve_status_list,
            now=now,
        )
    )
