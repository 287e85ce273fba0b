"""Errors the learning services raise, each with a message a person can act on."""

from __future__ import annotations

from django.utils.translation import gettext as _

from skillpath.common.exceptions import SkillpathError


class LearningError(SkillpathError):
    """Base class: the message is shown to the person who asked."""


class ProofRequired(LearningError):
    """The module asks for proof of completion before it counts."""

    status = 409


class ItemNotInProgress(LearningError):
    """The module is no longer part of the plan, or is waiting for something else."""

    status = 409


class InvalidModule(LearningError):
    """A module's details break a rule (hours, levels, prerequisites)."""


class NotInPlan(LearningError):
    """A provider records a completion for a module the learner has not planned."""

    status = 404


class ModuleImportError(LearningError):
    """A CSV file of modules is refused; nothing was written.

    ``problems`` holds one ``(row, rule)`` pair per problem found; row 1 is the header.
    """

    def __init__(self, problems: list[tuple[int, str]]) -> None:
        self.problems = problems
        shown = "; ".join(
            _("row %(row)s: %(rule)s") % {"row": row, "rule": rule}
            for row, rule in problems[:20]
        )
        more = len(problems) - 20
        suffix = (_(" (and %(count)s more)") % {"count": more}) if more > 0 else ""
        super().__init__(
            _("The file was refused and nothing was imported.") + f" {shown}{suffix}"
        )
