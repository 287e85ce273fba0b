"""Build unsigned Open Badges 3.0 ``OpenBadgeCredential`` documents.

The input is plain dataclasses filled by the Django layer from its models; the
output is a JSON-ready dict whose every term is defined by the three contexts it
names (VC 2.0, Open Badges 3.0.3, Open Badges extensions), so that strict
JSON-LD verifiers accept it. See :func:`skillpath.core.badges.linked_data.expand_strict`.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from skillpath.core.badges.dates import format_datetime
from skillpath.core.badges.identity import identity_hash, normalize_email
from skillpath.core.badges.loader import OB_EXTENSIONS, OB_V3P0, VC_V2

OB_CONTEXTS = [VC_V2, OB_V3P0, OB_EXTENSIONS]
CREDENTIAL_TYPES = ["VerifiableCredential", "OpenBadgeCredential"]
ACHIEVEMENT_CREDENTIAL_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
    "ob_v3p0_achievementcredential_schema.json"
)
SCHEMA_VALIDATOR_TYPE = "1EdTechJsonSchemaValidator2019"


@dataclass(frozen=True)
class IssuerProfile:
    """The organisation that issues the credential (an OB ``Profile``)."""

    id: str
    name: str
    url: str | None = None
    email: str | None = None
    image: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Alignment:
    """A link from an achievement or competency to a framework item (CASE, ESCO).

    ``target_type`` is ``"CFItem"`` for a CASE item; leave it None for ESCO, which
    the Open Badges ``AlignmentTargetType`` enumeration does not name.
    """

    target_name: str
    target_url: str
    target_framework: str | None = None
    target_code: str | None = None
    target_type: str | None = None
    target_description: str | None = None


@dataclass(frozen=True)
class AchievementLevel:
    """One level of a competency's proficiency scale (a ``RubricCriterionLevel``)."""

    id: str
    name: str
    description: str | None = None
    level: str | None = None
    points: str | None = None


@dataclass(frozen=True)
class CompetencyResultDescription:
    """How a competency is reported: its ordered levels, lowest first."""

    id: str
    name: str
    levels: tuple[AchievementLevel, ...]
    required_level: str | None = None
    alignments: tuple[Alignment, ...] = ()


@dataclass(frozen=True)
class Achievement:
    """The micro-credential being awarded (an OB ``Achievement``)."""

    id: str
    name: str
    description: str
    criteria_narrative: str
    image: str | None = None
    achievement_type: str = "MicroCredential"
    alignments: tuple[Alignment, ...] = ()
    result_descriptions: tuple[CompetencyResultDescription, ...] = ()
    tags: tuple[str, ...] = ()
    in_language: str | None = None
    human_code: str | None = None


@dataclass(frozen=True)
class Recipient:
    """The learner: a URL/DID ``id``, or an e-mail address hashed with a salt."""

    id: str | None = None
    email: str | None = None
    salt: str = field(default_factory=lambda: secrets.token_hex(16))


@dataclass(frozen=True)
class CompetencyResult:
    """The level a learner demonstrated for one competency (an OB ``Result``)."""

    result_description: str
    achieved_level: str
    status: str | None = "Completed"


@dataclass(frozen=True)
class Evidence:
    """Something that shows the criteria were met (an OB ``Evidence``)."""

    id: str | None = None
    name: str | None = None
    description: str | None = None
    narrative: str | None = None
    genre: str | None = None
    audience: str | None = None


@dataclass(frozen=True)
class StatusEntry:
    """Where the credential's revocation bit lives (a ``BitstringStatusListEntry``)."""

    status_list_credential: str
    status_list_index: int
    status_purpose: str = "revocation"


def _drop_none(mapping: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in mapping.items() if value not in (None, [], ())}


def _image(url: str | None) -> dict[str, str] | None:
    return {"id": url, "type": "Image"} if url else None


def _alignment(alignment: Alignment) -> dict[str, Any]:
    return _drop_none(
        {
            "type": ["Alignment"],
            "targetName": alignment.target_name,
            "targetUrl": alignment.target_url,
            "targetFramework": alignment.target_framework,
            "targetCode": alignment.target_code,
            "targetType": alignment.target_type,
            "targetDescription": alignment.target_description,
        }
    )


def _result_description(description: CompetencyResultDescription) -> dict[str, Any]:
    level_ids = [level.id for level in description.levels]
    if (
        description.required_level is not None
        and description.required_level not in level_ids
    ):
        raise ValueError(
            f"Required level {description.required_level!r} is not one of the levels "
            f"of {description.name!r}."
        )
    return _drop_none(
        {
            "id": description.id,
            "type": ["ResultDescription"],
            "name": description.name,
            "resultType": "RubricCriterionLevel",
            "rubricCriterionLevel": [
                _drop_none(
                    {
                        "id": level.id,
                        "type": ["RubricCriterionLevel"],
                        "name": level.name,
                        "description": level.description,
                        "level": level.level,
                        "points": level.points,
                    }
                )
                for level in description.levels
            ],
            "requiredLevel": description.required_level,
            "alignment": [_alignment(item) for item in description.alignments],
        }
    )


def build_achievement(achievement: Achievement) -> dict[str, Any]:
    """Return the OB ``Achievement`` object of a micro-credential."""
    return _drop_none(
        {
            "id": achievement.id,
            "type": ["Achievement"],
            "achievementType": achievement.achievement_type,
            "name": achievement.name,
            "description": achievement.description,
            "criteria": {"narrative": achievement.criteria_narrative},
            "image": _image(achievement.image),
            "alignment": [_alignment(item) for item in achievement.alignments],
            "resultDescription": [
                _result_description(item) for item in achievement.result_descriptions
            ],
            "tag": list(achievement.tags),
            "inLanguage": achievement.in_language,
            "humanCode": achievement.human_code,
        }
    )


def build_issuer(issuer: IssuerProfile) -> dict[str, Any]:
    """Return the OB ``Profile`` object of an issuer."""
    return _drop_none(
        {
            "id": issuer.id,
            "type": ["Profile"],
            "name": issuer.name,
            "url": issuer.url,
            "email": issuer.email,
            "description": issuer.description,
            "image": _image(issuer.image),
        }
    )


def _subject(
    recipient: Recipient, achievement: Achievement, results: Sequence[CompetencyResult]
) -> dict[str, Any]:
    if not recipient.id and not recipient.email:
        raise ValueError("A recipient needs an id or an e-mail address.")
    identifier = None
    if recipient.email:
        identifier = [
            {
                "type": "IdentityObject",
                "identityHash": identity_hash(
                    normalize_email(recipient.email), recipient.salt
                ),
                "identityType": "emailAddress",
                "hashed": True,
                "salt": recipient.salt,
            }
        ]
    levels = {
        description.id: {level.id for level in description.levels}
        for description in achievement.result_descriptions
    }
    for result in results:
        if result.result_description not in levels:
            raise ValueError(
                f"Result for unknown competency {result.result_description!r}: add its "
                "CompetencyResultDescription to the achievement."
            )
        if result.achieved_level not in levels[result.result_description]:
            raise ValueError(
                f"Level {result.achieved_level!r} is not a level of "
                f"{result.result_description!r}."
            )
    return _drop_none(
        {
            "id": recipient.id,
            "type": ["AchievementSubject"],
            "identifier": identifier,
            "achievement": build_achievement(achievement),
            "result": [
                _drop_none(
                    {
                        "type": ["Result"],
                        "resultDescription": result.result_description,
                        "achievedLevel": result.achieved_level,
                        "status": result.status,
                    }
                )
                for result in results
            ],
        }
    )


def build_status_entry(entry: StatusEntry) -> dict[str, Any]:
    """Return the ``BitstringStatusListEntry`` object of a credential."""
    if entry.status_list_index < 0:
        raise ValueError("statusListIndex must not be negative.")
    return {
        "id": f"{entry.status_list_credential}#{entry.status_list_index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": entry.status_purpose,
        "statusListIndex": str(entry.status_list_index),
        "statusListCredential": entry.status_list_credential,
    }


def build_open_badge_credential(
    *,
    credential_id: str,
    issuer: IssuerProfile,
    achievement: Achievement,
    recipient: Recipient,
    valid_from: datetime,
    valid_until: datetime | None = None,
    results: Sequence[CompetencyResult] = (),
    evidence: Sequence[Evidence] = (),
    status: StatusEntry | None = None,
    name: str | None = None,
    description: str | None = None,
    image: str | None = None,
    include_schema: bool = True,
) -> dict[str, Any]:
    """Return an unsigned ``OpenBadgeCredential`` ready for signing.

    ``name`` defaults to the achievement's name. ``valid_from`` and
    ``valid_until`` are written in UTC to the second.
    """
    if valid_until is not None and valid_until <= valid_from:
        raise ValueError("validUntil must be after validFrom.")
    credential: dict[str, Any] = {
        "@context": list(OB_CONTEXTS),
        "id": credential_id,
        "type": list(CREDENTIAL_TYPES),
        "name": name or achievement.name,
    }
    credential.update(
        _drop_none(
            {
                "description": description,
                "image": _image(image),
                "issuer": build_issuer(issuer),
                "validFrom": format_datetime(valid_from),
                "validUntil": format_datetime(valid_until) if valid_until else None,
                "credentialSubject": _subject(recipient, achievement, results),
                "evidence": [
                    _drop_none(
                        {
                            "id": item.id,
                            "type": ["Evidence"],
                            "name": item.name,
                            "description": item.description,
                            "narrative": item.narrative,
                            "genre": item.genre,
                            "audience": item.audience,
                        }
                    )
                    for item in evidence
                ],
                "credentialStatus": build_status_entry(status) if status else None,
                "credentialSchema": (
                    [
                        {
                            "id": ACHIEVEMENT_CREDENTIAL_SCHEMA,
                            "type": SCHEMA_VALIDATOR_TYPE,
                        }
                    ]
                    if include_schema
                    else None
                ),
            }
        )
    )
    return credential
