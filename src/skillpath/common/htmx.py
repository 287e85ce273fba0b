"""Helpers for views that answer both whole pages and htmx fragments."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django_htmx.http import HttpResponseClientRedirect


def render_page_or_fragment(
    request: HttpRequest,
    page: str,
    fragment: str,
    context: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    """Render the whole ``page``, or only ``fragment`` when htmx asks for it."""
    htmx = getattr(request, "htmx", None)
    template = fragment if htmx and not htmx.boosted else page
    return render(request, template, context, status=status)


def redirect_after_post(request: HttpRequest, url: str) -> HttpResponse:
    """Redirect after a successful POST: ``HX-Redirect`` for htmx, 303 otherwise."""
    if getattr(request, "htmx", None):
        return HttpResponseClientRedirect(url)
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response
