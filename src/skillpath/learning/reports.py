"""Coordinators' reports per micro-credential: stages, hours, gaps, missing modules.

Aggregates only: no learner is named. Charts are drawn on the server as SVG from the
same rows the accessible tables show. Small counts (1 to ``SMALL_COUNT - 1``) are
hidden, as in the outcome reports: the stage counts with their total by
complementary suppression (``skillpath.core.disclosure``), so no hidden stage can be
worked out from the others and the total; the gap counts, which overlap and add up
to nothing shown, each on its own; the average hours only over enough learners.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import numpy as np
from django.apps import apps
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from skillpath.accounts.models import User
from skillpath.core.disclosure import suppress_with_margins
from skillpath.learning import selectors
from skillpath.learning.journey import STAGES, journey_for
from skillpath.learning.models import (
    ItemStatus,
    LearningPlan,
    ModuleOutcome,
    ModuleStatus,
    PlanItem,
)
from skillpath.learning.standings import standings_for

SMALL_COUNT = 10


@dataclass
class Bar:
    label: str
    value: float
    note: str = ""
    hidden: bool = False

    def width(self, largest: float, span: int = 300) -> int:
        if self.hidden:
            return 0
        return int(self.value * span / largest) if largest else 0


@dataclass
class Chart:
    title: str
    bars: list[Bar]
    unit: str = ""

    @property
    def largest(self) -> float:
        return max((bar.value for bar in self.bars if not bar.hidden), default=0.0)

    @property
    def rows(self) -> list[tuple[Bar, int, int]]:
        """Return each bar with its width and its vertical position."""
        return [
            (bar, bar.width(self.largest), 10 + index * 34)
            for index, bar in enumerate(self.bars)
        ]

    @property
    def height(self) -> int:
        return 20 + 34 * len(self.bars)


@dataclass
class CredentialReport:
    credential: Any
    learners: int = 0
    stages: list[Bar] = field(default_factory=list)
    average_hours: Decimal | None = None
    earned: int = 0
    full_program_hours: Decimal | None = None
    common_gaps: list[Bar] = field(default_factory=list)
    unserved_gaps: list[Bar] = field(default_factory=list)
    learners_hidden: bool = False
    earned_hidden: bool = False

    @property
    def stage_chart(self) -> Chart:
        return Chart(str(_("Learners at each stage")), self.stages)

    @property
    def average_hidden(self) -> bool:
        """Whether the average hours are over too few learners to be shown."""
        return self.earned_hidden or self.earned < SMALL_COUNT

    @property
    def hours_chart(self) -> Chart:
        bars = [
            Bar(str(_("Full program")), float(self.full_program_hours or 0)),
            Bar(
                str(_("Average to credential")),
                float(self.average_hours or 0),
                hidden=self.average_hidden,
            ),
        ]
        return Chart(str(_("Hours to the credential")), bars)

    @property
    def gaps_chart(self) -> Chart:
        return Chart(str(_("Most common gaps (learners)")), self.common_gaps)

    @property
    def unserved_chart(self) -> Chart:
        return Chart(
            str(_("Gaps without a good module (learners)")), self.unserved_gaps
        )

    @property
    def saved_percent(self) -> int | None:
        if self.average_hours is None or not self.full_program_hours:
            return None
        if self.average_hidden:
            return None
        saved = self.full_program_hours - self.average_hours
        return int(max(saved, Decimal("0")) * 100 / self.full_program_hours)


def _learners(credential: Any) -> set[int]:
    """Return the ids of learners who took part in the credential's cycle."""
    ids = set(
        LearningPlan.objects.filter(credential=credential).values_list(
            "learner_id", flat=True
        )
    )
    for label in (("credentials", "Award"), ("assessments", "Sitting")):
        try:
            model = apps.get_model(*label)
        except LookupError:
            continue
        ids |= set(
            model.objects.filter(credential=credential).values_list(
                "learner_id", flat=True
            )
        )
    return ids


def credential_report(credential: Any) -> CredentialReport:
    """Return the report of one micro-credential."""
    report = CredentialReport(credential=credential)
    hours = getattr(credential, "full_program_hours", None)
    report.full_program_hours = Decimal(str(hours)) if hours else None
    learner_ids = _learners(credential)
    report.learners = len(learner_ids)
    plans = {
        plan.learner_id: plan
        for plan in LearningPlan.objects.filter(credential=credential).prefetch_related(
            Prefetch(
                "items",
                queryset=PlanItem.objects.select_related("module"),
            )
        )
    }
    stage_counts: Counter[str] = Counter()
    earned_hours: list[Decimal] = []
    for learner in User.objects.filter(pk__in=learner_ids):
        plan = plans.get(learner.pk)
        journey = journey_for(
            learner=learner,
            credential=credential,
            standings=standings_for(learner=learner, credential=credential),
            plan=plan,
        )
        stage_counts[journey.stage] += 1
        if journey.stage in ("credential", "jobs"):
            done = sum(
                (
                    item.module.hours
                    for item in (plan.items.all() if plan else [])
                    if item.status == ItemStatus.COMPLETED
                ),
                Decimal("0"),
            )
            earned_hours.append(done)
    report.stages = [Bar(str(label), stage_counts.get(key, 0)) for key, label in STAGES]
    report.earned = len(earned_hours)
    if earned_hours:
        report.average_hours = sum(earned_hours, Decimal("0")) / len(earned_hours)
    gaps: Counter[int] = Counter()
    unserved: Counter[int] = Counter()
    reasons: dict[int, Counter[str]] = {}
    for plan in plans.values():
        gaps.update(plan.gaps_seen)
        for blocked in plan.blocked:
            unserved[blocked["competency"]] += 1
            reasons.setdefault(blocked["competency"], Counter())[blocked["reason"]] += 1
    names = selectors.competency_names(set(gaps) | set(unserved))
    report.common_gaps = [
        Bar(names.get(c, str(c)), count) for c, count in gaps.most_common(10)
    ]
    for requirement in _uncovered_requirements(credential):
        # Learners who needed it, though no module could teach it to them.
        unserved[requirement.competency_id] = max(
            unserved[requirement.competency_id], gaps[requirement.competency_id]
        )
        reasons.setdefault(requirement.competency_id, Counter())["not_taught"] += 1
        names.setdefault(requirement.competency_id, requirement.competency.title)
    report.unserved_gaps = [
        Bar(
            names.get(c, str(c)),
            count,
            str(REASONS.get(reasons[c].most_common(1)[0][0], "")),
        )
        for c, count in sorted(unserved.items(), key=lambda pair: -pair[1])[:10]
    ]
    _hide_small_counts(report)
    return report


def _hide_small_counts(report: CredentialReport) -> None:
    """Mark the counts (and what they give away) that the page must not show."""
    counts = np.array([[int(bar.value) for bar in report.stages]], dtype=np.int64)
    if counts.size:
        hidden = suppress_with_margins(counts, threshold=SMALL_COUNT)
        for bar, hide in zip(report.stages, hidden.cells[0], strict=True):
            bar.hidden = bool(hide)
        report.learners_hidden = bool(hidden.row_totals[0] or hidden.grand_total)
    # "Earned" is the sum of the last two stages: showing it beside one hidden
    # stage would give that stage away.
    earned_stages = report.stages[-2:]
    report.earned_hidden = 0 < report.earned < SMALL_COUNT or any(
        bar.hidden for bar in earned_stages
    )
    for bar in [*report.common_gaps, *report.unserved_gaps]:
        bar.hidden = 0 < bar.value < SMALL_COUNT


REASONS = {
    "not_taught": gettext_lazy("no reviewed module teaches it to the required level"),
    "excluded": gettext_lazy(
        "modules exist, but not in the learners' languages, formats, provinces or budgets"
    ),
    "prerequisites": gettext_lazy(
        "the modules that teach it have prerequisites learners cannot meet"
    ),
    "budget": gettext_lazy("too costly within learners' budgets"),
}


def _uncovered_requirements(credential: Any) -> list[Any]:
    """Return the credential's requirements no reviewed module teaches far enough."""
    requirements = getattr(credential, "requirements", None)
    if requirements is None:
        return []
    uncovered = []
    for requirement in requirements.select_related("competency"):
        taught = ModuleOutcome.objects.filter(
            competency_id=requirement.competency_id,
            level__gte=requirement.required_level,
            module__status=ModuleStatus.APPROVED,
        ).exists()
        if not taught:
            uncovered.append(requirement)
    return uncovered
