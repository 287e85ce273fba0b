"""The authentication backend: Django's model backend behind the sign-in throttle."""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from skillpath.accounts import throttle
from skillpath.accounts.exceptions import TooManyLoginFailures
from skillpath.accounts.models import User
from skillpath.common.http import client_address

logger = logging.getLogger(__name__)

# The refusal is left on the request for the sign-in form to show.
SIGNIN_REFUSAL = "skillpath_signin_refusal"


class ThrottledModelBackend(ModelBackend):
    """Check an e-mail address and password, unless the throttle says wait.

    It is the only backend, so every password sign-in (the app's page, the admin's,
    anything calling ``authenticate``) is throttled and counted in one place.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if username is None or password is None:
            return None
        email = str(username)
        address = client_address(request) if request is not None else ""
        try:
            throttle.signin_check(email=email, client_address=address)
        except TooManyLoginFailures as error:
            logger.warning(
                "Sign-in from %s refused for %d s (throttle)",
                address or "-",
                error.wait_seconds,
            )
            if request is not None:
                setattr(request, SIGNIN_REFUSAL, error)
            # PermissionDenied stops authenticate() from asking any other backend.
            raise PermissionDenied(str(error)) from error
        user = super().authenticate(
            request, username=username, password=password, **kwargs
        )
        if user is None:
            throttle.signin_failure_record(email=email, client_address=address)
        else:
            throttle.signin_success_record(email=email, client_address=address)
        return user
