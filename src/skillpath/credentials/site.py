"""Public addresses of this platform's pages, as written into documents and mail."""

from __future__ import annotations

from django.conf import settings


def base_url() -> str:
    """Return the public address of this platform, without a trailing slash."""
    return str(settings.SKILLPATH_BASE_URL).rstrip("/")


def absolute(path: str) -> str:
    """Return the public URL of a site path."""
    return base_url() + path
