"""Reads of accounts that several views and the API share."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from skillpath.accounts import access
from skillpath.accounts.models import (
    Membership,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    OrganisationStatus,
    Role,
)


def pending_memberships_for(user: Any) -> QuerySet[Membership]:
    """Return the pending requests to join that ``user`` may decide on."""
    pending = Membership.objects.filter(status=MembershipStatus.PENDING).select_related(
        "user", "organisation"
    )
    if user.is_superuser:
        return pending
    mine = access.approved_memberships(user)
    managed = [
        m.organisation_id
        for m in mine
        if m.role in (Role.ADMINISTRATOR, Role.COORDINATOR)
    ]
    vets_employers = any(
        m.role == Role.COORDINATOR
        and m.organisation.kind
        in (OrganisationKind.COLLEGE, OrganisationKind.COMMUNITY_AGENCY)
        for m in mine
    )
    condition = Q(organisation_id__in=managed)
    if vets_employers:
        condition |= Q(role=Role.EMPLOYER)
    return pending.filter(condition).order_by("created_at")


def active_employers() -> QuerySet[Organisation]:
    """Return the employer organisations that a new representative may ask to join."""
    return Organisation.objects.filter(
        kind=OrganisationKind.EMPLOYER, status=OrganisationStatus.ACTIVE
    ).order_by("name")


def organisations_visible_to(user: Any) -> QuerySet[Organisation]:
    """Return the organisations a person may list: active ones, and their own."""
    own = (
        [m.organisation_id for m in Membership.objects.filter(user=user)]
        if user.is_authenticated
        else []
    )
    return Organisation.objects.filter(
        Q(status=OrganisationStatus.ACTIVE) | Q(pk__in=own)
    ).order_by("name")
