"""Coordinators' report: stages, hours to credential, common and unserved gaps."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from skillpath.accounts import testing
from skillpath.credentials.testing import micro_credential
from skillpath.learning.reports import credential_report, protected
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
    assert report.saved_percent == 88
    assert {bar.label for bar in report.common_gaps} == {"Safety", "Budgeting"}
    assert [(bar.label, bar.value) for bar in report.unserved_gaps] == [
        ("Budgeting", 1)
    ]
    stages = {bar.label: bar.value for bar in report.stages}
    assert stages["Credential"] + stages["Jobs"] == 1
    assert "no reviewed module" in report.unserved_gaps[0].note


def test_learning_report_is_for_the_issuing_organisations_coordinators_only(
    client: Client,
) -> None:
    credential = micro_credential(full_program_hours=100)
    other = micro_credential(full_program_hours=100)
    own = testing.coordinator(credential.issuing_organisation)
    stranger = testing.coordinator()  # a coordinator of another college
    client.force_login(stranger)
    assert client.get(f"/learning/reports/{credential.slug}/").status_code == 404
    assert credential.title not in client.get("/learning/reports/").content.decode()
    client.force_login(own)
    assert client.get(f"/learning/reports/{credential.slug}/").status_code == 200
    assert client.get(f"/learning/reports/{other.slug}/").status_code == 404
    listing = client.get("/learning/reports/").content.decode()
    assert credential.title in listing and other.title not in listing
    client.force_login(testing.learner())
    assert client.get(f"/learning/reports/{credential.slug}/").status_code == 403


def test_learning_report_hides_counts_of_one_to_nine(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from skillpath.assessments import selectors as assessment_selectors

    taught = h.competency("Safety")
    credential = micro_credential(levels=(), full_program_hours=100)
    h.require(credential, taught, 2)
    h.module(teaches={taught: 2}, hours=12)
    learner = testing.learner()
    monkeypatch.setattr(
        assessment_selectors,
        "competency_standings",
        lambda *, learner, credential: [h.standing(taught, 2)],
    )
    plans.plan_refresh(learner=learner, credential=credential)

    raw = credential_report(credential)
    assert raw.learners == 1 and [b.value for b in raw.common_gaps] == [1]
    shown = protected(raw)
    assert shown.learners is None
    assert all(bar.value in (None, 0) for bar in shown.stages)
    assert [bar.value for bar in shown.common_gaps] == [None]
    client.force_login(testing.coordinator(credential.issuing_organisation))
    page = client.get(f"/learning/reports/{credential.slug}/").content.decode()
    assert "hidden" in page
    assert ">1<" not in page
