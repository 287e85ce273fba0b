"""Every page of the foundation passes axe-core's WCAG 2.1 AA rules, on a phone screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

from skillpath.accounts import testing
from skillpath.accounts.models import Membership
from tests.e2e.accessibility import wcag_violations

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_PAGES = [
    "/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/signup/employer/",
    "/accounts/password/reset/",
    "/no-such-page/",
]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_public_pages_pass_wcag_aa(page: Page, live_server: Any, language: str) -> None:
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    for path in PUBLIC_PAGES:
        page.goto(f"{live_server.url}{path}")
        assert page.locator("html").get_attribute("lang") == language
        assert wcag_violations(page) == [], path


def test_signup_form_with_errors_passes_wcag_aa(page: Page, live_server: Any) -> None:
    page.goto(f"{live_server.url}/accounts/signup/")
    page.get_by_role("button", name="Create my account").click()
    assert page.locator(".error").count() > 0
    assert wcag_violations(page) == []


def test_signed_in_pages_pass_wcag_aa(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    coordinator = testing.coordinator()
    testing.employer(approved=False)
    learner = testing.learner(
        home=Membership.objects.get(user=coordinator).organisation
    )
    sign_in(learner.email, testing.PASSWORD)
    for path in ["/dashboard/", "/accounts/profile/", "/accounts/tokens/"]:
        page.goto(f"{live_server.url}{path}")
        assert wcag_violations(page) == [], path
    page.context.clear_cookies()
    sign_in(coordinator.email, testing.PASSWORD)
    for path in [
        "/dashboard/",
        "/accounts/approvals/",
        f"/accounts/learners/{learner.learner_profile.pk}/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert wcag_violations(page) == [], path


def test_the_check_catches_real_violations(page: Page) -> None:
    page.set_content(
        '<html><body><img src="x.png"><input type="text"><p style="color:#aaa;background:#fff">faint</p></body></html>'
    )
    found = " ".join(wcag_violations(page))
    assert "image-alt" in found and "label" in found and "color-contrast" in found
