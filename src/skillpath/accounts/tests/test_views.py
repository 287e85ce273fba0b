"""The accounts pages: sign-up, sign-in, refusals, consent, approvals, tokens."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from skillpath.accounts import testing
from skillpath.accounts.models import LearnerProfile, Membership, MembershipStatus, User

pytestmark = pytest.mark.django_db


def _signup_data(**overrides: str) -> dict[str, str]:
    data = {
        "full_name": "Ana Lima",
        "email": "ana@example.org",
        "password1": testing.PASSWORD,
        "password2": testing.PASSWORD,
        "language": "en",
        "region": "ON",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    "url",
    [
        "web:dashboard",
        "accounts:profile",
        "accounts:approvals",
        "accounts:tokens",
        "accounts:candidates",
    ],
)
def test_anonymous_users_are_sent_to_login(client: Client, url: str) -> None:
    response = client.get(reverse(url))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_learner_signup_signs_in_and_shows_next_step(client: Client) -> None:
    response = client.post(reverse("accounts:signup"), _signup_data(), follow=True)
    assert response.status_code == 200
    assert response.wsgi_request.user.is_authenticated
    assert "Your next step" in response.content.decode()


def test_signup_with_used_email_shows_message_and_creates_nothing(
    client: Client,
) -> None:
    testing.user(email="ana@example.org")
    count = User.objects.count()
    response = client.post(reverse("accounts:signup"), _signup_data())
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert User.objects.count() == count


def test_signup_with_weak_password_shows_message_and_creates_nothing(
    client: Client,
) -> None:
    response = client.post(
        reverse("accounts:signup"),
        _signup_data(password1="password", password2="password"),
    )
    assert response.status_code == 200
    assert "too common" in response.content.decode()
    assert not User.objects.filter(email="ana@example.org").exists()


def test_signup_with_different_passwords_is_refused(client: Client) -> None:
    response = client.post(
        reverse("accounts:signup"), _signup_data(password2="something-else-42")
    )
    assert "The two passwords are different." in response.content.decode()
    assert not User.objects.exists()


def test_employer_signup_waits_for_approval(client: Client) -> None:
    response = client.post(
        reverse("accounts:employer_signup"),
        _signup_data(
            email="hr@weld.example",
            new_organisation_name="Weld Works",
            new_organisation_province="SK",
        ),
        follow=True,
    )
    assert "Waiting for approval" in response.content.decode()
    assert client.get(reverse("accounts:candidates"), follow=True).status_code == 403


def test_learner_cannot_read_another_learners_profile(client: Client) -> None:
    me, other = testing.learner(), testing.learner()
    client.force_login(me)
    assert (
        client.get(
            reverse("accounts:learner", args=[other.learner_profile.pk])
        ).status_code
        == 403
    )
    assert (
        client.get(
            reverse("accounts:learner", args=[me.learner_profile.pk])
        ).status_code
        == 200
    )


def test_employer_cannot_see_learner_without_consent(client: Client) -> None:
    private = testing.learner(share_with_employers=False, name="Private Person")
    shares = testing.learner(share_with_employers=True, name="Sharing Person")
    client.force_login(testing.employer())
    moved = client.get(reverse("accounts:candidates"))
    assert moved.status_code == 302
    assert moved["Location"] == reverse("jobs:candidates")
    assert (
        client.get(
            reverse("accounts:learner", args=[private.learner_profile.pk])
        ).status_code
        == 403
    )
    assert (
        client.get(
            reverse("accounts:learner", args=[shares.learner_profile.pk])
        ).status_code
        == 200
    )


def test_withdrawing_consent_hides_the_learner_from_employers(client: Client) -> None:
    learner = testing.learner(share_with_employers=True)
    client.force_login(learner)
    response = client.post(
        reverse("accounts:profile"), {"region": "AB", "share_with_employers": ""}
    )
    assert response.status_code == 303
    assert LearnerProfile.objects.get(user=learner).share_with_employers is False
    client.force_login(testing.employer())
    assert (
        client.get(
            reverse("accounts:learner", args=[learner.learner_profile.pk])
        ).status_code
        == 403
    )


def test_coordinator_approves_a_pending_employer(client: Client) -> None:
    pending = testing.employer(approved=False)
    membership = Membership.objects.get(user=pending)
    client.force_login(testing.coordinator())
    page = client.get(reverse("accounts:approvals")).content.decode()
    assert pending.full_name in page
    client.post(
        reverse("accounts:approval_decide", args=[membership.pk]),
        {"decision": "approve"},
    )
    assert Membership.objects.get(pk=membership.pk).status == MembershipStatus.APPROVED


def test_learner_cannot_post_an_approval(client: Client) -> None:
    membership = Membership.objects.get(user=testing.employer(approved=False))
    client.force_login(testing.learner())
    response = client.post(
        reverse("accounts:approval_decide", args=[membership.pk]),
        {"decision": "approve"},
    )
    assert response.status_code == 403
    assert Membership.objects.get(pk=membership.pk).status == MembershipStatus.PENDING


@override_settings(SKILLPATH_LOGIN_MAX_FAILURES=2, SKILLPATH_LOGIN_BACKOFF_SECONDS=60)
def test_login_page_throttles_failed_attempts(client: Client) -> None:
    person = testing.user(email="guess@example.org")
    for _ in range(2):
        response = client.post(
            reverse("accounts:login"),
            {"username": person.email, "password": "wrong-password"},
        )
        assert "is wrong" in response.content.decode()
    response = client.post(
        reverse("accounts:login"),
        {"username": person.email, "password": testing.PASSWORD},
    )
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_login_activates_the_persons_language(client: Client) -> None:
    person = testing.user(language="fr")
    response = client.post(
        reverse("accounts:login"),
        {"username": person.email, "password": testing.PASSWORD},
        follow=True,
    )
    assert client.cookies["django_language"].value == "fr"
    assert "Bonjour" in response.content.decode()


def test_password_reset_sends_an_email_with_a_working_link(client: Client) -> None:
    person = testing.user(email="forgot@example.org")
    client.post(reverse("accounts:password_reset"), {"email": "forgot@example.org"})
    assert len(mail.outbox) == 1
    link = next(
        line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line
    )
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    new = "another-Strong-passphrase-7"
    response = client.post(
        response.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    person.refresh_from_db()
    assert person.check_password(new)


def test_password_reset_for_unknown_address_sends_nothing(client: Client) -> None:
    response = client.post(
        reverse("accounts:password_reset"), {"email": "nobody@example.org"}
    )
    assert response.status_code == 302
    assert mail.outbox == []


def test_token_page_shows_the_key_once_and_revokes(client: Client) -> None:
    person = testing.user()
    client.force_login(person)
    page = client.post(
        reverse("accounts:tokens"),
        {"name": "my script", "scope": "read", "expires_in_days": "30"},
        follow=True,
    ).content.decode()
    assert "sp_" in page and "will not be shown again" in page
    token = person.api_tokens.get()
    assert "sp_" not in client.get(reverse("accounts:tokens")).content.decode().replace(
        token.prefix, ""
    )
    client.post(reverse("accounts:token_revoke", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_cannot_revoke_someone_elses_token(client: Client) -> None:
    owner = testing.user()
    token = owner.api_tokens.create(name="x", prefix="sp_x", key_hash="0" * 64)
    client.force_login(testing.user())
    assert (
        client.post(reverse("accounts:token_revoke", args=[token.pk])).status_code
        == 404
    )
