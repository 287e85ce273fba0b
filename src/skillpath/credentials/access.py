"""Answer "may this person do this?" for micro-credential definitions.

Anyone reads a published definition. Staff of the issuing organisation read its
drafts; its coordinators define, change, publish and retire them.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from skillpath.accounts import access
from skillpath.accounts.models import Organisation
from skillpath.credentials.models import CredentialState, MicroCredential


def can_define(user: Any, organisation: Organisation) -> bool:
    """Return whether ``user`` may define credentials issued by ``organisation``."""
    return bool(getattr(user, "is_superuser", False)) or access.is_coordinator(
        user, organisation
    )


def can_edit(user: Any, credential: MicroCredential) -> bool:
    return can_define(user, credential.issuing_organisation)


def can_view(user: Any, credential: MicroCredential) -> bool:
    if credential.state == CredentialState.PUBLISHED:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or any(
        m.role in access.STAFF_ROLES
        and m.organisation_id == credential.issuing_organisation_id
        for m in access.approved_memberships(user)
    )


def credentials_visible_to(user: Any) -> QuerySet[MicroCredential]:
    """Return the definitions ``user`` may read: published ones, and their own drafts."""
    credentials = MicroCredential.objects.select_related("issuing_organisation")
    if getattr(user, "is_superuser", False):
        return credentials
    staff = [
        m.organisation_id
        for m in access.approved_memberships(user)
        if m.role in access.STAFF_ROLES
    ]
    return credentials.filter(
        Q(state=CredentialState.PUBLISHED) | Q(issuing_organisation_id__in=staff)
    )
