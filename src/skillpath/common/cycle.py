"""The seam between the steps of the cycle: assessment, learning plan, award.

The assessments app knows, per learner and micro-credential, where each competency
stands. When that changes, its services read the standings once and call
:func:`standing_changed` with them; the learning app (which refreshes the plan) and the
credentials app (which awards the credential once every competency is demonstrated)
register handlers in their ``AppConfig.ready``. The seam passes data, so a handler
never asks the assessments app again (the apps above it need not import it, and the
credentials app, below it, cannot). The handlers run in the caller's transaction, in
the order they were registered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

StandingHandler = Callable[..., None]
_handlers: list[StandingHandler] = []


class StandingStatus:
    """Where a competency stands for a learner."""

    DEMONSTRATED = "demonstrated"  # the required level is demonstrated
    GAP = "gap"  # assessed, and below the required level
    PENDING = "pending"  # waiting for an assessor (task, evidence, prior learning)
    NOT_ASSESSED = "not_assessed"


@dataclass(frozen=True)
class CompetencyStanding:
    """One competency of a micro-credential, as far as one learner has shown it."""

    competency_id: int
    required_level: int
    demonstrated_level: int  # 0 when nothing is demonstrated yet
    status: str  # a StandingStatus value
    method: str = ""  # how it was decided: adaptive_test, performance_task, evidence, prior_learning
    confidence: float | None = None  # e.g. the posterior probability of mastery
    # When the latest evidence reaching the required level was accepted: a revoked
    # award comes back only on evidence accepted after its revocation.
    demonstrated_at: datetime | None = None

    @property
    def demonstrated(self) -> bool:
        return self.demonstrated_level >= self.required_level


def on_standing_changed(handler: StandingHandler) -> StandingHandler:
    """Register ``handler(learner=..., credential=..., standings=...)``; a decorator."""
    if handler not in _handlers:
        _handlers.append(handler)
    return handler


def standing_changed(
    *, learner: Any, credential: Any, standings: Sequence[CompetencyStanding]
) -> None:
    """Tell every registered handler that the learner's standing changed, and how."""
    for handler in list(_handlers):
        handler(learner=learner, credential=credential, standings=standings)
