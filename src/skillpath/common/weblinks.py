"""Check every link a person stores: an http or https address, nothing else.

A link is rendered into an ``href``; a ``javascript:`` or ``data:`` one would run
script there. The web forms and the API both end in a service, and every service
that stores a link passes it through :func:`web_link_clean`, so the rule holds
whichever door the link comes in by.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from skillpath.common.exceptions import SkillpathError

SCHEMES = ("http", "https")
MAX_LENGTH = 500
_validator = URLValidator(schemes=list(SCHEMES))


class UnsafeLink(SkillpathError):
    """A stored link is not an http(s) address; ``field`` names the field."""

    status = 422

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message)
        self.field = field

    @property
    def details(self) -> list[Any]:
        return [{"field": self.field, "message": self.message}]


def web_link_clean(
    value: str | None, *, field: str, max_length: int = MAX_LENGTH
) -> str:
    """Return the link without surrounding spaces, or raise ``UnsafeLink``.

    An empty value stays empty (every link field is optional); anything else must
    be an absolute http or https address no longer than ``max_length``.
    """
    link = (value or "").strip()
    if not link:
        return ""
    if len(link) > max_length:
        raise UnsafeLink(
            _("%(field)s: keep the link under %(n)d characters.")
            % {"field": field, "n": max_length},
            field=field,
        )
    try:
        _validator(link)
    except ValidationError:
        raise UnsafeLink(
            _("%(field)s: give a web address starting with https:// or http://.")
            % {"field": field},
            field=field,
        ) from None
    return link


class WebLinkField(forms.URLField):
    """A form's link field with the services' rule: http or https only.

    Django's own ``URLField`` also takes ``ftp://``, which the services refuse; the
    form says so next to the field instead.
    """

    default_validators = [_validator]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)
