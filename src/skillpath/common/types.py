"""Types that views share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

if TYPE_CHECKING:
    from skillpath.accounts.models import User


class HtmxRequest(HttpRequest):
    """A request as every view gets it: django-htmx's middleware set ``htmx``.

    ``request.htmx`` is false unless htmx sent the request; then it says which element
    asked (``target``, ``trigger``) and whether the request is ``boosted``.
    """

    htmx: HtmxDetails


class AuthedRequest(HtmxRequest):
    """A request whose user is signed in (behind ``login_required`` or API auth)."""

    user: User
