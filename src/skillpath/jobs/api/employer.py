"""API of the employer's side: candidates who consent, invitations, the pipeline.

Every endpoint is for approved employers (403 otherwise); a seeker who does not
consent, or an application to another employer's posting, answers 404.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from skillpath.accounts.models import LearnerProfile
from skillpath.core.matching import Match, Part
from skillpath.frameworks.models import Competency
from skillpath.jobs import access
from skillpath.jobs.exceptions import InvalidSearch, NotAllowed
from skillpath.jobs.forms import competency_rows
from skillpath.jobs.models import Application, JobPosting
from skillpath.jobs.selectors import candidates as selectors
from skillpath.jobs.selectors import pipeline
from skillpath.jobs.selectors.candidates import VerifiedCredential
from skillpath.jobs.services import applications as services

router = Router(tags=["employer"])


class SeekerOut(Schema):
    id: int
    name: str
    region: str


class CandidatePartOut(Schema):
    competency: str
    competency_title: str
    required_level: float
    level: float | None
    source: str | None
    essential: bool
    met: bool
    contribution: float
    gap: float
    via: str | None


class CandidateHit(Schema):
    seeker: SeekerOut
    score: float
    band: str
    essential_met: int
    essential_total: int
    parts: list[CandidatePartOut]
    invited: bool
    application: int | None


class CandidatePage(Schema):
    total: int
    page: int
    pages: int
    results: list[CandidateHit]


class SharedCheckOut(Schema):
    name: str
    label: str
    passed: bool
    message: str


class SharedCredentialOut(Schema):
    award: str = Field(..., description="Public id of the award")
    credential: str
    issuer: str
    valid_from: dt.datetime
    state: str = Field(..., description="verified, revoked, expired or not_verified")
    reason: str
    checks: list[SharedCheckOut]


class PostingMatchOut(Schema):
    posting: int
    title: str
    score: float
    band: str
    essential_met: int
    essential_total: int
    parts: list[CandidatePartOut]
    invited: bool
    application: int | None


class CandidateOut(Schema):
    seeker: SeekerOut
    credentials: list[SharedCredentialOut]
    postings: list[PostingMatchOut]


class StageOut(Schema):
    status: str
    label: str
    count: int


class EmployerApplicationOut(Schema):
    id: int
    posting: int
    posting_title: str
    seeker: SeekerOut
    status: str
    score: float | None
    band: str
    created_at: dt.datetime
    status_changed_at: dt.datetime


class PipelineOut(Schema):
    stages: list[StageOut]
    applications: list[EmployerApplicationOut]


class EventOut(Schema):
    from_status: str
    to_status: str
    note: str
    on_date: dt.date | None
    occurred_at: dt.datetime
    actor: str | None


class ApplicationDetailOut(EmployerApplicationOut):
    message: str
    credentials: list[SharedCredentialOut]
    match: dict[str, Any]
    parts: list[CandidatePartOut]
    events: list[EventOut]
    allowed_moves: list[str]


class MoveIn(Schema):
    to_status: str
    note: str = ""
    on_date: dt.date | None = None


class InviteIn(Schema):
    posting: int
    message: str = ""


class InvitationOut(Schema):
    id: int
    posting: int = Field(..., alias="posting_id")
    seeker: int = Field(..., alias="seeker_id")
    message: str
    created_at: dt.datetime


def _employer(request: HttpRequest) -> None:
    if not access.can_search_candidates(request.user):
        raise NotAllowed(_("Only approved employers can see candidates."))


def _seeker(profile: LearnerProfile) -> dict[str, Any]:
    return {
        "id": profile.user_id,
        "name": profile.user.full_name,
        "region": profile.region,
    }


def _parts(parts: list[tuple[Part, Competency | None]]) -> list[dict[str, Any]]:
    return [
        {
            "competency": part.competency,
            "competency_title": competency.title if competency else part.competency,
            "required_level": part.required_level,
            "level": part.level,
            "source": part.source,
            "essential": part.essential,
            "met": part.met,
            "contribution": part.contribution,
            "gap": part.gap,
            "via": part.via,
        }
        for part, competency in parts
    ]


def _credential(item: VerifiedCredential) -> dict[str, Any]:
    return {
        "award": str(item.award.public_id),
        "credential": item.award.credential.title,
        "issuer": item.award.issuer.name,
        "valid_from": item.award.valid_from,
        "state": item.state,
        "reason": item.reason,
        "checks": item.verdict.as_dict()["checks"],
    }


def _summary(result: Match) -> dict[str, Any]:
    return {
        "score": result.score,
        "band": result.band,
        "essential_met": result.essential_met,
        "essential_total": result.essential_total,
    }


def _application(application: Application) -> dict[str, Any]:
    return {
        "id": application.pk,
        "posting": application.posting_id,
        "posting_title": application.posting.title,
        "seeker": _seeker(application.seeker.learner_profile),
        "status": application.status,
        "score": application.score,
        "band": application.band,
        "created_at": application.created_at,
        "status_changed_at": application.status_changed_at,
    }


def _managed_application(request: HttpRequest, application_id: int) -> Application:
    _employer(request)
    found = get_object_or_404(
        Application.objects.select_related(
            "posting", "posting__employer", "seeker", "seeker__learner_profile"
        ),
        pk=application_id,
    )
    if not access.can_manage_posting(request.user, found.posting):
        raise Http404
    return found


@router.get(
    "/employer/candidates",
    response=CandidatePage,
    summary="Consenting job seekers ranked by their match with a posting, or with "
    "competencies at least at given levels",
)
def candidate_search(
    request: HttpRequest,
    posting: int | None = None,
    competency: list[int] = Query([]),  # noqa: B008 (ninja's way to take a list)
    level: list[int] = Query([]),  # noqa: B008
    page: int = 1,
) -> dict[str, Any]:
    _employer(request)
    found: JobPosting | None = None
    rows: list[selectors.CompetencyLevel] = []
    if posting is not None:
        found = get_object_or_404(access.postings_managed_by(request.user), pk=posting)
    else:
        choices = selectors.search_competencies()
        _typed, rows, errors = competency_rows(
            [str(c) for c in competency],
            [str(v) for v in level],
            competencies=choices.by_id,
            top_levels=choices.top_levels,
        )
        if not rows and not errors:
            errors = [
                (
                    "posting",
                    _("Give one of your postings, or competencies with their levels."),
                )
            ]
        if errors:
            raise InvalidSearch(errors)
    results = selectors.candidate_search(
        user=request.user, posting=found, rows=rows, page=page
    )
    return {
        "total": results.total,
        "page": results.page,
        "pages": results.pages,
        "results": [
            {
                "seeker": _seeker(row.profile),
                **_summary(row.match),
                "parts": _parts(row.parts),
                "invited": row.invited,
                "application": row.application.pk if row.application else None,
            }
            for row in results.rows
        ],
    }


@router.get(
    "/employer/candidates/{seeker_id}",
    response=CandidateOut,
    summary="A consenting job seeker: credentials verified now, match to our open "
    "postings",
)
def candidate_detail(request: HttpRequest, seeker_id: int) -> dict[str, Any]:
    _employer(request)
    profile = get_object_or_404(
        LearnerProfile.objects.select_related("user"), user_id=seeker_id
    )
    if not access.can_see_candidate(request.user, profile.user):
        raise Http404
    detail = selectors.candidate_detail(user=request.user, profile=profile)
    return {
        "seeker": _seeker(profile),
        "credentials": [_credential(item) for item in detail.credentials],
        "postings": [
            {
                "posting": item.posting.pk,
                "title": item.posting.title,
                **_summary(item.match),
                "parts": _parts(item.parts),
                "invited": item.invited,
                "application": item.application.pk if item.application else None,
            }
            for item in detail.postings
        ],
    }


@router.post(
    "/employer/candidates/{seeker_id}/invitations",
    response={201: InvitationOut},
    summary="Invite a consenting job seeker to apply to one of our open postings "
    "(once; inviting again returns the same invitation)",
)
def candidate_invite(request: HttpRequest, seeker_id: int, payload: InviteIn):
    _employer(request)
    profile = get_object_or_404(
        LearnerProfile.objects.select_related("user"), user_id=seeker_id
    )
    if not access.can_see_candidate(request.user, profile.user):
        raise Http404
    posting = get_object_or_404(
        access.postings_managed_by(request.user), pk=payload.posting
    )
    invitation = services.invitation_create(
        posting=posting,
        seeker=profile.user,
        invited_by=request.user,
        message=payload.message,
    )
    return Status(201, invitation)


@router.get(
    "/employer/applications",
    response=PipelineOut,
    summary="Applications to our postings, with the count at every stage",
)
def employer_applications(
    request: HttpRequest, posting: int | None = None, status: str = ""
) -> dict[str, Any]:
    _employer(request)
    applications = pipeline.employer_applications(
        request.user, posting_id=posting, status=status
    )
    return {
        "stages": pipeline.stage_counts(request.user, posting_id=posting),
        "applications": [_application(a) for a in applications[:500]],
    }


def _detail(application: Application) -> dict[str, Any]:
    detail = pipeline.application_detail(application)
    return {
        **_application(application),
        "message": application.message,
        "credentials": [_credential(item) for item in detail.credentials],
        "match": _summary(detail.match),
        "parts": _parts(detail.parts),
        "events": [
            {
                "from_status": event.from_status,
                "to_status": event.to_status,
                "note": event.note,
                "on_date": event.on_date,
                "occurred_at": event.occurred_at,
                "actor": event.actor.full_name if event.actor else None,
            }
            for event in detail.events
        ],
        "allowed_moves": services.allowed_moves(application),
    }


@router.get(
    "/employer/applications/{application_id}",
    response=ApplicationDetailOut,
    summary="One application to our posting: credentials verified, match, history",
)
def employer_application(request: HttpRequest, application_id: int) -> dict[str, Any]:
    return _detail(_managed_application(request, application_id))


@router.post(
    "/employer/applications/{application_id}/move",
    response=ApplicationDetailOut,
    summary="Move an application along the pipeline (to one of its allowed_moves), "
    "with a note and a date",
)
def employer_application_move(
    request: HttpRequest, application_id: int, payload: MoveIn
) -> dict[str, Any]:
    found = _managed_application(request, application_id)
    moved = services.application_move(
        application=found,
        moved_by=request.user,
        to_status=payload.to_status,
        note=payload.note,
        on_date=payload.on_date,
    )
    return _detail(moved)
