"""Browser journeys of learning: catalogue, plan, progress, provider, review, report.

Standings come from the assessments selector; here a small double of its output
stands in, so that these pages are tested apart from the assessment journeys (the
whole cycle with real assessments is in ``test_cycle.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from skillpath.accounts import testing
from skillpath.accounts.models import LearnerProfile
from skillpath.credentials.testing import micro_credential
from skillpath.learning.services import plans
from skillpath.learning.tests import helpers as h
from tests.e2e.accessibility import wcag_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    from skillpath.assessments import selectors as assessment_selectors

    college = testing.organisation(name="Prairie College")
    safety = h.competency("Child safety")
    talk = h.competency("Talking with parents")
    cred = micro_credential(levels=(), full_program_hours=240)
    # The college issues the credential: only its coordinators read the report.
    type(cred).objects.filter(pk=cred.pk).update(issuing_organisation=college)
    cred.refresh_from_db()
    org = h.provider()
    h.module(teaches={safety: 2}, provider_org=org, title_en="Safe play", hours=6)
    h.module(
        teaches={talk: 2},
        provider_org=org,
        title_en="Parent conversations",
        hours=8,
        asks_for_proof=True,
    )
    h.module(teaches={talk: 2}, approved=False, title_en="Unreviewed draft")
    learner = testing.learner(home=college)
    standings = [h.standing(safety, 2), h.standing(talk, 2)]
    monkeypatch.setattr(
        assessment_selectors,
        "competency_standings",
        lambda *, learner, credential: standings,
    )
    plan = plans.plan_refresh(learner=learner, credential=cred)
    return {
        "learner": learner,
        "plan": plan,
        "org": org,
        "college": college,
        "cred": cred,
    }


def test_learner_follows_the_plan_and_is_invited_to_reassess(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None], world
) -> None:  # type: ignore[no-untyped-def]
    sign_in(world["learner"].email, testing.PASSWORD)
    expect(page.get_by_role("heading", name="Your learning plans")).to_be_visible()
    expect(
        page.get_by_role("heading", name=re.compile("Continue your learning plan"))
    ).to_be_visible()
    page.get_by_role("link", name="My learning").click()
    page.get_by_role("link", name=world["cred"].title_en).click()
    expect(page.get_by_text("226 hours saved")).to_be_visible()
    expect(page.locator("[aria-current=step]")).to_have_text(re.compile("Learn"))
    assert wcag_violations(page) == []

    page.get_by_role("button", name="Start Safe play").click()
    page.get_by_role("button", name="Mark completed: Safe play").click()
    expect(page.get_by_role("status")).to_contain_text("Safe play is completed")
    expect(page.get_by_role("button", name="Re-assess this competency")).to_be_visible()
    expect(
        page.get_by_label(re.compile("Your progress: 6 of 14 hours"))
    ).to_be_visible()

    # The module that asks for proof: the learner links a certificate.
    page.get_by_label("Link to your certificate").fill("https://example.org/cert.pdf")
    page.get_by_role("button", name="Send proof for Parent conversations").click()
    expect(page.get_by_role("status")).to_contain_text("proof is sent")


def test_provider_confirms_proof_and_imports_a_bad_file(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None], world, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from skillpath.learning.services import progress

    item = world["plan"].items.get(module__title_en="Parent conversations")
    progress.proof_submit(
        item=item, submitted_by=world["learner"], url="https://example.org/c.pdf"
    )
    staff = h.provider_staff(world["org"])
    sign_in(staff.email, testing.PASSWORD)
    page.get_by_role("link", name="Modules I offer").click()
    assert wcag_violations(page) == []
    page.get_by_role("button", name=f"Confirm for {world['learner'].full_name}").click()
    expect(page.get_by_role("status")).to_contain_text("Completion confirmed")

    bad = tmp_path / "modules.csv"
    bad.write_text("code,title_en\nx,y\n", encoding="utf-8")
    page.get_by_label("CSV file").set_input_files(str(bad))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("alert")).to_contain_text("Row 1: missing columns")


def test_coordinator_reviews_modules_and_reads_the_report(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None], world
) -> None:  # type: ignore[no-untyped-def]
    coordinator = testing.coordinator(world["college"])
    sign_in(coordinator.email, testing.PASSWORD)
    page.get_by_role("link", name="Review modules").click()
    assert wcag_violations(page) == []
    page.get_by_role("button", name="Save the review").first.click()
    expect(page.get_by_role("status")).to_contain_text(
        "Your review of Unreviewed draft"
    )

    page.get_by_role("link", name="Learning reports").click()
    page.get_by_role("link", name=world["cred"].title_en).click()
    expect(page.get_by_role("img", name="Learners at each stage")).to_be_visible()
    assert wcag_violations(page) == []

    page.goto(f"{live_server.url}{world['plan'].get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("path to")
    expect(page.get_by_role("button", name=re.compile("Mark completed"))).to_have_count(
        0
    )


def test_catalogue_search_and_filters_are_accessible(
    page: Page, live_server: Any, world
) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/learning/modules/")
    expect(page.get_by_role("heading", name="2 modules")).to_be_visible()
    expect(page.get_by_text("Unreviewed draft")).to_have_count(0)
    page.get_by_label("Search").fill("parent")
    expect(page.get_by_role("heading", name="1 module")).to_be_visible()
    assert wcag_violations(page) == []
    page.get_by_role("link", name="Parent conversations").click()
    assert wcag_violations(page) == []


def test_learner_settings_page_is_accessible(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None], world
) -> None:  # type: ignore[no-untyped-def]
    LearnerProfile.objects.filter(user=world["learner"]).update(region="QC")
    sign_in(world["learner"].email, testing.PASSWORD)
    page.goto(f"{live_server.url}{world['plan'].get_absolute_url()}settings/")
    assert wcag_violations(page) == []
    page.get_by_label("English", exact=True).uncheck()
    page.get_by_label("French", exact=True).check()
    page.get_by_role("button", name="Save and plan again").click()
    expect(page.get_by_text("allow other languages").first).to_be_visible()
