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


@pytest.fixture(autouse=True)
def no_content_security_policy_violations(
    request: pytest.FixtureRequest,
) -> Any:
    """Fail a browser test if the page broke its own Content-Security-Policy."""
    if "page" not in request.fixturenames:
        yield
        return
    page: Page = request.getfixturevalue("page")
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield
    assert violations == [], violations
