"""The learning demo: a catalogue of 40+ modules, plans part-way, idempotent."""

from __future__ import annotations

import io

import pytest

from skillpath.accounts.models import User
from skillpath.demo import assessing, learning, people, supply
from skillpath.learning.models import ItemStatus, LearningPlan, Module, PlanItem

pytestmark = pytest.mark.django_db


def test_demo_catalogue_and_plans_are_seeded_once() -> None:
    for step in (people, supply, assessing):
        step.seed(io.StringIO())
    amina = User.objects.get(email="learner@skillpath.example")
    learning.seed(io.StringIO())
    counts = (Module.objects.count(), PlanItem.objects.count())
    assert counts[0] >= 40
    assert Module.objects.values("provider").distinct().count() >= 4
    assert Module.objects.filter(requires_modules__isnull=False).exists()
    plan = LearningPlan.objects.get(learner=amina)
    assert plan.items.filter(status=ItemStatus.COMPLETED).count() == 1
    learning.seed(io.StringIO())
    assert (Module.objects.count(), PlanItem.objects.count()) == counts
