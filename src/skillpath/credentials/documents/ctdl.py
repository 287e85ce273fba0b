"""Describe a published micro-credential in CTDL JSON-LD (``ceterms:MicroCredential``).

Credential Engine's Credential Transparency Description Language: the credential, its
owner, the competencies it requires (a ``ceterms:ConditionProfile`` whose
``ceterms:targetCompetency`` are ``ceterms:CredentialAlignmentObject``), the occupation
it leads to (NOC 2021), the employers who endorsed it (``ceterms:recognizedBy``), how
long it stays valid and what it stacks into.
"""

from __future__ import annotations

from typing import Any

from skillpath.credentials.models import MicroCredential
from skillpath.credentials.selectors import credential_requirements, endorsers
from skillpath.credentials.site import absolute

CONTEXT = "https://credreg.net/ctdl/schema/context/json"
NOC_FRAMEWORK = "https://noc.esdc.gc.ca/"


def _language_map(english: str, french: str) -> dict[str, str]:
    values = {"en": english, "fr": french}
    return {language: text for language, text in values.items() if text}


def _organisation(organisation: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "@type": "ceterms:CredentialOrganization",
        "@id": absolute(organisation.get_absolute_url()),
        "ceterms:name": {"en": organisation.name},
    }
    if organisation.website:
        document["ceterms:subjectWebpage"] = organisation.website
    return document


def ctdl_document(credential: MicroCredential) -> dict[str, Any]:
    """Return the CTDL JSON-LD description of ``credential``."""
    version = credential.profile_version
    profile = version.profile
    page = absolute(credential.get_absolute_url())
    competencies = []
    for requirement in credential_requirements(credential):
        competency = requirement.competency
        alignment: dict[str, Any] = {
            "@type": "ceterms:CredentialAlignmentObject",
            "ceterms:targetNode": competency.uri
            or absolute(competency.get_absolute_url()),
            "ceterms:targetNodeName": _language_map(
                competency.title_en, competency.title_fr
            ),
            "ceterms:framework": competency.framework.uri
            or absolute(competency.framework.get_absolute_url()),
            "ceterms:frameworkName": {"en": competency.framework.title},
            "ceterms:alignmentType": "requires",
            "ceterms:weight": round(requirement.importance / 5, 2),
        }
        if competency.code:
            alignment["ceterms:codedNotation"] = competency.code
        description = _language_map(
            competency.description_en, competency.description_fr
        )
        if description:
            alignment["ceterms:targetNodeDescription"] = description
        level = next(
            (lv for lv in requirement.levels if lv.level == requirement.required_level),
            None,
        )
        if level is not None:
            alignment["ceterms:description"] = _language_map(
                f"Required level {level.level} of {requirement.top_level}: {level.label_en}",
                f"Niveau exigé {level.level} sur {requirement.top_level} : {level.label_fr}"
                if level.label_fr
                else "",
            )
        competencies.append(alignment)
    document: dict[str, Any] = {
        "@context": CONTEXT,
        "@id": page,
        "@type": "ceterms:MicroCredential",
        "ceterms:ctid": f"ce-{credential.public_id}",
        "ceterms:name": _language_map(credential.title_en, credential.title_fr),
        "ceterms:description": _language_map(
            credential.description_en, credential.description_fr
        )
        or _language_map(credential.title_en, credential.title_fr),
        "ceterms:subjectWebpage": page,
        "ceterms:inLanguage": ["en", "fr"] if credential.title_fr else ["en"],
        "ceterms:credentialStatusType": {
            "@type": "ceterms:CredentialAlignmentObject",
            "ceterms:framework": "https://credreg.net/ctdl/terms/CredentialStatus",
            "ceterms:targetNode": "credentialStat:Active",
            "ceterms:frameworkName": {"en": "Credential Status"},
            "ceterms:targetNodeName": {"en": "Active"},
        },
        "ceterms:ownedBy": [_organisation(credential.issuing_organisation)],
        "ceterms:offeredBy": [_organisation(credential.issuing_organisation)],
        "ceterms:requires": [
            {
                "@type": "ceterms:ConditionProfile",
                "ceterms:description": _language_map(
                    credential.criteria_en, credential.criteria_fr
                )
                or {"en": "Demonstrate every competency at its required level."},
                "ceterms:targetCompetency": competencies,
            }
        ],
        "ceterms:occupationType": [
            {
                "@type": "ceterms:CredentialAlignmentObject",
                "ceterms:framework": NOC_FRAMEWORK,
                "ceterms:frameworkName": {
                    "en": "National Occupational Classification 2021"
                },
                "ceterms:codedNotation": profile.noc_code,
                "ceterms:targetNodeName": _language_map(
                    profile.title_en, profile.title_fr
                ),
            }
        ],
        "ceterms:recognizedBy": [_organisation(org) for org in endorsers(credential)],
    }
    if credential.published_at:
        document["ceterms:dateEffective"] = credential.published_at.date().isoformat()
    if credential.validity_months:
        document["ceterms:renewalFrequency"] = f"P{credential.validity_months}M"
    if credential.full_program_hours:
        document["ceterms:estimatedDuration"] = [
            {
                "@type": "ceterms:DurationProfile",
                "ceterms:description": {
                    "en": "Hours of the full program; a learner studies only the competencies they lack."
                },
                "ceterms:exactDuration": f"PT{credential.full_program_hours}H",
            }
        ]
    if credential.stackable and credential.stacks_into:
        part_of: dict[str, Any] = {
            "@type": "ceterms:Credential",
            "ceterms:name": {"en": credential.stacks_into},
        }
        if credential.stacks_into_url:
            part_of["ceterms:subjectWebpage"] = credential.stacks_into_url
        document["ceterms:isPartOf"] = [part_of]
    return document
