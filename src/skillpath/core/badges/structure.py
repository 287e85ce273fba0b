"""Structural checks of an Open Badges 3.0 credential (required fields and types).

This is not the full 1EdTech JSON Schema; it checks what verification relies on
and what the Open Badges 3.0 data model marks as required, with messages a
person can act on.
"""

from __future__ import annotations

import re
from typing import Any

from skillpath.core.badges.dates import is_datetime
from skillpath.core.badges.loader import VC_V2

OB_CONTEXT_PREFIX = "https://purl.imsglobal.org/spec/ob/v3p0/context"
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S+$")


def _types(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    return [value] if value is not None else []


def _is_iri(value: Any) -> bool:
    return isinstance(value, str) and bool(_IRI.match(value))


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def open_badge_problems(credential: Any) -> list[str]:
    """Return what keeps ``credential`` from being a well-formed OpenBadgeCredential.

    An empty list means the structure is sound.
    """
    if not isinstance(credential, dict):
        return ["The credential is not a JSON object."]
    problems: list[str] = []
    contexts = _types(credential.get("@context"))
    if not contexts or contexts[0] != VC_V2:
        problems.append(f"@context must start with {VC_V2}.")
    if not any(
        isinstance(c, str) and c.startswith(OB_CONTEXT_PREFIX) for c in contexts
    ):
        problems.append("@context must include the Open Badges 3.0 context.")
    types = _types(credential.get("type"))
    if "VerifiableCredential" not in types or not (
        "OpenBadgeCredential" in types or "AchievementCredential" in types
    ):
        problems.append(
            "type must include VerifiableCredential and OpenBadgeCredential."
        )
    if not _is_iri(credential.get("id")):
        problems.append("id must be an IRI.")
    if not _text(credential.get("name")):
        problems.append("name is required.")
    _check_issuer(credential.get("issuer"), problems)
    if not is_datetime(credential.get("validFrom")):
        problems.append("validFrom must be a date-time with a time zone.")
    if "validUntil" in credential and not is_datetime(credential["validUntil"]):
        problems.append("validUntil must be a date-time with a time zone.")
    _check_subject(credential.get("credentialSubject"), problems)
    for status in _types(credential.get("credentialStatus")):
        _check_status(status, problems)
    for schema in _types(credential.get("credentialSchema")):
        if (
            not isinstance(schema, dict)
            or not _is_iri(schema.get("id"))
            or not _text(schema.get("type"))
        ):
            problems.append("each credentialSchema needs an id and a type.")
    for evidence in _types(credential.get("evidence")):
        if not isinstance(evidence, dict) or "Evidence" not in _types(
            evidence.get("type")
        ):
            problems.append("each evidence must be an object of type Evidence.")
    _check_image(credential.get("image"), "image", problems)
    return problems


def _check_issuer(issuer: Any, problems: list[str]) -> None:
    if not isinstance(issuer, dict):
        problems.append("issuer must be a Profile object with an id.")
        return
    if not _is_iri(issuer.get("id")):
        problems.append("issuer.id must be an IRI.")
    if "Profile" not in _types(issuer.get("type")):
        problems.append("issuer.type must include Profile.")
    _check_image(issuer.get("image"), "issuer.image", problems)


def _check_subject(subject: Any, problems: list[str]) -> None:
    if not isinstance(subject, dict):
        problems.append("credentialSubject must be one AchievementSubject object.")
        return
    if "AchievementSubject" not in _types(subject.get("type")):
        problems.append("credentialSubject.type must include AchievementSubject.")
    identifiers = _types(subject.get("identifier"))
    if not _is_iri(subject.get("id")) and not identifiers:
        problems.append("credentialSubject needs an id or an identifier.")
    for identity in identifiers:
        if (
            not isinstance(identity, dict)
            or "IdentityObject" not in _types(identity.get("type"))
            or not _text(identity.get("identityHash"))
            or not _text(identity.get("identityType"))
            or not isinstance(identity.get("hashed"), bool)
        ):
            problems.append(
                "each identifier must be an IdentityObject with identityHash, "
                "identityType and hashed."
            )
    _check_achievement(subject.get("achievement"), problems)
    for result in _types(subject.get("result")):
        if not isinstance(result, dict) or "Result" not in _types(result.get("type")):
            problems.append("each result must be an object of type Result.")


def _check_achievement(achievement: Any, problems: list[str]) -> None:
    if not isinstance(achievement, dict):
        problems.append("credentialSubject.achievement must be an Achievement object.")
        return
    if not _is_iri(achievement.get("id")):
        problems.append("achievement.id must be an IRI.")
    if "Achievement" not in _types(achievement.get("type")):
        problems.append("achievement.type must include Achievement.")
    for name in ("name", "description"):
        if not _text(achievement.get(name)):
            problems.append(f"achievement.{name} is required.")
    criteria = achievement.get("criteria")
    if not isinstance(criteria, dict) or not (
        _text(criteria.get("narrative")) or _is_iri(criteria.get("id"))
    ):
        problems.append("achievement.criteria needs a narrative or an id.")
    _check_image(achievement.get("image"), "achievement.image", problems)
    for alignment in _types(achievement.get("alignment")):
        _check_alignment(alignment, problems)
    for description in _types(achievement.get("resultDescription")):
        if (
            not isinstance(description, dict)
            or not _is_iri(description.get("id"))
            or "ResultDescription" not in _types(description.get("type"))
            or not _text(description.get("name"))
            or not _text(description.get("resultType"))
        ):
            problems.append(
                "each resultDescription needs an id, type ResultDescription, a name "
                "and a resultType."
            )
            continue
        for alignment in _types(description.get("alignment")):
            _check_alignment(alignment, problems)


def _check_alignment(alignment: Any, problems: list[str]) -> None:
    if (
        not isinstance(alignment, dict)
        or "Alignment" not in _types(alignment.get("type"))
        or not _text(alignment.get("targetName"))
        or not _is_iri(alignment.get("targetUrl"))
    ):
        problems.append(
            "each alignment needs type Alignment, targetName and targetUrl."
        )


def _check_image(image: Any, where: str, problems: list[str]) -> None:
    if image is None:
        return
    if (
        not isinstance(image, dict)
        or not _is_iri(image.get("id"))
        or "Image" not in _types(image.get("type"))
    ):
        problems.append(f"{where} must be an Image object with an id.")


def _check_status(status: Any, problems: list[str]) -> None:
    if not isinstance(status, dict) or not _text(status.get("type")):
        problems.append("credentialStatus must be an object with a type.")
        return
    if status.get("type") != "BitstringStatusListEntry":
        return
    index = status.get("statusListIndex")
    if not isinstance(index, str) or not index.isdigit():
        problems.append("credentialStatus.statusListIndex must be a string of digits.")
    if not _is_iri(status.get("statusListCredential")):
        problems.append("credentialStatus.statusListCredential must be a URL.")
    if not _text(status.get("statusPurpose")):
        problems.append("credentialStatus.statusPurpose is required.")
