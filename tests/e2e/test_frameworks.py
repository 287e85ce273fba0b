"""Journeys through frameworks, demand and the catalogue; their pages pass WCAG 2.1 AA."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from skillpath.accounts import testing
from skillpath.credentials import testing as credential_factories
from skillpath.frameworks import services
from tests.e2e.accessibility import wcag_violations

pytestmark = pytest.mark.django_db(transaction=True)
DATA = Path(__file__).resolve().parents[2] / "src/skillpath/frameworks/tests/data"


def test_coordinator_uploads_a_case_package_and_browses_it(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    coordinator = testing.coordinator()
    sign_in(coordinator.email, testing.PASSWORD)
    page.get_by_role("link", name="Frameworks").click()
    page.get_by_role("link", name="Import a framework").click()
    assert wcag_violations(page) == []
    page.get_by_label("1EdTech CASE 1.1 package").check()
    page.locator("input[type=file]").set_input_files(
        str(DATA / "ece_assistant_case.json")
    )
    page.get_by_role("button", name="Import").click()
    # The queue imports it; the import's page shows the progress, then the result.
    expect(page).to_have_url(re.compile(r"/imports/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("status")).to_contain_text("is imported: 13 competencies")
    assert wcag_violations(page) == []
    page.get_by_role("link", name="Open what was imported").click()
    expect(page).to_have_url(re.compile(r"/frameworks/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Early Childhood Educator Assistant Competencies"
    )
    assert wcag_violations(page) == []
    # Expand a domain in place, then search.
    page.get_by_role(
        "button", name=re.compile(r"^Show 2 parts of Support child")
    ).click()
    expect(
        page.get_by_role("link", name=re.compile("Observe and document"))
    ).to_be_visible()
    page.get_by_label("Search by code, title or other name").fill("families")
    expect(page.locator("#competency-results")).to_contain_text(
        "Communicate with families"
    )
    page.get_by_role("link", name=re.compile("Communicate with families")).click()
    expect(page.locator("dd[lang=fr]")).to_contain_text("Communiquer avec les familles")


def test_a_bad_upload_is_refused_with_the_reason_on_the_page(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None], tmp_path: Path
) -> None:
    coordinator = testing.coordinator()
    sign_in(coordinator.email, testing.PASSWORD)
    page.goto(f"{live_server.url}/frameworks/import/")
    bad = tmp_path / "skills_en.csv"
    bad.write_text(
        "conceptUri,preferredLabel,skillType\nhttp://x,one\n", encoding="utf-8"
    )
    page.get_by_label("ESCO CSV files").check()
    page.locator("input[type=file]").set_input_files(str(bad))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "skills_en.csv, line 2: the record has 2 cells but the header names 3 columns"
    )
    expect(page.get_by_role("alert")).to_contain_text("nothing was saved")
    assert wcag_violations(page) == []
    page.get_by_role("link", name="Correct the file and try again").click()
    expect(page).to_have_url(re.compile(r"/frameworks/import/$"))


def test_demand_pages_and_the_catalogue_pass_wcag_in_both_languages(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    credential = credential_factories.published_credential()
    employer = (
        credential.profile_version.reviews.get().organisation.memberships.get().user
    )
    coordinator = credential.created_by
    services.framework_import(
        path=DATA / "ece_assistant_case.json", source_format="case", imported_by=None
    )
    sign_in(employer.email, testing.PASSWORD)
    page.get_by_role("link", name="Hard-to-fill roles").click()
    page.get_by_label("Job title").fill("Early childhood educator assistant")
    page.get_by_label("NOC 2021 code").fill("42202")
    page.get_by_label("Openings").fill("5")
    page.get_by_label("Province or territory").select_option("AB")
    page.get_by_role("button", name="Send the report").click()
    expect(page.locator(".messages")).to_contain_text(
        "Colleges now see that you need 5"
    )
    assert wcag_violations(page) == []
    page.context.clear_cookies()
    sign_in(coordinator.email, testing.PASSWORD)
    for language in ("en", "fr"):
        page.context.add_cookies(
            [{"name": "django_language", "value": language, "url": live_server.url}]
        )
        for path in [
            "/dashboard/",
            "/jobs/demand/dashboard/",
            "/frameworks/",
            "/frameworks/profiles/",
            credential.profile_version.get_absolute_url(),
            f"/credentials/{credential.slug}/edit/",
            "/credentials/",
            credential.get_absolute_url(),
        ]:
            page.goto(f"{live_server.url}{path}")
            assert page.locator("html").get_attribute("lang") == language
            assert wcag_violations(page) == [], (language, path)
    page.context.add_cookies(
        [{"name": "django_language", "value": "en", "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/jobs/demand/dashboard/")
    expect(page.get_by_role("img", name="Open positions by role")).to_be_visible()
