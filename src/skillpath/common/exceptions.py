"""The one base of the errors services raise: an HTTP status and a message to show.

Every app's error base extends :class:`SkillpathError`, and each error class says the
status it answers with (403 when the person may not, 404 when there is nothing to
see, 409 when the object's state forbids it, 422 for bad input). Views turn an error
into a form error or a message; the API answers any of them in its one error format
(``skillpath.api.main``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from django.utils.translation import gettext_lazy

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class SkillpathError(Exception):
    """Base class: the message is shown to the person who asked.

    Raise with the message, already translated (``_("...")``); ``status`` is the HTTP
    status of the class, and ``details`` what the API lists under the message.
    """

    status: ClassVar[int] = 422
    default_message: ClassVar[StrOrPromise] = gettext_lazy("This cannot be done.")

    @property
    def message(self) -> str:
        """Return the message to show: the one raised with, or the class's default."""
        return str(self) or str(self.default_message)

    @property
    def details(self) -> list[Any]:
        """Return what the API lists under the message (nothing by default)."""
        return []
