"""A learner downloads everything held about them, deletes the account and is signed
out; the credential they kept still verifies publicly. At phone width."""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from skillpath.accounts import testing as accounts_testing
from skillpath.accounts.models import User
from skillpath.outcomes.testing import consenting_holder
from tests.e2e.accessibility import wcag_violations

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path(os.environ.get("SKILLPATH_SCREENSHOTS", tempfile.gettempdir()))
NAME = "Marguerite Oyelaran-Tessier"


def _fits(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_learner_downloads_their_data_deletes_the_account_and_the_credential_verifies(
    page: Page, live_server: Any, sign_in: Callable[[str, str], None]
) -> None:
    holding = consenting_holder()
    learner = holding.learner
    User.objects.filter(pk=learner.pk).update(full_name=NAME)
    email = learner.email
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(email, accounts_testing.PASSWORD)

    page.goto(f"{live_server.url}/accounts/profile/")
    page.get_by_role("link", name="My data: download it or delete my account").click()
    expect(page.get_by_role("heading", name="My data", exact=True)).to_be_visible()
    _fits(page)
    assert wcag_violations(page) == []
    page.screenshot(path=str(SHOTS / "privacy-page-390.png"), full_page=True)

    with page.expect_download() as info:
        page.get_by_role("link", name="Download my data (zip)").click()
    download = info.value
    assert download.suggested_filename.endswith(".zip")
    with zipfile.ZipFile(str(download.path())) as archive:
        profile = json.loads(archive.read("profile.json"))
        awards = json.loads(archive.read("awards.json"))
    assert profile["user"][0]["fields"]["full_name"] == NAME
    document = json.dumps(awards["awards"][0]["fields"]["document"])

    confirmation = page.get_by_label("Type your e-mail address or your password")
    confirmation.fill("not-my-address@example.org")
    page.get_by_role("button", name="Delete my account for good").click()
    expect(page.locator(".error")).to_contain_text("Type your e-mail address")
    confirmation = page.get_by_label("Type your e-mail address or your password")
    confirmation.fill(email)
    page.get_by_role("button", name="Delete my account for good").click()
    expect(page.get_by_text("Your account is deleted.")).to_be_visible()
    _fits(page)
    page.screenshot(path=str(SHOTS / "privacy-deleted-390.png"), full_page=True)

    # Signed out, and the old password no longer signs in.
    page.goto(f"{live_server.url}/privacy/")
    assert "/accounts/login/" in page.url
    sign_in(email, accounts_testing.PASSWORD)
    assert "/accounts/login/" in page.url

    # The credential the person kept still verifies, without them.
    page.goto(f"{live_server.url}/credentials/verify/")
    page.get_by_label("Paste a credential (JSON or JWT)").fill(document)
    page.get_by_role("button", name="Verify", exact=True).click()
    expect(page.locator(".verdict")).to_contain_text("Verified")
    assert NAME not in page.content()
    _fits(page)
    page.screenshot(path=str(SHOTS / "privacy-verified-390.png"), full_page=True)
