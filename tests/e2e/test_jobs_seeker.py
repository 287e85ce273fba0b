"""A credential holder finds a job they match, reads the breakdown and the gap, applies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from skillpath.accounts import testing as accounts_testing
from skillpath.jobs.models import Application
from skillpath.jobs.testing import holder, jobs_world
from tests.e2e.accessibility import wcag_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_holder_searches_sees_band_and_breakdown_and_applies(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    world = jobs_world()
    seeker, _award = holder(world.credential, name="Amina Yusuf")
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(seeker.email, accounts_testing.PASSWORD)
    page.goto(f"{live_server.url}/jobs/")
    page.get_by_label("Jobs I match").check()
    page.get_by_role("button", name="Search").click()
    card = page.locator(".card", has_text=world.posting.title)
    expect(card).to_contain_text("Strong match")
    expect(card).to_contain_text("essential met")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert wcag_violations(page) == []
    card.get_by_role("link", name=world.posting.title).click()
    breakdown = page.get_by_role(
        "table", name="Each requirement against what you have shown"
    )
    expect(breakdown).to_be_visible()
    expect(breakdown.get_by_role("row")).to_have_count(4)
    expect(breakdown).to_contain_text("your credential")
    assert wcag_violations(page) == []
    page.get_by_label("A short message to the employer").fill("I hold the credential.")
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_text("Your application is sent")).to_be_visible()
    assert Application.objects.filter(seeker=seeker, posting=world.posting).count() == 1
    page.goto(f"{live_server.url}/jobs/applications/")
    expect(page.get_by_role("row", name=world.posting.title)).to_contain_text("Applied")


def test_a_seeker_with_nothing_shown_yet_reads_the_gap_in_french(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    world = jobs_world()
    seeker = accounts_testing.learner(name="Marie Tremblay")
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(seeker.email, accounts_testing.PASSWORD)
    page.context.add_cookies(
        [{"name": "django_language", "value": "fr", "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/jobs/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    card = page.locator(".card", has_text=world.posting.title)
    expect(card).to_contain_text("Correspondance faible")
    card.get_by_role("link", name=world.posting.title).click()
    breakdown = page.get_by_role(
        "table", name="Chaque exigence comparée à ce que vous avez démontré"
    )
    expect(breakdown).to_contain_text("rien de démontré pour l’instant")
    expect(page.get_by_role("heading", name="Combler l’écart")).to_be_visible()
    expect(page.get_by_text("Il vous manque 3 exigences.")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert wcag_violations(page) == []
    page.get_by_role("link", name="Votre plan d’apprentissage pour cet emploi").click()
    expect(page.locator("h1")).to_contain_text("Votre parcours vers")
