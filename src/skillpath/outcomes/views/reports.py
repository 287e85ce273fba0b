"""Outcome reports for the coordinators of the issuing organisation."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from skillpath.common.types import AuthedRequest
from skillpath.credentials.models import MicroCredential
from skillpath.outcomes import access
from skillpath.outcomes.charts import bar_chart
from skillpath.outcomes.exports import report_csv
from skillpath.outcomes.selectors.facts import STAGES
from skillpath.outcomes.selectors.reports import (
    DIMENSION_KEYS,
    DIMENSIONS,
    STAGE_REACHED,
    Breakdown,
    outcome_report,
)


def _chosen(request: AuthedRequest, default: str) -> str:
    by = request.GET.get("by", default)
    return by if by in DIMENSION_KEYS else default


def _charts(breakdown: Breakdown) -> dict[str, str]:
    everyone = breakdown.funnel_lines[-1]
    funnel = bar_chart(
        [
            (str(STAGE_REACHED[stage]), reached, str(reached))
            for stage, reached in zip(STAGES, everyone.reached, strict=True)
        ],
        title=_("Funnel: learners reaching each stage"),
        description=_(
            "All learners of these credentials; the table below gives the numbers."
        ),
        chart_id="funnel-chart",
    )
    bars: list[tuple[str, float | None, str]] = []
    for entry in breakdown.follow_ups:
        employment = entry.lines[-1].employment
        bars.append(
            (
                entry.label,
                None if employment is None else 100 * employment.value,
                "" if employment is None else f"{employment.percent} %",
            )
        )
    employment_chart = bar_chart(
        bars,
        title=_("Employment rate at each follow-up"),
        description=_(
            "Share of answers saying employed, all learners; the tables below give "
            "the numbers and response rates."
        ),
        chart_id="employment-chart",
        top=100,
    )
    return {"funnel_chart": funnel, "employment_chart": employment_chart}


def _render(
    request: AuthedRequest,
    credentials: Sequence[MicroCredential],
    *,
    default_by: str,
    title: str,
    filename: str,
    credential: MicroCredential | None = None,
) -> HttpResponse:
    by = _chosen(request, default_by)
    report = outcome_report(credentials)
    if request.GET.get("format") == "csv":
        response = HttpResponse(
            report_csv(report, [by]), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}-{by}.csv"'
        return response
    breakdown = report.breakdown(by)
    return render(
        request,
        "outcomes/report.html",
        {
            "title": title,
            "report": report,
            "breakdown": breakdown,
            "by": by,
            "dimensions": DIMENSIONS,
            "credential": credential,
            "credentials": access.reportable_credentials(request.user),
            **_charts(breakdown),
        },
    )


@login_required
def report_overview(request: AuthedRequest) -> HttpResponse:
    """Show the outcomes of every credential the user's organisations issue."""
    access.require_reports(request.user)
    credentials = list(access.reportable_credentials(request.user))
    return _render(
        request,
        credentials,
        default_by="credential",
        title=_("Outcomes of our micro-credentials"),
        filename="outcomes",
    )


@login_required
def report_detail(request: AuthedRequest, slug: str) -> HttpResponse:
    """Show the outcomes of one credential (its issuing organisation's coordinators)."""
    credential = access.credential_for_report(request.user, slug)
    return _render(
        request,
        [credential],
        default_by="cohort",
        title=_("Outcomes: %(credential)s") % {"credential": credential.title},
        filename=f"outcomes-{credential.slug}",
        credential=credential,
    )
