"""Answer "may this person do this?" for micro-credential definitions and awards.

Anyone reads a published definition. Staff of the issuing organisation read its
drafts; its coordinators define, change, publish and retire them.

Awards: a learner sees, downloads and shares their own (another learner's award is
not found); coordinators of the issuing organisation see and revoke its awards.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from skillpath.accounts import access
from skillpath.accounts.models import Organisation, Role
from skillpath.credentials.models import Award, CredentialState, MicroCredential


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


def awards_of(user: Any) -> QuerySet[Award]:
    """Return the learner's own awards, newest first (their wallet)."""
    if not getattr(user, "is_authenticated", False):
        return Award.objects.none()
    return (
        Award.objects.filter(learner=user)
        .select_related("issuer", "credential", "learner")
        .prefetch_related("evidence")
    )


def own_award(user: Any, public_id: Any) -> Award:
    """Return the user's own award, or 404 (another learner's award is not found)."""
    award = awards_of(user).filter(public_id=public_id).first()
    if award is None:
        raise Http404
    return award


def can_revoke(user: Any, award: Award) -> bool:
    """Return whether ``user`` coordinates the organisation that issued ``award``."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser) or access.has_role(
        user, Role.COORDINATOR, award.issuer.organisation
    )


def awards_issued_visible_to(user: Any) -> QuerySet[Award]:
    """Return the awards of the organisations the user coordinates."""
    if not getattr(user, "is_authenticated", False):
        return Award.objects.none()
    awards = Award.objects.select_related("issuer", "credential", "learner")
    if user.is_superuser:
        return awards
    organisations = [
        organisation.pk
        for organisation in access.organisations_with_role(user, Role.COORDINATOR)
    ]
    return awards.filter(issuer__organisation_id__in=organisations)


def issued_award(user: Any, public_id: Any) -> Award:
    """Return an award the user may revoke, or 404."""
    award = awards_issued_visible_to(user).filter(public_id=public_id).first()
    if award is None:
        raise Http404
    return award
