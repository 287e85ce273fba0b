"""The report's raw material: GROUP BY counts over a cube of learner attributes.

Each source table is read with a fixed number of queries, whatever the number of
learners: counts grouped by the cube key (credential, organisation, cohort,
province and the five self-identification answers) and, where a median is needed,
one row per person with only the key and the number. Breakdowns are sums over the
cube, made in `reports.py`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import (
    Case,
    Count,
    DecimalField,
    Exists,
    F,
    IntegerField,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, TruncMonth

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

#: A cube key: credential, organisation, cohort ("2026-03"), province, then GROUPS.
Key = tuple[Any, ...]

#: Furthest stage reached in the funnel (each learner counts in one column).
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
    """Everything the report needs, keyed by cube key."""

    funnel: dict[Key, list[int]] = field(default_factory=dict)
    follow_ups: dict[str, dict[Key, list[int]]] = field(default_factory=dict)
    retention: dict[Key, list[int]] = field(default_factory=dict)
    satisfaction: dict[Key, list[int]] = field(default_factory=dict)
    days_to_credential: list[tuple[Key, Decimal]] = field(default_factory=list)
    hours_saved: list[tuple[Key, Decimal]] = field(default_factory=list)
    plan_cost: list[tuple[Key, Decimal]] = field(default_factory=list)
    wage_before: list[tuple[Key, Decimal]] = field(default_factory=list)
    wage_after: list[tuple[Key, Decimal]] = field(default_factory=list)
    competencies: list[tuple[Any, int, int, Decimal, Decimal]] = field(
        default_factory=list
    )


def _key_fields(learner: str, credential: str) -> dict[str, Any]:
    """Return the ``values()`` expressions of the cube key for one source table."""
    profile = f"{learner}__learner_profile"
    fields: dict[str, Any] = {
        "k_credential": F(f"{credential}_id"),
        "k_organisation": F(f"{credential}__issuing_organisation_id"),
        "k_cohort": TruncMonth(f"{learner}__date_joined"),
        "k_province": F(f"{profile}__region"),
    }
    for group in GROUPS:
        fields[f"k_{group}"] = F(f"{profile}__identifies_{group}")
    return fields


KEY_NAMES = tuple(_key_fields("learner", "credential"))


def _key(row: dict[str, Any]) -> Key:
    cohort = row["k_cohort"]
    month = cohort.strftime("%Y-%m") if isinstance(cohort, datetime) else ""
    return (
        row["k_credential"],
        row["k_organisation"],
        month,
        row["k_province"] or "",
        *(row[f"k_{group}"] or "" for group in GROUPS),
    )


def _add(target: dict[Key, list[int]], key: Key, column: int, n: int, width: int) -> None:
    target.setdefault(key, [0] * width)[column] += n


def _hourly(wage: Decimal, unit: str) -> Decimal:
    return wage if unit == WageUnit.HOUR else wage / HOURS_PER_YEAR


def _funnel(facts: Facts, credential_ids: Sequence[int]) -> None:
    award_from = Award.objects.filter(
        learner=OuterRef("learner_id"),
        credential=OuterRef("credential_id"),
        status=AwardStatus.ACTIVE,
    ).values("valid_from")[:1]
    after_award = Application.objects.filter(
        seeker=OuterRef("learner_id"), created_at__gte=OuterRef("award_from")
    )
    earlier = Sitting.objects.filter(
        learner=OuterRef("learner_id"),
        credential=OuterRef("credential_id"),
        pk__lt=OuterRef("pk"),
    )
    plan = LearningPlan.objects.filter(
        learner=OuterRef("learner_id"), credential=OuterRef("credential_id")
    )
    rows = (
        Sitting.objects.filter(credential_id__in=credential_ids)
        .exclude(Exists(earlier))
        .annotate(award_from=Subquery(award_from))
        .annotate(
            stage=Case(
                When(
                    Exists(after_award.filter(status=ApplicationStatus.HIRED)),
                    then=Value(4),
                ),
                When(Exists(after_award), then=Value(3)),
                When(award_from__isnull=False, then=Value(2)),
                When(Exists(plan), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .values(**_key_fields("learner", "credential"), k_stage=F("stage"))
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        _add(facts.funnel, _key(row), row["k_stage"], row["n"], len(STAGES))


def _awards(facts: Facts, credential_ids: Sequence[int]) -> None:
    """One row per credential holder: days to it, hours saved, plan cost, wage."""
    first_sitting = (
        Sitting.objects.filter(
            learner=OuterRef("learner_id"), credential=OuterRef("credential_id")
        )
        .order_by()
        .values("learner")
        .annotate(first=Min("started_at"))
        .values("first")
    )
    plan_items = (
        PlanItem.objects.filter(
            plan__learner=OuterRef("learner_id"),
            plan__credential=OuterRef("credential_id"),
        )
        .order_by()
        .values("plan")
    )
    money = DecimalField(max_digits=12, decimal_places=2)
    rows = (
        Award.objects.filter(
            credential_id__in=credential_ids, status=AwardStatus.ACTIVE
        )
        .annotate(
            first_sitting=Subquery(first_sitting),
            plan_hours=Coalesce(
                Subquery(
                    plan_items.annotate(h=Sum("module__hours")).values("h"),
                    output_field=money,
                ),
                Value(Decimal(0)),
                output_field=money,
            ),
            plan_cost=Coalesce(
                Subquery(
                    plan_items.annotate(c=Sum("module__cost")).values("c"),
                    output_field=money,
                ),
                Value(Decimal(0)),
                output_field=money,
            ),
        )
        .values(
            **_key_fields("learner", "credential"),
            v_from=F("valid_from"),
            v_first=F("first_sitting"),
            v_hours=F("plan_hours"),
            v_cost=F("plan_cost"),
            v_full=F("credential__full_program_hours"),
            v_baseline_employed=F("learner__outcome_baseline__employed"),
            v_wage=F("learner__outcome_baseline__wage"),
            v_unit=F("learner__outcome_baseline__wage_unit"),
        )
        .order_by()
    )
    for row in rows:
        key = _key(row)
        if row["v_first"] is not None:
            days = (row["v_from"] - row["v_first"]).total_seconds() / 86400
            facts.days_to_credential.append((key, Decimal(max(0, int(days)))))
        if row["v_full"]:
            saved = Decimal(row["v_full"]) - Decimal(row["v_hours"])
            facts.hours_saved.append((key, saved))
        facts.plan_cost.append((key, Decimal(row["v_cost"])))
        if row["v_baseline_employed"] and row["v_wage"] is not None:
            facts.wage_before.append((key, _hourly(row["v_wage"], row["v_unit"])))


def _follow_ups(facts: Facts, credential_ids: Sequence[int]) -> None:
    state_column = Case(
        When(
            state=FollowUpState.ANSWERED,
            answer__employed=True,
            answer__in_field=True,
            then=Value(0),
        ),
        When(state=FollowUpState.ANSWERED, answer__employed=True, then=Value(1)),
        When(state=FollowUpState.ANSWERED, then=Value(2)),
        When(state=FollowUpState.DECLINED, then=Value(3)),
        When(state=FollowUpState.BOUNCED, then=Value(4)),
        default=Value(5),
        output_field=IntegerField(),
    )
    base = FollowUp.objects.filter(
        award__credential_id__in=credential_ids, state__in=CLOSED_STATES
    )
    rows = (
        base.values(
            **_key_fields("learner", "award__credential"),
            k_kinds=Cast("kinds", TextField()),
            k_outcome=state_column,
            k_same=F("answer__same_employer"),
        )
        .annotate(n=Count("id"))
        .order_by()
    )
    kinds = [kind.value for kind in FollowUpKind]
    for kind in kinds:
        facts.follow_ups[kind] = {}
    for row in rows:
        key = _key(row)
        for kind in kinds:
            if f'"{kind}"' not in row["k_kinds"]:
                continue
            _add(
                facts.follow_ups[kind], key, row["k_outcome"], row["n"], len(OUTCOMES)
            )
            if (
                kind == FollowUpKind.QUARTER_4
                and row["k_outcome"] in EMPLOYED
                and row["k_same"] is not None
            ):
                _add(facts.retention, key, 0 if row["k_same"] else 1, row["n"], 2)
    wages = (
        base.filter(
            state=FollowUpState.ANSWERED,
            answer__employed=True,
            answer__wage__isnull=False,
        )
        .annotate(kinds_text=Cast("kinds", TextField()))
        .filter(kinds_text__contains=f'"{FollowUpKind.QUARTER_2.value}"')
        .values(
            **_key_fields("learner", "award__credential"),
            v_wage=F("answer__wage"),
            v_unit=F("answer__wage_unit"),
        )
        .order_by()
    )
    for row in wages:
        facts.wage_after.append((_key(row), _hourly(row["v_wage"], row["v_unit"])))


def _held_before(prefix: str) -> Q:
    """Return the filter tying a hire to a credential its seeker held when applying."""
    return Q(
        **{
            f"{prefix}__seeker__awards__status": AwardStatus.ACTIVE,
            f"{prefix}__created_at__gte": F(f"{prefix}__seeker__awards__valid_from"),
        }
    )


def _ratings(facts: Facts, credential_ids: Sequence[int]) -> None:
    rows = (
        EmployerRating.objects.filter(
            _held_before("application"),
            application__seeker__awards__credential_id__in=credential_ids,
            state__in=(FollowUpState.ANSWERED, FollowUpState.NO_ANSWER),
        )
        .values(
            **_key_fields("application__seeker", "application__seeker__awards__credential"),
            k_column=Case(
                When(state=FollowUpState.ANSWERED, overall_satisfaction__gte=4, then=0),
                When(state=FollowUpState.ANSWERED, then=1),
                default=2,
                output_field=IntegerField(),
            ),
        )
        .annotate(n=Count("id", distinct=True))
        .order_by()
    )
    for row in rows:
        _add(facts.satisfaction, _key(row), row["k_column"], row["n"], 3)
    competencies = (
        CompetencyRating.objects.filter(
            _held_before("rating__application"),
            rating__application__seeker__awards__credential_id__in=credential_ids,
            rating__state=FollowUpState.ANSWERED,
        )
        .values(
            k_credential=F("rating__application__seeker__awards__credential_id"),
            k_competency=F("competency_id"),
        )
        .annotate(n=Count("id", distinct=True), s_prep=Sum("preparation"), s_perf=Sum("performance"))
        .order_by()
    )
    for row in competencies:
        facts.competencies.append(
            (
                row["k_credential"],
                row["k_competency"],
                row["n"],
                Decimal(row["s_prep"]),
                Decimal(row["s_perf"]),
            )
        )


def facts_for(credential_ids: Iterable[int]) -> Facts:
    """Return the report's counts and per-person figures for these credentials."""
    ids = list(credential_ids)
    facts = Facts()
    _funnel(facts, ids)
    _awards(facts, ids)
    _follow_ups(facts, ids)
    _ratings(facts, ids)
    return facts


def group_values(
    pairs: Iterable[tuple[Key, Decimal]], row_of: Any
) -> dict[str, list[Decimal]]:
    """Return the values of ``pairs`` grouped by ``row_of(key)``."""
    grouped: dict[str, list[Decimal]] = defaultdict(list)
    for key, value in pairs:
        grouped[row_of(key)].append(value)
    return grouped
