"""The whole cycle in a browser: assess, learn only the gaps, re-assess, credential.

Real assessments (an adaptive test answered question by question), the real plan,
and the real award: nothing here stands in for another app.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from skillpath.accounts import testing
from skillpath.learning.journey import award_for
from skillpath.learning.models import LearningPlan
from skillpath.learning.tests import helpers as h
from tests.e2e.accessibility import wcag_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world() -> dict[str, Any]:
    from skillpath.assessments.tests import factories
    from skillpath.credentials.testing import micro_credential

    college = testing.organisation(name="Bow Valley Test College", province="AB")
    credential = micro_credential(
        organisation=college,
        levels=(2, 2),
        methods=("adaptive_test",),
        full_program_hours=120,
    )
    first, second = factories.competencies(credential)
    for competency in (first, second):
        factories.bank(competency, size=15)
    provider = h.provider()
    h.module(
        teaches={first: 2}, provider_org=provider, title_en="Safety basics", hours=6
    )
    h.module(
        teaches={second: 2},
        provider_org=provider,
        title_en="Talking to families",
        hours=9,
    )
    return {"credential": credential, "first": first, "second": second}


def _take_test(page: Page, passing: set[str]) -> list[str]:
    """Answer every question: right about competencies in ``passing``, else wrong."""
    stems = []
    for number in range(1, 150):
        heading = page.get_by_role("heading", name=f"Question {number}", exact=True)
        if not heading.count():
            break
        stem = page.locator("#question-heading").inner_text()
        stems.append(stem)
        right = any(title in stem for title in passing)
        page.get_by_label(
            "Right answer" if right else "Wrong answer", exact=True
        ).check()
        page.get_by_role("button", name="Answer and continue").click()
        page.wait_for_function(
            "n => { const h = document.querySelector('h2.question-number');"
            " return !h || h.textContent.includes('Question ' + n); }",
            arg=number + 1,
        )
    return stems


def test_learner_with_gaps_learns_reassesses_open_competencies_and_earns_it(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None], world
) -> None:  # type: ignore[no-untyped-def]
    credential, first, second = world["credential"], world["first"], world["second"]
    learner = testing.learner()
    sign_in(learner.email, testing.PASSWORD)
    page.goto(f"{live_server.url}/assessments/credentials/{credential.pk}/")
    page.get_by_role("button", name="Start the assessment").click()
    stems = _take_test(page, passing={first.title_en})
    assert any(second.title_en in stem for stem in stems)

    # The plan holds only the module that closes the gap.
    page.goto(f"{live_server.url}/learning/")
    page.get_by_role("link", name=credential.title_en).click()
    expect(page.locator("[aria-current=step]")).to_have_text(re.compile("Learn"))
    expect(page.get_by_role("link", name="Talking to families")).to_be_visible()
    expect(page.get_by_role("link", name="Safety basics")).to_have_count(0)
    expect(page.get_by_text("111 hours saved")).to_be_visible()
    assert wcag_violations(page) == []

    page.get_by_role("button", name="Mark completed: Talking to families").click()
    expect(page.locator("[aria-current=step]")).to_have_text(re.compile("Re-assess"))
    page.get_by_role("button", name="Re-assess this competency").click()

    # The re-assessment asks only about the competency still open.
    again = _take_test(page, passing={second.title_en})
    assert again and all(second.title_en in stem for stem in again)

    page.goto(
        f"{live_server.url}{LearningPlan.objects.get(learner=learner).get_absolute_url()}"
    )
    expect(page.locator("[aria-current=step]")).to_have_text(re.compile("Jobs"))
    expect(
        page.get_by_role("heading", name="You earned this micro-credential")
    ).to_be_visible()
    assert award_for(learner, credential) is not None
    assert wcag_violations(page) == []


def test_learner_competent_at_first_assessment_gets_the_credential_without_a_plan(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None], world
) -> None:  # type: ignore[no-untyped-def]
    credential = world["credential"]
    learner = testing.learner()
    sign_in(learner.email, testing.PASSWORD)
    page.goto(f"{live_server.url}/assessments/credentials/{credential.pk}/")
    page.get_by_role("button", name="Start the assessment").click()
    _take_test(page, passing={world["first"].title_en, world["second"].title_en})

    assert not LearningPlan.objects.filter(learner=learner).exists()
    assert award_for(learner, credential) is not None
    page.goto(f"{live_server.url}/learning/credentials/{credential.slug}/")
    expect(page.locator("[aria-current=step]")).to_have_text(re.compile("Jobs"))
    expect(page.get_by_text("no learning was needed")).to_be_visible()
