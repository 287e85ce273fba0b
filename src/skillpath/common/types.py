"""Types that views share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from skillpath.accounts.models import User


class AuthedRequest(HttpRequest):
    """A request whose user is signed in (behind ``login_required`` or API auth)."""

    user: User
