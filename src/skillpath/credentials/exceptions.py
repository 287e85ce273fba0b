"""Errors the credentials services raise, each with a message a person can act on.

``CredentialError`` is raised by the definitions' services, ``IssuingError`` by
the issuing side's (issuers, keys, status lists, awards).
"""

from __future__ import annotations


class CredentialError(Exception):
    """Base class: the message is shown to the person who asked."""


class NotAllowed(CredentialError):
    pass


class InvalidDefinition(CredentialError):
    """A value of the definition is missing or wrong."""


class PublishRefused(CredentialError):
    """The definition cannot be published yet; the message says what is missing."""


class DefinitionFrozen(CredentialError):
    """A published or retired definition does not change."""


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
