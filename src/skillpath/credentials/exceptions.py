"""Errors the micro-credential definition services raise, with actionable messages."""

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
