"""What assessments read from frameworks and credentials, in one place.

The micro-credential's definition (competencies, required levels, allowed methods,
retake rules, issuer) and the competency's scale live in other apps; every read of
them goes through here, so the rest of this app depends only on these functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from skillpath.assessments.models import AssessmentPolicy, Caution, Method
from skillpath.credentials import selectors as definitions
from skillpath.credentials.models import CredentialState, MicroCredential
from skillpath.frameworks.models import Competency
from skillpath.frameworks.text import localised

ALL_METHODS = frozenset(Method.values)


@dataclass(frozen=True)
class Requirement:
    """One competency of a micro-credential, as assessments needs it."""

    competency: Any
    required_level: int
    methods: frozenset[str]
    levels: tuple[int, ...]  # the competency's scale, lowest first


@dataclass(frozen=True)
class RetakeRules:
    cooldown_days: int
    max_attempts: int | None  # attempts in all, the first included; None: no limit


@dataclass(frozen=True)
class AssessmentSettings:
    time_limit_minutes: int | None
    max_items_per_competency: int
    caution: str = Caution.BALANCED


def credential_get(pk: int) -> MicroCredential | None:
    """Return a micro-credential learners can be assessed for (published or retired)."""
    return (
        MicroCredential.objects.exclude(state=CredentialState.DRAFT)
        .select_related("issuing_organisation")
        .filter(pk=pk)
        .first()
    )


def assessable_credentials() -> list[tuple[MicroCredential, str]]:
    """Return the published micro-credentials, with their titles."""
    return [
        (c, c.title)
        for c in MicroCredential.objects.filter(
            state=CredentialState.PUBLISHED
        ).order_by("title_en")
    ]


def credential_title(credential: MicroCredential) -> str:
    return str(credential.title)


def _scale_levels(competency: Competency, required: int) -> tuple[int, ...]:
    scale = competency.scale
    numbers = sorted(level.level for level in scale.levels.all()) if scale else []
    return _with_not_demonstrated(numbers, required)


def _with_not_demonstrated(numbers: list[int], required: int) -> tuple[int, ...]:
    if not numbers:
        numbers = list(range(1, max(required, 4) + 1))
    # Level 0 means "not demonstrated"; reaching level 1 needs a cut too.
    return (0, *numbers)


def credential_requirements(credential: Any) -> list[Requirement]:
    """Return the credential's competencies with required levels and methods.

    Adapts what ``credentials.selectors.credential_requirements`` reads. A
    requirement with no method listed may be shown by any method.
    """
    cached = getattr(credential, "_assessment_requirements", None)
    if cached is not None:
        return cached
    needs = []
    for requirement in definitions.credential_requirements(credential):
        methods = frozenset(requirement.allowed_methods) or ALL_METHODS
        needs.append(
            Requirement(
                competency=requirement.competency,
                required_level=requirement.required_level,
                methods=methods,
                levels=_with_not_demonstrated(
                    sorted(level.level for level in requirement.levels),
                    requirement.required_level,
                ),
            )
        )
    credential._assessment_requirements = needs
    return needs


def retake_rules(credential: MicroCredential) -> RetakeRules:
    return RetakeRules(
        cooldown_days=int(credential.retake_cooldown_days or 0),
        max_attempts=int(credential.max_attempts) if credential.max_attempts else None,
    )


def assessment_settings(credential: MicroCredential) -> AssessmentSettings:
    """Return the time limit, test length and caution (the policy's, if any)."""
    policy = AssessmentPolicy.objects.filter(credential=credential).first()
    if policy is None:
        return AssessmentSettings(time_limit_minutes=None, max_items_per_competency=12)
    return AssessmentSettings(
        time_limit_minutes=policy.time_limit_minutes,
        max_items_per_competency=policy.max_items_per_competency,
        caution=policy.caution,
    )


def issuing_organisation(credential: MicroCredential) -> Any:
    return credential.issuing_organisation


def credentials_issued_by(organisation_ids: Iterable[int]) -> list[int]:
    return list(
        MicroCredential.objects.filter(
            issuing_organisation_id__in=list(organisation_ids)
        ).values_list("pk", flat=True)
    )


def competency_owner(competency: Competency) -> Any:
    return competency.framework.owner


def competency_title(competency: Competency, language: str | None = None) -> str:
    return localised(competency, "title", language)


def scale_levels(competency: Competency) -> tuple[int, ...]:
    """Return the competency's levels, 0 ("not demonstrated") first."""
    return _scale_levels(competency, 1)


def all_competencies() -> list[Competency]:
    """Return every competency some micro-credential requires (the banks that matter).

    Coordinators author items for these, and for any competency of a framework they own.
    """
    return list(
        Competency.objects.filter(credential_requirements__isnull=False)
        .select_related("framework")
        .distinct()
        .order_by("framework__title", "position", "id")
    )


def competency_ref(competency: Competency) -> str:
    """Return how the interchange format names a competency: its identifier."""
    return str(competency.identifier)


def competency_lookup(ref: str) -> Competency | None:
    """Return the competency named ``ref``: an identifier, else a unique code."""
    ref = (ref or "").strip()
    if not ref:
        return None
    found = list(
        Competency.objects.select_related("framework").filter(identifier=ref)[:2]
    )
    if len(found) == 1:
        return found[0]
    found = list(Competency.objects.select_related("framework").filter(code=ref)[:2])
    return found[0] if len(found) == 1 else None


def level_label(competency: Competency, level: int, language: str | None = None) -> str:
    scale = competency.scale
    if scale is not None:
        for entry in scale.levels.all():
            if entry.level == level:
                return localised(entry, "label", language)
    return str(level)
