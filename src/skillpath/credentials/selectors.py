"""Reads of micro-credential definitions, for the catalogue, the API and other apps.

Other issues ask here for what a credential requires::

    for requirement in credential_requirements(credential):
        requirement.competency, requirement.required_level, requirement.allowed_methods
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

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
        "competency", "competency__framework", "competency__parent"
    ).prefetch_related(
        Prefetch("methods", queryset=AllowedMethod.objects.order_by("pk"))
    )


def credential_requirements(credential: MicroCredential) -> list[Requirement]:
    """Return the credential's competencies with required levels and allowed methods."""
    rows = list(
        _requirements_queryset()
        .filter(credential=credential)
        .order_by("position", "pk")
    )
    frameworks = {row.competency.framework_id for row in rows}
    levels: dict[int, list[ProficiencyLevel]] = {}
    for level in (
        ProficiencyLevel.objects.filter(scale__framework_id__in=frameworks)
        .select_related("scale")
        .order_by("level")
    ):
        levels.setdefault(level.scale.framework_id, []).append(level)
    return [
        Requirement(
            competency=row.competency,
            required_level=row.required_level,
            importance=row.importance,
            allowed_methods=row.allowed_methods,
            levels=tuple(levels.get(row.competency.framework_id, ())),
        )
        for row in rows
    ]


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
