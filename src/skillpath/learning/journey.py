"""Where a learner stands in the cycle for one credential, and what the plan shows.

choose → assess → learn → re-assess → credential → jobs. The stage follows from the
standings (assessments), the plan (here) and the award (credentials).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from skillpath.common.cycle import CompetencyStanding, StandingStatus
from skillpath.learning import selectors
from skillpath.learning.explain import blocked_text
from skillpath.learning.models import ItemStatus, LearningPlan, PlanItem

STAGES: list[tuple[str, str | Promise]] = [
    ("choose", _("Choose")),
    ("assess", _("Assess")),
    ("learn", _("Learn")),
    ("reassess", _("Re-assess")),
    ("credential", _("Credential")),
    ("jobs", _("Jobs")),
]


@dataclass
class Step:
    key: str
    label: str | Promise
    state: str  # "done", "current" or "todo"


@dataclass
class GapView:
    competency_id: int
    name: str
    demonstrated_level: int
    required_level: int
    status: str
    items: list[PlanItem] = field(default_factory=list)
    blocked: dict[str, Any] | None = None

    @property
    def ready_to_reassess(self) -> bool:
        """Return whether the modules that close this gap are all done."""
        done = [i for i in self.items if i.is_done]
        waiting = [i for i in self.items if not i.is_done]
        return bool(done) and not waiting


@dataclass
class Journey:
    """Everything the learner's page shows for one credential."""

    credential: Any
    standings: list[CompetencyStanding]
    plan: LearningPlan | None
    award: Any = None
    items: list[PlanItem] = field(default_factory=list)
    gaps: list[GapView] = field(default_factory=list)
    pending: list[GapView] = field(default_factory=list)
    not_assessed: list[GapView] = field(default_factory=list)
    stage: str = "assess"
    steps: list[Step] = field(default_factory=list)
    hours_total: Decimal = Decimal("0")
    hours_done: Decimal = Decimal("0")
    cost_total: Decimal = Decimal("0")
    full_program_hours: Decimal | None = None
    names: dict[int, str] = field(default_factory=dict)

    @property
    def progress_percent(self) -> int:
        if not self.hours_total:
            return 100 if self.stage in ("credential", "jobs") else 0
        return int(self.hours_done * 100 / self.hours_total)

    @property
    def hours_saved(self) -> Decimal | None:
        if not self.full_program_hours:
            return None
        return max(self.full_program_hours - self.hours_total, Decimal("0"))

    @property
    def saved_percent(self) -> int | None:
        saved = self.hours_saved
        if saved is None or not self.full_program_hours:
            return None
        return int(saved * 100 / self.full_program_hours)

    @property
    def assess_url(self) -> str:
        """Return where the learner takes (or resumes) the credential's assessment."""
        return _url("assessments:credential", self.credential.pk) or self.credential_url

    @property
    def choose_url(self) -> str:
        """Return the catalogue of micro-credentials, where a learner chooses one."""
        return _url("credentials:catalogue")

    @property
    def credential_url(self) -> str:
        return _absolute_url(self.credential)

    @property
    def award_url(self) -> str:
        return _absolute_url(self.award) if self.award is not None else ""

    @property
    def ready_to_reassess(self) -> list[GapView]:
        return [gap for gap in self.gaps if gap.ready_to_reassess]

    @property
    def blocked(self) -> list[GapView]:
        return [gap for gap in self.gaps if gap.blocked]


def _url(name: str, *args: Any) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def _absolute_url(instance: Any) -> str:
    try:
        return str(instance.get_absolute_url())
    except (AttributeError, NoReverseMatch):
        return ""


def award_for(learner: Any, credential: Any) -> Any:
    """Return the learner's active award of ``credential``, if the credentials app has one."""
    try:
        award_model = apps.get_model("credentials", "Award")
    except LookupError:
        return None
    return (
        award_model.objects.filter(learner=learner, credential=credential)
        .filter(status="active")
        .first()
    )


def journey_for(
    *,
    learner: Any,
    credential: Any,
    standings: Sequence[CompetencyStanding],
    plan: LearningPlan | None = None,
) -> Journey:
    """Return where ``learner`` stands for ``credential`` and what comes next."""
    if plan is None:
        plan = LearningPlan.objects.filter(
            learner=learner, credential=credential
        ).first()
    journey = Journey(
        credential=credential,
        standings=list(standings),
        plan=plan,
        award=award_for(learner, credential),
        full_program_hours=_full_program_hours(credential),
    )
    names = selectors.competency_names(s.competency_id for s in standings)
    journey.names = names
    if plan is not None:
        journey.items = list(
            plan.items.exclude(status=ItemStatus.NOT_NEEDED)
            .select_related("module", "module__provider")
            .order_by("position", "pk")
        )
        for item in journey.items:
            journey.hours_total += item.module.hours
            journey.cost_total += item.module.cost
            if item.is_done:
                journey.hours_done += item.module.hours
    blocked = {gap["competency"]: gap for gap in (plan.blocked if plan else [])}
    for standing in standings:
        view = GapView(
            competency_id=standing.competency_id,
            name=names.get(standing.competency_id, str(standing.competency_id)),
            demonstrated_level=standing.demonstrated_level,
            required_level=standing.required_level,
            status=standing.status,
            items=[i for i in journey.items if str(standing.competency_id) in i.closes],
        )
        if standing.status == StandingStatus.GAP and not standing.demonstrated:
            gap = blocked.get(standing.competency_id)
            if gap is not None:
                view.blocked = {**gap, **blocked_text(gap, view.name)}
            journey.gaps.append(view)
        elif standing.status == StandingStatus.PENDING:
            journey.pending.append(view)
        elif standing.status == StandingStatus.NOT_ASSESSED:
            journey.not_assessed.append(view)
    journey.stage = _stage(journey)
    order = [key for key, _label in STAGES]
    current = order.index(journey.stage)
    journey.steps = [
        Step(
            key,
            label,
            "done" if index < current else "current" if index == current else "todo",
        )
        for index, (key, label) in enumerate(STAGES)
    ]
    return journey


def _full_program_hours(credential: Any) -> Decimal | None:
    hours = getattr(credential, "full_program_hours", None)
    return Decimal(str(hours)) if hours else None


def _stage(journey: Journey) -> str:
    standings = journey.standings
    if journey.award is not None:
        return "jobs"
    if standings and all(s.demonstrated for s in standings):
        return "credential"
    if not standings:
        return "choose"
    if not journey.gaps:
        return "assess"  # not assessed yet, or waiting for an assessor
    if journey.ready_to_reassess and all(
        gap.ready_to_reassess or gap.blocked for gap in journey.gaps
    ):
        return "reassess"
    return "learn"
