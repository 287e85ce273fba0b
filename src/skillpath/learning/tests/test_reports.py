"""Coordinators' report: stages, hours to credential, common and unserved gaps."""

from __future__ import annotations

from decimal import Decimal

import pytest

from skillpath.accounts import testing
from skillpath.credentials.testing import micro_credential
from skillpath.learning.reports import credential_report
from skillpath.learning.services import plans, progress
from skillpath.learning.tests import helpers as h

pytestmark = pytest.mark.django_db


def test_report_counts_stages_hours_and_gaps_without_modules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from skillpath.assessments import selectors as assessment_selectors

    taught, untaught = h.competency("Safety"), h.competency("Budgeting")
    credential = micro_credential(levels=(), full_program_hours=100)
    h.require(credential, taught, 2)
    h.require(credential, untaught, 2)
    module = h.module(teaches={taught: 2}, hours=12)
    learner = testing.learner()
    plan = plans.plan_refresh(
        learner=learner,
        credential=credential,
        standings=[h.standing(taught, 2), h.standing(untaught, 2)],
    )
    progress.module_complete(item=plan.items.get(module=module), completed_by=learner)
    # Re-assessed: everything shown (the untaught one by prior learning, say).
    shown = [h.standing(taught, 2, 2), h.standing(untaught, 2, 2)]
    monkeypatch.setattr(
        assessment_selectors,
        "competency_standings",
        lambda *, learner, credential: shown,
    )
    plans.plan_refresh(learner=learner, credential=credential)

    report = credential_report(credential)
    assert report.learners == 1
    assert report.earned == 1
    assert report.average_hours == Decimal("12")
    # One learner: the average (and the saving) would be their own hours.
    assert report.average_hidden and report.saved_percent is None
    assert {bar.label for bar in report.common_gaps} == {"Safety", "Budgeting"}
    assert [(bar.label, bar.value) for bar in report.unserved_gaps] == [
        ("Budgeting", 1)
    ]
    stages = {bar.label: bar.value for bar in report.stages}
    assert stages["Credential"] + stages["Jobs"] == 1
    assert "no reviewed module" in report.unserved_gaps[0].note
