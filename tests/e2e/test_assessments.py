"""Journeys of assessment: an adaptive test to the end and its gap; an assessor scores."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from skillpath.accounts import testing
from skillpath.assessments.tests import factories
from skillpath.credentials.testing import micro_credential
from tests.e2e.accessibility import wcag_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_learner_takes_an_adaptive_assessment_and_sees_the_gap(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    credential = micro_credential(levels=(2, 3))
    first, second = factories.competencies(credential)
    factories.bank(first)
    factories.bank(second)
    learner = testing.learner()
    sign_in(learner.email, testing.PASSWORD)

    page.get_by_role("link", name="My assessments").click()
    page.get_by_role("link", name=credential.title_en).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Assessment for")
    assert wcag_violations(page) == []
    page.get_by_role("button", name="Start the assessment").click()
    expect(page).to_have_url(re.compile(r"/assessments/sittings/\d+/$"))
    expect(page.get_by_text("0 of 2 competencies decided.")).to_be_visible()
    assert wcag_violations(page) == []

    # Right about the first competency, wrong about the second, one question at a time.
    for number in range(1, 40):
        if "/results/" in page.url:
            break
        heading = page.get_by_role("heading", name=f"Question {number}")
        expect(heading).to_be_visible()
        stem = page.locator("legend.stem").inner_text()
        choice = "Right answer" if first.title_en in stem else "Wrong answer"
        page.get_by_label(choice, exact=True).check()
        page.get_by_role("button", name="Answer and continue").click()
        page.wait_for_function(
            "n => !document.body.innerText.includes('Question ' + n + '\\n') "
            "|| location.pathname.includes('/results/')",
            arg=number,
        )
    expect(page).to_have_url(re.compile(r"/results/$"))
    expect(page.get_by_role("heading", name="Your gap")).to_be_visible()
    chart = page.get_by_role(
        "img", name="Required and demonstrated level, by competency"
    )
    expect(chart).to_be_visible()
    table = page.locator("#gap-table")
    expect(table.get_by_role("row", name=re.compile(first.title_en))).to_contain_text(
        "Demonstrated"
    )
    expect(table.get_by_role("row", name=re.compile(second.title_en))).to_contain_text(
        "To learn"
    )
    assert wcag_violations(page) == []


def test_assessor_scores_a_task_and_the_learners_result_changes(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    credential = micro_credential(levels=(3,), methods=("performance_task",))
    competency = factories.competencies(credential)[0]
    factories.task(competency)
    learner = testing.learner(name="Nadia Learner")
    assessor = testing.assessor(credential.issuing_organisation)

    sign_in(learner.email, testing.PASSWORD)
    page.goto(f"{live_server.url}/assessments/credentials/{credential.pk}/")
    page.get_by_role("link", name=re.compile("Plan a safe outdoor activity")).click()
    assert wcag_violations(page) == []
    page.get_by_label("Your answer").fill(
        "Check the yard for hazards, keep a 1:3 ratio, bring water and sunscreen."
    )
    page.get_by_role("button", name="Hand in").click()
    expect(page.get_by_role("status")).to_contain_text("handed in")
    row = page.locator("#gap-table").get_by_role(
        "row", name=re.compile(competency.title_en)
    )
    expect(row).to_contain_text("Waiting for an assessor")

    page.context.clear_cookies()
    sign_in(assessor.email, testing.PASSWORD)
    page.get_by_role("link", name="Assessment queue").click()
    assert wcag_violations(page) == []
    page.get_by_role("link", name="Nadia Learner").click()
    expect(page.get_by_text("keep a 1:3 ratio")).to_be_visible()
    assert wcag_violations(page) == []
    page.get_by_role("group", name="Safety").get_by_label(
        re.compile(r"^3 — Competent")
    ).check()
    page.get_by_role("group", name="Communication").get_by_label(
        re.compile(r"^4 — Expert")
    ).check()
    page.get_by_label("Feedback to the learner").fill("Safe plan, well explained.")
    page.get_by_role("button", name="Record the score").click()
    expect(page.get_by_role("status")).to_contain_text("score is recorded")

    page.context.clear_cookies()
    sign_in(learner.email, testing.PASSWORD)
    page.goto(f"{live_server.url}/assessments/credentials/{credential.pk}/results/")
    row = page.locator("#gap-table").get_by_role(
        "row", name=re.compile(competency.title_en)
    )
    expect(row).to_contain_text("Demonstrated")
    expect(page.get_by_text("Safe plan, well explained.")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Every competency is demonstrated")
    ).to_be_visible()


def test_coordinator_bank_pages_and_a_refused_import(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None], tmp_path: Any
) -> None:
    credential = micro_credential(levels=(2,))
    competency = factories.competencies(credential)[0]
    factories.bank(competency, size=3)
    coordinator = testing.coordinator(credential.issuing_organisation)
    sign_in(coordinator.email, testing.PASSWORD)
    page.get_by_role("link", name="Item bank").click()
    expect(page.get_by_role("heading", name="Item bank", level=1)).to_be_visible()
    assert wcag_violations(page) == []
    page.get_by_role("link", name=competency.title_en).click()
    page.get_by_role("link", name=re.compile(r"-q01-")).click()
    expect(
        page.get_by_role("heading", name="Preview: what the learner sees")
    ).to_be_visible()
    assert wcag_violations(page) == []

    broken = tmp_path / "items.json"
    broken.write_text(
        '{"format": "skillpath-items", "version": 1, "items": [{"code": "x"}]}'
    )
    page.goto(f"{live_server.url}/assessments/bank/")
    page.get_by_label("Item file").set_input_files(str(broken))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("alert")).to_contain_text("nothing was changed")
    expect(page.get_by_role("alert")).to_contain_text("Item 1 (x)")
    assert wcag_violations(page) == []


def test_results_page_in_french_passes_wcag(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    credential = micro_credential(levels=(2,))
    factories.bank(factories.competencies(credential)[0])
    learner = testing.learner()
    sign_in(learner.email, testing.PASSWORD)
    page.context.add_cookies(
        [{"name": "django_language", "value": "fr", "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/assessments/credentials/{credential.pk}/results/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("#gap-table")).to_contain_text("Compétence")
    assert wcag_violations(page) == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_coordinator_sets_the_caution_from_the_keyboard(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None], language: str
) -> None:
    from skillpath.assessments.models import AssessmentPolicy

    credential = micro_credential()
    coordinator = testing.coordinator(credential.issuing_organisation)
    coordinator.preferred_language = language
    coordinator.save(update_fields=["preferred_language"])
    sign_in(coordinator.email, testing.PASSWORD)
    page.goto(f"{live_server.url}/assessments/credentials/{credential.pk}/policy/")
    group = page.get_by_role("group")
    expect(group).to_have_count(1)
    radios = group.get_by_role("radio")
    expect(radios).to_have_count(3)
    expect(radios.nth(0)).to_be_checked()
    assert wcag_violations(page) == []

    # Arrow keys move the choice within the group; Tab reaches the button.
    radios.nth(0).focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(radios.nth(2)).to_be_checked()
    expect(radios.nth(2)).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("main form button[type=submit]")).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    policy = AssessmentPolicy.objects.get(credential=credential)
    assert policy.caution == "strict"
