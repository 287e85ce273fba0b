"""An employer finds a credential holder, verifies the credential, hires them through
the pipeline; once the seeker withdraws consent, the search no longer lists them."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from skillpath.accounts import testing as accounts_testing
from skillpath.jobs.models import Application, ApplicationEvent
from skillpath.jobs.services import applications as services
from skillpath.jobs.testing import holder, jobs_world
from tests.e2e.accessibility import wcag_violations
from tests.e2e.htmx import wait_for_htmx

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


def _no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _shot(page: Page, folder: Path, name: str) -> None:
    """Keep a screenshot to look at: in SKILLPATH_SCREENSHOT_DIR if set."""
    page.screenshot(path=str(folder / f"emp-{name}.png"), full_page=True)


def _search_by_posting(page: Page, live_server: Any, posting_id: int) -> None:
    page.goto(f"{live_server.url}/jobs/employer/candidates/")
    form = page.get_by_role("search", name="By one of your postings")
    form.get_by_label("One of your postings").select_option(value=str(posting_id))
    form.get_by_role("button", name="Find candidates").click()
    wait_for_htmx(page)


def test_employer_finds_verifies_and_hires_then_consent_withdrawal_hides_them(
    page: Page,
    live_server: Any,
    sign_in: Callable[[str, str], None],
    tmp_path: Path,
) -> None:
    shots = Path(os.environ.get("SKILLPATH_SCREENSHOT_DIR", tmp_path))
    world = jobs_world()
    seeker, award = holder(world.credential, name="Amina Yusuf")
    holder(world.credential, share=False, name="Paula Private")
    application = services.application_create(
        seeker=seeker,
        posting=world.posting,
        message="I hold the credential.",
        awards=[award],
    )
    page.set_viewport_size(PHONE)
    sign_in(world.employer.email, accounts_testing.PASSWORD)

    # Candidate search by posting: the holder is listed with band and breakdown.
    _search_by_posting(page, live_server, world.posting.pk)
    results = page.locator("#candidate-results")
    card = results.locator(".candidate", has_text="Amina Yusuf")
    expect(card).to_contain_text("Strong match")
    expect(card).to_contain_text(re.compile(r"(\d) of \1 essential met"))
    expect(results).not_to_contain_text("Paula Private")
    card.get_by_text("Each requirement for Amina Yusuf").click()
    expect(card.get_by_role("table")).to_be_visible()
    _no_sideways_scroll(page)
    _shot(page, shots, "candidates")
    assert wcag_violations(page) == []

    # The candidate's page: the credential is verified inline.
    card.get_by_role("link", name="Amina Yusuf").click()
    expect(page.get_by_role("heading", name="Amina Yusuf", level=1)).to_be_visible()
    credential = page.locator(".verified-credential", has_text=world.credential.title)
    expect(credential.locator(".verdict")).to_contain_text("Verified")
    _no_sideways_scroll(page)
    _shot(page, shots, "candidate")
    assert wcag_violations(page) == []

    # The application: moved step by step to hired.
    page.get_by_role("link", name=re.compile("Their application")).click()
    expect(page.get_by_text("I hold the credential.")).to_be_visible()
    expect(
        page.locator(".verified-credential .verdict", has_text="Verified")
    ).to_have_count(1)
    _shot(page, shots, "application-move")
    assert wcag_violations(page) == []
    for label in ("Screened", "Interview", "Offer", "Hired"):
        page.get_by_label("Move to").select_option(label=label)
        page.get_by_label("Note").fill(f"{label}: noted.")
        page.get_by_role("button", name="Move", exact=True).click()
        expect(page.locator("#application-status")).to_have_text(label)
        expect(page.get_by_text(f"Moved to “{label}”")).to_be_visible()
    expect(page.get_by_text("it moves no further")).to_be_visible()
    assert list(
        ApplicationEvent.objects.filter(application=application).values_list(
            "to_status", flat=True
        )
    ) == ["applied", "screened", "interview", "offer", "hired"]
    _no_sideways_scroll(page)
    _shot(page, shots, "application")
    assert wcag_violations(page) == []

    # The seeker withdraws consent on their profile page.
    page.context.clear_cookies()
    sign_in(seeker.email, accounts_testing.PASSWORD)
    page.goto(f"{live_server.url}/accounts/profile/")
    page.get_by_label(
        re.compile("share my profile and credentials", re.IGNORECASE)
    ).uncheck()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your profile is saved")).to_be_visible()

    # The employer's search no longer lists them; the application stays.
    page.context.clear_cookies()
    sign_in(world.employer.email, accounts_testing.PASSWORD)
    _search_by_posting(page, live_server, world.posting.pk)
    expect(page.locator("#candidate-results")).to_contain_text("0 candidates match")
    expect(page.locator("#candidate-results")).not_to_contain_text("Amina Yusuf")
    page.goto(f"{live_server.url}/jobs/employer/applications/")
    expect(page.get_by_role("row", name=re.compile("Amina Yusuf"))).to_contain_text(
        "Hired"
    )
    assert Application.objects.get(pk=application.pk).status == "hired"
