"""Reads of the outcomes app: surveys and ratings (``surveys``), the report (``facts``,
``reports``). The survey selectors are re-exported here, where their callers look."""

from skillpath.outcomes.selectors.surveys import (
    DashboardCard,
    baseline_of,
    dashboard_card,
    hires_of,
    open_surveys_of,
    rating_requests_for,
    ratings_waiting_count,
)

__all__ = [
    "DashboardCard",
    "baseline_of",
    "dashboard_card",
    "hires_of",
    "open_surveys_of",
    "rating_requests_for",
    "ratings_waiting_count",
]
