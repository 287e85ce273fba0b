"""Template helpers of the learning pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def closes_names(item: Any, journey: Any) -> list[tuple[str, int, int]]:
    """Return (competency name, from, to) for each gap a plan item closes."""
    return [
        (journey.names.get(int(competency), competency), int(low), int(high))
        for competency, (low, high) in sorted(item.closes.items())
    ]


@register.simple_tag
def learning_plans_for(user: Any) -> list[Any]:
    """Return the learner's plan summaries, for the dashboard."""
    from skillpath.learning.selectors import plan_summaries

    return plan_summaries(user)
