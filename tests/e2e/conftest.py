"""Fixtures of the browser tests: Debian's Chromium against a live server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from skillpath.common.browser import chromium_path

expect.set_options(timeout=10_000)


@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any],
) -> dict[str, Any]:
    """Launch Debian's Chromium with the flags a closed network needs."""
    return {
        **browser_type_launch_args,
        "executable_path": chromium_path(),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """Use a phone-sized screen wide enough for tables, in English."""
    return {
        **browser_context_args,
        "viewport": {"width": 430, "height": 932},
        "locale": "en-CA",
    }


@pytest.fixture
def sign_in(page: Page, live_server: Any) -> Callable[[str, str], None]:
    """Return a function that signs ``email`` in through the login page."""

    def _sign_in(email: str, password: str) -> None:
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("E-mail address").fill(email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()

    return _sign_in
