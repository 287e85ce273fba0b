"""Where the learning app reads a learner's standings: the assessments selector."""

from __future__ import annotations

from typing import Any

from skillpath.common.cycle import CompetencyStanding


def standings_for(*, learner: Any, credential: Any) -> list[CompetencyStanding]:
    """Return where each competency of ``credential`` stands for ``learner``."""
    from skillpath.assessments.selectors import competency_standings

    return list(competency_standings(learner=learner, credential=credential))
