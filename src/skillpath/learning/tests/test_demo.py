"""The learning demo: a catalogue of 40+ modules, plans part-way, idempotent."""

from __future__ import annotations

import io

import pytest

from skillpath.accounts import demo as accounts_demo
from skillpath.accounts.models import User
from skillpath.learning import demo
from skillpath.learning.models import ItemStatus, LearningPlan, Module, PlanItem
from skillpath.learning.tests import helpers as h

pytestmark = pytest.mark.django_db


def test_demo_catalogue_and_plans_are_seeded_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from skillpath.assessments import selectors as assessment_selectors

    accounts_demo.seed(io.StringIO())
    credentials = [h.credential_with(5) for _ in range(3)]
    amina = User.objects.get(email="learner@skillpath.example")

    def standings(*, learner, credential):  # type: ignore[no-untyped-def]
        if learner != amina or credential != credentials[1]:
            return []
        return [
            h.standing(r.competency, r.required_level, 0)
            for r in credential.requirements.all()
        ]

    monkeypatch.setattr(assessment_selectors, "competency_standings", standings)
    demo.seed(io.StringIO())
    counts = (Module.objects.count(), PlanItem.objects.count())
    assert counts[0] >= 40
    assert Module.objects.values("provider").distinct().count() >= 4
    assert Module.objects.filter(requires_modules__isnull=False).exists()
    plan = LearningPlan.objects.get(learner=amina)
    assert plan.items.filter(status=ItemStatus.COMPLETED).count() == 1
    demo.seed(io.StringIO())
    assert (Module.objects.count(), PlanItem.objects.count()) == counts
