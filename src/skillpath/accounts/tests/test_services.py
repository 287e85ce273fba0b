"""The accounts services: sign-up, approval, consent, tokens, throttling."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from skillpath.accounts import access, services, testing
from skillpath.accounts.exceptions import (
    EmailAlreadyUsed,
    NotAllowed,
    OrganisationNameTaken,
)
from skillpath.accounts.models import (
    ApiToken,
    LearnerProfile,
    Membership,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    OrganisationStatus,
    User,
)
from skillpath.common.models import AuditEvent

pytestmark = pytest.mark.django_db
STRONG = testing.PASSWORD


def test_learner_signup_creates_profile_and_audit_event() -> None:
    user = services.learner_signup(
        email="New.Person@Example.org",
        password=STRONG,
        full_name="New Person",
        language="fr",
    )
    assert user.email == "new.person@example.org"
    assert user.preferred_language == "fr"
    assert LearnerProfile.objects.get(user=user).share_with_employers is False
    assert AuditEvent.objects.filter(
        verb="learner_signup", target_id=str(user.pk)
    ).exists()


def test_signup_with_email_already_used_creates_nothing() -> None:
    services.learner_signup(
        email="taken@example.org", password=STRONG, full_name="First"
    )
    users_before = User.objects.count()
    with pytest.raises(EmailAlreadyUsed, match="already exists"):
        services.learner_signup(
            email="TAKEN@example.org", password=STRONG, full_name="Second"
        )
    assert User.objects.count() == users_before


@pytest.mark.parametrize("weak", ["short1", "password123", "12345678901234"])
def test_signup_with_weak_password_creates_nothing(weak: str) -> None:
    with pytest.raises(ValidationError):
        services.learner_signup(
            email="weak@example.org", password=weak, full_name="Weak"
        )
    assert not User.objects.filter(email="weak@example.org").exists()
    assert not LearnerProfile.objects.exists()


def test_production_hashes_passwords_with_argon2() -> None:
    from skillpath.config import settings as production_settings

    assert production_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_employer_signup_with_new_organisation_waits_for_approval() -> None:
    membership = services.employer_signup(
        email="boss@newco.example",
        password=STRONG,
        full_name="Boss",
        new_organisation_name="NewCo Welding",
        new_organisation_province="SK",
    )
    assert membership.status == MembershipStatus.PENDING
    assert membership.organisation.status == OrganisationStatus.PENDING
    assert not access.is_employer(membership.user)


def test_employer_signup_refuses_existing_organisation_name() -> None:
    testing.organisation(OrganisationKind.EMPLOYER, name="Acme Builders")
    with pytest.raises(OrganisationNameTaken):
        services.employer_signup(
            email="x@acme.example",
            password=STRONG,
            full_name="X",
            new_organisation_name="acme builders",
            new_organisation_province="ON",
        )
    assert not User.objects.filter(email="x@acme.example").exists()


def test_employer_cannot_join_a_college_through_employer_signup() -> None:
    college = testing.organisation(OrganisationKind.COLLEGE)
    with pytest.raises(NotAllowed):
        services.employer_signup(
            email="y@x.example", password=STRONG, full_name="Y", organisation=college
        )
    assert not User.objects.filter(email="y@x.example").exists()


def test_coordinator_approves_employer_and_activates_organisation() -> None:
    membership = services.employer_signup(
        email="e@new.example",
        password=STRONG,
        full_name="E",
        new_organisation_name="New Employer",
        new_organisation_province="AB",
    )
    coordinator = testing.coordinator()
    services.membership_decide(
        membership=membership, approve=True, decided_by=coordinator
    )
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.APPROVED
    assert (
        Organisation.objects.get(pk=membership.organisation_id).status
        == OrganisationStatus.ACTIVE
    )
    assert access.is_employer(User.objects.get(pk=membership.user_id))


def test_learner_cannot_approve_an_employer() -> None:
    pending = testing.employer(approved=False)
    membership = Membership.objects.get(user=pending)
    with pytest.raises(NotAllowed):
        services.membership_decide(
            membership=membership, approve=True, decided_by=testing.learner()
        )
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING


def test_deciding_twice_keeps_the_first_decision() -> None:
    membership = Membership.objects.get(user=testing.employer(approved=False))
    coordinator = testing.coordinator()
    services.membership_decide(
        membership=membership, approve=True, decided_by=coordinator
    )
    services.membership_decide(
        membership=membership, approve=False, decided_by=coordinator
    )
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.APPROVED


def test_only_the_learner_changes_their_consent() -> None:
    learner = testing.learner()
    other = testing.learner()
    with pytest.raises(NotAllowed):
        services.learner_profile_update(
            profile=learner.learner_profile, changed_by=other, share_with_employers=True
        )
    services.learner_profile_update(
        profile=learner.learner_profile, changed_by=learner, share_with_employers=True
    )
    profile = LearnerProfile.objects.get(user=learner)
    assert profile.share_with_employers is True
    assert profile.share_changed_at is not None


def test_token_is_stored_hashed_and_stops_working_when_revoked() -> None:
    person = testing.user()
    token, key = services.token_create(user=person, name="script")
    assert key.startswith("sp_")
    assert key not in token.key_hash and token.prefix == key[:10]
    authenticated = services.token_authenticate(key)
    assert authenticated is not None and authenticated.user == person
    services.token_revoke(token=token, revoked_by=person)
    assert services.token_authenticate(key) is None
    assert services.token_authenticate("sp_unknown") is None


def test_someone_else_cannot_revoke_my_token() -> None:
    token, key = services.token_create(user=testing.user(), name="mine")
    with pytest.raises(NotAllowed):
        services.token_revoke(token=token, revoked_by=testing.user())
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None
