"""The privacy page: only the learner downloads; after deletion no page shows them."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.test import Client
from django.urls import reverse

from skillpath.accounts import testing
from skillpath.accounts.models import LearnerProfile, User
from skillpath.assessments.models import PriorLearningClaim
from skillpath.credentials.models import Award
from skillpath.privacy.services.deletion import DELETED_NAME
from skillpath.privacy.tests.world import NAME, person_world

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_only_the_learner_downloads_their_archive() -> None:
    world = person_world()
    response = _client(world.learner).get(reverse("privacy:export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        profile = json.loads(archive.read("profile.json"))
    assert profile["user"][0]["fields"]["email"] == world.email

    # Another learner gets their own archive, never this one.
    other = testing.learner()
    theirs = _client(other).get(reverse("privacy:export"))
    assert theirs.status_code == 200 and world.email.encode() not in theirs.content
    # People without a learner profile have no such page.
    for person in (world.jobs.coordinator, world.jobs.employer, testing.coordinator()):
        client = _client(person)
        assert client.get(reverse("privacy:export")).status_code == 404
        assert client.get(reverse("privacy:page")).status_code == 404
        assert (
            client.post(
                reverse("privacy:delete"), {"confirmation": world.email}
            ).status_code
            == 404
        )
    anonymous = Client().get(reverse("privacy:export"))
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert User.objects.get(pk=world.learner.pk).deleted_at is None


def test_the_page_is_linked_from_the_profile_and_refuses_a_wrong_confirmation() -> None:
    world = person_world()
    client = _client(world.learner)
    profile_page = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("privacy:page") in profile_page
    page = client.get(reverse("privacy:page")).content.decode()
    assert reverse("privacy:export") in page and 'name="confirmation"' in page
    refused = client.post(
        reverse("privacy:delete"), {"confirmation": "wrong@x.example"}
    )
    assert refused.status_code == 422
    assert "Type your e-mail address or your password" in refused.content.decode()
    empty = client.post(reverse("privacy:delete"), {"confirmation": ""})
    assert empty.status_code == 422
    assert User.objects.get(pk=world.learner.pk).full_name == NAME


def _pages(world, coordinator, assessor) -> dict[str, tuple[Client, str]]:
    profile = LearnerProfile.objects.get(user=world.learner)
    claim = PriorLearningClaim.objects.get(learner=world.learner)
    employer = _client(world.jobs.employer)
    coordinating = _client(coordinator)
    application = world.application.pk
    posting = world.jobs.posting.pk
    return {
        "employer candidates": (
            employer,
            reverse("jobs:candidates") + f"?posting={posting}",
        ),
        "employer candidate": (
            employer,
            reverse("jobs:candidate", args=[world.learner.pk]),
        ),
        "employer applications": (employer, reverse("jobs:employer_applications")),
        "employer application": (
            employer,
            reverse("jobs:employer_application", args=[application]),
        ),
        "api candidates": (employer, f"/api/v1/employer/candidates?posting={posting}"),
        "api candidate": (employer, f"/api/v1/employer/candidates/{world.learner.pk}"),
        "api applications": (employer, "/api/v1/employer/applications"),
        "api application": (employer, f"/api/v1/employer/applications/{application}"),
        "coordinator learner": (
            coordinating,
            reverse("accounts:learner", args=[profile.pk]),
        ),
        "coordinator awards issued": (
            coordinating,
            reverse("credentials:awards_issued"),
        ),
        "assessor queue": (_client(assessor), reverse("assessments:queue")),
        "assessor claim": (
            _client(assessor),
            reverse("assessments:claim_review", args=[claim.pk]),
        ),
        "public award page": (
            Client(),
            reverse("credentials:award_public", args=[world.award.public_id]),
        ),
    }


def test_after_deletion_no_page_or_api_shows_the_name_or_e_mail() -> None:
    world = person_world()
    credential = world.jobs.credential
    coordinator = testing.coordinator(credential.issuing_organisation)
    LearnerProfile.objects.filter(user=world.learner).update(
        home_organisation=credential.issuing_organisation
    )
    claim = PriorLearningClaim.objects.get(learner=world.learner)
    assessor = testing.assessor(claim.credential.issuing_organisation)
    Award.objects.filter(pk=world.award.pk).update(shared=True)

    shown_before = {
        label
        for label, (client, url) in _pages(world, coordinator, assessor).items()
        if NAME in client.get(url).content.decode()
    }
    # The name was on each of these pages before: the test can fail.
    assert shown_before == set(_pages(world, coordinator, assessor)), (
        set(_pages(world, coordinator, assessor)) - shown_before
    )

    pages = _pages(world, coordinator, assessor)
    learner = _client(world.learner)
    response = learner.post(reverse("privacy:delete"), {"confirmation": world.email})
    assert response.status_code == 303
    # Signed out: the session no longer belongs to anyone.
    assert learner.get(reverse("privacy:page")).status_code == 302
    assert not Client().login(email=world.email, password=testing.PASSWORD)

    for label, (client, url) in pages.items():
        answer = client.get(url)
        assert answer.status_code < 500, label
        body = answer.content.decode()
        assert NAME not in body, label
        assert world.email not in body, label
    applications = pages["employer application"]
    assert DELETED_NAME in applications[0].get(applications[1]).content.decode()
