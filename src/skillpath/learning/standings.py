"""Where the learning app reads a learner's standings: the assessments selector."""

from __future__ import annotations

from typing import Any

from skillpath.assessments import selectors as assessment_selectors
from skillpath.common.cycle import CompetencyStanding


def standings_for(*, learner: Any, credential: Any) -> list[CompetencyStanding]:
    """Return where each competency of ``credential`` stands for ``learner``."""
    return list(
        assessment_selectors.competency_standings(
            learner=learner, credential=credential
        )
    )
