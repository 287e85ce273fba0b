"""Journeys of the supply side: a coordinator builds a job profile with employers, who
review and endorse it, and the coordinator publishes a micro-credential from it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from skillpath.accounts import testing
from skillpath.accounts.models import OrganisationKind
from skillpath.frameworks import testing as factories
from tests.e2e.accessibility import wcag_violations
from tests.e2e.htmx import wait_for_htmx

pytestmark = pytest.mark.django_db(transaction=True)


def _world() -> dict[str, Any]:
    college = testing.organisation(OrganisationKind.COLLEGE, name="Bow River College")
    employer_org = testing.organisation(
        OrganisationKind.EMPLOYER, name="Little Sprouts"
    )
    framework = factories.framework(
        owner=college, competencies=0, title="ECE competencies"
    )
    for code, title in [
        ("E1", "Supervise children indoors and outdoors"),
        ("E2", "Apply infection prevention practices"),
        ("E3", "Communicate with families"),
    ]:
        factories.competency(framework, title=title, code=code)
    return {
        "college": college,
        "coordinator": testing.coordinator(college),
        "employer_org": employer_org,
        "employer": testing.employer(employer_org),
        "framework": framework,
    }


def _add_need(page: Page, task: str, competency: str, level: str) -> None:
    task_item = page.locator(".task-title", has_text=task).locator("xpath=..")
    panel = task_item.locator(
        ":scope > details.editor",
        has=page.locator("summary", has_text="Add a competency"),
    )
    if panel.get_attribute("open") is None:
        panel.locator("summary").click()
    panel.get_by_label(competency).check()
    panel.get_by_label("Required level").select_option(label=level)
    panel.get_by_role("button", name="Add the competency").click()
    expect(page.locator("#chart .messages")).to_contain_text(
        f"“{competency}” is added to the task."
    )


def test_coordinator_builds_employer_endorses_coordinator_publishes(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    world = _world()
    sign_in(world["coordinator"].email, testing.PASSWORD)
    page.get_by_role("link", name="Job profiles").click()
    page.get_by_role("link", name="New job profile").click()
    page.get_by_label("Job title (English)").fill("Early childhood educator assistant")
    page.get_by_label("Job title (French)").fill("Aide à la petite enfance")
    page.get_by_label("NOC 2021 code").fill("42202")
    page.get_by_label("Province or territory").select_option("AB")
    page.get_by_label("Main competency framework").select_option(
        label="ECE competencies"
    )
    page.get_by_role("button", name="Create the profile").click()
    expect(page).to_have_url(re.compile(r"/frameworks/profiles/\d+/v1/$"))

    # From here on the builder works without reloading the page.
    page.evaluate("window.builderMarker = 'kept'")
    page.get_by_label("Duty in English").fill("Keep children safe")
    page.get_by_label("Duty in French").fill("Assurer la sécurité des enfants")
    page.get_by_role("button", name="Add the duty").click()
    expect(page.get_by_role("heading", name="A. Keep children safe")).to_be_visible()
    page.get_by_label("Duty in English").fill("Work with families")
    page.get_by_role("button", name="Add the duty").click()
    expect(page.get_by_role("heading", name="B. Work with families")).to_be_visible()

    duty = page.locator(
        "section.duty", has=page.get_by_role("heading", name="A. Keep children safe")
    )
    duty.locator("summary", has_text="Add a task to duty A").click()
    duty.get_by_label("Task in English").fill("Supervise children outdoors")
    duty.get_by_role("button", name="Add the task").click()
    expect(
        page.locator(".task-title", has_text="Supervise children outdoors")
    ).to_be_visible()
    task = page.locator(".task-title", has_text="Supervise children outdoors").locator(
        "xpath=.."
    )
    task.locator("summary", has_text="Add a sub-task").click()
    task.get_by_label("Sub-task in English").fill("Check play areas for hazards")
    task.get_by_role("button", name="Add the sub-task").click()
    expect(
        page.locator(".task-title", has_text="A-1.1 Check play areas for hazards")
    ).to_be_visible()

    _add_need(
        page,
        "Supervise children outdoors",
        "Supervise children indoors and outdoors",
        "3 — Proficient",
    )
    _add_need(
        page,
        "Check play areas for hazards",
        "Apply infection prevention practices",
        "2 — Working",
    )
    expect(page.locator("#profile-heading")).to_be_visible()

    # Reorder with the keyboard: focus stays on the button that was pressed.
    move_up = page.get_by_role("button", name="Move up Work with families")
    wait_for_htmx(page)  # a keypress before htmx binds the form would reload the page
    move_up.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="A. Work with families")).to_be_visible()
    expect(
        page.get_by_role("button", name="Move up Work with families")
    ).to_be_focused()
    assert page.evaluate("window.builderMarker") == "kept"

    # The page (builder, competency profile) passes WCAG 2.1 AA.
    page.reload()
    assert wcag_violations(page) == []

    page.get_by_label(world["employer_org"].name).check()
    page.get_by_role("button", name="Send for review").click()
    expect(page.locator(".messages")).to_contain_text(
        "is sent to 1 employer(s) for review"
    )
    expect(page.locator(".state").first).to_have_text("In review by employers")

    # A micro-credential defined now cannot be published before an employer endorses.
    page.get_by_role(
        "button", name="Define a micro-credential from this version"
    ).click()
    expect(page).to_have_url(re.compile(r"/credentials/[\w-]+/edit/$"))
    page.get_by_label("Criteria (English)").fill(
        "Every competency at its required level."
    )
    page.get_by_label("Hours of the full program").fill("150")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("The micro-credential is saved.")
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text(
        "Not published. No employer has endorsed version 1"
    )
    credential_url = page.url

    # The employer reviews: rates, comments, endorses.
    page.context.clear_cookies()
    sign_in(world["employer"].email, testing.PASSWORD)
    page.get_by_role("link", name="Profiles to review").click()
    page.get_by_role("link", name="Early childhood educator assistant v1").click()
    assert wcag_violations(page) == []
    page.get_by_label(
        "Importance — Supervise children indoors and outdoors"
    ).select_option("5")
    page.get_by_role(
        "button", name="Rate Supervise children indoors and outdoors"
    ).click()
    expect(page.locator(".messages")).to_contain_text("You rated")
    page.locator("summary", has_text="Comment on the whole profile").click()
    page.get_by_label("Your comment").last.fill("Add first aid certification.")
    page.get_by_role("button", name="Send", exact=True).last.click()
    expect(page.locator(".messages")).to_contain_text("Your comment is sent")
    page.get_by_label("We endorse this version of the profile").check()
    page.get_by_role("button", name="Send our decision").click()
    expect(page.locator(".messages")).to_contain_text("You endorsed version 1")

    # The coordinator publishes the credential; it shows the endorsing employer.
    page.context.clear_cookies()
    sign_in(world["coordinator"].email, testing.PASSWORD)
    page.goto(credential_url)
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published in the catalogue")
    expect(page.get_by_role("heading", name="Endorsed by employers")).to_be_visible()
    expect(page.locator(".endorsers")).to_contain_text("Little Sprouts")
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/credentials/")
    expect(
        page.get_by_role("link", name="Early childhood educator assistant")
    ).to_be_visible()
