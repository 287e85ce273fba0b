"""Template context that every page needs: the navigation for this person's roles."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from skillpath.accounts import access
from skillpath.web.navigation import ANYONE, NAV_ITEMS, SIGNED_IN


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Return the links this person may follow, and their roles."""
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    held = access.roles(user) if signed_in else set()
    if signed_in:
        held.add(SIGNED_IN)
    held.add(ANYONE)
    links = []
    path = request.path
    for item in NAV_ITEMS:
        if not held.intersection(item.roles):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        links.append({"label": item.label, "url": url, "current": path == url})
    return {"nav_links": links, "user_roles": held}
