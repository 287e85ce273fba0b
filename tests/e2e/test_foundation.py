"""Journeys through the foundation: sign in by role, sign up, French, approval."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from skillpath.accounts import testing
from skillpath.accounts.models import Role

pytestmark = pytest.mark.django_db(transaction=True)
FIRST_PASSWORD = re.compile(r"^Password(?! again)")


@pytest.mark.parametrize(
    ("make_person", "section"),
    [
        (lambda: testing.learner(), "Your path to a job"),
        (lambda: testing.coordinator(), "Learners you support"),
        (lambda: testing.assessor(), "Learners you support"),
        (lambda: testing.employer(), "Candidates"),
        (lambda: testing.member(Role.ADMINISTRATOR), "Your roles"),
    ],
    ids=["learner", "coordinator", "assessor", "employer", "administrator"],
)
def test_each_role_signs_in_and_reaches_its_dashboard(
    page: Page,
    live_server: Any,
    sign_in: Callable[[str, str], None],
    make_person: Callable[[], Any],
    section: str,
) -> None:
    person = make_person()
    sign_in(person.email, testing.PASSWORD)
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hello")
    expect(page.get_by_role("heading", name=section)).to_be_visible()


def test_wrong_password_is_refused_with_a_message(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    person = testing.learner()
    sign_in(person.email, "not-the-password")
    expect(page.get_by_role("alert")).to_contain_text("wrong")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def test_learner_signs_up_switches_to_french_and_reads_french(
    page: Page, live_server: Any
) -> None:
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Create a job seeker account").first.click()
    page.get_by_label("Your name").fill("Awa Diallo")
    page.get_by_label("E-mail address").fill("awa@example.org")
    page.get_by_label(FIRST_PASSWORD).fill(testing.PASSWORD)
    page.get_by_label("Password again").fill(testing.PASSWORD)
    page.get_by_label("Province or territory").select_option("ON")
    page.get_by_label("Employers may see my profile and credentials").check()
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", name="Your path to a job")).to_be_visible()

    page.get_by_label("Language").select_option("fr")
    page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(
        page.get_by_role("heading", name="Votre parcours vers un emploi")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Tableau de bord")).to_be_visible()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()

    # The choice is remembered for the person, not only for the browser.
    page.get_by_role("button", name="Se déconnecter").click()
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mail address").fill("awa@example.org")
    page.get_by_label("Password").fill(testing.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bonjour")


def test_employer_signup_waits_for_a_coordinators_approval(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    coordinator = testing.coordinator()
    testing.learner(share_with_employers=True, name="Visible Candidate")
    page.goto(f"{live_server.url}/accounts/signup/employer/")
    page.get_by_label("Your name").fill("Rosa Employer")
    page.get_by_label("E-mail address").fill("rosa@bakery.example")
    page.get_by_label(FIRST_PASSWORD).fill(testing.PASSWORD)
    page.get_by_label("Password again").fill(testing.PASSWORD)
    page.get_by_label("Name of your organisation, if it is not in the list").fill(
        "Rosa's Bakery"
    )
    page.get_by_label("Province or territory of your organisation").select_option("NS")
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", name="Waiting for approval")).to_be_visible()
    expect(page.get_by_role("link", name="Candidates")).to_have_count(0)
    response = page.goto(f"{live_server.url}/accounts/candidates/")
    assert response is not None and response.status == 403

    page.context.clear_cookies()
    sign_in(coordinator.email, testing.PASSWORD)
    page.get_by_role("link", name="Approvals").click()
    page.get_by_role("button", name="Approve Rosa Employer").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Rosa Employer can now act for Rosa's Bakery"
    )

    page.context.clear_cookies()
    sign_in("rosa@bakery.example", testing.PASSWORD)
    page.get_by_role("link", name="Candidates").first.click()
    # The candidate search (jobs:candidates) ranks consenting seekers once the
    # employer has a posting or chooses competencies: tests/e2e/test_jobs_employer.py.
    expect(page.get_by_role("heading", name="Candidates", level=1)).to_be_visible()
    expect(
        page.get_by_role("search", name="By competency and least level")
    ).to_be_visible()


def test_keyboard_user_can_skip_to_the_content(page: Page, live_server: Any) -> None:
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
