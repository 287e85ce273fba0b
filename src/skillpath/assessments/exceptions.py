"""Errors that the assessment services raise, each with a message a person can act on.

Views turn them into a form error or a 4xx answer; none of them is a server error.
"""

from typing import Any

from skillpath.common.exceptions import SkillpathError


class AssessmentError(SkillpathError):
    """Base class: the message is shown to the person who asked."""


class AnswerInvalid(AssessmentError):
    """The answer cannot be read (no choice made, not a number...)."""


class AnswerAlreadyRecorded(AssessmentError):
    """This question was answered already (a second click, or another tab)."""

    status = 409


class AssessmentClosed(AssessmentError):
    """The sitting has ended (finished, or its time ran out)."""

    status = 409


class AssessmentNotAllowed(AssessmentError):
    """The assessment cannot start: nothing to assess, cool-down, retake limit."""

    status = 409


class ItemInvalid(AssessmentError):
    """An item's content, answer key or rubric is not valid."""


class ItemImportError(AssessmentError):
    """An import file is malformed; nothing was written."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []

    @property
    def details(self) -> list[Any]:
        return list(self.problems)


class EvidenceRejected(AssessmentError):
    """An upload or submission is refused: wrong type, too large, empty."""


class ScoringError(AssessmentError):
    """A rubric score is incomplete, or the submission is not waiting for it."""
