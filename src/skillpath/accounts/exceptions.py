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
    """A value is missing or wrong; the message says which and why, ``field`` names it."""

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.field = field

    @property
    def details(self) -> list[dict[str, str]]:
        return [{"field": self.field, "message": self.message}] if self.field else []


class TooManyLoginFailures(AccountsError):
    """Sign-ins of this account or from this address wait out a back-off."""

    status = 429

    def __init__(self, message: str, *, wait_seconds: int) -> None:
        super().__init__(message)
        self.wait_seconds = wait_seconds


class TooManyPasswordResets(AccountsError):
    status = 429
