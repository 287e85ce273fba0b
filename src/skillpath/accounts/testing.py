"""Factories and helpers that give each test its world in a few lines."""

from __future__ import annotations

import itertools

from skillpath.accounts import services
from skillpath.accounts.models import (
    LearnerProfile,
    Membership,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    Role,
    User,
)

PASSWORD = "a-Strong-test-passphrase-42"  # noqa: S105 (tests only)
_counter = itertools.count(1)


def organisation(
    kind: str = OrganisationKind.COLLEGE, *, name: str = "", province: str = "ON"
) -> Organisation:
    """Create an active organisation of ``kind``."""
    number = next(_counter)
    name = name or f"{kind.replace('_', ' ').title()} {number}"
    return Organisation.objects.create(
        name=name, slug=f"org-{number}", kind=kind, province=province
    )


def user(*, name: str = "", email: str = "", language: str = "en") -> User:
    """Create a person with the test password."""
    number = next(_counter)
    return User.objects.create_user(
        email=email or f"person{number}@test.example",
        password=PASSWORD,
        full_name=name or f"Person {number}",
        preferred_language=language,
    )


def learner(
    *,
    share_with_employers: bool = False,
    home: Organisation | None = None,
    name: str = "",
) -> User:
    """Create a job seeker with a learner profile."""
    person = user(name=name)
    LearnerProfile.objects.create(
        user=person,
        share_with_employers=share_with_employers,
        home_organisation=home,
        region="AB",
    )
    return person


def member(
    role: str, org: Organisation | None = None, *, approved: bool = True, name: str = ""
) -> User:
    """Create a person holding ``role`` in ``org`` (approved unless told otherwise)."""
    if org is None:
        kind = (
            OrganisationKind.EMPLOYER
            if role == Role.EMPLOYER
            else OrganisationKind.COLLEGE
        )
        org = organisation(kind)
    person = user(name=name)
    if approved:
        services.membership_grant(
            user=person, organisation=org, role=role, granted_by=None
        )
    else:
        Membership.objects.create(
            user=person, organisation=org, role=role, status=MembershipStatus.PENDING
        )
    return person


def coordinator(org: Organisation | None = None) -> User:
    return member(Role.COORDINATOR, org)


def assessor(org: Organisation | None = None) -> User:
    return member(Role.ASSESSOR, org)


def employer(org: Organisation | None = None, *, approved: bool = True) -> User:
    return member(Role.EMPLOYER, org, approved=approved)
