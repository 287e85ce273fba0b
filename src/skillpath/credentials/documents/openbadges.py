"""Turn a definition, a learner's evidence and a status entry into a signed credential.

Signing happens once, when the award is made: the Data Integrity document and the
two VC-JWTs are stored, so every download of a credential is byte-for-byte the
same, and rotating a key later does not change what a learner already holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.urls import reverse

from skillpath.common.cycle import CompetencyStanding
from skillpath.core.badges import (
    Achievement,
    AchievementLevel,
    Alignment,
    CompetencyResult,
    CompetencyResultDescription,
    Evidence,
    Recipient,
    StatusEntry,
    build_open_badge_credential,
    sign_data_integrity,
    sign_vc_jwt,
)
from skillpath.credentials.keys import current_key, ed25519_private_key, private_key
from skillpath.credentials.models import Issuer, KeyType
from skillpath.credentials.selectors import CompetencySpec, DefinitionSpec
from skillpath.credentials.services.issuers import issuer_profile
from skillpath.credentials.site import absolute

METHOD_LABELS = {
    "adaptive_test": "Adaptive test",
    "performance_task": "Performance task scored with a rubric",
    "evidence": "Evidence or portfolio review",
    "prior_learning": "Recognition of prior learning",
}
ESCO_FRAMEWORK = "ESCO (European Skills, Competences, Qualifications and Occupations)"


@dataclass(frozen=True)
class SignedCredential:
    """One credential in its three signed forms."""

    document: dict[str, Any]  # with an eddsa-rdfc-2022 Data Integrity proof
    jwt_rs256: str
    jwt_eddsa: str


def achievement_iri(definition_id: int) -> str:
    """Return the id of a micro-credential's Open Badges ``Achievement``."""
    return absolute(reverse("credentials:achievement", args=[definition_id]))


def _competency_iri(achievement_id: str, competency: CompetencySpec) -> str:
    return f"{achievement_id}#competency-{competency.id}"


def _level_iri(achievement_id: str, competency_id: int, level: int) -> str:
    return f"{achievement_id}#competency-{competency_id}-level-{level}"


def _alignment(competency: CompetencySpec) -> Alignment | None:
    if not competency.source_uri:
        return None
    return Alignment(
        target_name=competency.name,
        target_url=competency.source_uri,
        target_framework=competency.framework_name
        or (ESCO_FRAMEWORK if competency.source_kind == "esco" else None),
        target_code=competency.code or None,
        # The OB AlignmentTargetType enumeration names CASE items but not ESCO.
        target_type="CFItem" if competency.source_kind == "case" else None,
        target_description=competency.description or None,
    )


def achievement_for(spec: DefinitionSpec, *, image_url: str | None) -> Achievement:
    """Return the Open Badges ``Achievement`` of a micro-credential."""
    achievement_id = achievement_iri(spec.id)
    alignments = []
    descriptions = []
    for competency in spec.competencies:
        alignment = _alignment(competency)
        if alignment is not None:
            alignments.append(alignment)
        descriptions.append(
            CompetencyResultDescription(
                id=_competency_iri(achievement_id, competency),
                name=competency.name,
                levels=tuple(
                    AchievementLevel(
                        id=_level_iri(achievement_id, competency.id, number),
                        name=label,
                        level=str(number),
                    )
                    for number, label in competency.levels
                ),
                required_level=_level_iri(
                    achievement_id, competency.id, competency.required_level
                ),
                alignments=(alignment,) if alignment is not None else (),
            )
        )
    criteria = spec.criteria or (
        "Every required competency demonstrated at its required level, by any "
        "method the micro-credential allows: "
        + "; ".join(
            f"{competency.name} (level {competency.required_level})"
            for competency in spec.competencies
        )
        + "."
    )
    return Achievement(
        id=achievement_id,
        name=spec.name,
        description=spec.description or spec.name,
        criteria_narrative=criteria,
        image=image_url,
        achievement_type="MicroCredential",
        alignments=tuple(alignments),
        result_descriptions=tuple(descriptions),
        in_language=spec.language,
        human_code=spec.code or None,
    )


def _evidence_narrative(standing: CompetencyStanding, note: str) -> str:
    method = METHOD_LABELS.get(standing.method, standing.method or "Assessment")
    text = (
        f"{method}: level {standing.demonstrated_level} demonstrated "
        f"(level {standing.required_level} required)"
    )
    if standing.confidence is not None:
        text += f", confidence {standing.confidence:.2f}"
    return text + (f". {note}" if note else ".")


def credential_build(
    *,
    credential_id: str,
    issuer: Issuer,
    spec: DefinitionSpec,
    standings: Sequence[CompetencyStanding],
    notes: dict[int, str],
    learner_email: str,
    salt: str,
    valid_from: datetime,
    valid_until: datetime | None,
    status_url: str,
    status_index: int,
) -> dict[str, Any]:
    """Return the unsigned ``OpenBadgeCredential`` of an award."""
    image_url = absolute(reverse("credentials:achievement_image", args=[spec.id]))
    achievement = achievement_for(spec, image_url=image_url)
    by_id = {standing.competency_id: standing for standing in standings}
    results = []
    evidence = []
    for competency in spec.competencies:
        standing = by_id[competency.id]
        level = min(
            standing.demonstrated_level, max(number for number, _ in competency.levels)
        )
        results.append(
            CompetencyResult(
                result_description=_competency_iri(achievement.id, competency),
                achieved_level=_level_iri(achievement.id, competency.id, level),
            )
        )
        evidence.append(
            Evidence(
                id=f"{credential_id}#evidence-{competency.id}",
                name=competency.name,
                narrative=_evidence_narrative(standing, notes.get(competency.id, "")),
                genre=METHOD_LABELS.get(standing.method, standing.method) or None,
            )
        )
    return build_open_badge_credential(
        credential_id=credential_id,
        issuer=issuer_profile(issuer),
        achievement=achievement,
        recipient=Recipient(email=learner_email, salt=salt),
        valid_from=valid_from,
        valid_until=valid_until,
        results=results,
        evidence=evidence,
        status=StatusEntry(
            status_list_credential=status_url, status_list_index=status_index
        ),
        image=image_url,
    )


def credential_sign(issuer: Issuer, unsigned: dict[str, Any]) -> SignedCredential:
    """Return the credential signed with the issuer's current keys, three ways."""
    ed_key = current_key(issuer, KeyType.ED25519)
    rsa_key = current_key(issuer, KeyType.RSA)
    ed_private = ed25519_private_key(ed_key)
    return SignedCredential(
        document=sign_data_integrity(
            unsigned, ed_private, verification_method=ed_key.method_id
        ),
        jwt_rs256=sign_vc_jwt(unsigned, private_key(rsa_key), kid=rsa_key.method_id),
        jwt_eddsa=sign_vc_jwt(unsigned, ed_private, kid=ed_key.method_id),
    )
