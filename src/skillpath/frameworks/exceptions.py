"""Errors that the frameworks services raise, each with a message a person can act on."""

from __future__ import annotations

from typing import Any

from skillpath.common.exceptions import SkillpathError


class FrameworksError(SkillpathError):
    """Base class: the message is shown to the person who asked."""


class NotAllowed(FrameworksError):
    """The person may not do this."""

    status = 403


class FrameworkImportError(FrameworksError):
    """A file was refused: names the file, the record and the rule broken."""

    def __init__(self, file: str, record: str, rule: str) -> None:
        self.file = file
        self.record = record
        self.rule = rule
        where = f"{file}, {record}" if record else file
        super().__init__(f"{where}: {rule}")

    @property
    def details(self) -> list[Any]:
        return [{"file": self.file, "record": self.record, "rule": self.rule}]


class FrameworkInUse(FrameworksError):
    """A framework or competency cannot be removed while something uses it."""


class InvalidLevel(FrameworksError):
    """A level is not on the framework's proficiency scale."""


class VersionNotEditable(FrameworksError):
    """Only a draft profile version changes."""

    status = 409


class InvalidTransition(FrameworksError):
    """A profile version or review cannot move to the state asked for."""

    status = 409


class InvalidInput(FrameworksError):
    """A value is missing or wrong; the message says which and why."""
