"""Ask the hiring employer to rate a hire at 3 and 6 months, with the hire's consent.

The sweep creates the two requests of every hire (``Application`` moved to hired)
whose hire consents, and sends each one that is due to the employer's members
(mail key ``hire-rating:<id>:<member id>``) in the transaction that marks it sent.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from skillpath.accounts.models import Membership, MembershipStatus, Role
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.core.followups import NO_ANSWER_AFTER_DAYS, add_months
from skillpath.credentials.site import absolute
from skillpath.frameworks.models import Competency
from skillpath.jobs.mail import mail_later
from skillpath.jobs.models import Application, ApplicationStatus
from skillpath.outcomes import access
from skillpath.outcomes.exceptions import InvalidAnswer, NotAllowed, SurveyClosed
from skillpath.outcomes.models import (
    CompetencyRating,
    EmployerRating,
    FollowUpState,
    RatingKind,
)
from skillpath.outcomes.services.followups import BATCH

RATING_MONTHS = ((RatingKind.MONTH_3, 3), (RatingKind.MONTH_6, 6))


def hired_on(application: Application) -> dt.date:
    """Return the day of the hire: the date the employer gave with the move, else
    the day the move was made."""
    event = (
        application.events.filter(to_status=ApplicationStatus.HIRED)
        .order_by("-occurred_at", "-id")
        .first()
    )
    if event is not None and event.on_date is not None:
        return event.on_date
    return timezone.localdate(application.status_changed_at)


def hire_competencies(application: Application) -> list[Competency]:
    """Return the competencies to rate: those of the credentials the hire brought.

    The credentials attached to the application, else the hire's active awards
    built on the posting's job profile version, else what the posting asked for.
    """
    from_awards = Competency.objects.filter(
        credential_requirements__credential__awards__in=application.credentials.all()
    )
    if not from_awards.exists():
        from_awards = Competency.objects.filter(
            credential_requirements__credential__awards__learner_id=application.seeker_id,
            credential_requirements__credential__awards__status="active",
            credential_requirements__credential__profile_version_id=(
                application.posting.profile_version_id
            ),
        )
    if not from_awards.exists():
        from_awards = Competency.objects.filter(
            posting_requirements__posting_id=application.posting_id
        )
    return list(from_awards.distinct().order_by("pk"))


def ratings_schedule(*, today: dt.date | None = None) -> int:
    """Create the 3- and 6-month requests of every consenting hire that has none."""
    today = today or timezone.localdate()
    hires = list(
        Application.objects.filter(
            status=ApplicationStatus.HIRED,
            rating_consent__granted=True,
            ratings__isnull=True,
        ).order_by("pk")[:BATCH]
    )
    for application in hires:
        start = hired_on(application)
        rows = []
        for kind, months in RATING_MONTHS:
            due_on = add_months(start, months)
            too_late = (today - due_on).days >= NO_ANSWER_AFTER_DAYS
            rows.append(
                EmployerRating(
                    application=application,
                    kind=kind,
                    due_on=due_on,
                    state=FollowUpState.CANCELLED
                    if too_late
                    else FollowUpState.SCHEDULED,
                )
            )
        EmployerRating.objects.bulk_create(rows, ignore_conflicts=True)
    return len(hires)


def _raters(application: Application) -> list[Any]:
    return [
        m.user
        for m in Membership.objects.filter(
            organisation_id=application.posting.employer_id,
            role=Role.EMPLOYER,
            status=MembershipStatus.APPROVED,
            user__is_active=True,
        ).select_related("user")
    ]


def ratings_send(*, now: dt.datetime | None = None) -> int:
    """Send the due requests to the employers' members; close the unanswered."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    queued = 0
    due = EmployerRating.objects.filter(
        state=FollowUpState.SCHEDULED,
        due_on__lte=today,
        application__rating_consent__granted=True,
    ).select_related("application__posting__employer", "application__seeker")
    for rating in due.order_by("due_on", "pk")[:BATCH]:
        with transaction.atomic():
            claimed = EmployerRating.objects.filter(
                pk=rating.pk, state=FollowUpState.SCHEDULED
            ).update(state=FollowUpState.SENT, sent_at=now, updated_at=now)
            if not claimed:
                continue
            for member in _raters(rating.application):
                mail_later(
                    key=f"hire-rating:{rating.pk}:{member.pk}",
                    to=member.email,
                    template="outcomes/email/hire_rating",
                    context={
                        "member": member,
                        "hire": rating.application.seeker,
                        "posting": rating.application.posting,
                        "rating_url": absolute(
                            reverse("outcomes:rating", args=[rating.pk])
                        ),
                    },
                    language=member.preferred_language,
                )
                queued += 1
    EmployerRating.objects.filter(
        state=FollowUpState.SENT,
        sent_at__lte=now - dt.timedelta(days=NO_ANSWER_AFTER_DAYS),
    ).update(state=FollowUpState.NO_ANSWER, updated_at=now)
    return queued


def _score(value: Any, field: str) -> int:
    try:
        score = int(value)
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        raise InvalidAnswer(_("Choose a rating from 1 to 5."), field=field)
    return score


def hire_rating_record(
    *,
    rating: EmployerRating,
    rated_by: Any,
    overall_satisfaction: Any,
    competencies: dict[int, tuple[Any, Any]],
) -> EmployerRating:
    """Record an employer's rating of a hire: every competency, and overall, 1-5.

    ``competencies`` maps each competency's id to (preparation, performance). Only
    a member of the hiring employer, only while the hire consents, only once.
    """
    rating = EmployerRating.objects.select_related(
        "application__posting", "application__rating_consent"
    ).get(pk=rating.pk)
    if not access.can_rate(rated_by, rating):
        raise NotAllowed(_("Only the employer who hired this person rates them."))
    consent = getattr(rating.application, "rating_consent", None)
    if consent is None or not consent.granted:
        raise NotAllowed(_("The person hired has not agreed to be rated."))
    expected = hire_competencies(rating.application)
    scores: list[tuple[Competency, int, int]] = []
    for competency in expected:
        given = competencies.get(competency.pk, (None, None))
        scores.append(
            (
                competency,
                _score(given[0], f"preparation_{competency.pk}"),
                _score(given[1], f"performance_{competency.pk}"),
            )
        )
    overall = _score(overall_satisfaction, "overall_satisfaction")
    now = timezone.now()
    with transaction.atomic():
        moved = EmployerRating.objects.filter(
            pk=rating.pk, state=FollowUpState.SENT
        ).update(
            state=FollowUpState.ANSWERED,
            answered_at=now,
            rated_by=rated_by,
            overall_satisfaction=overall,
            updated_at=now,
        )
        if not moved:
            raise SurveyClosed(_("This rating request is closed or answered already."))
        CompetencyRating.objects.bulk_create(
            [
                CompetencyRating(
                    rating=rating,
                    competency=competency,
                    preparation=preparation,
                    performance=performance,
                )
                for competency, preparation, performance in scores
            ]
        )
        audit_record(
            actor=rated_by,
            verb=AuditVerb.HIRE_RATING_RECORD,
            target=rating,
            overall=overall,
        )
    rating.refresh_from_db()
    return rating
