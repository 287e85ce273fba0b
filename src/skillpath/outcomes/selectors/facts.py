"""The report's raw material: GROUP BY counts per learner and credential.

The population is every (learner, credential) pair with an assessment sitting: a
learner enters the funnel with their first sitting. Each source table is read with
one GROUP BY query (two for follow-ups), whatever the number of learners, grouped by
the pair, with conditional counts as columns: the database does the counting over
hundreds of thousands of rows and hands back one row of small integers per pair.
Breakdowns are then sums of those rows by each attribute (`reports.py`, numpy).

Why not group by the breakdown attributes in SQL directly: the attributes together
(credential, cohort, province, five self-identification answers) have more
combinations than there are learners, so such a GROUP BY returns about one row per
learner anyway, and SQLite evaluates a date function per row to find the cohort.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import numpy as np
from django.db import connections
from django.db.models import CharField, Count, F, Min, Q, Sum, TextField, Value
from django.db.models.functions import Cast, Coalesce, Concat, Substr

from skillpath.assessments.models import Sitting
from skillpath.credentials.models import Award, AwardStatus
from skillpath.jobs.models import Application, ApplicationStatus
from skillpath.learning.models import LearningPlan, PlanItem
from skillpath.outcomes.models import (
    CompetencyRating,
    EmployerRating,
    FollowUp,
    FollowUpKind,
    FollowUpState,
    WageUnit,
)

#: The self-identification questions of `LearnerProfile`, in the order shown.
GROUPS = ("newcomer", "indigenous", "woman", "youth", "disability")

#: A pair's attributes: credential, organisation, cohort ("2026-03", UTC month the
#: learner joined), province, then the GROUPS answers ("", "yes", "no").
Key = tuple[Any, ...]

#: Furthest stage reached in the funnel (each pair counts in one column).
STAGES = ("assessed", "plan", "credential", "applied", "hired")

#: A closed survey's outcome (each survey counts in one column).
OUTCOMES = (
    "employed_in_field",
    "employed_other",
    "not_employed",
    "declined",
    "bounced",
    "no_answer",
)
ANSWERED = (0, 1, 2)
EMPLOYED = (0, 1)
KINDS = tuple(kind.value for kind in FollowUpKind)

#: Surveys whose outcome is final: the RR1 denominator (open ones are not counted).
CLOSED_STATES = (
    FollowUpState.ANSWERED,
    FollowUpState.DECLINED,
    FollowUpState.BOUNCED,
    FollowUpState.NO_ANSWER,
)

#: Hours of a full-time year: annual wages are divided by it (WIOA's convention).
HOURS_PER_YEAR = Decimal(2080)


@dataclass
class Facts:
    """Per (learner, credential) pair: attributes, counts and figures."""

    columns: list[np.ndarray] = field(default_factory=list)  # one per Key position
    index: dict[tuple[int, int], int] = field(default_factory=dict)
    funnel: np.ndarray = field(default_factory=lambda: np.zeros((0, len(STAGES))))
    follow_ups: dict[str, np.ndarray] = field(default_factory=dict)
    retention: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    satisfaction: np.ndarray = field(default_factory=lambda: np.zeros((0, 3)))
    # (pair index, value) for the medians and means.
    days_to_credential: list[tuple[int, float]] = field(default_factory=list)
    hours_saved: list[tuple[int, float]] = field(default_factory=list)
    plan_cost: list[tuple[int, float]] = field(default_factory=list)
    wage_before: list[tuple[int, float]] = field(default_factory=list)
    wage_after: list[tuple[int, float]] = field(default_factory=list)
    # (credential, competency, ratings, sum of preparation, sum of performance)
    competencies: list[tuple[int, int, int, int, int]] = field(default_factory=list)

    def codes(self, position: int) -> tuple[list[Any], np.ndarray]:
        """Return the distinct values of attribute ``position`` and each pair's."""
        column = self.columns[position] if self.columns else np.array([], dtype=object)
        if len(column) == 0:
            return [], np.zeros(0, dtype=np.int64)
        values, codes = np.unique(column, return_inverse=True)
        return list(values), codes.astype(np.int64)

    def start(self, keys: list[Key], pairs: list[tuple[int, int]]) -> None:
        """Set the population, one pair per key, and zero every count."""
        width = 4 + len(GROUPS)
        self.columns = [
            np.array([key[k] for key in keys], dtype=object) for k in range(width)
        ]
        self.index = {pair: i for i, pair in enumerate(pairs)}
        size = len(keys)
        self.funnel = np.zeros((size, len(STAGES)), dtype=np.int64)
        self.follow_ups = {
            kind: np.zeros((size, len(OUTCOMES)), dtype=np.int64) for kind in KINDS
        }
        self.retention = np.zeros((size, 2), dtype=np.int64)
        self.satisfaction = np.zeros((size, 3), dtype=np.int64)


def hourly(wage: Decimal, unit: str) -> float:
    """Return the hourly equivalent of a wage (a year is 2,080 hours)."""
    return float(wage if unit == WageUnit.HOUR else wage / HOURS_PER_YEAR)


def _population(facts: Facts, credential_ids: list[int]) -> None:
    profile = "learner__learner_profile"
    parts: list[Any] = [Substr(Cast("learner__date_joined", CharField()), 1, 7)]
    for name in ("region", *(f"identifies_{group}" for group in GROUPS)):
        parts += [Value("|"), Coalesce(f"{profile}__{name}", Value(""))]
    rows = (
        Sitting.objects.filter(credential_id__in=credential_ids)
        .values_list(
            "learner_id",
            "credential_id",
            "credential__issuing_organisation_id",
            Concat(*parts, output_field=CharField()),
        )
        .distinct()
        .order_by()
    )
    keys, pairs = [], []
    for learner, credential, organisation, attributes in rows:
        pairs.append((learner, credential))
        keys.append((credential, organisation, *attributes.split("|")))
    facts.start(keys, pairs)


def _funnel(facts: Facts, credential_ids: list[int]) -> None:
    """Set each pair's furthest stage; collect the holders' figures."""
    stage = np.zeros(len(facts.index), dtype=np.int64)
    planned = LearningPlan.objects.filter(credential_id__in=credential_ids)
    for pair in planned.values_list("learner_id", "credential_id").order_by():
        if pair in facts.index:
            stage[facts.index[pair]] = 1
    plan_sums = {
        (learner, credential): (hours, cost)
        for learner, credential, hours, cost in PlanItem.objects.filter(
            plan__credential_id__in=credential_ids
        )
        .values("plan__learner_id", "plan__credential_id")
        .annotate(hours=Sum("module__hours"), cost=Sum("module__cost"))
        .values_list("plan__learner_id", "plan__credential_id", "hours", "cost")
        .order_by()
    }
    first_sitting = {
        (learner, credential): first
        for learner, credential, first in Sitting.objects.filter(
            credential_id__in=credential_ids
        )
        .values("learner_id", "credential_id")
        .annotate(first=Min("started_at"))
        .values_list("learner_id", "credential_id", "first")
        .order_by()
    }
    awards = (
        Award.objects.filter(
            credential_id__in=credential_ids, status=AwardStatus.ACTIVE
        )
        .values_list(
            "learner_id",
            "credential_id",
            "valid_from",
            "credential__full_program_hours",
            "learner__outcome_baseline__employed",
            "learner__outcome_baseline__wage",
            "learner__outcome_baseline__wage_unit",
        )
        .order_by()
    )
    for learner, credential, valid_from, full, employed, wage, unit in awards:
        at = facts.index.get((learner, credential))
        if at is None:
            continue
        stage[at] = 2
        first = first_sitting[(learner, credential)]
        days = (valid_from - first).total_seconds() / 86400
        facts.days_to_credential.append((at, float(max(0, int(days)))))
        hours, cost = plan_sums.get((learner, credential), (Decimal(0), Decimal(0)))
        if full:
            facts.hours_saved.append((at, float(Decimal(full) - hours)))
        facts.plan_cost.append((at, float(cost)))
        if employed and wage is not None:
            facts.wage_before.append((at, hourly(wage, unit)))
    applied = (
        Application.objects.filter(
            _held_before(""),
            seeker__awards__credential_id__in=credential_ids,
        )
        .values("seeker_id", "seeker__awards__credential_id")
        .annotate(hired=Count("id", filter=Q(status=ApplicationStatus.HIRED)))
        .values_list("seeker_id", "seeker__awards__credential_id", "hired")
        .order_by()
    )
    for learner, credential, hired in applied:
        at = facts.index.get((learner, credential))
        if at is not None:
            stage[at] = 4 if hired else 3
    facts.funnel[np.arange(len(stage)), stage] = 1


def _kind(kind: str) -> Q:
    return Q(kinds_text__contains=f'"{kind}"')


OUTCOME_FILTERS = (
    Q(state=FollowUpState.ANSWERED, answer__employed=True, answer__in_field=True),
    Q(state=FollowUpState.ANSWERED, answer__employed=True) & ~Q(answer__in_field=True),
    Q(state=FollowUpState.ANSWERED, answer__employed=False),
    Q(state=FollowUpState.DECLINED),
    Q(state=FollowUpState.BOUNCED),
    Q(state=FollowUpState.NO_ANSWER),
)


def _follow_ups(facts: Facts, credential_ids: list[int]) -> None:
    base = FollowUp.objects.filter(
        award__credential_id__in=credential_ids, state__in=CLOSED_STATES
    ).annotate(kinds_text=Cast("kinds", TextField()))
    columns: dict[str, Any] = {}
    for k, kind in enumerate(KINDS):
        for o, outcome in enumerate(OUTCOME_FILTERS):
            # The outcome first: SQL stops at it, and tests the kind in 1 of 6.
            columns[f"c{k}_{o}"] = Count("id", filter=outcome & _kind(kind))
    q4 = _kind(FollowUpKind.QUARTER_4) & Q(
        state=FollowUpState.ANSWERED, answer__employed=True
    )
    columns["same"] = Count("id", filter=Q(answer__same_employer=True) & q4)
    columns["other"] = Count("id", filter=Q(answer__same_employer=False) & q4)
    rows = (
        base.values("learner_id", "award__credential_id")
        .annotate(**columns)
        .values_list("learner_id", "award__credential_id", *columns)
        .order_by()
    )
    width = len(OUTCOMES)
    table = _fetch_ints(rows, 2 + len(columns))
    at = np.array(
        [facts.index.get((int(a), int(b)), -1) for a, b in table[:, :2]], dtype=np.int64
    )
    known = at >= 0
    table, at = table[known], at[known]
    for k, kind in enumerate(KINDS):
        facts.follow_ups[kind][at] += table[:, 2 + k * width : 2 + (k + 1) * width]
    facts.retention[at] += table[:, -2:]
    wages = (
        base.filter(
            _kind(FollowUpKind.QUARTER_2),
            state=FollowUpState.ANSWERED,
            answer__employed=True,
            answer__wage__isnull=False,
        )
        .values_list(
            "learner_id", "award__credential_id", "answer__wage", "answer__wage_unit"
        )
        .order_by()
    )
    for learner, credential, wage, unit in wages:
        pair = facts.index.get((learner, credential))
        if pair is not None and wage is not None:
            facts.wage_after.append((pair, hourly(wage, unit)))


def _fetch_ints(rows: Any, width: int) -> np.ndarray:
    """Return the rows of a queryset of integers as an array, without per-row objects.

    The ORM builds the GROUP BY; the cursor hands the integers straight to numpy
    (Django's per-value conversion costs more than the query at 60,000 rows).
    """
    sql, params = rows.query.sql_with_params()
    with connections[rows.db].cursor() as cursor:
        cursor.execute(sql, params)
        fetched = cursor.fetchall()
    return np.array(fetched, dtype=np.int64).reshape(len(fetched), width)


def _held_before(prefix: str) -> Q:
    """Return the filter tying a hire to a credential its seeker held when applying."""
    path = f"{prefix}__" if prefix else ""
    return Q(
        **{
            f"{path}seeker__awards__status": AwardStatus.ACTIVE,
            f"{path}created_at__gte": F(f"{path}seeker__awards__valid_from"),
        }
    )


def _ratings(facts: Facts, credential_ids: list[int]) -> None:
    answered = Q(state=FollowUpState.ANSWERED)
    rows = (
        EmployerRating.objects.filter(
            _held_before("application"),
            application__seeker__awards__credential_id__in=credential_ids,
            state__in=(FollowUpState.ANSWERED, FollowUpState.NO_ANSWER),
        )
        .values("application__seeker_id", "application__seeker__awards__credential_id")
        .annotate(
            satisfied=Count("id", filter=answered & Q(overall_satisfaction__gte=4)),
            less=Count("id", filter=answered & Q(overall_satisfaction__lt=4)),
            silent=Count("id", filter=Q(state=FollowUpState.NO_ANSWER)),
        )
        .values_list(
            "application__seeker_id",
            "application__seeker__awards__credential_id",
            "satisfied",
            "less",
            "silent",
        )
        .order_by()
    )
    for learner, credential, *counts in rows:
        at = facts.index.get((learner, credential))
        if at is not None:
            facts.satisfaction[at] += counts
    competencies = (
        CompetencyRating.objects.filter(
            _held_before("rating__application"),
            rating__application__seeker__awards__credential_id__in=credential_ids,
            rating__state=FollowUpState.ANSWERED,
        )
        .values("rating__application__seeker__awards__credential_id", "competency_id")
        .annotate(n=Count("id"), s_prep=Sum("preparation"), s_perf=Sum("performance"))
        .values_list(
            "rating__application__seeker__awards__credential_id",
            "competency_id",
            "n",
            "s_prep",
            "s_perf",
        )
        .order_by()
    )
    facts.competencies.extend(competencies)


def facts_for(credential_ids: Iterable[int]) -> Facts:
    """Return the report's counts and per-person figures for these credentials."""
    ids = list(credential_ids)
    facts = Facts()
    if not ids:
        facts.start([], [])
        return facts
    _population(facts, ids)
    _funnel(facts, ids)
    _follow_ups(facts, ids)
    _ratings(facts, ids)
    return facts
