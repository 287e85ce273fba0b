"""A coordinator reads the outcome report: hidden cells, charts, the CSV; another
college's coordinator is refused."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from skillpath.accounts import testing
from skillpath.outcomes.testing import Person, report_world
from skillpath.outcomes.tests.worlds import KNOWN
from tests.e2e.accessibility import wcag_violations

pytestmark = pytest.mark.django_db(transaction=True)

SMALL = {str(n) for n in range(1, 10)}
SHOTS = "/tmp/report-"  # noqa: S108 (screenshots to look at, where asked)


def test_coordinator_reads_the_report_and_downloads_the_protected_csv(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    nb = Person(stage="assessed", province="NB")
    world = report_world([*KNOWN, nb, nb, nb])
    credential = world.credentials[0]
    world.coordinator.set_password(testing.PASSWORD)
    world.coordinator.save()
    sign_in(world.coordinator.email, testing.PASSWORD)
    page.goto(f"{live_server.url}/outcomes/reports/")
    page.get_by_role("link", name="Outcomes", exact=True).first.wait_for()
    page.get_by_text("Reports of each micro-credential").click()
    page.get_by_role("link", name=credential.title).click()
    page.get_by_label("Break down by").select_option("province")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(credential.title)
    funnel = page.get_by_role("region", name="Funnel table")
    row = funnel.get_by_role("row", name="New Brunswick")
    expect(row).to_contain_text("hidden")
    expect(row.locator("abbr.hidden-cell").first).to_have_attribute(
        "title",
        "Hidden: fewer than 10 people, or a figure that would let someone work out such a small group.",
    )
    expect(
        page.get_by_role("img", name="Funnel: learners reaching each stage")
    ).to_be_visible()
    assert wcag_violations(page) == []
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=SHOTS + "desktop.png", full_page=True)

    with page.expect_download() as info:
        page.get_by_role("link", name="Download this table (CSV)").click()
    text = Path(str(info.value.path())).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert any(r["group"] == "New Brunswick" and r["value"] == "hidden" for r in rows)
    for r in rows:
        if r["table"] in ("figures", "employer ratings") and r["measure"] != "ratings":
            continue
        if "rate" not in r["measure"]:
            assert r["value"] not in SMALL, r
        assert r["out_of"] not in SMALL, r

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=SHOTS + "phone.png", full_page=True)


def test_coordinator_of_another_college_is_refused(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    world = report_world(KNOWN[:12])
    stranger = testing.coordinator()
    sign_in(stranger.email, testing.PASSWORD)
    page.goto(f"{live_server.url}/outcomes/reports/")
    expect(page.get_by_text(world.credentials[0].title)).to_have_count(0)
    response = page.goto(
        f"{live_server.url}/outcomes/reports/{world.credentials[0].slug}/"
    )
    assert response is not None and response.status == 404
