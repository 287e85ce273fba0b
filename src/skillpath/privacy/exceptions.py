"""What the privacy services refuse, with a message a person can act on."""

from __future__ import annotations

from skillpath.common.exceptions import SkillpathError


class PrivacyError(SkillpathError):
    """Base of the privacy app's errors."""


class NotAllowed(PrivacyError):
    status = 403


class ConfirmationMismatch(PrivacyError):
    status = 422


class AlreadyDeleted(PrivacyError):
    status = 409
