"""Reads of micro-credential definitions, for the catalogue, the API and other apps.

``credential_requirements`` is the one reader of what a credential requires: other
apps (assessments, learning) and the issuing side (``definition_spec``) adapt its
result rather than reading the definition's tables themselves::

    for requirement in credential_requirements(credential):
        requirement.competency, requirement.required_level, requirement.allowed_methods
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import translation

from skillpath.accounts.models import Organisation
from skillpath.credentials.models import (
    AllowedMethod,
    AssessmentMethod,
    CredentialState,
    MicroCredential,
    MicroCredentialCompetency,
)
from skillpath.frameworks.models import Competency, ProficiencyLevel
from skillpath.frameworks.selectors import endorsing_organisations


@dataclass(frozen=True)
class Requirement:
    """One competency a credential requires: level, importance, allowed methods."""

    competency: Competency
    required_level: int
    importance: int
    allowed_methods: tuple[str, ...]
    levels: tuple[ProficiencyLevel, ...]  # the competency's scale, lowest first

    @property
    def competency_id(self) -> int:
        return int(self.competency.pk)

    @property
    def level_label(self) -> str:
        return next(
            (lv.label for lv in self.levels if lv.level == self.required_level), ""
        )

    @property
    def top_level(self) -> int:
        return max((lv.level for lv in self.levels), default=self.required_level)

    @property
    def method_labels(self) -> list[str]:
        return [str(AssessmentMethod(m).label) for m in self.allowed_methods]


def _requirements_queryset() -> QuerySet[MicroCredentialCompetency]:
    return MicroCredentialCompetency.objects.select_related(
        "competency",
        "competency__framework",
        "competency__framework__scale",
        "competency__parent",
    ).prefetch_related(
        Prefetch("methods", queryset=AllowedMethod.objects.order_by("pk")),
        Prefetch(
            "competency__framework__scale__levels",
            queryset=ProficiencyLevel.objects.order_by("level"),
        ),
    )


def _requirements(rows: QuerySet[MicroCredentialCompetency]) -> list[Requirement]:
    requirements = []
    for row in rows.order_by("position", "pk"):
        scale = row.competency.scale
        requirements.append(
            Requirement(
                competency=row.competency,
                required_level=row.required_level,
                importance=row.importance,
                allowed_methods=row.allowed_methods,
                levels=tuple(scale.levels.all()) if scale is not None else (),
            )
        )
    return requirements


def credential_requirements(credential: MicroCredential) -> list[Requirement]:
    """Return the credential's competencies with required levels and allowed methods.

    In the definition's order, each with its competency's scale. A requirement with
    no method listed may be shown by any method (its ``allowed_methods`` is empty).
    """
    return _requirements(_requirements_queryset().filter(credential=credential))


def credential_requirements_by_slug(slug: str) -> list[Requirement]:
    """Return what the credential with short name ``slug`` requires (none if unknown)."""
    if not slug:
        return []
    return _requirements(_requirements_queryset().filter(credential__slug=slug))


def published_credentials(*, query: str = "") -> QuerySet[MicroCredential]:
    """Return the public catalogue, searched in both languages."""
    credentials = MicroCredential.objects.filter(
        state=CredentialState.PUBLISHED
    ).select_related("issuing_organisation", "profile_version__profile")
    if query:
        credentials = credentials.filter(
            Q(title_en__icontains=query)
            | Q(title_fr__icontains=query)
            | Q(description_en__icontains=query)
            | Q(description_fr__icontains=query)
            | Q(profile_version__profile__noc_code=query)
            | Q(profile_version__profile__title_en__icontains=query)
            | Q(profile_version__profile__title_fr__icontains=query)
        )
    return credentials.order_by("title_en")


def credential_detail(slug: str) -> MicroCredential | None:
    return (
        MicroCredential.objects.select_related(
            "issuing_organisation",
            "profile_version",
            "profile_version__profile",
            "profile_version__profile__owner",
        )
        .filter(slug=slug)
        .first()
    )


def endorsers(credential: MicroCredential) -> list[Any]:
    """Return the employers who endorsed the job profile behind the credential."""
    return endorsing_organisations(credential.profile_version)


def credentials_managed_by(organisations: list[Any]) -> QuerySet[MicroCredential]:
    """Return the definitions issued by ``organisations``, drafts included."""
    return (
        MicroCredential.objects.filter(issuing_organisation__in=organisations)
        .select_related("issuing_organisation", "profile_version__profile")
        .order_by("state", "title_en")
    )


@dataclass(frozen=True)
class CompetencySpec:
    """One required competency of a micro-credential, as its credentials state it."""

    id: int
    name: str
    description: str
    required_level: int
    levels: tuple[tuple[int, str], ...]  # (level, label), lowest first
    source_uri: str  # the CASE CFItem or ESCO skill URI, if any
    source_kind: str  # "case", "esco" or ""
    framework_name: str
    code: str
    allowed_methods: tuple[str, ...]  # empty: any method


@dataclass(frozen=True)
class DefinitionSpec:
    """What a credential says about the micro-credential it awards."""

    id: int
    name: str
    description: str
    criteria: str
    organisation: Organisation
    validity_months: int | None
    competencies: tuple[CompetencySpec, ...]
    code: str
    language: str = "en"


def _spec_levels(requirement: Requirement) -> tuple[tuple[int, str], ...]:
    levels = [
        (level.level, level.label or f"Level {level.level}")
        for level in requirement.levels
    ]
    if requirement.required_level not in {number for number, _label in levels}:
        levels = []  # an incomplete scale: number the levels instead
    if not levels:
        top = max(requirement.required_level, 4)
        levels = [(number, f"Level {number}") for number in range(1, top + 1)]
    return tuple(sorted(levels))


def _spec_source(competency: Competency) -> tuple[str, str]:
    uri = str(competency.source_uri or "")
    if not uri.startswith(("http://", "https://", "urn:")):
        return "", ""  # a bare identifier is no alignment target
    kind = str(competency.source_kind or "").lower()
    if kind not in ("case", "esco"):
        kind = "esco" if "data.europa.eu/esco" in uri else "case"
    return uri, kind


def _competency_spec(requirement: Requirement) -> CompetencySpec:
    competency = requirement.competency
    source_uri, source_kind = _spec_source(competency)
    return CompetencySpec(
        id=int(competency.pk),
        name=str(competency.name or str(competency)),
        description=str(competency.description or ""),
        required_level=requirement.required_level,
        levels=_spec_levels(requirement),
        source_uri=source_uri,
        source_kind=source_kind,
        framework_name=str(competency.framework.title or ""),
        code=str(competency.code or ""),
        allowed_methods=requirement.allowed_methods,
    )


def definition_spec(credential: MicroCredential) -> DefinitionSpec:
    """Return the facts of a ``MicroCredential`` that go into its credentials.

    Credentials are written in English (Open Badges 3.0 has one language per
    document), whatever the language of the request that triggers the award.
    """
    with translation.override("en"):
        return DefinitionSpec(
            id=int(credential.pk),
            name=str(credential.name or str(credential)),
            description=str(credential.description or ""),
            criteria=str(credential.criteria or ""),
            organisation=credential.issuing_organisation,
            validity_months=credential.validity_months or None,
            competencies=tuple(
                _competency_spec(requirement)
                for requirement in credential_requirements(credential)
            ),
            code=str(credential.code or ""),
        )
