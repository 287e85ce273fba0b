"""Follow-ups in the browser, at phone width: a learner answers from the e-mailed link
and from the dashboard; an employer rates a hire."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from skillpath.accounts import testing as accounts_testing
from skillpath.common.models import OutgoingMail
from skillpath.outcomes.models import (
    CompetencyRating,
    FollowUp,
    FollowUpAnswer,
    FollowUpState,
)
from skillpath.outcomes.services.consent import rating_consent_set
from skillpath.outcomes.services.followups import follow_ups_schedule, follow_ups_send
from skillpath.outcomes.services.ratings import ratings_schedule, ratings_send
from skillpath.outcomes.testing import consenting_holder, first_follow_up, hire
from tests.e2e.accessibility import wcag_violations

pytestmark = pytest.mark.django_db(transaction=True)

#: Where the screenshots go (looked at by a person before a release).
SHOTS = Path(os.environ.get("SKILLPATH_SCREENSHOTS", tempfile.gettempdir()))


def _fits(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def _answer(page: Page) -> None:
    page.get_by_role("group", name="Are you employed now?").get_by_label("Yes").check()
    page.get_by_label("When did this job start?").fill("2026-11-02")
    page.get_by_label("Occupation (NOC 2021 code)").fill("42202")
    page.get_by_label("Employer", exact=True).fill("Little Steps Daycare")
    page.get_by_label("Wage before tax").fill("22.50")
    page.get_by_label("Wage is").select_option("hour")
    page.get_by_label("Hours per week").fill("35")
    page.get_by_label("4 — a lot").check()


def test_a_learner_answers_from_the_mailed_link_and_another_from_the_dashboard(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    held = consenting_holder(awarded_days_ago=95)
    follow_ups_schedule()
    mailed = first_follow_up(held.award)
    # Make the next survey of the same award due too: one for the link, one for the
    # dashboard.
    later = FollowUp.objects.filter(award=held.award).exclude(pk=mailed.pk).first()
    assert later is not None
    FollowUp.objects.filter(pk=later.pk).update(
        due_on=timezone.localdate() - dt.timedelta(days=1)
    )
    follow_ups_send()
    body = OutgoingMail.objects.get(key=f"follow-up:{mailed.pk}:0").body
    link = re.search(r"https?://\S+/outcomes/s/\S+/", body)
    assert link, body
    page.goto(live_server.url + urlsplit(link.group(0)).path)  # not signed in
    expect(page.get_by_role("heading", name="How is work going?")).to_be_visible()
    _fits(page)
    assert wcag_violations(page) == []
    page.screenshot(path=SHOTS / "follow-link-survey.png", full_page=True)
    page.get_by_label("Hours per week").fill("200")
    page.get_by_role("group", name="Are you employed now?").get_by_label("Yes").check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("at most 168")).to_be_visible()
    page.screenshot(path=SHOTS / "follow-link-error.png", full_page=True)
    assert not FollowUpAnswer.objects.exists()
    _answer(page)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Your answers are saved")).to_be_visible()
    assert FollowUpAnswer.objects.get(follow_up=mailed).via == "link"
    page.goto(live_server.url + urlsplit(link.group(0)).path)
    expect(page.get_by_text("answered already")).to_be_visible()

    sign_in(held.learner.email, accounts_testing.PASSWORD)
    card = page.get_by_role("link", name=re.compile("How is work going since"))
    expect(card).to_have_count(1)
    _fits(page)
    page.screenshot(path=SHOTS / "follow-dashboard.png", full_page=True)
    card.click()
    _answer(page)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Your answers are saved")).to_be_visible()
    later.refresh_from_db()
    assert later.answer.via == "dashboard"
    assert later.state == FollowUpState.ANSWERED


def test_an_employer_rates_a_hire_who_agreed(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    held = consenting_holder()
    application = hire(held.world, held.learner, hired_days_ago=95)
    rating_consent_set(application=application, seeker=held.learner, granted=True)
    ratings_schedule()
    ratings_send()
    sign_in(held.world.employer.email, accounts_testing.PASSWORD)
    page.get_by_role("link", name=re.compile("hire to rate")).click()
    page.get_by_role("link", name=re.compile(held.learner.full_name)).click()
    _fits(page)
    assert wcag_violations(page) == []
    page.screenshot(path=SHOTS / "follow-rating.png", full_page=True)
    for group in page.locator("fieldset.competency-rating").all():
        group.get_by_label("4 — well prepared, works on their own").check()
        group.get_by_label("3 — meets what the job needs").check()
    page.get_by_label("5 — very satisfied").check()
    page.get_by_role("button", name="Save my rating").click()
    expect(page.get_by_text("your rating is saved")).to_be_visible()
    assert CompetencyRating.objects.filter(preparation=4, performance=3).count() == 3
