"""API tokens: expiry, scope, only a session creates them, a password change ends them."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.hashers import make_password
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from skillpath.accounts import services, testing
from skillpath.accounts.exceptions import InvalidInput
from skillpath.accounts.models import ApiToken, TokenScope

pytestmark = pytest.mark.django_db

UNSAFE = ("post", "put", "patch", "delete")


def bearer(key: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def _works(key: str) -> bool:
    return Client().get("/api/v1/me", **bearer(key)).status_code == 200


def test_a_token_has_the_expiry_and_scope_chosen_at_creation() -> None:
    person = testing.user()
    token, _key = services.token_create(
        user=person, name="reader", scope=TokenScope.READ, expires_in_days=30
    )
    assert token.scope == TokenScope.READ
    expected = timezone.now() + timedelta(days=30)
    assert abs((token.expires_at - expected).total_seconds()) < 60
    default, _key = services.token_create(user=person, name="default")
    assert abs((default.expires_at - timezone.now()).days - 90) <= 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"expires_in_days": 366}, "expires_in_days"),
        ({"expires_in_days": 0}, "expires_in_days"),
        ({"scope": "admin"}, "scope"),
        ({"name": "  "}, "name"),
    ],
)
def test_a_bad_expiry_scope_or_name_is_refused_and_nothing_written(
    fields: dict[str, object], field: str
) -> None:
    person = testing.user()
    arguments: dict[str, object] = {"name": "t", **fields}
    with pytest.raises(InvalidInput) as refused:
        services.token_create(user=person, **arguments)  # type: ignore[arg-type]
    assert refused.value.details[0]["field"] == field
    assert not ApiToken.objects.exists()


def test_an_expired_token_stops_working() -> None:
    token, key = services.token_create(user=testing.user(), name="t")
    assert _works(key)
    ApiToken.objects.filter(pk=token.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    response = Client().get("/api/v1/me", **bearer(key))
    assert response.status_code == 401
    token.refresh_from_db()
    assert not token.is_active


def test_a_read_token_gets_403_on_every_unsafe_method() -> None:
    person = testing.coordinator()
    _token, key = services.token_create(user=person, name="r", scope=TokenScope.READ)
    client = Client()
    assert client.get("/api/v1/me", **bearer(key)).status_code == 200
    schema = client.get("/api/v1/openapi.json").json()
    tried = 0
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method not in UNSAFE or not operation.get("security"):
                continue
            url = re.sub(r"\{[^}]+\}", "1", path)
            response = getattr(client, method)(
                url, data="{}", content_type="application/json", **bearer(key)
            )
            assert response.status_code == 403, (method, path, response.content)
            assert response.json()["error"]["code"] == "forbidden"
            tried += 1
    assert tried >= 20


def test_a_write_token_writes() -> None:
    learner = testing.learner()
    _token, key = services.token_create(user=learner, name="w", scope=TokenScope.WRITE)
    response = Client().patch(
        "/api/v1/me/learner-profile",
        {"follow_up_surveys": True},
        content_type="application/json",
        **bearer(key),
    )
    assert response.status_code == 200


def test_a_token_cannot_create_tokens() -> None:
    person = testing.user()
    _token, key = services.token_create(user=person, name="w")
    response = Client().post(
        "/api/v1/tokens",
        {"name": "child"},
        content_type="application/json",
        **bearer(key),
    )
    assert response.status_code == 403
    assert "signed-in session" in response.json()["error"]["message"]
    assert person.api_tokens.count() == 1


def test_a_session_creates_a_token_with_scope_and_expiry_through_the_api() -> None:
    person = testing.user()
    client = Client()
    client.force_login(person)
    response = client.post(
        "/api/v1/tokens",
        {"name": "ci", "scope": "read", "expires_in_days": 7},
        content_type="application/json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["scope"] == "read" and body["key"].startswith("sp_")
    assert body["expires_at"] and _works(body["key"])
    listed = client.get("/api/v1/tokens").json()
    assert listed[0]["scope"] == "read" and listed[0]["expires_at"]
    assert listed[0]["is_active"] is True


def test_an_expiry_over_a_year_through_the_api_is_422_naming_the_field() -> None:
    client = Client()
    client.force_login(testing.user())
    response = client.post(
        "/api/v1/tokens",
        {"name": "ci", "expires_in_days": 400},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "expires_in_days"
    assert not ApiToken.objects.exists()


def test_changing_the_password_on_the_page_ends_every_token() -> None:
    person = testing.user()
    _one, first = services.token_create(user=person, name="one")
    _two, second = services.token_create(user=person, name="two")
    client = Client()
    client.force_login(person)
    new = "another-Strong-passphrase-7"
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": testing.PASSWORD,
            "new_password1": new,
            "new_password2": new,
        },
    )
    assert response.status_code == 302
    assert not _works(first) and not _works(second)
    page = client.get(reverse("accounts:tokens")).content.decode()
    assert "Ended by a password change" in page


def test_a_password_reset_ends_every_token() -> None:
    person = testing.user(email="reset@test.example")
    _token, key = services.token_create(user=person, name="t")
    client = Client()
    client.post(reverse("accounts:password_reset"), {"email": person.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/reset/" in line)
    response = client.get(link.split("testserver", 1)[1], follow=True)
    new = "another-Strong-passphrase-7"
    client.post(
        response.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    person.refresh_from_db()
    assert person.check_password(new)
    assert not _works(key)


def test_a_password_set_anywhere_else_ends_every_token() -> None:
    # The admin's password form and `manage.py changepassword` call set_password.
    person = testing.user()
    _token, key = services.token_create(user=person, name="t")
    person.set_password("a-third-Strong-passphrase-9")
    person.save()
    assert not _works(key)


def test_saving_a_person_without_a_new_password_keeps_their_tokens() -> None:
    person = testing.user()
    _token, key = services.token_create(user=person, name="t")
    person.full_name = "New Name"
    person.save()
    person.password = make_password(testing.PASSWORD)  # a hash upgrade, no new password
    person.save(update_fields=["password"])
    assert _works(key)


def test_tokens_page_shows_the_header_scope_and_expiry() -> None:
    person = testing.user()
    services.token_create(
        user=person, name="reader", scope=TokenScope.READ, expires_in_days=30
    )
    client = Client()
    client.force_login(person)
    page = client.get(reverse("accounts:tokens")).content.decode()
    assert "Authorization: Bearer &lt;token&gt;" in page
    assert "Authorization: Bearer ." not in page
    assert "read only" in page
    assert "Expires" in page


def test_the_new_token_is_shown_once_right_after_creation() -> None:
    person = testing.user()
    client = Client()
    client.force_login(person)
    response = client.post(
        reverse("accounts:tokens"),
        {"name": "my script", "scope": "write", "expires_in_days": "90"},
    )
    assert response.status_code == 303
    page = client.get(response["Location"]).content.decode()
    token = person.api_tokens.get()
    key = re.search(r'id="new-token">(sp_[^<]+)<', page)
    assert key is not None and key.group(1).startswith(token.prefix)
    assert "Authorization: Bearer " + key.group(1) in page
    assert _works(key.group(1))
    again = client.get(reverse("accounts:tokens")).content.decode()
    assert key.group(1) not in again
    assert token.scope == TokenScope.WRITE


def test_a_bad_expiry_on_the_page_names_the_field_and_creates_nothing() -> None:
    person = testing.user()
    client = Client()
    client.force_login(person)
    response = client.post(
        reverse("accounts:tokens"),
        {"name": "x", "scope": "read", "expires_in_days": "999"},
    )
    assert response.status_code == 200
    assert 'id="id_expires_in_days_error"' in response.content.decode()
    assert not person.api_tokens.exists()


def test_a_double_submit_shows_both_new_tokens() -> None:
    person = testing.user()
    client = Client()
    client.force_login(person)
    data = {"name": "twice", "scope": "read", "expires_in_days": "30"}
    client.post(reverse("accounts:tokens"), data)
    client.post(reverse("accounts:tokens"), data)
    page = client.get(reverse("accounts:tokens")).content.decode()
    keys = re.findall(r'id="new-token(?:-2)?">(sp_[^<]+)<', page)
    assert len(keys) == 2 and all(_works(key) for key in keys)
    assert person.api_tokens.count() == 2
