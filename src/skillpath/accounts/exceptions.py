"""Errors that the accounts services raise, each with a message a person can act on."""

from skillpath.common.exceptions import SkillpathError


class AccountsError(SkillpathError):
    """Base class: the message is shown to the person who asked."""


class EmailAlreadyUsed(AccountsError):
    status = 409


class OrganisationNameTaken(AccountsError):
    status = 409


class NotAllowed(AccountsError):
    status = 403


class InvalidInput(AccountsError):
    """A value is missing or wrong; the message says which and why."""


class TooManyLoginFailures(AccountsError):
    status = 429
