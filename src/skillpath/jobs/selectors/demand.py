"""Reads of employer demand: the dashboard that shows which profiles are worth building."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from skillpath.frameworks.models import JobProfile
from skillpath.jobs.models import DemandReport, DemandStatus, Urgency, WageUnit

URGENCY_WEIGHT: dict[str, int] = {Urgency.NOW: 3, Urgency.SOON: 2, Urgency.LATER: 1}


@dataclass
class DemandRow:
    """The open demand for one role (a NOC code, or a job title without one)."""

    noc_code: str
    job_title: str
    openings: int = 0
    reports: int = 0
    employers: set[int] = field(default_factory=set)
    regions: Counter[str] = field(default_factory=Counter)
    urgent_openings: int = 0
    priority: int = 0
    hourly_min: Decimal | None = None
    hourly_max: Decimal | None = None
    profiles: list[JobProfile] = field(default_factory=list)
    titles: Counter[str] = field(default_factory=Counter)

    @property
    def employer_count(self) -> int:
        return len(self.employers)

    @property
    def region_list(self) -> list[tuple[str, int]]:
        return self.regions.most_common()

    @property
    def worth_building(self) -> bool:
        """A role in demand that no profile covers yet."""
        return not self.profiles and self.openings > 0


def open_reports(*, region: str = "") -> QuerySet[DemandReport]:
    reports = DemandReport.objects.filter(status=DemandStatus.OPEN).select_related(
        "employer"
    )
    return reports.filter(region=region) if region else reports


def demand_summary(*, region: str = "") -> list[DemandRow]:
    """Return open demand grouped by role, highest priority first.

    Priority weighs openings by urgency (now ×3, within three months ×2, this year ×1).
    Each row lists the job profiles that already exist for its NOC code.
    """
    rows: dict[str, DemandRow] = {}
    for report in open_reports(region=region):
        key = report.noc_code or f"title:{report.job_title.strip().lower()}"
        row = rows.get(key)
        if row is None:
            row = rows[key] = DemandRow(
                noc_code=report.noc_code, job_title=report.job_title
            )
        row.titles[report.job_title] += report.openings
        row.openings += report.openings
        row.reports += 1
        row.employers.add(report.employer_id)
        row.regions[report.region] += report.openings
        row.priority += report.openings * URGENCY_WEIGHT.get(report.urgency, 1)
        if report.urgency == Urgency.NOW:
            row.urgent_openings += report.openings
        if report.wage_unit == WageUnit.HOUR:
            for value in (report.wage_min, report.wage_max):
                if value is None:
                    continue
                row.hourly_min = (
                    value if row.hourly_min is None else min(row.hourly_min, value)
                )
                row.hourly_max = (
                    value if row.hourly_max is None else max(row.hourly_max, value)
                )
    codes = {row.noc_code for row in rows.values() if row.noc_code}
    profiles = JobProfile.objects.filter(noc_code__in=codes).select_related("owner")
    for profile in profiles.order_by("title_en"):
        rows[profile.noc_code].profiles.append(profile)
    for row in rows.values():
        row.job_title = row.titles.most_common(1)[0][0]
    return sorted(rows.values(), key=lambda r: (-r.priority, -r.openings, r.job_title))


def demand_totals(rows: list[DemandRow]) -> dict[str, Any]:
    return {
        "openings": sum(row.openings for row in rows),
        "roles": len(rows),
        "without_profile": sum(1 for row in rows if row.worth_building),
    }


def reports_of(organisations: list[Any]) -> QuerySet[DemandReport]:
    """Return the demand reports of the given employers, newest first."""
    return DemandReport.objects.filter(employer__in=organisations).select_related(
        "employer", "reported_by"
    )
