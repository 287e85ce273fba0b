"""Errors the outcomes services raise, with messages a person can act on."""

from __future__ import annotations

from skillpath.common.exceptions import SkillpathError


class OutcomesError(SkillpathError):
    """Base class: the message is shown to the person who asked."""


class NotAllowed(OutcomesError):
    status = 403


class NotFound(OutcomesError):
    status = 404


class InvalidAnswer(OutcomesError):
    """A survey, baseline or rating value is missing or wrong; ``field`` names it."""

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.field = field

    @property
    def details(self) -> list[dict[str, str]]:
        return [{"field": self.field, "message": self.message}] if self.field else []


class SurveyClosed(OutcomesError):
    """The survey or rating request is answered, declined, closed or not yet open."""

    status = 409


class LinkInvalid(OutcomesError):
    """A survey link that was altered, has expired or was used already."""

    status = 404
