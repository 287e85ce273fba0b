"""Every write of the jobs app: demand reports, postings, applications, alerts."""

from skillpath.jobs.services.demand import (
    demand_report_close,
    demand_report_create,
    demand_report_update,
)

__all__ = ["demand_report_close", "demand_report_create", "demand_report_update"]
