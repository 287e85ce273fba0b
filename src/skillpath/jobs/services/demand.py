"""Write employer demand reports."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from skillpath.accounts.models import Organisation, Province
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.jobs import access
from skillpath.jobs.exceptions import InvalidDemand, NotAllowed
from skillpath.jobs.models import DemandReport, DemandStatus, Urgency, WageUnit

REPORT_FIELDS = {
    "job_title",
    "noc_code",
    "openings",
    "region",
    "city",
    "urgency",
    "wage_min",
    "wage_max",
    "wage_unit",
    "notes",
}


def _validate(fields: dict[str, Any]) -> dict[str, Any]:
    if "job_title" in fields:
        fields["job_title"] = str(fields["job_title"]).strip()
        if not fields["job_title"]:
            raise InvalidDemand(_("Name the role you find hard to fill."))
    if fields.get("noc_code"):
        fields["noc_code"] = str(fields["noc_code"]).strip()
        if not re.fullmatch(r"[0-9]{5}", fields["noc_code"]):
            raise InvalidDemand(
                _(
                    "A NOC 2021 code has five digits, e.g. 14400; leave it empty if unsure."
                )
            )
    if "openings" in fields and (
        fields["openings"] is None or int(fields["openings"]) < 1
    ):
        raise InvalidDemand(_("Report at least one opening."))
    if "region" in fields and fields["region"] not in Province.values:
        raise InvalidDemand(_("Choose the province or territory of the jobs."))
    if "urgency" in fields and fields["urgency"] not in Urgency.values:
        raise InvalidDemand(_("Choose how soon you need people."))
    if "wage_unit" in fields and fields["wage_unit"] not in WageUnit.values:
        raise InvalidDemand(_("Choose a wage per hour or per year."))
    low, high = fields.get("wage_min"), fields.get("wage_max")
    for value in (low, high):
        if value is not None and Decimal(value) < 0:
            raise InvalidDemand(_("A wage cannot be negative."))
    if low is not None and high is not None and Decimal(low) > Decimal(high):
        raise InvalidDemand(_("The lowest wage is higher than the highest wage."))
    return fields


@transaction.atomic
def demand_report_create(
    *,
    employer: Organisation,
    reported_by: Any,
    job_title: str,
    openings: int,
    region: str,
    urgency: str = Urgency.SOON,
    noc_code: str = "",
    city: str = "",
    wage_min: Decimal | None = None,
    wage_max: Decimal | None = None,
    wage_unit: str = WageUnit.HOUR,
    notes: str = "",
) -> DemandReport:
    """Report a role the employer cannot fill: how many, where, how soon, for what pay."""
    if employer not in access.employer_organisations(reported_by):
        raise NotAllowed(_("You can report demand only for an employer you represent."))
    fields = _validate(
        {
            "job_title": job_title,
            "noc_code": noc_code,
            "openings": openings,
            "region": region,
            "urgency": urgency,
            "wage_min": wage_min,
            "wage_max": wage_max,
            "wage_unit": wage_unit,
        }
    )
    report = DemandReport.objects.create(
        employer=employer,
        reported_by=reported_by,
        city=city.strip(),
        notes=notes.strip(),
        **fields,
    )
    audit_record(actor=reported_by, verb=AuditVerb.DEMAND_REPORT_CREATE, target=report)
    return report


@transaction.atomic
def demand_report_update(
    *, report: DemandReport, changed_by: Any, **fields: Any
) -> DemandReport:
    """Change a demand report of one's own organisation."""
    if not access.can_edit(changed_by, report):
        raise NotAllowed(
            _("Only representatives of %(org)s can change this report.")
            % {"org": report.employer.name}
        )
    unknown = set(fields) - REPORT_FIELDS
    if unknown:
        raise ValueError(f"Unknown demand fields: {sorted(unknown)}")
    merged = _validate(
        {
            "wage_min": report.wage_min,
            "wage_max": report.wage_max,
            **fields,
        }
    )
    for name in fields:
        value = merged[name]
        setattr(report, name, value.strip() if isinstance(value, str) else value)
    report.save()
    audit_record(
        actor=changed_by,
        verb=AuditVerb.DEMAND_REPORT_UPDATE,
        target=report,
        fields=sorted(fields),
    )
    return report


@transaction.atomic
def demand_report_close(
    *, report: DemandReport, closed_by: Any, status: str
) -> DemandReport:
    """Mark a report filled or withdrawn (or open again)."""
    if not access.can_edit(closed_by, report):
        raise NotAllowed(
            _("Only representatives of %(org)s can change this report.")
            % {"org": report.employer.name}
        )
    if status not in DemandStatus.values:
        raise InvalidDemand(_("Choose still hiring, filled or withdrawn."))
    report.status = status
    report.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=closed_by,
        verb=AuditVerb.DEMAND_REPORT_CLOSE,
        target=report,
        status=status,
    )
    return report
