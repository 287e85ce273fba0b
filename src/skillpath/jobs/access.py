"""Answer "may this person do this?" for demand reports.

Employers report demand for their organisations and see their own reports;
coordinators (of any college or agency) and administrators read all reports, in the
demand dashboard, to decide which job profiles are worth building.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from skillpath.accounts import access
from skillpath.accounts.models import Organisation
from skillpath.frameworks.access import employer_org_ids
from skillpath.jobs.models import DemandReport


def employer_organisations(user: Any) -> list[Organisation]:
    """Return the employers ``user`` may report demand for."""
    ids = employer_org_ids(user)
    return [
        m.organisation
        for m in access.approved_memberships(user)
        if m.organisation_id in ids
    ]


def can_report(user: Any) -> bool:
    return bool(employer_org_ids(user))


def can_edit(user: Any, report: DemandReport) -> bool:
    return report.employer_id in employer_org_ids(user)


def can_view_dashboard(user: Any) -> bool:
    return bool(getattr(user, "is_superuser", False)) or access.is_coordinator(user)


def reports_visible_to(user: Any) -> QuerySet[DemandReport]:
    """Return the reports ``user`` may read."""
    reports = DemandReport.objects.select_related("employer", "reported_by")
    if can_view_dashboard(user):
        return reports
    return reports.filter(employer_id__in=employer_org_ids(user))
