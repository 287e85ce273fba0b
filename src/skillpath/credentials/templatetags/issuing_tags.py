"""Template tags of the issuing side: the learner's credentials on the dashboard."""

from __future__ import annotations

from typing import Any

from django import template

from skillpath.credentials.access import awards_of
from skillpath.credentials.models import Award

register = template.Library()


@register.simple_tag
def credentials_of(user: Any) -> list[Award]:
    """Return the learner's credentials, newest first (at most five)."""
    return list(awards_of(user)[:5])
