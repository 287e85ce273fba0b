"""Test-suite wide rules: browser tests run in Chromium, and never skip in CI."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from skillpath.common.browser import chromium_path


def browser_required() -> bool:
    """Return whether a missing browser must fail the run (it must in CI)."""
    return (
        bool(os.environ.get("CI")) or os.environ.get("SKILLPATH_REQUIRE_BROWSER") == "1"
    )


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    for item in items:
        if "tests/e2e/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
    if chromium_path() is not None:
        return
    message = (
        "Chromium is missing, so the browser tests cannot run. Install it with "
        "'sudo apt-get install -y chromium' (Debian/Ubuntu), or set SKILLPATH_CHROMIUM "
        "to a Chromium executable."
    )
    if browser_required():
        if any(item.get_closest_marker("browser") for item in items):
            raise pytest.UsageError(
                message + " (In CI a skipped browser test is a failure.)"
            )
        return
    skip = pytest.mark.skip(reason=message)
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _default_language_after_each_test() -> Iterator[None]:
    # A request in French (say, a language switch) leaves French active in this
    # thread; the next test must start in the default language whatever the order.
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache_after_each_test() -> Iterator[None]:
    # Rate limits (anonymous verification) count in the cache: each test starts
    # with none spent, whatever ran before it in this process.
    yield
    from django.core.cache import cache

    cache.clear()
