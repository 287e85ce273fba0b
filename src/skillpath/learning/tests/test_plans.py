"""Plans: built from the gaps, refreshed by the cycle, closed when all is shown."""

from __future__ import annotations

from decimal import Decimal

import pytest

from skillpath.accounts import testing
from skillpath.common import cycle
from skillpath.common.models import AuditEvent
from skillpath.credentials.testing import micro_credential
from skillpath.learning.journey import journey_for
from skillpath.learning.models import ItemStatus, LearningPlan, PlanStatus
from skillpath.learning.services import plans, progress
from skillpath.learning.tests import helpers as h

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    c1, c2, c3 = h.competency("Safety"), h.competency("Care"), h.competency("Talk")
    cred = micro_credential(levels=(), full_program_hours=100)
    for competency, level in ((c1, 2), (c2, 3), (c3, 2)):
        h.require(cred, competency, level)
    cheap = h.module(teaches={c1: 2}, hours=5, cost=50)
    dear = h.module(teaches={c1: 2}, hours=20, cost=10)
    care = h.module(teaches={c2: 3}, hours=8, cost=80)
    unreviewed = h.module(teaches={c2: 3}, hours=1, cost=0, approved=False)
    return {
        "c1": c1,
        "c2": c2,
        "c3": c3,
        "cred": cred,
        "cheap": cheap,
        "dear": dear,
        "care": care,
        "unreviewed": unreviewed,
    }


def _standings(w, *, c1=0, c2=0, c3=2):  # type: ignore[no-untyped-def]
    return [
        h.standing(w["c1"], 2, c1),
        h.standing(w["c2"], 3, c2),
        h.standing(w["c3"], 2, c3),
    ]


def test_learner_with_gaps_gets_the_cheapest_plan_with_reasons(world) -> None:  # type: ignore[no-untyped-def]
    learner = testing.learner()
    plan = plans.plan_refresh(
        learner=learner, credential=world["cred"], standings=_standings(world)
    )
    assert plan is not None
    items = list(plan.items.order_by("position"))
    assert [i.module for i in items] == [world["cheap"], world["care"]]
    assert items[0].closes == {str(world["c1"].pk): [0, 2]}
    journey = journey_for(
        learner=learner, credential=world["cred"], standings=_standings(world)
    )
    assert journey.hours_total == Decimal("13")
    assert journey.hours_saved == Decimal("87")
    assert journey.saved_percent == 87
    assert journey.stage == "learn"


def test_unreviewed_modules_never_appear_in_plans(world) -> None:  # type: ignore[no-untyped-def]
    plan = plans.plan_refresh(
        learner=testing.learner(), credential=world["cred"], standings=_standings(world)
    )
    assert plan is not None
    assert world["unreviewed"].pk not in plan.items.values_list("module", flat=True)


def test_learner_competent_at_first_assessment_gets_no_plan(world) -> None:  # type: ignore[no-untyped-def]
    learner = testing.learner()
    standings = _standings(world, c1=2, c2=3)
    assert (
        plans.plan_refresh(
            learner=learner, credential=world["cred"], standings=standings
        )
        is None
    )
    assert not LearningPlan.objects.filter(learner=learner).exists()
    journey = journey_for(
        learner=learner, credential=world["cred"], standings=standings
    )
    assert journey.stage == "credential"
    assert journey.plan is None


def test_cost_objective_and_constraints_change_the_plan(world) -> None:  # type: ignore[no-untyped-def]
    learner = testing.learner()
    plan = plans.plan_refresh(
        learner=learner, credential=world["cred"], standings=_standings(world)
    )
    plan = plans.plan_settings_update(
        plan=plan,
        changed_by=learner,
        languages=["en"],
        formats=[],
        max_cost=None,
        region="",
        objective="cost",
        standings=_standings(world),
    )
    assert world["dear"] in [i.module for i in plan.items.all()]
    plan = plans.plan_settings_update(
        plan=plan,
        changed_by=learner,
        languages=["fr"],
        formats=[],
        max_cost=None,
        region="",
        objective="hours",
        standings=_standings(world),
    )
    assert plan.items.count() == 0
    assert {gap["reason"] for gap in plan.blocked} == {"excluded"}
    journey = journey_for(
        learner=learner, credential=world["cred"], standings=_standings(world)
    )
    assert "allow other languages" in journey.blocked[0].blocked["suggestion"]


def test_completed_modules_stay_and_reassessment_updates_the_plan(world) -> None:  # type: ignore[no-untyped-def]
    learner = testing.learner()
    plan = plans.plan_refresh(
        learner=learner, credential=world["cred"], standings=_standings(world)
    )
    first = plan.items.get(module=world["cheap"])
    progress.module_complete(item=first, completed_by=learner)
    journey = journey_for(
        learner=learner, credential=world["cred"], standings=_standings(world)
    )
    assert [g.competency_id for g in journey.ready_to_reassess] == [world["c1"].pk]
    # Re-assessed: c1 now demonstrated; the plan keeps its history.
    plans.plan_refresh(
        learner=learner, credential=world["cred"], standings=_standings(world, c1=2)
    )
    first.refresh_from_db()
    assert first.status == ItemStatus.COMPLETED
    assert plan.items.count() == 2
    # Everything demonstrated: the plan is closed, unfinished modules not needed.
    plan = plans.plan_refresh(
        learner=learner,
        credential=world["cred"],
        standings=_standings(world, c1=2, c2=3),
    )
    assert plan.status == PlanStatus.DEMONSTRATED
    # Never started: dropped; completed: kept.
    assert list(plan.items.values_list("module", flat=True)) == [world["cheap"].pk]


def test_failed_reassessment_does_not_offer_the_same_module_again(world) -> None:  # type: ignore[no-untyped-def]
    learner = testing.learner()
    plan = plans.plan_refresh(
        learner=learner, credential=world["cred"], standings=_standings(world)
    )
    progress.module_complete(
        item=plan.items.get(module=world["cheap"]), completed_by=learner
    )
    plans.plan_refresh(
        learner=learner, credential=world["cred"], standings=_standings(world, c1=1)
    )
    modules = {i.module for i in plan.items.exclude(status=ItemStatus.COMPLETED)}
    assert world["dear"] in modules and world["cheap"] not in modules


def test_standing_changed_refreshes_the_plan_through_the_seam(world) -> None:  # type: ignore[no-untyped-def]
    learner = testing.learner()
    cycle.standing_changed(
        learner=learner, credential=world["cred"], standings=_standings(world)
    )
    plan = LearningPlan.objects.get(learner=learner, credential=world["cred"])
    assert plan.items.count() == 2
    assert AuditEvent.objects.filter(verb="plan_build").count() == 1


def test_competencies_not_yet_assessed_are_listed_beside_the_plan(world) -> None:  # type: ignore[no-untyped-def]
    from skillpath.common.cycle import StandingStatus

    learner = testing.learner()
    standings = [
        h.standing(world["c1"], 2, 0),
        h.standing(world["c2"], 3, 3),
        h.standing(world["c3"], 2, 0, status=StandingStatus.NOT_ASSESSED),
    ]
    plans.plan_refresh(learner=learner, credential=world["cred"], standings=standings)
    journey = journey_for(
        learner=learner, credential=world["cred"], standings=standings
    )
    assert [gap.competency_id for gap in journey.gaps] == [world["c1"].pk]
    assert [gap.competency_id for gap in journey.not_assessed] == [world["c3"].pk]
