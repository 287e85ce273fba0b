"""Journeys of the issuing side: download from the wallet, verify, revoke, verify again."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from skillpath.accounts import testing
from skillpath.credentials.tests.issuing_world import awarded
from tests.e2e.accessibility import wcag_violations

pytestmark = pytest.mark.django_db(transaction=True)

CHECK_LABELS = [
    "Readable credential",
    "Open Badges 3.0 structure",
    "Every term defined (JSON-LD)",
    "Signature",
    "Signing key belongs to the issuer",
    "Validity dates",
    "Not revoked",
]


def _paste_and_verify(page: Page, live_server: Any, text: str) -> None:
    page.goto(f"{live_server.url}/credentials/verify/")
    page.get_by_label("Paste a credential (JSON or JWT)").fill(text)
    page.get_by_role("button", name="Verify", exact=True).click()


def _download(page: Page, link_name: str) -> str:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).first.click()
    path = info.value.path()
    return Path(str(path)).read_text(encoding="utf-8")


def test_learner_downloads_verifies_and_sees_the_revocation(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    award = awarded(title_en="Safe Food Handling")
    sign_in(award.learner.email, testing.PASSWORD)
    page.goto(f"{live_server.url}/credentials/wallet/")
    expect(page.get_by_role("heading", name="Safe Food Handling")).to_be_visible()
    assert wcag_violations(page) == []
    document = _download(page, "JSON (signed, Data Integrity)")
    token = _download(page, "JWT (RS256)")

    _paste_and_verify(page, live_server, document)
    expect(page.locator(".verdict")).to_contain_text("Verified")
    for label in CHECK_LABELS:
        row = page.get_by_role("row", name=re.compile(re.escape(label)))
        expect(row.first).to_contain_text("Passed")
    assert wcag_violations(page) == []

    _paste_and_verify(page, live_server, token)
    expect(page.locator(".verdict")).to_contain_text("Verified")

    # A coordinator of the issuing college revokes it, with a reason.
    page.context.clear_cookies()
    coordinator = testing.coordinator(award.issuer.organisation)
    sign_in(coordinator.email, testing.PASSWORD)
    page.goto(f"{live_server.url}/credentials/issued/")
    page.get_by_role("link", name=re.compile("^Revoke")).first.click()
    page.get_by_label("Reason for revoking").fill("The assessment was not supervised.")
    page.get_by_role("button", name="Revoke").click()
    expect(page.get_by_role("status")).to_contain_text("revoked")

    _paste_and_verify(page, live_server, document)
    expect(page.locator(".verdict")).to_contain_text("Revoked")
    expect(page.get_by_role("row", name=re.compile("Not revoked"))).to_contain_text(
        "revoked"
    )

    page.context.clear_cookies()
    sign_in(award.learner.email, testing.PASSWORD)
    page.goto(f"{live_server.url}/credentials/wallet/")
    expect(page.get_by_role("note")).to_contain_text(
        "The assessment was not supervised."
    )


def test_shared_credential_has_a_public_page_until_the_learner_hides_it(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    award = awarded(title_en="Forklift Safety")
    sign_in(award.learner.email, testing.PASSWORD)
    page.goto(f"{live_server.url}/credentials/wallet/")
    page.get_by_role("button", name="Make the public page visible").click()
    expect(page.get_by_role("link", name="Add to my LinkedIn profile")).to_be_visible()
    page.get_by_role("link", name="Public page").click()
    expect(page.locator(".verdict")).to_contain_text("Verified")
    assert wcag_violations(page) == []
    public_url = page.url
    page.goto(f"{live_server.url}/credentials/wallet/")
    page.get_by_role("button", name="Hide the public page").click()
    response = page.goto(public_url)
    assert response is not None and response.status == 404


def test_issuing_pages_pass_wcag_aa(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    award = awarded(title_en="Warehouse Safety")
    page.goto(f"{live_server.url}{award.issuer.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(award.issuer.name)
    assert wcag_violations(page) == [], "issuer"
    sign_in(award.learner.email, testing.PASSWORD)
    page.goto(f"{live_server.url}/credentials/wallet/{award.public_id}/certificate/")
    expect(page.get_by_role("heading", name="Warehouse Safety")).to_be_visible()
    assert wcag_violations(page) == [], "certificate"
    page.goto(f"{live_server.url}/dashboard/")
    expect(page.get_by_role("link", name="My credentials")).to_be_visible()
    expect(page.get_by_role("heading", name="Your credentials")).to_be_visible()
    expect(page.locator(".dashboard-wallet")).to_contain_text("Warehouse Safety")
    assert wcag_violations(page) == [], "dashboard"
    page.context.clear_cookies()
    sign_in(testing.coordinator(award.issuer.organisation).email, testing.PASSWORD)
    page.goto(f"{live_server.url}/credentials/issued/")
    assert wcag_violations(page) == [], "issued"
    page.get_by_role("link", name=re.compile("^Revoke")).first.click()
    page.get_by_role("button", name="Revoke").click()
    expect(page.locator(".error, .form-errors").first).to_be_visible()
    assert wcag_violations(page) == [], "revoke form with an error"
