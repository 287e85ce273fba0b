"""Helpers the frameworks views share."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django_htmx.http import HttpResponseLocation


def after_post(request: HttpRequest, url: str, *, target: str = "") -> HttpResponse:
    """Redirect after a successful POST.

    htmx gets ``HX-Location``: it asks ``url`` for the fragment and swaps it into
    ``target`` without reloading the page (the focused button keeps focus, by id).
    Without JavaScript, a 303 redirect to the page.
    """
    if getattr(request, "htmx", None) and target:
        return HttpResponseLocation(url, target=target, swap="innerHTML")
    if getattr(request, "htmx", None):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def int_or_none(value: Any) -> int | None:
    """Return ``value`` as an int, or ``None`` if it is not one."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
