"""Reads of the jobs app that several places need."""

from skillpath.jobs.selectors.demand import (
    demand_summary,
    demand_totals,
    open_reports,
    reports_of,
)

__all__ = ["demand_summary", "demand_totals", "open_reports", "reports_of"]
