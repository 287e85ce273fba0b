"""Read the employer's pipeline: applications to its postings, counts per stage, one
application with its credentials verified, its match and its history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet

from skillpath.core.matching import Match, Part
from skillpath.frameworks.models import Competency
from skillpath.jobs import access
from skillpath.jobs.models import Application, ApplicationEvent, ApplicationStatus
from skillpath.jobs.selectors.candidates import (
    VerifiedCredential,
    verified_credentials,
)
from skillpath.jobs.selectors.matching import posting_match, seeker_evidence
from skillpath.jobs.selectors.postings import match_summary

#: The stages in the order the pipeline shows them.
STAGES = (
    ApplicationStatus.APPLIED,
    ApplicationStatus.SCREENED,
    ApplicationStatus.INTERVIEW,
    ApplicationStatus.OFFER,
    ApplicationStatus.HIRED,
    ApplicationStatus.NOT_SELECTED,
    ApplicationStatus.WITHDRAWN,
)


def employer_applications(
    user: Any, *, posting_id: int | None = None, status: str = ""
) -> QuerySet[Application]:
    """Return the applications to ``user``'s employers' postings, newest first."""
    applications = access.applications_managed_by(user)
    if posting_id is not None:
        applications = applications.filter(posting_id=posting_id)
    if status:
        applications = applications.filter(status=status)
    return applications.select_related(
        "posting", "posting__employer", "seeker", "seeker__learner_profile"
    ).order_by("-status_changed_at", "-id")


def stage_counts(user: Any, *, posting_id: int | None = None) -> list[dict[str, Any]]:
    """Return every stage with how many applications are at it (one query)."""
    applications = access.applications_managed_by(user)
    if posting_id is not None:
        applications = applications.filter(posting_id=posting_id)
    counts = dict(
        applications.values("status").annotate(n=Count("id")).values_list("status", "n")
    )
    return [
        {
            "status": stage.value,
            "label": str(stage.label),
            "count": counts.get(stage, 0),
        }
        for stage in STAGES
    ]


@dataclass
class ApplicationDetail:
    application: Application
    credentials: list[VerifiedCredential]
    match: Match
    summary: dict[str, Any]
    parts: list[tuple[Part, Competency | None]]
    events: list[ApplicationEvent]


def application_detail(application: Application) -> ApplicationDetail:
    """Return what the employer reads of one application: credentials verified,
    the match today, and every move with its note and date."""
    posting = application.posting
    result = posting_match(
        posting=posting, evidence=seeker_evidence(application.seeker)
    )
    names = {
        str(c.pk): c
        for c in Competency.objects.filter(
            pk__in=[int(part.competency) for part in result.parts]
        )
    }
    awards = list(application.credentials.select_related("credential", "issuer"))
    return ApplicationDetail(
        application=application,
        credentials=verified_credentials(awards),
        match=result,
        summary=match_summary(result),
        parts=[(part, names.get(part.competency)) for part in result.parts],
        events=list(application.events.select_related("actor")),
    )
