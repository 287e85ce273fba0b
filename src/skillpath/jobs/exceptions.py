"""Errors the demand services raise, with messages a person can act on."""

from __future__ import annotations


class JobsError(Exception):
    """Base class: the message is shown to the person who asked."""


class NotAllowed(JobsError):
    pass


class InvalidDemand(JobsError):
    """A demand report value is missing or wrong."""
