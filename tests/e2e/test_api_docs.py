"""The API docs page works under the strict Content-Security-Policy, from our own files."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_api_docs_load_swagger_from_the_site_itself(
    page: Page, live_server: Any
) -> None:
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url)
            if not request.url.startswith(live_server.url)
            else None
        ),
    )
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
    assert elsewhere == []
