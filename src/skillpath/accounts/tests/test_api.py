"""The accounts API: authentication, refusals, one error format, pagination."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from skillpath.accounts import services, testing
from skillpath.accounts.models import LearnerProfile

pytestmark = pytest.mark.django_db


def bearer(key: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_me_with_a_token(client: Client) -> None:
    person = testing.coordinator()
    _token, key = services.token_create(user=person, name="t")
    body = client.get("/api/v1/me", **bearer(key)).json()
    assert body["email"] == person.email
    assert body["roles"] == ["coordinator"]


def test_unknown_token_gets_401_in_the_error_format(client: Client) -> None:
    response = client.get("/api/v1/me", **bearer("sp_not-a-real-token"))
    assert response.status_code == 401
    error = response.json()["error"]
    assert error["code"] == "not_authenticated" and "token" in error["message"]


def test_revoked_token_stops_working(client: Client) -> None:
    person = testing.user()
    token, key = services.token_create(user=person, name="t")
    assert client.get("/api/v1/me", **bearer(key)).status_code == 200
    assert client.delete(f"/api/v1/tokens/{token.pk}", **bearer(key)).status_code == 204
    assert client.get("/api/v1/me", **bearer(key)).status_code == 401


def test_learner_cannot_read_another_learner_through_the_api(client: Client) -> None:
    me, other = testing.learner(), testing.learner()
    client.force_login(me)
    assert client.get(f"/api/v1/learners/{other.learner_profile.pk}").status_code == 404
    assert client.get(f"/api/v1/learners/{me.learner_profile.pk}").status_code == 200


def test_employer_sees_only_consenting_learners_through_the_api(client: Client) -> None:
    shares = testing.learner(share_with_employers=True)
    private = testing.learner(share_with_employers=False)
    client.force_login(testing.employer())
    ids = {item["id"] for item in client.get("/api/v1/learners").json()["items"]}
    assert shares.learner_profile.pk in ids and private.learner_profile.pk not in ids
    assert (
        client.get(f"/api/v1/learners/{private.learner_profile.pk}").status_code == 404
    )


def test_malformed_body_gets_422_and_changes_nothing(client: Client) -> None:
    learner = testing.learner()
    _token, key = services.token_create(user=learner, name="t")
    response = client.patch(
        "/api/v1/me/learner-profile",
        data=json.dumps({"share_with_employers": "perhaps", "region": "XX"}),
        content_type="application/json",
        **bearer(key),
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input"
    assert {detail["field"] for detail in error["details"]} >= {
        "share_with_employers",
        "region",
    }
    assert LearnerProfile.objects.get(user=learner).region == "AB"


def test_body_that_is_not_json_gets_a_4xx(client: Client) -> None:
    _token, key = services.token_create(user=testing.learner(), name="t")
    response = client.patch(
        "/api/v1/me/learner-profile",
        data="{not json",
        content_type="application/json",
        **bearer(key),
    )
    assert 400 <= response.status_code < 500
    assert "error" in response.json()


def test_learner_changes_consent_through_the_api(client: Client) -> None:
    learner = testing.learner()
    _token, key = services.token_create(user=learner, name="t")
    response = client.patch(
        "/api/v1/me/learner-profile",
        data=json.dumps({"share_with_employers": True}),
        content_type="application/json",
        **bearer(key),
    )
    assert response.status_code == 200
    assert response.json()["learner_profile"]["share_with_employers"] is True


def test_session_writes_need_the_csrf_token() -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(testing.user())
    response = client.post(
        "/api/v1/tokens",
        data=json.dumps({"name": "x"}),
        content_type="application/json",
    )
    assert response.status_code in (401, 403)


def test_organisations_are_paginated(client: Client) -> None:
    for _ in range(3):
        testing.organisation()
    client.force_login(testing.user())
    body = client.get("/api/v1/organisations?page=1&page_size=2").json()
    assert body["count"] >= 3 and len(body["items"]) == 2


def test_memberships_are_mine_only(client: Client) -> None:
    mine = testing.coordinator()
    testing.coordinator()
    client.force_login(mine)
    items = client.get("/api/v1/memberships").json()["items"]
    assert len(items) == 1 and items[0]["role"] == "coordinator"


def test_openapi_schema_is_served(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/me" in schema["paths"]
