"""Demo organisations and people, one in every role (``data/people.json``)."""

from __future__ import annotations

from typing import Any

from skillpath.accounts import access, services
from skillpath.accounts.models import (
    LearnerProfile,
    Membership,
    MembershipStatus,
    Organisation,
    User,
)
from skillpath.demo.files import load

PEOPLE = load("people.json")
DEMO_PASSWORD: str = PEOPLE["password"]


def _user(email: str, name: str, language: str, *, staff: bool = False) -> User:
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(email=email, full_name=name, preferred_language=language)
        user.set_password(DEMO_PASSWORD)
        user.is_staff = user.is_superuser = staff
        user.save()
    return user


def seed(stdout: Any) -> None:
    """Create the demo organisations and one person in every role."""
    organisations = {}
    for spec in PEOPLE["organisations"]:
        organisations[spec["slug"]], _ = Organisation.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "kind": spec["kind"],
                "province": spec["province"],
                "status": spec["status"],
            },
        )
    for spec in PEOPLE["staff"]:
        user = _user(spec["email"], spec["name"], spec["language"], staff=spec["staff"])
        membership = spec.get("membership")
        if membership is None:
            continue
        organisation = organisations[membership["organisation"]]
        if membership["status"] == MembershipStatus.APPROVED:
            services.membership_grant(
                user=user,
                organisation=organisation,
                role=membership["role"],
                granted_by=None,
            )
        else:
            Membership.objects.get_or_create(
                user=user,
                organisation=organisation,
                role=membership["role"],
                defaults={"status": membership["status"]},
            )
    for spec in PEOPLE["learners"]:
        user = _user(spec["email"], spec["name"], spec["language"])
        LearnerProfile.objects.get_or_create(
            user=user,
            defaults={
                "region": spec["region"],
                "home_organisation": organisations[spec["home_organisation"]],
                "share_with_employers": spec["share_with_employers"],
                "follow_up_surveys": True,
            },
        )
    people = len(PEOPLE["staff"]) + len(PEOPLE["learners"])
    stdout.write(f"  {len(organisations)} organisations, {people} demo people")


def accounts_table() -> list[tuple[str, str]]:
    """Return (e-mail, roles) for every demo account in the database.

    The list is read from the database, so that it shows the roles people hold now.
    """
    demo_emails = {spec["email"] for spec in PEOPLE["staff"] + PEOPLE["learners"]}
    rows = []
    users = User.objects.filter(email__endswith=".example").order_by(
        "date_joined", "pk"
    )
    for user in users:
        if user.email not in demo_emails and not user.check_password(DEMO_PASSWORD):
            continue
        held = sorted(access.roles(user))
        if user.is_superuser:
            held.insert(0, "site administrator")
        pending = user.memberships.filter(
            status=MembershipStatus.PENDING
        ).select_related("organisation")
        held += [f"{m.get_role_display()} (waiting for approval)" for m in pending]
        rows.append((user.email, ", ".join(str(role) for role in held)))
    return rows
