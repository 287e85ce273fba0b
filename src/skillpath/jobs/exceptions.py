"""Errors the demand services raise, with messages a person can act on."""

from __future__ import annotations

from skillpath.common.exceptions import SkillpathError


class JobsError(SkillpathError):
    """Base class: the message is shown to the person who asked."""


class NotAllowed(JobsError):
    status = 403


class InvalidDemand(JobsError):
    """A demand report value is missing or wrong."""
