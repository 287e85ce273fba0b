"""Who may see, download, share and revoke awards: asked by every issuing view."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from skillpath.accounts import access
from skillpath.accounts.models import Role
from skillpath.credentials.models import Award


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
