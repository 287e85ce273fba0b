"""The posting pages: employers draft and open, seekers search, match, apply."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from skillpath.accounts import testing as accounts_testing
from skillpath.jobs.models import Application, JobPosting, PostingStatus
from skillpath.jobs.services import postings as posting_services
from skillpath.jobs.testing import holder, jobs_world, posting_fields

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_employer_drafts_a_posting_from_the_page_and_bad_wages_write_nothing() -> None:
    world = jobs_world(open_posting=False)
    client = _client(world.employer)
    data = posting_fields(wage_min="25", wage_max="20") | {
        "employer": world.employer_org.pk,
        "profile_version": world.credential.profile_version.pk,
    }
    before = JobPosting.objects.count()
    page = client.post(reverse("jobs:posting_new"), data)
    assert page.status_code == 200
    assert "above the highest wage" in page.content.decode()
    assert JobPosting.objects.count() == before
    data |= {"wage_min": "19", "wage_max": "22"}
    done = client.post(reverse("jobs:posting_new"), data)
    assert done.status_code == 303
    posting = JobPosting.objects.latest("pk")
    assert posting.requirements.count() == 3
    opened = client.post(
        reverse("jobs:posting_status", args=[posting.pk]), {"status": "open"}
    )
    assert opened.status_code == 303
    posting.refresh_from_db()
    assert posting.status == PostingStatus.OPEN


def test_a_learner_cannot_reach_the_employer_pages() -> None:
    world = jobs_world()
    client = _client(accounts_testing.learner())
    assert client.get(reverse("jobs:posting_new")).status_code == 403
    assert (
        client.get(reverse("jobs:posting_edit", args=[world.posting.pk])).status_code
        == 403
    )
    other = _client(accounts_testing.employer())
    assert (
        other.get(reverse("jobs:posting_edit", args=[world.posting.pk])).status_code
        == 403
    )


def test_open_postings_are_public_and_drafts_are_not() -> None:
    world = jobs_world()
    draft = posting_services.posting_create(
        employer=world.employer_org,
        created_by=world.employer,
        profile_version=world.credential.profile_version,
        **posting_fields(title="Secret draft"),
    )
    anonymous = Client()
    listing = anonymous.get(reverse("jobs:postings")).content.decode()
    assert world.posting.title in listing and "Secret draft" not in listing
    assert anonymous.get(reverse("jobs:posting", args=[draft.pk])).status_code == 404
    assert anonymous.get(world.posting.get_absolute_url()).status_code == 200


def test_a_holder_sees_a_strong_band_and_applies_once_from_the_page() -> None:
    world = jobs_world()
    seeker, award = holder(world.credential)
    client = _client(seeker)
    listing = client.get(reverse("jobs:postings"), {"matching": "on"}).content.decode()
    assert "Strong match" in listing and world.posting.title in listing
    detail = client.get(world.posting.get_absolute_url()).content.decode()
    assert "your credential" in detail
    for _ in range(2):
        response = client.post(
            reverse("jobs:apply", args=[world.posting.pk]),
            {"message": "I hold the credential.", "awards": [award.pk]},
        )
        assert response.status_code == 303
    assert Application.objects.filter(seeker=seeker).count() == 1


def test_a_seeker_with_a_gap_sees_what_is_short_and_a_closed_posting_says_so() -> None:
    world = jobs_world()
    seeker = accounts_testing.learner()
    client = _client(seeker)
    detail = client.get(world.posting.get_absolute_url()).content.decode()
    assert "Close the gap" in detail and "short" in detail
    posting_services.posting_close(
        posting=world.posting, closed_by=world.employer, status=PostingStatus.CLOSED
    )
    response = client.post(
        reverse("jobs:apply", args=[world.posting.pk]), {"message": ""}, follow=True
    )
    assert "no longer takes applications" in response.content.decode()
    assert not Application.objects.exists()


def test_a_seeker_cannot_open_another_seekers_application() -> None:
    world = jobs_world()
    seeker, _ = holder(world.credential)
    client = _client(seeker)
    client.post(reverse("jobs:apply", args=[world.posting.pk]), {"message": "x"})
    application = Application.objects.get()
    assert client.get(application.get_absolute_url()).status_code == 200
    other = _client(accounts_testing.learner())
    assert other.get(application.get_absolute_url()).status_code == 404
    assert (
        other.post(reverse("jobs:withdraw", args=[application.pk])).status_code == 404
    )


def test_coordinators_see_postings_on_their_colleges_profiles_only() -> None:
    world = jobs_world()
    mine = _client(world.coordinator).get(reverse("jobs:coordinator_postings"))
    assert world.posting.title in mine.content.decode()
    other = _client(accounts_testing.coordinator())
    page = other.get(reverse("jobs:coordinator_postings")).content.decode()
    assert world.posting.title not in page
