"""The site's navigation: which links each role sees.

Apps add their pages here; a link appears to people holding one of its roles.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ANYONE = "anyone"
SIGNED_IN = "signed_in"


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    roles: tuple[str, ...]


NAV_ITEMS: list[NavItem] = [
    NavItem(_("Dashboard"), "web:dashboard", (SIGNED_IN,)),
    NavItem(_("My profile"), "accounts:profile", ("learner",)),
    NavItem(_("Approvals"), "accounts:approvals", ("coordinator", "administrator")),
    NavItem(_("Candidates"), "accounts:candidates", ("employer",)),
    NavItem(_("My credentials"), "credentials:wallet", ("learner",)),
    NavItem(_("Credentials issued"), "credentials:awards_issued", ("coordinator",)),
    NavItem(_("Verify a credential"), "credentials:verify", (ANYONE,)),
    NavItem(_("API tokens"), "accounts:tokens", (SIGNED_IN,)),
]


def register(item: NavItem, *, before: str | None = None) -> None:
    """Add ``item`` to the navigation (before the item with url name ``before``)."""
    if any(existing.url_name == item.url_name for existing in NAV_ITEMS):
        return
    if before is not None:
        for index, existing in enumerate(NAV_ITEMS):
            if existing.url_name == before:
                NAV_ITEMS.insert(index, item)
                return
    NAV_ITEMS.append(item)
