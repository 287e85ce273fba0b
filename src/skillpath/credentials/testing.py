"""Factories of micro-credential definitions, for every app's tests.

``draft_credential()`` and ``published_credential()`` go through the definition
workflow on an endorsed job profile; ``micro_credential()`` is the builder the other
apps' tests use, with keyword options for what each of them needs.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from skillpath.accounts import testing as accounts_testing
from skillpath.accounts.models import Organisation, OrganisationKind
from skillpath.credentials.models import (
    AllowedMethod,
    AssessmentMethod,
    CredentialState,
    MicroCredential,
    MicroCredentialCompetency,
)
from skillpath.credentials.services import definitions as services
from skillpath.frameworks import testing as framework_testing
from skillpath.frameworks.models import (
    Competency,
    Framework,
    JobProfile,
    ProficiencyLevel,
    ProficiencyScale,
    ProfileVersion,
    SourceFormat,
)

ALL_METHODS = tuple(AssessmentMethod.values)
ESCO_SKILL = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
CASE_ITEM = "https://case.example.org/uri/b1a4c5e8-0d0e-4c1e-9f1f-6a2f0e9d1a01"
_numbers = itertools.count(1)


def draft_credential(**kwargs: Any) -> MicroCredential:
    """Return a draft definition built from an endorsed profile version."""
    world = framework_testing.endorsed_world(**kwargs)
    credential = services.credential_define(
        version=world.version,
        issuing_organisation=world.college,
        defined_by=world.coordinator,
    )
    return services.credential_update(
        credential=credential,
        changed_by=world.coordinator,
        criteria_en="Every competency demonstrated at its required level.",
        criteria_fr="Chaque compétence démontrée au niveau exigé.",
        full_program_hours=120,
        validity_months=36,
    )


def published_credential(**kwargs: Any) -> MicroCredential:
    """Return a published micro-credential definition."""
    credential = draft_credential(**kwargs)
    coordinator = credential.created_by
    return services.credential_publish(credential=credential, published_by=coordinator)


def micro_credential(
    *,
    levels: Sequence[int] = (2, 3),
    methods: Sequence[str] = ALL_METHODS,
    organisation: Organisation | None = None,
    title_en: str = "",
    full_program_hours: int | None = None,
    validity_months: int | None = None,
    max_attempts: int = 3,
    retake_cooldown_days: int = 0,
    aligned: bool = False,
) -> MicroCredential:
    """Return a published micro-credential requiring one competency per level given.

    The rows are written directly, not through the services: tests need definitions
    the workflow refuses to publish (no requirements at all, for one) and that only
    these options shape. The competencies sit in one framework of ``organisation``
    on a four-level scale; ``aligned`` puts each in a framework of its own instead,
    alternately an ESCO skill (``ESCO_SKILL``) and a CASE item (``CASE_ITEM``), so
    that badges carry both kinds of alignment.
    """
    number = next(_numbers)
    organisation = organisation or accounts_testing.organisation(
        OrganisationKind.COLLEGE
    )
    profile = JobProfile.objects.create(
        owner=organisation, title_en=f"Job {number}", noc_code="42202"
    )
    version = ProfileVersion.objects.create(profile=profile, number=1, state="endorsed")
    credential = MicroCredential.objects.create(
        slug=f"mc-{number}",
        profile_version=version,
        issuing_organisation=organisation,
        title_en=title_en or f"Micro-credential {number}",
        title_fr=f"Microcertification {number}",
        description_en="Safe, caring practice in early childhood settings.",
        state=CredentialState.PUBLISHED,
        full_program_hours=full_program_hours,
        validity_months=validity_months,
        max_attempts=max_attempts,
        retake_cooldown_days=retake_cooldown_days,
    )
    framework = None if aligned else _framework(f"Framework {number}", organisation)
    for position, level in enumerate(levels, start=1):
        uri = ""
        if aligned:
            source, uri = (
                (SourceFormat.ESCO, ESCO_SKILL)
                if position % 2
                else (SourceFormat.CASE, CASE_ITEM)
            )
            framework = _framework(
                f"{source.value.upper()} framework {number}.{position}",
                organisation,
                source_format=source,
            )
        assert framework is not None
        competency = Competency.objects.create(
            framework=framework,
            position=position,
            code=f"C{number}.{position}",
            title_en=f"Competency {number}.{position}",
            title_fr=f"Compétence {number}.{position}",
            description_en="Does the work safely.",
            uri=uri,
        )
        requirement = MicroCredentialCompetency.objects.create(
            credential=credential,
            competency=competency,
            required_level=level,
            position=position,
        )
        AllowedMethod.objects.bulk_create(
            AllowedMethod(requirement=requirement, method=method) for method in methods
        )
    return credential


def _framework(
    title: str,
    owner: Organisation,
    *,
    source_format: str = SourceFormat.MANUAL,
) -> Framework:
    """Return a new framework with a four-level proficiency scale."""
    framework = Framework.objects.create(
        title=title, owner=owner, source_format=source_format
    )
    scale = ProficiencyScale.objects.create(framework=framework)
    ProficiencyLevel.objects.bulk_create(
        ProficiencyLevel(scale=scale, level=level, label_en=f"Level {level}")
        for level in range(1, 5)
    )
    return framework
