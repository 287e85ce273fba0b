"""API of postings: the public search, employers' postings, seekers' match and applications."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from skillpath.accounts.models import Organisation
from skillpath.frameworks.models import Competency, ProfileVersion
from skillpath.jobs import access
from skillpath.jobs.exceptions import NotAllowed
from skillpath.jobs.models import Application, JobPosting
from skillpath.jobs.selectors import postings as selectors
from skillpath.jobs.selectors.matching import posting_match, seeker_evidence
from skillpath.jobs.services import applications as application_services
from skillpath.jobs.services import postings as services

router = Router(tags=["postings"])


class RequirementOut(Schema):
    competency: int = Field(..., alias="competency_id")
    competency_title: str = Field(..., alias="competency.title")
    required_level: int
    importance: int
    essential: bool
    licence: bool
    origin: str


class PostingOut(Schema):
    id: int
    title: str
    employer: str = Field(..., alias="employer.name")
    profile_version: int = Field(..., alias="profile_version_id")
    noc_code: str
    description: str
    city: str
    region: str
    work_mode: str
    wage_min: Decimal | None
    wage_max: Decimal | None
    wage_unit: str
    hours_per_week: Decimal | None
    openings: int
    start_date: dt.date | None
    opens_on: dt.date | None
    closing_date: dt.date | None
    language_of_work: str
    how_to_apply: str
    status: str
    requirements: list[RequirementOut]

    @staticmethod
    def resolve_requirements(posting: JobPosting) -> list[Any]:
        return list(posting.requirements.all())


class PostingIn(Schema):
    employer: str = Field(..., description="Slug of the employer organisation")
    profile_version: int
    title: str | None = None
    noc_code: str | None = None
    description: str = ""
    city: str
    region: str
    work_mode: str = "on_site"
    wage_min: Decimal | None = None
    wage_max: Decimal | None = None
    wage_unit: str = "hour"
    hours_per_week: Decimal | None = None
    openings: int = 1
    start_date: dt.date | None = None
    opens_on: dt.date | None = None
    closing_date: dt.date | None = None
    language_of_work: str = "en"
    how_to_apply: str = ""


class PostingPatch(Schema):
    title: str | None = None
    noc_code: str | None = None
    description: str | None = None
    city: str | None = None
    region: str | None = None
    work_mode: str | None = None
    wage_min: Decimal | None = None
    wage_max: Decimal | None = None
    wage_unit: str | None = None
    hours_per_week: Decimal | None = None
    openings: int | None = None
    start_date: dt.date | None = None
    opens_on: dt.date | None = None
    closing_date: dt.date | None = None
    language_of_work: str | None = None
    how_to_apply: str | None = None


class StatusIn(Schema):
    status: str = Field(..., description="open, closed or filled")


class RequirementIn(Schema):
    competency: int
    required_level: int
    importance: int = 3
    essential: bool = False
    licence: bool = False


class PartOut(Schema):
    competency: str
    required_level: float
    level: float | None
    source: str | None
    essential: bool
    met: bool
    contribution: float
    gap: float
    via: str | None


class MatchOut(Schema):
    posting: int
    score: float
    band: str
    essential_met: int
    essential_total: int
    parts: list[PartOut]


class SearchHit(Schema):
    posting: PostingOut
    score: float | None
    band: str
    essential_met: int
    essential_total: int


class ApplyIn(Schema):
    message: str = ""
    awards: list[int] = []


class ApplicationOut(Schema):
    id: int
    posting: int = Field(..., alias="posting_id")
    status: str
    message: str
    score: float | None
    band: str
    created_at: dt.datetime
    status_changed_at: dt.datetime


def _managed(request: HttpRequest, posting_id: int) -> JobPosting:
    posting = get_object_or_404(JobPosting, pk=posting_id)
    if not access.can_manage_posting(request.user, posting):
        raise NotAllowed("You can manage only your own organisation's postings.")
    return posting


@router.get(
    "/postings", response=list[SearchHit], auth=None, summary="Search open postings"
)
def posting_search(
    request: HttpRequest,
    q: str = "",
    noc: str = "",
    region: str = "",
    remote: bool = False,
    wage: Decimal | None = None,
    matching: bool = False,
) -> list[dict[str, Any]]:
    seeker = request.user if access.is_seeker(request.user) else None
    results = selectors.posting_search(
        selectors.PostingFilters(
            q=q, noc=noc, region=region, remote=remote, wage=wage, matching=matching
        ),
        seeker=seeker,
    )
    return [
        {
            "posting": r.posting,
            "score": r.score,
            "band": r.band or "unknown",
            "essential_met": r.essential_met,
            "essential_total": r.essential_total,
        }
        for r in results
    ]


@router.get(
    "/postings/{posting_id}", response=PostingOut, auth=None, summary="One posting"
)
def posting_detail(request: HttpRequest, posting_id: int) -> JobPosting:
    posting = get_object_or_404(
        selectors.with_requirements(JobPosting.objects.all()), pk=posting_id
    )
    if not access.can_see_posting(request.user, posting):
        raise Http404
    return posting


@router.get(
    "/postings/{posting_id}/match",
    response=MatchOut,
    summary="How I match a posting, per requirement (job seekers)",
)
def posting_my_match(request: HttpRequest, posting_id: int) -> dict[str, Any]:
    posting = get_object_or_404(JobPosting, pk=posting_id)
    if not access.can_see_posting(request.user, posting) or not access.is_seeker(
        request.user
    ):
        raise Http404
    result = posting_match(posting=posting, evidence=seeker_evidence(request.user))
    return {
        "posting": posting.pk,
        "score": result.score,
        "band": result.band,
        "essential_met": result.essential_met,
        "essential_total": result.essential_total,
        "parts": result.parts,
    }


@router.post(
    "/postings/{posting_id}/applications",
    response={201: ApplicationOut},
    summary="Apply to a posting (once; applying again returns the same application)",
)
def posting_apply(request: HttpRequest, posting_id: int, payload: ApplyIn):
    posting = get_object_or_404(JobPosting, pk=posting_id)
    if not access.can_see_posting(request.user, posting):
        raise Http404
    application = application_services.application_create(
        seeker=request.user,
        posting=posting,
        message=payload.message,
        awards=payload.awards,
    )
    return Status(201, application)


@router.get("/applications", response=list[ApplicationOut], summary="My applications")
def my_applications(request: HttpRequest) -> Any:
    return Application.objects.filter(seeker_id=request.user.pk).order_by("-created_at")


@router.post(
    "/applications/{application_id}/withdraw",
    response=ApplicationOut,
    summary="Withdraw my application",
)
def application_withdraw(request: HttpRequest, application_id: int) -> Application:
    application = get_object_or_404(
        Application, pk=application_id, seeker_id=request.user.pk
    )
    return application_services.application_withdraw(
        application=application, seeker=request.user
    )


@router.get(
    "/employer/postings",
    response=list[PostingOut],
    summary="My organisation's postings",
)
def employer_posting_list(request: HttpRequest) -> Any:
    return selectors.with_requirements(access.postings_managed_by(request.user))


@router.post(
    "/employer/postings", response={201: PostingOut}, summary="Draft a posting"
)
def employer_posting_create(request: HttpRequest, payload: PostingIn):
    employer = get_object_or_404(Organisation, slug=payload.employer)
    version = get_object_or_404(ProfileVersion, pk=payload.profile_version)
    fields = payload.dict(exclude={"employer", "profile_version"})
    for name in ("title", "noc_code"):
        if fields[name] is None:
            fields.pop(name)
    posting = services.posting_create(
        employer=employer, created_by=request.user, profile_version=version, **fields
    )
    return Status(201, posting)


@router.patch(
    "/employer/postings/{posting_id}", response=PostingOut, summary="Change a posting"
)
def employer_posting_update(
    request: HttpRequest, posting_id: int, payload: PostingPatch
) -> JobPosting:
    posting = _managed(request, posting_id)
    return services.posting_update(
        posting=posting, changed_by=request.user, **payload.dict(exclude_unset=True)
    )


@router.post(
    "/employer/postings/{posting_id}/status",
    response=PostingOut,
    summary="Open, close or mark a posting filled",
)
def employer_posting_status(
    request: HttpRequest, posting_id: int, payload: StatusIn
) -> JobPosting:
    posting = _managed(request, posting_id)
    if payload.status == "open":
        return services.posting_open(posting=posting, opened_by=request.user)
    return services.posting_close(
        posting=posting, closed_by=request.user, status=payload.status
    )


@router.put(
    "/employer/postings/{posting_id}/requirements",
    response=RequirementOut,
    summary="Add or change a requirement of a draft posting",
)
def employer_requirement_set(
    request: HttpRequest, posting_id: int, payload: RequirementIn
) -> Any:
    posting = _managed(request, posting_id)
    competency = get_object_or_404(Competency, pk=payload.competency)
    return services.requirement_set(
        posting=posting,
        changed_by=request.user,
        competency=competency,
        required_level=payload.required_level,
        importance=payload.importance,
        essential=payload.essential,
        licence=payload.licence,
    )


@router.delete(
    "/employer/postings/{posting_id}/requirements/{competency_id}",
    response={204: None},
    summary="Remove a requirement of a draft posting",
)
def employer_requirement_remove(
    request: HttpRequest, posting_id: int, competency_id: int
):
    posting = _managed(request, posting_id)
    competency = get_object_or_404(Competency, pk=competency_id)
    services.requirement_remove(
        posting=posting, changed_by=request.user, competency=competency
    )
    return Status(204, None)
