"""Coordinators' learning reports per micro-credential."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from skillpath.common.types import AuthedRequest
from skillpath.learning import access
from skillpath.learning.reports import credential_report, protected


@login_required
def report_list(request: AuthedRequest) -> HttpResponse:
    """List the micro-credentials, each linking to its learning report."""
    if not access.can_view_reports(request.user):
        raise PermissionDenied
    return render(
        request,
        "learning/reports.html",
        {"credentials": access.reportable_credentials(request.user)},
    )


@login_required
def report_detail(request: AuthedRequest, slug: str) -> HttpResponse:
    """Show stages, hours to credential, common gaps and gaps no module serves."""
    if not access.can_view_reports(request.user):
        raise PermissionDenied
    credential = get_object_or_404(
        access.reportable_credentials(request.user), slug=slug
    )
    return render(
        request,
        "learning/report.html",
        {"report": protected(credential_report(credential))},
    )
