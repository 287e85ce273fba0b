"""A person creates a read-only API token on a phone, uses it once, and never sees it again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from skillpath.accounts import testing
from tests.e2e.accessibility import wcag_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_read_only_token_is_shown_once_reads_and_cannot_write(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    learner = testing.learner()
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(learner.email, testing.PASSWORD)
    page.goto(f"{live_server.url}/accounts/tokens/")
    expect(page.get_by_text("Authorization: Bearer <token>")).to_be_visible()
    page.get_by_label("Token name").fill("my phone script")
    page.get_by_label("read only").check()
    page.get_by_label("Works for").select_option("30")
    page.get_by_role("button", name="Create a token").click()

    status = page.get_by_role("status")
    expect(status).to_contain_text("will not be shown again")
    key = page.locator("#new-token").inner_text()
    assert key.startswith("sp_")
    expect(page.get_by_role("cell", name="read only")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert wcag_violations(page) == []

    headers = {"Authorization": f"Bearer {key}"}
    me = page.request.get(f"{live_server.url}/api/v1/me", headers=headers)
    assert me.status == 200 and me.json()["email"] == learner.email
    write = page.request.patch(
        f"{live_server.url}/api/v1/me/learner-profile",
        headers=headers,
        data={"follow_up_surveys": True},
    )
    assert write.status == 403

    page.reload()
    expect(page.locator("#new-token")).to_have_count(0)
    assert key not in page.content()
