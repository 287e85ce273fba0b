"""The postings API: public reads, employers' writes with named errors, applying once."""

from __future__ import annotations

import pytest
from django.test import Client

from skillpath.accounts import testing as accounts_testing
from skillpath.jobs.models import Application, JobPosting
from skillpath.jobs.testing import holder, jobs_world, posting_fields

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_open_postings_are_readable_without_signing_in() -> None:
    world = jobs_world()
    found = Client().get("/api/v1/postings").json()
    assert [hit["posting"]["id"] for hit in found] == [world.posting.pk]
    one = Client().get(f"/api/v1/postings/{world.posting.pk}").json()
    assert len(one["requirements"]) == 3


def test_employer_creates_through_the_api_and_a_bad_noc_names_the_field() -> None:
    world = jobs_world(open_posting=False)
    client = _client(world.employer)
    payload = posting_fields(noc_code="99999") | {
        "employer": world.employer_org.slug,
        "profile_version": world.credential.profile_version.pk,
    }
    before = JobPosting.objects.count()
    bad = client.post(
        "/api/v1/employer/postings", payload, content_type="application/json"
    )
    assert bad.status_code == 422
    assert "noc_code" in bad.content.decode()
    assert JobPosting.objects.count() == before
    payload["noc_code"] = "42202"
    made = client.post(
        "/api/v1/employer/postings", payload, content_type="application/json"
    )
    assert made.status_code == 201
    posting_id = made.json()["id"]
    opened = client.post(
        f"/api/v1/employer/postings/{posting_id}/status",
        {"status": "open"},
        content_type="application/json",
    )
    assert opened.json()["status"] == "open"
    stranger = _client(accounts_testing.employer())
    refused = stranger.patch(
        f"/api/v1/employer/postings/{posting_id}",
        {"openings": 9},
        content_type="application/json",
    )
    assert refused.status_code == 403


def test_a_seeker_reads_their_match_and_applies_once_through_the_api() -> None:
    world = jobs_world()
    seeker, award = holder(world.credential)
    client = _client(seeker)
    match = client.get(f"/api/v1/postings/{world.posting.pk}/match").json()
    assert match["band"] == "strong"
    assert abs(sum(p["contribution"] for p in match["parts"]) - match["score"]) < 1e-9
    for _ in range(2):
        response = client.post(
            f"/api/v1/postings/{world.posting.pk}/applications",
            {"message": "Hello", "awards": [award.pk]},
            content_type="application/json",
        )
        assert response.status_code == 201
    assert Application.objects.count() == 1
    mine = client.get("/api/v1/applications").json()
    assert [a["posting"] for a in mine] == [world.posting.pk]
