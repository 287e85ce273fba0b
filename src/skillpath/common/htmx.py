"""Helpers for views that answer both whole pages and htmx fragments."""

from __future__ import annotations

from typing import Any, cast

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django_htmx.http import HttpResponseLocation, SwapMethod
from django_htmx.middleware import HtmxDetails

from skillpath.common.types import HtmxRequest


def _htmx(request: HttpRequest) -> HtmxDetails:
    # Any view may call these helpers; django-htmx's middleware sets ``htmx`` on every
    # request, which HtmxRequest (the type views take) declares.
    return cast(HtmxRequest, request).htmx


def render_page_or_fragment(
    request: HttpRequest,
    page: str,
    fragment: str,
    context: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    """Render the whole ``page``, or only ``fragment`` when htmx asks for it."""
    htmx = _htmx(request)
    template = fragment if htmx and not htmx.boosted else page
    return render(request, template, context, status=status)


def redirect_after_post(
    request: HttpRequest, url: str, *, target: str = "", swap: SwapMethod = "innerHTML"
) -> HttpResponse:
    """Redirect after a successful POST.

    With a ``target``, htmx gets ``HX-Location``: it asks ``url`` for the fragment and
    swaps it into ``target`` without reloading the page (the focused button keeps
    focus, by id). Without one, htmx gets ``HX-Redirect`` (an empty 204) and loads
    ``url``. Without JavaScript, a 303 redirect to the page.
    """
    htmx = _htmx(request)
    if htmx and target:
        return HttpResponseLocation(url, target=target, swap=swap)
    if htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response
