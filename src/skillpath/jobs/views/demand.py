"""Pages of employer demand: employers report hard-to-fill roles; coordinators see
which roles are worth building a job profile for."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillpath.accounts.access import require
from skillpath.accounts.models import Province
from skillpath.common.htmx import redirect_after_post, render_page_or_fragment
from skillpath.jobs import access, selectors, services
from skillpath.jobs.charts import bar_chart
from skillpath.jobs.exceptions import JobsError
from skillpath.jobs.forms import DemandForm
from skillpath.jobs.models import DemandReport, DemandStatus

FIELDS = [name for name in DemandForm.Meta.fields if name != "employer"]


@login_required
def demand(request: HttpRequest) -> HttpResponse:
    """Report a role you find hard to fill; see and update your reports."""
    require(access.can_report(request.user))
    employers = access.employer_organisations(request.user)
    form = DemandForm(request.POST or None, employers=employers)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.demand_report_create(
                employer=data["employer"],
                reported_by=request.user,
                **{name: data[name] for name in FIELDS},
            )
        except JobsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Thank you. Colleges now see that you need %(count)d %(title)s.")
                % {"count": data["openings"], "title": data["job_title"]},
            )
            return redirect_after_post(request, reverse("jobs:demand"))
    return render(
        request,
        "jobs/demand.html",
        {
            "form": form,
            "reports": selectors.reports_of(employers),
            "statuses": DemandStatus.choices,
        },
    )


@login_required
def demand_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change one of your organisation's demand reports."""
    report = get_object_or_404(DemandReport, pk=pk)
    require(access.can_edit(request.user, report))
    form = DemandForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        try:
            services.demand_report_update(
                report=DemandReport.objects.get(pk=report.pk),
                changed_by=request.user,
                **{name: form.cleaned_data[name] for name in FIELDS},
            )
        except JobsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The report is saved."))
            return redirect_after_post(request, reverse("jobs:demand"))
    return render(
        request,
        "frameworks/form_page.html",
        {
            "form": form,
            "title": _("Edit the demand report"),
            "submit": _("Save"),
            "cancel": reverse("jobs:demand"),
        },
    )


@login_required
@require_POST
def demand_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark a report filled, withdrawn, or still hiring."""
    report = get_object_or_404(DemandReport, pk=pk)
    require(access.can_edit(request.user, report))
    try:
        services.demand_report_close(
            report=report, closed_by=request.user, status=request.POST.get("status", "")
        )
    except JobsError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The report is updated."))
    return redirect_after_post(request, reverse("jobs:demand"))


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Show open demand by role and region, and which profiles are worth building."""
    require(access.can_view_dashboard(request.user))
    region = request.GET.get("region", "")
    if region not in Province.values:
        region = ""
    rows = selectors.demand_summary(region=region)
    chart = bar_chart(
        [(row.job_title, row.openings) for row in rows[:12]],
        title=_("Open positions by role"),
        description=_("The same numbers are in the table below the chart."),
        chart_id="demand-chart",
    )
    return render_page_or_fragment(
        request,
        "jobs/dashboard.html",
        "jobs/htmx/dashboard_body.html",
        {
            "rows": rows,
            "totals": selectors.demand_totals(rows),
            "chart": chart,
            "region": region,
            "provinces": Province.choices,
        },
    )
