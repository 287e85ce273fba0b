"""Errors the issuing services raise, each with a message a person can act on."""

from __future__ import annotations


class IssuingError(Exception):
    """Base class: the message is shown to the person who asked."""


class IssuerNotFound(IssuingError):
    """No issuer has this id URL or organisation short name."""


class IssuerKeyUnavailable(IssuingError):
    """The issuer's private key cannot be used (e.g. the encryption key changed)."""


class AwardNotFound(IssuingError):
    """No award has this id."""


class AwardRefused(IssuingError):
    """The micro-credential cannot be awarded to this learner now."""


class NotAllDemonstrated(AwardRefused):
    """At least one required competency is not demonstrated at its level."""


class AlreadyAwarded(AwardRefused):
    """The learner already holds this micro-credential."""


class AlreadyRevoked(IssuingError):
    """The award was revoked before."""


class StatusListFull(IssuingError):
    """Every index of a status list is in use (a new list is opened instead)."""
