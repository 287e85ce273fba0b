"""Recipient identity: salted e-mail hashes (OB ``IdentityHash``) and matching.

A credential issued to an e-mail address carries ``sha256$`` + hex(SHA-256 of the
address followed by a salt), never the address itself. Someone who already knows
the address (an employer the learner gave it to) can check it matches.
"""

from __future__ import annotations

import hashlib
from typing import Any


def normalize_email(email: str) -> str:
    """Return the e-mail form that gets hashed: trimmed and lower-cased."""
    return email.strip().lower()


def identity_hash(value: str, salt: str) -> str:
    """Return the OB ``IdentityHash`` ``sha256$<hex>`` of ``value`` followed by ``salt``."""
    return "sha256$" + hashlib.sha256((value + salt).encode("utf-8")).hexdigest()


def recipient_matches(
    credential: dict[str, Any],
    *,
    email: str | None = None,
    subject_id: str | None = None,
) -> bool:
    """Return whether the credential was issued to this e-mail address or id.

    This is the optional "verify the recipient" step of Open Badges 3.0: the
    verifier knows the learner's address from elsewhere and checks the hash.
    """
    subject = credential.get("credentialSubject")
    if not isinstance(subject, dict):
        return False
    if subject_id is not None and subject.get("id") == subject_id:
        return True
    if email is None:
        return False
    candidates = {normalize_email(email), email.strip()}
    for identity in subject.get("identifier") or []:
        if (
            not isinstance(identity, dict)
            or identity.get("identityType") != "emailAddress"
        ):
            continue
        stored = str(identity.get("identityHash", ""))
        if identity.get("hashed") is True:
            salt = str(identity.get("salt", ""))
            if any(
                identity_hash(value, salt) == stored.lower() for value in candidates
            ):
                return True
        elif normalize_email(stored) in candidates:
            return True
    return False
