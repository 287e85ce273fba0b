"""What the outcomes pages and the dashboard read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from skillpath.jobs.models import Application, ApplicationStatus
from skillpath.outcomes import access
from skillpath.outcomes.models import Baseline, EmployerRating, FollowUp, FollowUpState


def open_surveys_of(learner: Any) -> QuerySet[FollowUp]:
    """Return the learner's surveys that wait for an answer, oldest first."""
    return (
        FollowUp.objects.filter(learner=learner, state=FollowUpState.SENT)
        .select_related("award__credential")
        .order_by("due_on", "pk")
    )


def baseline_of(learner: Any) -> Baseline | None:
    return Baseline.objects.filter(learner=learner).first()


def hires_of(seeker: Any) -> QuerySet[Application]:
    """Return the seeker's hires with their rating consent (if any)."""
    return (
        Application.objects.filter(seeker=seeker, status=ApplicationStatus.HIRED)
        .select_related("posting__employer", "rating_consent")
        .order_by("-status_changed_at")
    )


def rating_requests_for(user: Any) -> QuerySet[EmployerRating]:
    """Return the rating requests ``user``'s employers may see: open and answered."""
    return (
        access.ratings_visible_to(user)
        .filter(state__in=(FollowUpState.SENT, FollowUpState.ANSWERED))
        .select_related("application__seeker", "application__posting", "rated_by")
        .order_by("-state", "-due_on", "pk")
    )


@dataclass
class DashboardCard:
    """The learner's follow-up card: consent, open surveys, baseline, hires."""

    consent: bool
    surveys: list[FollowUp] = field(default_factory=list)
    baseline: Baseline | None = None
    hires: list[Application] = field(default_factory=list)


def dashboard_card(learner: Any, *, consent: bool) -> DashboardCard:
    """Return what the learner's dashboard shows about surveys and ratings."""
    card = DashboardCard(consent=consent, hires=list(hires_of(learner)[:5]))
    if consent:
        card.surveys = list(open_surveys_of(learner)[:5])
        card.baseline = baseline_of(learner)
    return card


def ratings_waiting_count(user: Any) -> int:
    """Return how many rating requests wait for ``user``'s employers."""
    return access.ratings_visible_to(user).filter(state=FollowUpState.SENT).count()
