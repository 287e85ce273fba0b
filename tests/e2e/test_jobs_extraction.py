"""Browser journey: an employer pastes a job ad and accepts a suggested requirement."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from skillpath.accounts import testing
from skillpath.frameworks import testing as frameworks_testing
from skillpath.jobs.testing import jobs_world
from tests.e2e.accessibility import wcag_violations

pytestmark = pytest.mark.django_db(transaction=True)

AD = """Warehouse associate – Calgary
We are a busy distribution centre.
- Drive a forklift safely between the racks.
- Apply FIFO so the oldest stock leaves first.
We offer benefits after three months."""


def test_employer_pastes_an_ad_and_accepts_a_suggested_requirement(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    world = jobs_world(open_posting=False)
    framework = world.posting.requirements.first().competency.framework
    frameworks_testing.competency(framework, title="Operate a forklift safely")
    frameworks_testing.competency(
        framework, title="Stock rotation methods (FIFO, FEFO)"
    )
    sign_in(world.employer.email, testing.PASSWORD)
    page.goto(f"{live_server.url}/jobs/employer/postings/{world.posting.pk}/edit/")
    page.get_by_role("link", name="Suggest requirements from a job ad").click()
    expect(
        page.get_by_role("heading", name="Requirements from a job ad")
    ).to_be_visible()

    page.get_by_label("The text of the job ad").fill(AD)
    page.get_by_role("button", name="Suggest competencies").click()
    forklift = page.locator(
        "li", has=page.get_by_role("heading", name="Operate a forklift safely")
    )
    expect(forklift).to_contain_text("Drive a forklift safely between the racks.")
    expect(forklift).to_contain_text(re.compile(r"\d+% confident"))
    rotation = page.locator(
        "li",
        has=page.get_by_role("heading", name="Stock rotation methods (FIFO, FEFO)"),
    )
    expect(rotation).to_contain_text("100% confident")
    assert wcag_violations(page) == []

    rotation.get_by_role("button", name=re.compile("^Reject")).click()
    expect(rotation.get_by_role("status")).to_contain_text("Rejected")
    forklift.get_by_label("Required level").select_option("3")
    forklift.get_by_role("button", name=re.compile("^Accept")).click()
    expect(forklift.get_by_role("status")).to_contain_text(
        "added to the requirements at level 3"
    )

    page.get_by_role("link", name=re.compile("Back to the posting")).click()
    row = page.get_by_role("row", name=re.compile("Operate a forklift safely"))
    expect(row).to_contain_text("Suggested from the job ad")
    expect(
        page.get_by_role("row", name=re.compile("Stock rotation methods"))
    ).to_have_count(0)
