"""Answer "may this person do this?" for frameworks, job profiles and reviews.

Built on ``skillpath.accounts.access``:

* Frameworks are reference data: staff of any organisation and employers read them;
  coordinators of the owning organisation edit them (only site administrators edit a
  framework without owner); any coordinator imports one (their organisation owns it).
* A job profile belongs to a college or agency: its staff read every version, its
  coordinators edit. Coordinators elsewhere read published versions. An employer reads
  and reviews only the versions their organisation was invited to review.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from skillpath.accounts import access
from skillpath.accounts.models import Organisation, OrganisationKind, Role
from skillpath.frameworks.models import (
    Framework,
    JobProfile,
    ProfileReview,
    ProfileVersion,
    VersionState,
)

PUBLIC_STATES = (VersionState.PUBLISHED, VersionState.RETIRED)


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def _superuser(user: Any) -> bool:
    return _signed_in(user) and bool(user.is_superuser)


def _staff_org_ids(user: Any) -> set[int]:
    return {
        m.organisation_id
        for m in access.approved_memberships(user)
        if m.role in access.STAFF_ROLES
    }


def employer_org_ids(user: Any) -> set[int]:
    """Return the employer organisations that ``user`` represents."""
    return {
        m.organisation_id
        for m in access.approved_memberships(user)
        if m.role == Role.EMPLOYER and m.organisation.kind == OrganisationKind.EMPLOYER
    }


def coordinated_organisations(user: Any) -> list[Organisation]:
    """Return the organisations where ``user`` is an approved coordinator."""
    return access.organisations_with_role(user, Role.COORDINATOR)


# Frameworks


def can_view_frameworks(user: Any) -> bool:
    """Return whether ``user`` may browse competency frameworks."""
    return _superuser(user) or bool(_staff_org_ids(user)) or access.is_employer(user)


def can_import_framework(user: Any) -> bool:
    """Return whether ``user`` may import or create a framework."""
    return _superuser(user) or access.is_coordinator(user)


def can_edit_framework(user: Any, framework: Framework) -> bool:
    """Return whether ``user`` may change ``framework``, its scale and competencies."""
    if _superuser(user):
        return True
    if framework.owner_id is None:
        return False
    return any(
        m.role == Role.COORDINATOR and m.organisation_id == framework.owner_id
        for m in access.approved_memberships(user)
    )


def frameworks_visible_to(user: Any) -> QuerySet[Framework]:
    """Return the frameworks ``user`` may browse."""
    frameworks = Framework.objects.select_related("owner")
    return frameworks if can_view_frameworks(user) else frameworks.none()


# Job profiles


def can_create_profile(user: Any) -> bool:
    return _superuser(user) or access.is_coordinator(user)


def can_edit_profile(user: Any, profile: JobProfile) -> bool:
    """Return whether ``user`` coordinates at the organisation that owns ``profile``."""
    return _superuser(user) or access.is_coordinator(user, profile.owner)


def is_owner_staff(user: Any, profile: JobProfile) -> bool:
    """Return whether ``user`` is staff (coordinator, assessor…) of the profile's owner."""
    return _superuser(user) or profile.owner_id in _staff_org_ids(user)


def can_view_version(user: Any, version: ProfileVersion) -> bool:
    """Return whether ``user`` may read this profile version."""
    if not _signed_in(user):
        return False
    if _superuser(user) or is_owner_staff(user, version.profile):
        return True
    if version.state in PUBLIC_STATES and access.is_coordinator(user):
        return True
    employers = employer_org_ids(user)
    return (
        bool(employers)
        and version.reviews.filter(organisation_id__in=employers).exists()
    )


def versions_visible_to(user: Any) -> QuerySet[ProfileVersion]:
    """Return the profile versions ``user`` may read."""
    versions = ProfileVersion.objects.select_related("profile", "profile__owner")
    if not _signed_in(user):
        return versions.none()
    if _superuser(user):
        return versions
    condition = Q(profile__owner_id__in=_staff_org_ids(user))
    if access.is_coordinator(user):
        condition |= Q(state__in=PUBLIC_STATES)
    employers = employer_org_ids(user)
    if employers:
        condition |= Q(reviews__organisation_id__in=employers)
    return versions.filter(condition).distinct()


def profiles_visible_to(user: Any) -> QuerySet[JobProfile]:
    """Return the job profiles with at least one version ``user`` may read."""
    visible = versions_visible_to(user).values("profile_id")
    return JobProfile.objects.select_related("owner").filter(pk__in=visible)


# Reviews


def can_review(user: Any, review: ProfileReview) -> bool:
    """Return whether ``user`` represents the employer invited to ``review``."""
    return review.organisation_id in employer_org_ids(user)


def can_view_review(user: Any, review: ProfileReview) -> bool:
    """Reviewers, and the staff of the organisation that owns the profile."""
    return (
        can_review(user, review)
        or _superuser(user)
        or is_owner_staff(user, review.version.profile)
    )


def reviews_for(user: Any) -> QuerySet[ProfileReview]:
    """Return the reviews ``user``'s employer organisations were invited to."""
    return ProfileReview.objects.select_related(
        "organisation", "version", "version__profile", "version__profile__owner"
    ).filter(organisation_id__in=employer_org_ids(user))
