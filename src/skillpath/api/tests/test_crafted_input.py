"""Crafted input gets the API's JSON error, never a 500 or an HTML page.

Each case comes from a fuzzing run that found a server error: integers beyond a
64-bit column in paging and ids, a body over the upload limit, and, in production,
errors answered with Django's HTML pages instead of the API's JSON.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client, override_settings

from skillpath.accounts import testing

pytestmark = pytest.mark.django_db
HUGE = 14055944991056197632  # above 2**63
HUGER = 2**70


@pytest.fixture
def client_in() -> Client:
    client = Client()
    client.force_login(testing.coordinator())
    return client


def _is_api_error(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["status"] == status
    return error


@pytest.mark.parametrize(
    "query", [f"page={HUGE}", f"page_size={HUGE}", f"page={HUGER}"]
)
def test_huge_page_numbers_are_refused_as_invalid_input(
    client_in: Client, query: str
) -> None:
    error = _is_api_error(client_in.get(f"/api/v1/organisations?{query}"), 422)
    assert error["details"][0]["field"].split(".")[-1] in ("page", "page_size")


@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/profiles/{HUGER}/versions/1/submit",
        f"/api/v1/profiles/{HUGE}/versions/{HUGER}/submit",
    ],
)
def test_huge_ids_in_a_path_are_not_found(client_in: Client, path: str) -> None:
    response = client_in.post(path, "{}", content_type="application/json")
    assert response.status_code in (404, 422), response.content[:300]
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize(
    "path", [f"/api/v1/learning/plans/{HUGER}", f"/api/v1/learners/{HUGER}"]
)
def test_huge_ids_in_reads_are_not_found(client_in: Client, path: str) -> None:
    response = client_in.get(path)
    assert response.status_code in (404, 422), response.content[:300]
    assert response["Content-Type"].startswith("application/json")


def test_a_body_over_the_limit_is_413_as_the_apis_json_error(
    client_in: Client, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    body = json.dumps({"credential": "x" * 4096})
    response = client_in.post(
        "/api/v1/credentials/verify", body, content_type="application/json"
    )
    error = _is_api_error(response, 413)
    assert error["code"] == "too_large"


@override_settings(DEBUG=False)
def test_in_production_an_unknown_api_address_is_a_json_404() -> None:
    error = _is_api_error(Client().get("/api/v1/no-such-thing"), 404)
    assert error["code"] == "not_found"


@override_settings(DEBUG=False)
def test_in_production_a_server_error_in_the_api_is_json(
    client_in: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from skillpath.accounts import api as accounts_api

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("a bug")

    # A fault from below the API (not our code's behaviour under test): the API's
    # answer to any unexpected error must still be its JSON error.
    monkeypatch.setattr(accounts_api.access, "learners_visible_to", broken)
    client_in.raise_request_exception = False
    error = _is_api_error(client_in.get("/api/v1/learners"), 500)
    assert error["code"] == "server_error"
    assert "a bug" not in json.dumps(error)


@pytest.mark.parametrize("depth", [100, 100_000])
def test_a_deeply_nested_json_body_is_a_json_400(depth: int) -> None:
    body = '{"credential": ' + '{"a": ' * depth + "1" + "}" * depth + "}"
    response = Client().post(
        "/api/v1/credentials/verify", body, content_type="application/json"
    )
    error = _is_api_error(response, 400)
    assert error["code"] == "bad_request"
