"""What the learning app does when a learner's standing changes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from skillpath.common.cycle import CompetencyStanding
from skillpath.learning.services.plans import plan_refresh


def standing_changed(
    *, learner: Any, credential: Any, standings: Sequence[CompetencyStanding]
) -> None:
    """Refresh the learner's plan for ``credential`` (the cycle's learn step)."""
    plan_refresh(learner=learner, credential=credential, standings=standings)
