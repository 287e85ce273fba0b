"""Answer "may this person do this?" for follow-ups, ratings of hires and reports.

A learner sees and answers only their own surveys. An employer's members see the
rating requests of their organisation's hires, and only while the hire consents.
Outcome reports are for the coordinators of the organisation that issues the
credential: a coordinator of another college gets a 404 (the credential's report
does not exist for them), and anyone who coordinates nowhere a 403.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from skillpath.accounts.access import require
from skillpath.credentials.models import MicroCredential
from skillpath.frameworks.access import coordinated_organisations, employer_org_ids
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


# Reports


def reportable_credentials(user: Any) -> QuerySet[MicroCredential]:
    """Return the credentials whose outcome reports ``user`` may read."""
    organisations = [org.pk for org in coordinated_organisations(user)]
    return (
        MicroCredential.objects.filter(issuing_organisation_id__in=organisations)
        .select_related("issuing_organisation")
        .order_by("title_en", "pk")
    )


def require_reports(user: Any) -> None:
    """Refuse (403) anyone who coordinates for no organisation."""
    require(bool(coordinated_organisations(user)))


def credential_for_report(user: Any, slug: str) -> MicroCredential:
    """Return the credential ``slug`` if ``user`` may read its report, else 404."""
    require_reports(user)
    credential = reportable_credentials(user).filter(slug=slug).first()
    if credential is None:
        raise Http404("No such report.")
    return credential
