"""Errors the demand services raise, with messages a person can act on."""

from __future__ import annotations

from skillpath.common.exceptions import SkillpathError


class JobsError(SkillpathError):
    """Base class: the message is shown to the person who asked."""


class NotAllowed(JobsError):
    status = 403


class InvalidDemand(JobsError):
    """A demand report value is missing or wrong."""


class InvalidPosting(JobsError):
    """A posting value is missing or wrong; ``field`` names it."""

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.field = field

    @property
    def details(self) -> list[dict[str, str]]:
        return [{"field": self.field, "message": self.message}] if self.field else []


class PostingState(JobsError):
    """The posting's state forbids this (e.g. applying to a closed posting)."""

    status = 409


class NotFound(JobsError):
    status = 404


class InvalidApplication(JobsError):
    """An application or a pipeline move is wrong; ``field`` names what, if known."""

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.field = field

    @property
    def details(self) -> list[dict[str, str]]:
        return [{"field": self.field, "message": self.message}] if self.field else []


class InvalidSearch(JobsError):
    """A candidate search is wrong: each detail names the row and field."""

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        super().__init__(" ".join(message for _field, message in errors))
        self.errors = errors

    @property
    def details(self) -> list[dict[str, str]]:
        return [{"field": field, "message": message} for field, message in self.errors]


class InvalidAd(JobsError):
    """The pasted job ad cannot be read for competencies (empty, or too long)."""
