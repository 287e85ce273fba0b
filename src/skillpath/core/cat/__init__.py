"""Adaptive classification tests: mastery against one cut, levels against several."""

from skillpath.core.cat.classification import (
    Decision,
    LevelTest,
    MasteryTest,
    proficiency_level,
    retake_prior,
)
from skillpath.core.cat.engine import AdaptiveTest, SelectAt, StopReason, StopRule

__all__ = [
    "AdaptiveTest",
    "Decision",
    "LevelTest",
    "MasteryTest",
    "SelectAt",
    "StopReason",
    "StopRule",
    "proficiency_level",
    "retake_prior",
]
