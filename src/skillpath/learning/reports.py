"""Coordinators' reports per micro-credential: stages, hours, gaps, missing modules.

Aggregates only: no learner is named. Charts are drawn on the server as SVG from the
same rows the accessible tables show.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

import numpy as np
from django.apps import apps
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from skillpath.accounts.models import User
from skillpath.common.protected_tables import THRESHOLD, is_small, protect
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


@dataclass
class Bar:
    label: str
    value: float | None  # None: hidden (a count of 1 to 9 people, or one revealing it)
    note: str = ""

    def width(self, largest: float, span: int = 300) -> int:
        if self.value is None or not largest:
            return 0
        return int(self.value * span / largest)


@dataclass
class Chart:
    title: str
    bars: list[Bar]
    unit: str = ""

    @property
    def largest(self) -> float:
        return max((bar.value or 0.0 for bar in self.bars), default=0.0)

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
    learners: int | None = 0
    stages: list[Bar] = field(default_factory=list)
    average_hours: Decimal | None = None
    earned: int | None = 0
    full_program_hours: Decimal | None = None
    common_gaps: list[Bar] = field(default_factory=list)
    unserved_gaps: list[Bar] = field(default_factory=list)

    @property
    def stage_chart(self) -> Chart:
        return Chart(str(_("Learners at each stage")), self.stages)

    @property
    def hours_chart(self) -> Chart:
        bars = [
            Bar(str(_("Full program")), float(self.full_program_hours or 0)),
            Bar(
                str(_("Average to credential")),
                None if self.average_hours is None else float(self.average_hours),
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
        saved = self.full_program_hours - self.average_hours
        return int(max(saved, Decimal("0")) * 100 / self.full_program_hours)


def protected(report: CredentialReport) -> CredentialReport:
    """Return ``report`` as it may be shown: no count of 1 to 9 people.

    The stages partition the learners, so they go through the same complementary
    suppression as the outcome reports (with the learners' total as margin); a gap
    count stands alone (learners can have several gaps) and is hidden when small;
    the average hours is hidden over fewer than 10 holders.
    """
    stages = protect(
        key="stages",
        title="",
        columns=("learners",),
        rows=[(bar.label, bar.label) for bar in report.stages],
        counts=np.array([[bar.value or 0] for bar in report.stages], dtype=np.int64),
        all_label="",
    )
    shown = {row.key: row.cells[0] for row in stages.rows}

    def stage_value(bar: Bar) -> float | None:
        if not bar.value:
            return bar.value
        value = shown.get(bar.label)
        return None if value is None else float(value)

    def alone(bars: list[Bar]) -> list[Bar]:
        return [
            Bar(
                bar.label,
                None if is_small(int(bar.value or 0)) else bar.value,
                bar.note,
            )
            for bar in bars
        ]

    enough = report.earned is not None and report.earned >= THRESHOLD
    return replace(
        report,
        learners=stages.all.total,
        earned=None if is_small(report.earned) else report.earned,
        average_hours=report.average_hours if enough else None,
        stages=[Bar(bar.label, stage_value(bar), bar.note) for bar in report.stages],
        common_gaps=alone(report.common_gaps),
        unserved_gaps=alone(report.unserved_gaps),
    )


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
    return report


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
