"""Errors the credentials services raise, each with a message a person can act on.

``CredentialError`` is raised by the definitions' services, ``IssuingError`` by
the issuing side's (issuers, keys, status lists, awards). Both extend
:class:`~skillpath.common.exceptions.SkillpathError`: each class says the HTTP status
the API answers it with.
"""

from __future__ import annotations

from skillpath.common.exceptions import SkillpathError


class CredentialError(SkillpathError):
    """Base class: the message is shown to the person who asked."""


class NotAllowed(CredentialError):
    """The person may not do this."""

    status = 403


class InvalidDefinition(CredentialError):
    """A value of the definition is missing or wrong."""


class PublishRefused(CredentialError):
    """The definition cannot be published yet; the message says what is missing."""

    status = 409


class DefinitionFrozen(CredentialError):
    """A published or retired definition does not change."""

    status = 409


class IssuingError(SkillpathError):
    """Base class: the message is shown to the person who asked."""

    status = 409


class IssuerNotFound(IssuingError):
    """No issuer has this id URL or organisation short name."""

    status = 404


class IssuerKeyUnavailable(IssuingError):
    """The issuer's private key cannot be used (e.g. the encryption key changed)."""


class AwardNotFound(IssuingError):
    """No award has this id."""

    status = 404


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


class TooManyVerifications(IssuingError):
    """An address asked for more anonymous verifications than the window allows."""

    status = 429
