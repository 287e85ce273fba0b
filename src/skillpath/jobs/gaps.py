"""Close the gap to a posting: the planner's cheapest modules for its short requirements.

The one place the jobs app asks the learning app's planner, with the posting's
levels in place of a credential's.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from skillpath.common.cycle import CompetencyStanding, StandingStatus
from skillpath.core.matching import Match
from skillpath.learning.models import Module
from skillpath.learning.planning import Settings, compute
from skillpath.learning.selectors import planning_catalogue

logger = logging.getLogger(__name__)


@dataclass
class GapPlan:
    """The modules that would close a seeker's gaps to one posting."""

    modules: list[Module] = field(default_factory=list)
    hours: float = 0.0
    cost: float = 0.0
    unmet: list[str] = field(default_factory=list)  # competency ids no module reaches
    short: int = 0  # requirements the seeker is short on


def gap_plan(*, result: Match) -> GapPlan:
    """Return the cheapest set of modules (in hours) that closes ``result``'s gaps."""
    standings = [
        CompetencyStanding(
            competency_id=int(part.competency),
            required_level=int(part.required_level),
            demonstrated_level=int(part.level or 0) if part.source != "self" else 0,
            status=StandingStatus.GAP,
        )
        for part in result.parts
        if part.resolved and not part.met
    ]
    if not standings:
        return GapPlan()
    try:
        plan = compute(
            standings=standings,
            modules=planning_catalogue(),
            completed=set(),
            settings=Settings(),
        )
    except RuntimeError:
        logger.exception("Gap planning failed")
        return GapPlan(
            unmet=[str(s.competency_id) for s in standings], short=len(standings)
        )
    modules = Module.objects.in_bulk([int(m) for m in plan.modules])
    return GapPlan(
        modules=[modules[int(m)] for m in plan.modules if int(m) in modules],
        hours=plan.hours,
        cost=plan.cost,
        unmet=list(plan.unmet),
        short=len(standings),
    )
