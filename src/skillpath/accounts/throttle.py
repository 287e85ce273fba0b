"""The one sign-in throttle: every password sign-in and reset request goes through it.

Failed sign-ins are counted per account and per client address. Up to
``SKILLPATH_LOGIN_MAX_FAILURES`` failures of an account cost nothing; after that each
attempt waits a back-off from the last failure, ``SKILLPATH_LOGIN_BACKOFF_SECONDS``
doubling with each further failure up to ``SKILLPATH_LOGIN_BACKOFF_MAX_SECONDS``. No
one can lock another person out for good: a back-off always ends, and an address
where the account signed in lately counts only the failures made from it, so the
owner's right password from their usual address gets in whatever a stranger tries.
An address that fails on many accounts (spraying one password) is backed off the same
way after ``SKILLPATH_LOGIN_ADDRESS_MAX_FAILURES``. Password reset mails are limited
per account and per address in a fixed window.

The authentication backend (``accounts.backends``) calls :func:`signin_check` and
records the outcome, so the app's sign-in page, the admin's and any later path that
authenticates with a password share this one count.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from skillpath.accounts.exceptions import TooManyLoginFailures, TooManyPasswordResets
from skillpath.accounts.models import ThrottleEvent

Kind = ThrottleEvent.Kind


def _account(email: str) -> str:
    return email.strip().lower()[:254]


def _backoff_seconds(failures: int, free: int) -> float:
    """Return how long to wait after the last of ``failures`` (0 while ``free``)."""
    if failures < free:
        return 0.0
    base = settings.SKILLPATH_LOGIN_BACKOFF_SECONDS
    cap = settings.SKILLPATH_LOGIN_BACKOFF_MAX_SECONDS
    # The exponent is bounded so that a flood cannot build a huge integer.
    return float(min(base * 2 ** min(failures - free, 40), cap))


def _remaining(failures: QuerySet[ThrottleEvent], free: int, now: datetime) -> float:
    counted = failures.aggregate(number=Count("pk"), last=Max("occurred_at"))
    if not counted["number"]:
        return 0.0
    wait = _backoff_seconds(counted["number"], free)
    return wait - (now - counted["last"]).total_seconds()


def _wait_text(seconds: int) -> str:
    if seconds < 60:
        return ngettext("%(n)d second", "%(n)d seconds", seconds) % {"n": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}


def address_is_known(*, email: str, client_address: str) -> bool:
    """Return whether the account signed in from ``client_address`` lately."""
    since = timezone.now() - timedelta(days=settings.SKILLPATH_LOGIN_KNOWN_ADDRESS_DAYS)
    return ThrottleEvent.objects.filter(
        kind=Kind.SIGNIN_SUCCESS,
        email=_account(email),
        client_address=client_address,
        occurred_at__gte=since,
    ).exists()


def signin_check(*, email: str, client_address: str) -> None:
    """Raise ``TooManyLoginFailures`` while this sign-in must wait out a back-off."""
    now = timezone.now()
    since = now - timedelta(seconds=settings.SKILLPATH_LOGIN_WINDOW_SECONDS)
    failures = ThrottleEvent.objects.filter(
        kind=Kind.SIGNIN_FAILURE, occurred_at__gte=since
    )
    by_account = failures.filter(email=_account(email))
    known = bool(client_address) and address_is_known(
        email=email, client_address=client_address
    )
    if known:
        # Where the owner signs in, only the failures made there count.
        by_account = by_account.filter(client_address=client_address)
    remaining = _remaining(by_account, settings.SKILLPATH_LOGIN_MAX_FAILURES, now)
    if client_address and not known:
        remaining = max(
            remaining,
            _remaining(
                failures.filter(client_address=client_address),
                settings.SKILLPATH_LOGIN_ADDRESS_MAX_FAILURES,
                now,
            ),
        )
    if remaining > 0:
        wait = math.ceil(remaining)
        raise TooManyLoginFailures(
            _(
                "Too many failed sign-ins. Try again in %(wait)s, or reset your password."
            )
            % {"wait": _wait_text(wait)},
            wait_seconds=wait,
        )


@transaction.atomic
def signin_failure_record(*, email: str, client_address: str) -> None:
    """Remember a failed sign-in, and forget those older than the window."""
    now = timezone.now()
    ThrottleEvent.objects.create(
        kind=Kind.SIGNIN_FAILURE,
        email=_account(email),
        client_address=client_address,
        occurred_at=now,
    )
    horizon = now - timedelta(seconds=settings.SKILLPATH_LOGIN_WINDOW_SECONDS)
    ThrottleEvent.objects.filter(
        kind=Kind.SIGNIN_FAILURE, occurred_at__lt=horizon
    ).delete()


@transaction.atomic
def signin_success_record(*, email: str, client_address: str) -> None:
    """Forget the account's failures from this address, and mark the address known.

    Failures from other addresses stay: a stranger's guesses keep their back-off.
    """
    now = timezone.now()
    account = _account(email)
    ThrottleEvent.objects.filter(
        kind=Kind.SIGNIN_FAILURE, email=account, client_address=client_address
    ).delete()
    if not client_address:
        return
    updated = ThrottleEvent.objects.filter(
        kind=Kind.SIGNIN_SUCCESS, email=account, client_address=client_address
    ).update(occurred_at=now)
    if not updated:
        ThrottleEvent.objects.create(
            kind=Kind.SIGNIN_SUCCESS,
            email=account,
            client_address=client_address,
            occurred_at=now,
        )
    horizon = now - timedelta(days=settings.SKILLPATH_LOGIN_KNOWN_ADDRESS_DAYS)
    ThrottleEvent.objects.filter(
        kind=Kind.SIGNIN_SUCCESS, occurred_at__lt=horizon
    ).delete()


@transaction.atomic
def password_reset_request_record(*, email: str, client_address: str) -> None:
    """Count a password reset request; raise ``TooManyPasswordResets`` over a limit.

    The count is per e-mail address typed, whether or not an account has it, so the
    refusal reveals nothing about who has an account. Refused requests are not
    counted: the limit is a fixed number of mails per window.
    """
    now = timezone.now()
    window = settings.SKILLPATH_PASSWORD_RESET_WINDOW_SECONDS
    recent = ThrottleEvent.objects.filter(
        kind=Kind.PASSWORD_RESET, occurred_at__gte=now - timedelta(seconds=window)
    )
    account = _account(email)
    if (
        recent.filter(email=account).count()
        >= settings.SKILLPATH_PASSWORD_RESET_MAX_PER_ACCOUNT
        or recent.filter(client_address=client_address).count()
        >= settings.SKILLPATH_PASSWORD_RESET_MAX_PER_ADDRESS
    ):
        raise TooManyPasswordResets(
            _(
                "Too many password reset requests. Look for the mail we sent, or try again in %(wait)s."
            )
            % {"wait": _wait_text(window)}
        )
    ThrottleEvent.objects.create(
        kind=Kind.PASSWORD_RESET,
        email=account,
        client_address=client_address,
        occurred_at=now,
    )
    ThrottleEvent.objects.filter(
        kind=Kind.PASSWORD_RESET, occurred_at__lt=now - timedelta(seconds=window)
    ).delete()
