"""Sign-in throttling: every sign-in path, per account with back-off, per address."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from skillpath.accounts import testing, throttle
from skillpath.accounts.exceptions import TooManyLoginFailures
from skillpath.accounts.models import ThrottleEvent, User
from skillpath.common.http import client_address

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
WRONG = "not-the-password"
XFF = {"SKILLPATH_TRUSTED_PROXY_HEADER": "X-Forwarded-For"}
# A first back-off long enough that a slow test machine cannot outlast it.
SLOW = {"SKILLPATH_LOGIN_BACKOFF_SECONDS": 60}


def _sign_in(client: Client, email: str, password: str, *, via: str = "", **meta: str):  # type: ignore[no-untyped-def]
    extra = {"REMOTE_ADDR": PROXY if via else "127.0.0.1", **meta}
    if via:
        extra["HTTP_X_FORWARDED_FOR"] = via
    return client.post(
        reverse("accounts:login"), {"username": email, "password": password}, **extra
    )


def _signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def _age_events(seconds: float) -> None:
    """Move every recorded event ``seconds`` into the past (time passing)."""
    for event in ThrottleEvent.objects.all():
        event.occurred_at -= timedelta(seconds=seconds)
        event.save(update_fields=["occurred_at"])


@override_settings(**SLOW)
def test_admin_login_is_throttled_like_the_app_login(client: Client) -> None:
    admin = User.objects.create_superuser(
        email="root@test.example", password=testing.PASSWORD, full_name="Root"
    )
    for _ in range(8):
        client.post("/admin/login/", {"username": admin.email, "password": WRONG})
    response = client.post(
        "/admin/login/", {"username": admin.email, "password": testing.PASSWORD}
    )
    assert not _signed_in(client)
    assert "Too many failed sign-ins" in response.content.decode()
    # The same failures hold on the app's sign-in page: one mechanism, one count.
    response = _sign_in(client, admin.email, testing.PASSWORD)
    assert response.status_code == 429 and not _signed_in(client)
    _age_events(16 * 60)
    response = client.post(
        "/admin/login/", {"username": admin.email, "password": testing.PASSWORD}
    )
    assert response.status_code == 302 and _signed_in(client)


@override_settings(**XFF, **SLOW)
def test_two_people_behind_one_proxy_do_not_lock_each_other_out() -> None:
    guesser, worker = testing.user(), testing.user()
    attacker = Client()
    for number in range(25):  # spraying many accounts through the shared proxy
        _sign_in(attacker, f"guess{number}@test.example", WRONG, via="203.0.113.5")
    colleague = Client()
    response = _sign_in(colleague, worker.email, testing.PASSWORD, via="198.51.100.7")
    assert response.status_code == 302 and _signed_in(colleague)
    # The sprayer's own address is backed off, even for an account it knows.
    again = _sign_in(attacker, guesser.email, testing.PASSWORD, via="203.0.113.5")
    assert again.status_code == 429 and not _signed_in(attacker)


@override_settings(**SLOW)
def test_without_the_setting_a_forged_forwarded_for_is_ignored() -> None:
    person = testing.user()
    for number in range(6):
        _sign_in(
            Client(), person.email, WRONG, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}"
        )
    response = _sign_in(
        Client(), person.email, testing.PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.77"
    )
    assert response.status_code == 429
    assert set(ThrottleEvent.objects.values_list("client_address", flat=True)) == {
        "127.0.0.1"
    }


@override_settings(**XFF, **SLOW)
def test_right_password_from_the_usual_address_still_gets_in() -> None:
    owner = testing.user()
    assert (
        _sign_in(
            Client(), owner.email, testing.PASSWORD, via="198.51.100.8"
        ).status_code
        == 302
    )
    for _ in range(30):
        _sign_in(Client(), owner.email, WRONG, via="203.0.113.5")
    # From a new address the account is backed off ...
    stranger = _sign_in(Client(), owner.email, testing.PASSWORD, via="192.0.2.40")
    assert stranger.status_code == 429
    # ... but the owner, from where they usually sign in, is let in at once.
    home = Client()
    assert (
        _sign_in(home, owner.email, testing.PASSWORD, via="198.51.100.8").status_code
        == 302
    )
    assert _signed_in(home)


@override_settings(
    SKILLPATH_LOGIN_MAX_FAILURES=5,
    SKILLPATH_LOGIN_BACKOFF_SECONDS=1,
    SKILLPATH_LOGIN_BACKOFF_MAX_SECONDS=900,
)
def test_back_off_doubles_after_five_failures_caps_at_fifteen_minutes_and_expires() -> (
    None
):
    email, address = "target@test.example", "192.0.2.1"
    waits = []
    for _ in range(15):
        try:
            throttle.signin_check(email=email, client_address=address)
        except TooManyLoginFailures as error:
            waits.append(error.wait_seconds)
            _age_events(error.wait_seconds)  # wait it out
            throttle.signin_check(email=email, client_address=address)
        throttle.signin_failure_record(email=email, client_address=address)
    assert waits == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]
    with pytest.raises(TooManyLoginFailures, match="15 minutes") as refused:
        throttle.signin_check(email=email.upper(), client_address=address)
    assert refused.value.wait_seconds == 900
    _age_events(899)
    with pytest.raises(TooManyLoginFailures):
        throttle.signin_check(email=email, client_address=address)
    _age_events(2)
    throttle.signin_check(email=email, client_address=address)


@override_settings(SKILLPATH_LOGIN_ADDRESS_MAX_FAILURES=20)
def test_one_address_spraying_many_accounts_is_backed_off() -> None:
    for number in range(20):
        throttle.signin_failure_record(
            email=f"victim{number}@test.example", client_address="203.0.113.9"
        )
    with pytest.raises(TooManyLoginFailures):
        throttle.signin_check(email="fresh@test.example", client_address="203.0.113.9")
    throttle.signin_check(email="fresh@test.example", client_address="203.0.113.10")


def test_a_successful_sign_in_clears_the_failures_from_that_address(
    client: Client,
) -> None:
    person = testing.user()
    for _ in range(4):
        _sign_in(client, person.email, WRONG)
    assert _sign_in(client, person.email, testing.PASSWORD).status_code == 302
    assert not ThrottleEvent.objects.filter(
        kind=ThrottleEvent.Kind.SIGNIN_FAILURE
    ).exists()


@override_settings(
    SKILLPATH_PASSWORD_RESET_MAX_PER_ACCOUNT=3,
    SKILLPATH_PASSWORD_RESET_MAX_PER_ADDRESS=10,
)
def test_a_password_reset_flood_is_limited_per_account_and_per_address() -> None:
    person = testing.user(email="forgot@test.example")
    url = reverse("accounts:password_reset")
    for number in range(3):
        response = Client().post(
            url, {"email": person.email}, REMOTE_ADDR=f"192.0.2.{number}"
        )
        assert response.status_code == 302
    refused = Client().post(url, {"email": person.email}, REMOTE_ADDR="192.0.2.50")
    assert refused.status_code == 429
    assert "Too many password reset requests" in refused.content.decode()
    assert len(mail.outbox) == 3
    # One address asking for many accounts is stopped too (it asked once above).
    for number in range(9):
        Client().post(
            url, {"email": f"x{number}@test.example"}, REMOTE_ADDR="192.0.2.0"
        )
    flooded = Client().post(url, {"email": "y@test.example"}, REMOTE_ADDR="192.0.2.0")
    assert flooded.status_code == 429
    assert (
        Client()
        .post(url, {"email": "y@test.example"}, REMOTE_ADDR="192.0.2.99")
        .status_code
        == 302
    )


@pytest.mark.parametrize(
    ("settings_", "meta", "expected"),
    [
        ({}, {"HTTP_X_FORWARDED_FOR": "192.0.2.1"}, PROXY),
        (XFF, {"HTTP_X_FORWARDED_FOR": "192.0.2.1, 198.51.100.2"}, "198.51.100.2"),
        (
            {**XFF, "SKILLPATH_TRUSTED_PROXY_COUNT": 2},
            {"HTTP_X_FORWARDED_FOR": "6.6.6.6, 192.0.2.1, 198.51.100.2"},
            "192.0.2.1",
        ),
        (
            {**XFF, "SKILLPATH_TRUSTED_PROXY_COUNT": 2},
            {"HTTP_X_FORWARDED_FOR": "192.0.2.1"},
            PROXY,
        ),
        (XFF, {"HTTP_X_FORWARDED_FOR": "not an address"}, PROXY),
        (XFF, {}, PROXY),
        (
            {"SKILLPATH_TRUSTED_PROXY_HEADER": "X-Real-IP"},
            {"HTTP_X_REAL_IP": "2001:db8::1"},
            "2001:db8::1",
        ),
    ],
)
def test_client_address_trusts_only_the_configured_proxy_header(
    settings_: dict[str, object], meta: dict[str, str], expected: str
) -> None:
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, **meta)
    with override_settings(**settings_):
        assert client_address(request) == expected


def test_an_administrator_reads_the_throttle_and_ends_a_back_off(
    client: Client,
) -> None:
    throttle.signin_failure_record(
        email="held@test.example", client_address="192.0.2.3"
    )
    client.force_login(
        User.objects.create_superuser(
            email="boss@test.example", password=testing.PASSWORD, full_name="Boss"
        )
    )
    page = client.get("/admin/accounts/throttleevent/").content.decode()
    assert "held@test.example" in page
    event = ThrottleEvent.objects.get()
    client.post(f"/admin/accounts/throttleevent/{event.pk}/delete/", {"post": "yes"})
    assert not ThrottleEvent.objects.exists()
