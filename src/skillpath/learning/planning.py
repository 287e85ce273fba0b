"""Turn standings and the catalogue into the core planner's plain data, and back.

The planner (:mod:`skillpath.core.planner`) knows competencies and modules only by
string ids; here competency ``7`` is ``"7"`` and module ``12`` is ``"12"``. Modules the
learner has completed stay in the catalogue at no cost and no time, teaching only what
the micro-credential does not assess: they still satisfy "take this module first" and
other modules' competency requirements, but the planner can never count on them to
close a gap the last assessment still found open (it found it open after them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from skillpath.common.cycle import CompetencyStanding, StandingStatus
from skillpath.core.planner import Module as PlannerModule
from skillpath.core.planner import Plan, plan
from skillpath.learning.models import LearningPlan, ModuleFormat, ModuleLanguage


@dataclass(frozen=True)
class Settings:
    """The learner's constraints on a plan, as the planner takes them."""

    languages: frozenset[str] | None = None
    formats: frozenset[str] | None = None
    region: str | None = None
    max_cost: float | None = None
    objective: str = "hours"

    @classmethod
    def of(cls, learning_plan: LearningPlan) -> Settings:
        return cls(
            languages=frozenset(learning_plan.languages) or None,
            formats=frozenset(learning_plan.formats) or None,
            region=learning_plan.region or None,
            max_cost=(
                float(learning_plan.max_cost)
                if learning_plan.max_cost is not None
                else None
            ),
            objective=learning_plan.objective,
        )


def open_gaps(standings: Iterable[CompetencyStanding]) -> list[CompetencyStanding]:
    """Return the standings an assessment found below the required level."""
    return [
        s for s in standings if s.status == StandingStatus.GAP and not s.demonstrated
    ]


def all_demonstrated(standings: Sequence[CompetencyStanding]) -> bool:
    """Return whether every competency of the credential is demonstrated."""
    return bool(standings) and all(s.demonstrated for s in standings)


@dataclass(frozen=True)
class CatalogueEntry:
    """One module as the planner needs it, read without model instances."""

    id: int
    hours: float
    cost: float
    language: str
    format: str
    province: str
    name: str
    teaches: dict[str, int]
    requires: dict[str, int]
    requires_modules: tuple[str, ...]


def planner_module(entry: CatalogueEntry) -> PlannerModule:
    """Return the planner's view of a catalogue module."""
    language = None if entry.language == ModuleLanguage.BILINGUAL else entry.language
    # Online modules suit every province; only where a module is taught matters.
    located = entry.format in (ModuleFormat.IN_PERSON, ModuleFormat.BLENDED)
    return PlannerModule(
        id=str(entry.id),
        hours=entry.hours,
        cost=entry.cost,
        teaches=entry.teaches,
        requires=entry.requires,
        requires_modules=entry.requires_modules,
        language=language,
        format=entry.format,
        region=(entry.province or None) if located else None,
        name=entry.name,
    )


def completed_module(entry: CatalogueEntry, assessed: set[str]) -> PlannerModule:
    """Return a module already completed: free, and silent on assessed competencies."""
    return PlannerModule(
        id=str(entry.id),
        hours=0.0,
        cost=0.0,
        teaches={c: v for c, v in entry.teaches.items() if c not in assessed},
        name=entry.name,
    )


def compute(
    *,
    standings: Sequence[CompetencyStanding],
    modules: Iterable[CatalogueEntry],
    completed: set[int],
    settings: Settings,
    names: dict[str, str] | None = None,
) -> Plan:
    """Return the cheapest plan that closes the open gaps of ``standings``.

    ``modules`` are the offered modules (plus the completed ones, whatever their
    status); ``completed`` holds the ids of the modules the learner has completed.
    """
    assessed = {str(s.competency_id) for s in standings}
    current = {str(s.competency_id): s.demonstrated_level for s in standings}
    required = {str(s.competency_id): s.required_level for s in open_gaps(standings)}
    catalogue = [
        completed_module(m, assessed) if m.id in completed else planner_module(m)
        for m in modules
    ]
    known = {m.id for m in catalogue}
    # A prerequisite that is no longer offered cannot be taken: drop the module.
    catalogue = [m for m in catalogue if set(m.requires_modules) <= known]
    while True:
        known = {m.id for m in catalogue}
        kept = [m for m in catalogue if set(m.requires_modules) <= known]
        if len(kept) == len(catalogue):
            break
        catalogue = kept
    return plan(
        current,
        required,
        catalogue,
        objective=settings.objective,
        languages=settings.languages,
        formats=settings.formats,
        region=settings.region,
        max_cost=settings.max_cost,
        names=names,
    )
