"""Test helpers of the issuing side: a micro-credential, standings, an award.

Definitions are made directly with the definitions side's models (no endorsement
workflow: issuing only reads them); only ``micro_credential`` knows their shape.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from skillpath.accounts import testing
from skillpath.accounts.models import Organisation, OrganisationKind, User
from skillpath.common.cycle import CompetencyStanding, StandingStatus
from skillpath.credentials.models import Award
from skillpath.credentials.selectors import definition_spec
from skillpath.credentials.services.awards import award_issue

ESCO_SKILL = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
_numbers = itertools.count(1)
CASE_ITEM = "https://case.example.org/uri/b1a4c5e8-0d0e-4c1e-9f1f-6a2f0e9d1a01"


def micro_credential(
    *,
    organisation: Organisation | None = None,
    name: str = "",
    levels: Sequence[int] = (3, 2),
    validity_months: int | None = None,
    allowed_methods: Sequence[str] = (),
) -> Any:
    """Create a published micro-credential requiring one competency per entry of
    ``levels`` (alternately from an ESCO and a CASE framework, on a 4-level scale)."""
    from skillpath.credentials.models import (
        AllowedMethod,
        MicroCredential,
        MicroCredentialCompetency,
    )
    from skillpath.frameworks.models import (
        Competency,
        Framework,
        JobProfile,
        ProficiencyLevel,
        ProficiencyScale,
        ProfileVersion,
    )

    organisation = organisation or testing.organisation(OrganisationKind.COLLEGE)
    number = next(_numbers)
    profile = JobProfile.objects.create(
        owner=organisation, title_en=f"Job {number}", noc_code="42202"
    )
    version = ProfileVersion.objects.create(profile=profile, number=1)
    credential = MicroCredential.objects.create(
        slug=f"mc-{number}",
        profile_version=version,
        issuing_organisation=organisation,
        title_en=name or f"Micro-credential {number}",
        description_en="Safe, caring practice in early childhood settings.",
        validity_months=validity_months,
        state="published",
    )
    for position, level in enumerate(levels):
        source, uri = ("esco", ESCO_SKILL) if position % 2 == 0 else ("case", CASE_ITEM)
        framework = Framework.objects.create(
            title=f"{source.upper()} framework {number}.{position}",
            source_format=source,
        )
        scale = ProficiencyScale.objects.create(framework=framework)
        for step in range(1, 5):
            ProficiencyLevel.objects.create(
                scale=scale, level=step, label_en=f"Level {step}"
            )
        competency = Competency.objects.create(
            framework=framework,
            title_en=f"Competency {number}.{position + 1}",
            description_en="Does the work safely.",
            uri=uri,
            code=f"C{number}.{position + 1}",
        )
        requirement = MicroCredentialCompetency.objects.create(
            credential=credential,
            competency=competency,
            required_level=level,
            position=position,
        )
        for method in allowed_methods:
            AllowedMethod.objects.create(requirement=requirement, method=method)
    return credential


def standings(
    credential: Any,
    *,
    method: str = "adaptive_test",
    short_by: int = 0,
    confidence: float | None = 0.97,
) -> list[CompetencyStanding]:
    """Return standings where every competency is demonstrated (the last one
    ``short_by`` levels short of its requirement)."""
    spec = definition_spec(credential)
    result = []
    for position, competency in enumerate(spec.competencies):
        shortfall = short_by if position == len(spec.competencies) - 1 else 0
        level = competency.required_level - shortfall
        result.append(
            CompetencyStanding(
                competency_id=competency.id,
                required_level=competency.required_level,
                demonstrated_level=level,
                status=StandingStatus.DEMONSTRATED
                if not shortfall
                else StandingStatus.GAP,
                method=method,
                confidence=confidence,
            )
        )
    return result


def awarded(
    *,
    learner: User | None = None,
    credential: Any = None,
    shared: bool = False,
    **definition: Any,
) -> Award:
    """Award a fresh micro-credential to a learner (new ones unless given)."""
    learner = learner or testing.learner()
    credential = credential or micro_credential(**definition)
    award = award_issue(
        learner=learner, credential=credential, standings=standings(credential)
    )
    if shared:
        Award.objects.filter(pk=award.pk).update(shared=True)
        award.refresh_from_db()
    return award
