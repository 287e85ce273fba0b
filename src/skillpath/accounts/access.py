"""Answer "may this user do this to this object?", in one place.

Every view and API endpoint asks here. Roles come from approved memberships in active
organisations; an employer sees a learner only while that learner shares their profile
with employers.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from skillpath.accounts.models import (
    LearnerProfile,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
    User,
)

STAFF_ROLES = (Role.COORDINATOR, Role.ASSESSOR, Role.ADMINISTRATOR)


def approved_memberships(user: Any) -> list[Membership]:
    """Return the user's approved memberships in active organisations.

    The answer is cached on the user object for the rest of the request.
    """
    if not getattr(user, "is_authenticated", False):
        return []
    cached = user.__dict__.get("_approved_memberships")
    if cached is None:
        cached = list(
            Membership.objects.approved()
            .filter(user=user)
            .select_related("organisation")
        )
        user.__dict__["_approved_memberships"] = cached
    return cached


def roles(user: Any) -> set[str]:
    """Return every role the user holds somewhere, plus ``learner`` if they are one."""
    held = {m.role for m in approved_memberships(user)}
    if is_learner(user):
        held.add("learner")
    return held


def has_role(user: Any, role: str, organisation: Organisation | None = None) -> bool:
    """Return whether the user holds ``role`` (in ``organisation``, if given)."""
    return any(
        m.role == role
        and (organisation is None or m.organisation_id == organisation.pk)
        for m in approved_memberships(user)
    )


def organisations_with_role(user: Any, *roles_wanted: str) -> list[Organisation]:
    """Return the organisations where the user holds one of ``roles_wanted``."""
    return [
        m.organisation for m in approved_memberships(user) if m.role in roles_wanted
    ]


def is_learner(user: Any) -> bool:
    """Return whether the user is a job seeker with a learner profile."""
    return bool(
        getattr(user, "is_authenticated", False)
        and LearnerProfile.objects.filter(user_id=user.pk).exists()
    )


def is_employer(user: Any) -> bool:
    """Return whether the user is an approved representative of an active employer."""
    return any(
        m.role == Role.EMPLOYER and m.organisation.kind == OrganisationKind.EMPLOYER
        for m in approved_memberships(user)
    )


def is_coordinator(user: Any, organisation: Organisation | None = None) -> bool:
    """Return whether the user coordinates (in ``organisation``, if given)."""
    return has_role(user, Role.COORDINATOR, organisation)


def can_support_learner(user: Any, profile: LearnerProfile) -> bool:
    """Return whether ``user`` may follow this learner's plans, levels and proofs.

    The learner, and the staff of their college or agency; never an employer, even
    one the learner shares their profile with (employers see what is shared:
    credentials and job matches).
    """
    if not getattr(user, "is_authenticated", False):
        return False
    if profile.user_id == user.pk or user.is_superuser:
        return True
    return profile.home_organisation_id is not None and any(
        m.role in STAFF_ROLES and m.organisation_id == profile.home_organisation_id
        for m in approved_memberships(user)
    )


def can_view_learner(user: Any, profile: LearnerProfile) -> bool:
    """Return whether ``user`` may see this learner's profile (not their learning)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if can_support_learner(user, profile):
        return True
    return is_employer(user) and profile.share_with_employers


def learners_visible_to(user: Any) -> QuerySet[LearnerProfile]:
    """Return the learner profiles that ``user`` may see (a selector for lists)."""
    profiles = LearnerProfile.objects.select_related("user", "home_organisation")
    if not getattr(user, "is_authenticated", False):
        return profiles.none()
    if user.is_superuser:
        return profiles
    condition = Q(user_id=user.pk)
    staff_orgs = [
        m.organisation_id for m in approved_memberships(user) if m.role in STAFF_ROLES
    ]
    if staff_orgs:
        condition |= Q(home_organisation_id__in=staff_orgs)
    if is_employer(user):
        condition |= Q(share_with_employers=True)
    return profiles.filter(condition)


def can_manage_organisation(user: Any, organisation: Organisation) -> bool:
    """Return whether ``user`` may approve members and edit ``organisation``."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return has_role(user, Role.ADMINISTRATOR, organisation) or has_role(
        user, Role.COORDINATOR, organisation
    )


def can_decide_employer_membership(user: Any, membership: Membership) -> bool:
    """Return whether ``user`` may approve an employer's request to join.

    Employers are approved by a coordinator of any college or agency (they vet the
    employers of their region), or by an administrator of the employer organisation.
    """
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    if has_role(user, Role.ADMINISTRATOR, membership.organisation):
        return True
    return any(
        m.role == Role.COORDINATOR
        and m.organisation.kind
        in (OrganisationKind.COLLEGE, OrganisationKind.COMMUNITY_AGENCY)
        for m in approved_memberships(user)
    )


def require(allowed: bool) -> None:
    """Raise ``PermissionDenied`` unless ``allowed``."""
    if not allowed:
        raise PermissionDenied


def forget_roles(users: Iterable[User]) -> None:
    """Drop the per-request cache of memberships after they change."""
    for user in users:
        user.__dict__.pop("_approved_memberships", None)
