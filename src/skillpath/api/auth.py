"""API authentication: personal access tokens, or the browser's session."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import APIKeyCookie, HttpBearer

from skillpath.accounts.services import token_authenticate

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class TokenAuth(HttpBearer):
    """Accept ``Authorization: Bearer sp_…`` personal access tokens.

    ``request.auth`` is then the token, so endpoints can tell a token from a session;
    a read-only token is refused (403) on every method that may write.
    """

    openapi_scheme = "bearer"

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        api_token = token_authenticate(token)
        if api_token is None:
            return None
        if not api_token.can_write and request.method not in SAFE_METHODS:
            raise PermissionDenied(
                _(
                    "This token may only read: create a read and write token to change things."
                )
            )
        request.user = api_token.user
        return api_token


class SessionAuth(APIKeyCookie):
    """Accept the signed-in browser session; writes also need the CSRF token."""

    param_name = "sessionid"

    def __init__(self) -> None:
        super().__init__(csrf=True)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user
        return None
