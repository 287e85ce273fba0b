"""Tell the cycle that a learner's standing changed, with the standings themselves."""

from __future__ import annotations

from typing import Any

from skillpath.accounts.models import User
from skillpath.assessments import selectors
from skillpath.common import cycle
from skillpath.common.cycle import CompetencyStanding


def standings_announce(*, learner: User, credential: Any) -> list[CompetencyStanding]:
    """Read where the learner stands once, and hand it to every handler of the cycle.

    Runs inside the caller's transaction: the plan (learning) and the award
    (credentials) change with the decision that moved the standing, or not at all.
    """
    standings = selectors.competency_standings(learner=learner, credential=credential)
    cycle.standing_changed(learner=learner, credential=credential, standings=standings)
    return standings
