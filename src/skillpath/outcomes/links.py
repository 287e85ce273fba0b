"""The signed link in a follow-up mail: opens one learner's survey, without signing in.

The token carries the survey's public id and its learner's id, signed with a salt of
its own (a token made for anything else does not open a survey). It is good for
``LINK_VALID_DAYS`` after it was made; the survey itself says whether it is still
open (answered or declined: the link is used up) and until when (``expires_on``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core import signing
from django.urls import reverse

from skillpath.core.followups import LINK_VALID_DAYS
from skillpath.credentials.site import absolute
from skillpath.outcomes.models import FollowUp

SALT = "skillpath.outcomes.follow-up-link"


def survey_token(follow_up: FollowUp) -> str:
    """Return the signed token of ``follow_up``'s link."""
    return signing.dumps(
        {"f": str(follow_up.public_id), "l": follow_up.learner_id}, salt=SALT
    )


def survey_url(follow_up: FollowUp) -> str:
    """Return the absolute address of ``follow_up``'s link."""
    return absolute(reverse("outcomes:survey_link", args=[survey_token(follow_up)]))


def survey_claims(token: str) -> dict[str, Any] | None:
    """Return what a good, unexpired token says (``f``: public id, ``l``: learner)."""
    try:
        claims = signing.loads(
            token, salt=SALT, max_age=dt.timedelta(days=LINK_VALID_DAYS)
        )
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(claims, dict) or not {"f", "l"} <= claims.keys():
        return None
    return claims
