"""The outcomes app's data: baselines, follow-up surveys, employers' ratings of hires."""

from skillpath.outcomes.models.baseline import (
    Baseline,
    ConsentEvent,
    ConsentKind,
    WageUnit,
)
from skillpath.outcomes.models.followups import (
    OPEN_FOLLOW_UP_STATES,
    AnswerVia,
    FollowUp,
    FollowUpAnswer,
    FollowUpKind,
    FollowUpState,
)
from skillpath.outcomes.models.ratings import (
    CompetencyRating,
    EmployerRating,
    RatingConsent,
    RatingKind,
)

__all__ = [
    "OPEN_FOLLOW_UP_STATES",
    "AnswerVia",
    "Baseline",
    "CompetencyRating",
    "ConsentEvent",
    "ConsentKind",
    "EmployerRating",
    "FollowUp",
    "FollowUpAnswer",
    "FollowUpKind",
    "FollowUpState",
    "RatingConsent",
    "RatingKind",
    "WageUnit",
]
