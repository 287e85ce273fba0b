"""Waiting for htmx in browser tests."""

from __future__ import annotations

from playwright.sync_api import Page

# htmx marks content while a request runs and until new content is settled and
# processed; only then do its forms submit through htmx rather than natively.
BUSY = ".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added"


def wait_for_htmx(page: Page) -> None:
    """Wait until no htmx request, swap or settle is under way on the page."""
    page.wait_for_function(f"() => !document.querySelector({BUSY!r})")
