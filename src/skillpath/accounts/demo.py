"""Demo organisations and people, one in every role."""

from __future__ import annotations

from typing import Any

from skillpath.accounts import services
from skillpath.accounts.models import (
    LearnerProfile,
    Membership,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    OrganisationStatus,
    Role,
    User,
)

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 (printed by make run, demo only)

ORGANISATIONS = [
    (
        "bow-river-college",
        "Bow River College",
        OrganisationKind.COLLEGE,
        "AB",
        OrganisationStatus.ACTIVE,
    ),
    (
        "college-saint-laurent",
        "Collège du Saint-Laurent",
        OrganisationKind.COLLEGE,
        "QC",
        OrganisationStatus.ACTIVE,
    ),
    (
        "little-sprouts",
        "Little Sprouts Early Learning",
        OrganisationKind.EMPLOYER,
        "AB",
        OrganisationStatus.ACTIVE,
    ),
    (
        "northern-shield",
        "Northern Shield Cybersecurity",
        OrganisationKind.EMPLOYER,
        "ON",
        OrganisationStatus.ACTIVE,
    ),
    (
        "prairie-freight",
        "Prairie Freight Logistics",
        OrganisationKind.EMPLOYER,
        "MB",
        OrganisationStatus.ACTIVE,
    ),
    (
        "harbour-health",
        "Harbour Health Services",
        OrganisationKind.EMPLOYER,
        "NB",
        OrganisationStatus.PENDING,
    ),
    (
        "openskills",
        "OpenSkills Learning",
        OrganisationKind.TRAINING_PROVIDER,
        "ON",
        OrganisationStatus.ACTIVE,
    ),
    (
        "newcomer-career-centre",
        "Newcomer Career Centre",
        OrganisationKind.COMMUNITY_AGENCY,
        "AB",
        OrganisationStatus.ACTIVE,
    ),
]

# email, name, language, (organisation slug, role, status) or None, staff
STAFF = [
    ("admin@skillpath.example", "Sam Administrator", "en", None, True),
    (
        "coordinator@bowriver.example",
        "Priya Sharma",
        "en",
        ("bow-river-college", Role.COORDINATOR, MembershipStatus.APPROVED),
        False,
    ),
    (
        "coordination@saintlaurent.example",
        "Mathieu Tremblay",
        "fr",
        ("college-saint-laurent", Role.COORDINATOR, MembershipStatus.APPROVED),
        False,
    ),
    (
        "assessor@bowriver.example",
        "Daniel Okafor",
        "en",
        ("bow-river-college", Role.ASSESSOR, MembershipStatus.APPROVED),
        False,
    ),
    (
        "employer@littlesprouts.example",
        "Grace Whitehorse",
        "en",
        ("little-sprouts", Role.EMPLOYER, MembershipStatus.APPROVED),
        False,
    ),
    (
        "employer@northernshield.example",
        "Omar Haddad",
        "en",
        ("northern-shield", Role.EMPLOYER, MembershipStatus.APPROVED),
        False,
    ),
    (
        "employer@prairiefreight.example",
        "Linda Kowalski",
        "en",
        ("prairie-freight", Role.EMPLOYER, MembershipStatus.APPROVED),
        False,
    ),
    (
        "pending@harbourhealth.example",
        "Chloé Arsenault",
        "fr",
        ("harbour-health", Role.EMPLOYER, MembershipStatus.PENDING),
        False,
    ),
    (
        "provider@openskills.example",
        "Mei Chen",
        "en",
        ("openskills", Role.ADMINISTRATOR, MembershipStatus.APPROVED),
        False,
    ),
]

# email, name, language, region, home organisation, shares with employers
LEARNERS = [
    ("learner@skillpath.example", "Amina Yusuf", "en", "AB", "bow-river-college", True),
    (
        "jean@skillpath.example",
        "Jean-Baptiste Ndayishimiye",
        "fr",
        "QC",
        "college-saint-laurent",
        False,
    ),
    (
        "tyler@skillpath.example",
        "Tyler Cardinal",
        "en",
        "AB",
        "newcomer-career-centre",
        True,
    ),
    (
        "sofia@skillpath.example",
        "Sofia Martínez",
        "en",
        "MB",
        "bow-river-college",
        True,
    ),
]


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
    for slug, name, kind, province, org_status in ORGANISATIONS:
        organisations[slug], _ = Organisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "province": province,
                "status": org_status,
            },
        )
    for email, name, language, membership, staff in STAFF:
        user = _user(email, name, language, staff=staff)
        if membership is None:
            continue
        slug, role, status = membership
        if status == MembershipStatus.APPROVED:
            services.membership_grant(
                user=user, organisation=organisations[slug], role=role, granted_by=None
            )
        else:
            Membership.objects.get_or_create(
                user=user,
                organisation=organisations[slug],
                role=role,
                defaults={"status": status},
            )
    for email, name, language, region, home, shares in LEARNERS:
        user = _user(email, name, language)
        LearnerProfile.objects.get_or_create(
            user=user,
            defaults={
                "region": region,
                "home_organisation": organisations[home],
                "share_with_employers": shares,
                "follow_up_surveys": True,
            },
        )
    stdout.write(
        f"  {len(organisations)} organisations, {len(STAFF) + len(LEARNERS)} demo people"
    )


def accounts_table() -> list[tuple[str, str]]:
    """Return (e-mail, roles) for every demo account in the database.

    Other apps' demos add people (learners part-way through plans, for example), so
    the list is read from the database rather than from this module's tables.
    """
    from skillpath.accounts import access

    demo_emails = {email for email, *_rest in STAFF} | {
        email for email, *_rest in LEARNERS
    }
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
