"""Errors that the accounts services raise, each with a message a person can act on."""


class AccountsError(Exception):
    """Base class: the message is shown to the person who asked."""


class EmailAlreadyUsed(AccountsError):
    pass


class OrganisationNameTaken(AccountsError):
    pass


class NotAllowed(AccountsError):
    pass


class TooManyLoginFailures(AccountsError):
    pass
