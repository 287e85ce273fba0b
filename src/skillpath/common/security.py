"""Send a strict Content-Security-Policy with every response.

Django 5.2 has no CSP of its own (6.0 adds one). The policy is a setting,
``CONTENT_SECURITY_POLICY`` (directive → sources), so a deployment can widen one
directive without touching code; the default allows script, style, images and
requests from this site only, and no inline script or ``eval`` anywhere: the pages
load htmx and their own behaviours from static files.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from django.conf import settings
from django.http import HttpRequest, HttpResponse

HEADER = "Content-Security-Policy"


def policy_header(policy: Mapping[str, Sequence[str]]) -> str:
    """Return the header value of a policy given as directive → sources."""
    return "; ".join(
        " ".join([directive, *sources]).strip() for directive, sources in policy.items()
    )


class ContentSecurityPolicyMiddleware:
    """Add the site's policy to every response that has none of its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.header = policy_header(settings.CONTENT_SECURITY_POLICY)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.header and HEADER not in response.headers:
            response.headers[HEADER] = self.header
        return response
