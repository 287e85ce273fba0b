"""Exceptions raised by :mod:`skillpath.core.badges`.

Each message says what was wrong and, where it helps, what to do about it, so the
Django layer can show it to a person as it is.
"""

from __future__ import annotations


class BadgeError(Exception):
    """Base class of every error raised by the badges core."""


class KeyFormatError(BadgeError):
    """A key could not be decoded (bad Multikey, JWK, PEM or unsupported type)."""


class KeyDecryptionError(BadgeError):
    """An encrypted private key could not be opened with the secret given."""


class ContextNotAllowedError(BadgeError):
    """A JSON-LD document asked for a context that is not bundled offline."""


class JsonLdError(BadgeError):
    """A document is not valid JSON-LD under its contexts (e.g. a dropped term)."""


class ProofError(BadgeError):
    """A proof could not be created or is malformed."""


class StatusListError(BadgeError):
    """A status list or status entry is malformed or out of range."""


class BakingError(BadgeError):
    """A credential could not be baked into, or extracted from, an image."""


class CredentialFormatError(BadgeError):
    """The input is neither a credential, a VC-JWT nor a baked badge image."""


class KeyResolutionError(BadgeError):
    """A verification method could not be resolved to a public key."""


class TooComplexError(JsonLdError):
    """A document is too big, or too costly to canonicalise, to be verified.

    A subclass of :class:`JsonLdError`, so everything that refuses invalid JSON-LD
    refuses it too; the message starts "Too complex to verify".
    """
