"""The catalogue and the definition pages: define, adjust, publish, CTDL."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from skillpath.accounts import testing
from skillpath.credentials import testing as factories
from skillpath.credentials.models import CredentialState, MicroCredential
from skillpath.frameworks import services as framework_services
from skillpath.frameworks import testing as framework_factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Start and end each test in English (a request in French activates French)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_anyone_browses_the_catalogue_in_english_and_french(client: Client) -> None:
    credential = factories.published_credential()
    factories.draft_credential()
    page = client.get(reverse("credentials:catalogue")).content.decode()
    assert (
        credential.title_en in page and page.count('class="card credential-card"') == 1
    )
    french = client.get(
        reverse("credentials:catalogue"), headers={"accept-language": "fr"}
    ).content.decode()
    assert "Aide-éducatrice ou aide-éducateur à la petite enfance" in french
    found = client.get(
        reverse("credentials:catalogue"), {"q": "42202"}, HTTP_HX_REQUEST="true"
    )
    assert credential.title_en in found.content.decode()


def test_the_public_page_shows_competencies_levels_job_and_endorsers(
    client: Client,
) -> None:
    credential = factories.published_credential()
    page = client.get(credential.get_absolute_url()).content.decode()
    endorser = credential.profile_version.reviews.get().organisation
    assert endorser.name in page
    assert "NOC 2021 42202" in page
    assert "2 of 4" in page and "Performance task scored with a rubric" in page
    assert "Valid for 36 months." in page


def test_a_draft_is_not_public(client: Client) -> None:
    credential = factories.draft_credential()
    assert client.get(credential.get_absolute_url()).status_code == 404
    assert (
        client.get(reverse("credentials:ctdl", args=[credential.slug])).status_code
        == 404
    )


def test_ctdl_describes_a_micro_credential(client: Client) -> None:
    credential = factories.published_credential()
    response = client.get(reverse("credentials:ctdl", args=[credential.slug]))
    assert response["Content-Type"].startswith("application/ld+json")
    document = json.loads(response.content)
    assert document["@type"] == "ceterms:MicroCredential"
    assert document["ceterms:ctid"] == f"ce-{credential.public_id}"
    assert document["ceterms:name"]["fr"].startswith("Aide-éducatrice")
    competencies = document["ceterms:requires"][0]["ceterms:targetCompetency"]
    assert len(competencies) == 3
    assert competencies[0]["@type"] == "ceterms:CredentialAlignmentObject"
    assert document["ceterms:occupationType"][0]["ceterms:codedNotation"] == "42202"
    assert len(document["ceterms:recognizedBy"]) == 1
    assert document["ceterms:renewalFrequency"] == "P36M"


def test_a_coordinator_defines_adjusts_and_is_refused_before_endorsement() -> None:
    world, review = framework_factories.submitted_world()
    client = _client(world.coordinator)
    response = client.post(reverse("credentials:define"), {"version": world.version.pk})
    credential = MicroCredential.objects.get()
    assert response["Location"] == reverse("credentials:edit", args=[credential.slug])
    edit_url = reverse("credentials:edit", args=[credential.slug])
    data = {
        "op": "details",
        "title_en": "ECE assistant",
        "title_fr": "Aide en petite enfance",
        "description_en": "Safe, caring practice.",
        "description_fr": "",
        "criteria_en": "Every competency at its level.",
        "criteria_fr": "",
        "full_program_hours": "120",
        "validity_months": "24",
        "stacks_into": "",
        "stacks_into_url": "",
        "retake_cooldown_days": "7",
        "max_attempts": "2",
    }
    assert client.post(edit_url, data).status_code == 303
    requirement = credential.requirements.first()
    response = client.post(
        reverse("credentials:requirement_change", args=[credential.slug]),
        {
            "action": "save",
            "requirement": requirement.pk,
            f"r{requirement.pk}-required_level": "4",
            f"r{requirement.pk}-methods": ["adaptive_test", "evidence"],
        },
    )
    assert response.status_code == 303
    requirement.refresh_from_db()
    assert requirement.required_level == 4
    assert requirement.allowed_methods == ("adaptive_test", "evidence")
    response = client.post(
        reverse("credentials:publish", args=[credential.slug]), follow=True
    )
    page = response.content.decode()
    assert "Not published. No employer has endorsed version 1" in page
    credential.refresh_from_db()
    assert credential.state == CredentialState.DRAFT
    framework_services.review_decide(
        review=review, decided_by=world.employer, endorse=True
    )
    response = client.post(reverse("credentials:publish", args=[credential.slug]))
    assert response["Location"] == credential.get_absolute_url()
    credential.refresh_from_db()
    assert credential.state == CredentialState.PUBLISHED


def test_only_coordinators_of_the_issuer_manage_a_definition() -> None:
    credential = factories.draft_credential()
    outsider = _client(testing.coordinator())
    assert (
        outsider.get(reverse("credentials:edit", args=[credential.slug])).status_code
        == 404
    )
    assessor = _client(testing.assessor(credential.issuing_organisation))
    assert (
        assessor.get(reverse("credentials:edit", args=[credential.slug])).status_code
        == 403
    )
    assert (
        assessor.post(
            reverse("credentials:publish", args=[credential.slug])
        ).status_code
        == 403
    )
