"""API of employer demand: reports, and the summary coordinators read."""

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from skillpath.accounts.models import Organisation
from skillpath.common.pagination import BoundedPageNumberPagination
from skillpath.jobs import access, selectors, services
from skillpath.jobs.exceptions import NotAllowed
from skillpath.jobs.models import DemandReport

router = Router(tags=["demand"])


class DemandIn(Schema):
    employer: str = Field(..., description="Slug of the employer organisation")
    job_title: str
    noc_code: str = ""
    openings: int
    region: str
    city: str = ""
    urgency: str = "soon"
    wage_min: Decimal | None = None
    wage_max: Decimal | None = None
    wage_unit: str = "hour"
    notes: str = ""


class DemandPatch(Schema):
    job_title: str | None = None
    noc_code: str | None = None
    openings: int | None = None
    region: str | None = None
    city: str | None = None
    urgency: str | None = None
    wage_min: Decimal | None = None
    wage_max: Decimal | None = None
    wage_unit: str | None = None
    notes: str | None = None
    status: str | None = None


class DemandOut(Schema):
    id: int
    employer: str = Field(..., alias="employer.slug")
    job_title: str
    noc_code: str
    openings: int
    region: str
    city: str
    urgency: str
    wage_min: Decimal | None
    wage_max: Decimal | None
    wage_unit: str
    notes: str
    status: str
    created_at: datetime


class ProfileRef(Schema):
    id: int
    title_en: str
    owner: str = Field(..., alias="owner.slug")


class DemandRowOut(Schema):
    noc_code: str
    job_title: str
    openings: int
    urgent_openings: int
    employer_count: int
    priority: int
    regions: dict[str, int]
    hourly_min: Decimal | None
    hourly_max: Decimal | None
    profiles: list[ProfileRef]
    worth_building: bool


@router.get(
    "/demand-reports", response=list[DemandOut], summary="Demand reports I may read"
)
@paginate(BoundedPageNumberPagination)
def report_list(request: HttpRequest):
    return access.reports_visible_to(request.user)


@router.post(
    "/demand-reports", response={201: DemandOut}, summary="Report a hard-to-fill role"
)
def report_create(request: HttpRequest, payload: DemandIn):
    employer = get_object_or_404(Organisation, slug=payload.employer)
    report = services.demand_report_create(
        employer=employer,
        reported_by=request.user,
        **payload.dict(exclude={"employer"}),
    )
    return Status(201, report)


@router.patch(
    "/demand-reports/{report_id}", response=DemandOut, summary="Change a report"
)
def report_update(
    request: HttpRequest, report_id: int, payload: DemandPatch
) -> DemandReport:
    report = get_object_or_404(access.reports_visible_to(request.user), pk=report_id)
    changes = payload.dict(exclude_unset=True)
    status = changes.pop("status", None)
    if changes:
        report = services.demand_report_update(
            report=report, changed_by=request.user, **changes
        )
    if status:
        report = services.demand_report_close(
            report=report, closed_by=request.user, status=status
        )
    return report


@router.get(
    "/demand-summary",
    response=list[DemandRowOut],
    summary="Open demand by role, highest priority first (coordinators)",
)
def demand_summary(request: HttpRequest, region: str = "") -> list[dict[str, Any]]:
    if not access.can_view_dashboard(request.user):
        raise NotAllowed(_("Only coordinators read the demand summary."))
    return [
        {
            "noc_code": row.noc_code,
            "job_title": row.job_title,
            "openings": row.openings,
            "urgent_openings": row.urgent_openings,
            "employer_count": row.employer_count,
            "priority": row.priority,
            "regions": dict(row.regions),
            "hourly_min": row.hourly_min,
            "hourly_max": row.hourly_max,
            "profiles": row.profiles,
            "worth_building": row.worth_building,
        }
        for row in selectors.demand_summary(region=region)
    ]
