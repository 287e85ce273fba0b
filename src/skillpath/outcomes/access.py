"""Answer "may this person do this?" for follow-up surveys and ratings of hires.

A learner sees and answers only their own surveys. An employer's members see the
rating requests of their organisation's hires, and only while the hire consents.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from skillpath.frameworks.access import employer_org_ids
from skillpath.jobs.models import Application
from skillpath.outcomes.models import EmployerRating, FollowUp


def can_answer(user: Any, follow_up: FollowUp) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and (
        follow_up.learner_id == user.pk
    )


def can_rate(user: Any, rating: EmployerRating) -> bool:
    """Return whether ``user`` represents the employer that made this hire."""
    return rating.application.posting.employer_id in employer_org_ids(user)


def ratings_visible_to(user: Any) -> QuerySet[EmployerRating]:
    """Return the rating requests of ``user``'s employers whose hire consents."""
    return EmployerRating.objects.filter(
        application__posting__employer_id__in=employer_org_ids(user),
        application__rating_consent__granted=True,
    )


def is_hire_of(user: Any, application: Application) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and (
        application.seeker_id == user.pk
    )
