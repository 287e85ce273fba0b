"""Errors that the frameworks services raise, each with a message a person can act on."""

from __future__ import annotations


class FrameworksError(Exception):
    """Base class: the message is shown to the person who asked."""


class NotAllowed(FrameworksError):
    """The person may not do this."""


class FrameworkImportError(FrameworksError):
    """A file was refused: names the file, the record and the rule broken."""

    def __init__(self, file: str, record: str, rule: str) -> None:
        self.file = file
        self.record = record
        self.rule = rule
        where = f"{file}, {record}" if record else file
        super().__init__(f"{where}: {rule}")


class FrameworkInUse(FrameworksError):
    """A framework or competency cannot be removed while something uses it."""


class InvalidLevel(FrameworksError):
    """A level is not on the framework's proficiency scale."""


class VersionNotEditable(FrameworksError):
    """Only a draft profile version changes."""


class InvalidTransition(FrameworksError):
    """A profile version or review cannot move to the state asked for."""


class InvalidInput(FrameworksError):
    """A value is missing or wrong; the message says which and why."""
