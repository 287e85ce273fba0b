"""Requirements from a pasted job ad: suggestions, accepting, rejecting, access."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from skillpath.accounts import testing as accounts_testing
from skillpath.common.models import AuditEvent
from skillpath.frameworks import testing as frameworks_testing
from skillpath.frameworks.models import Competency
from skillpath.jobs.exceptions import InvalidAd, NotAllowed
from skillpath.jobs.models import PostingRequirement, RequirementOrigin
from skillpath.jobs.services import postings as posting_services
from skillpath.jobs.services.extraction import ad_suggestions
from skillpath.jobs.testing import JobsWorld, jobs_world

pytestmark = pytest.mark.django_db

AD = """Warehouse associate – Calgary
We are a busy distribution centre.
- Drive a forklift safely between the racks.
- Apply FIFO so the oldest stock leaves first.
We offer benefits after three months."""


def _world() -> tuple[JobsWorld, Competency, Competency]:
    """A draft posting whose profile's framework also holds two warehouse skills."""
    world = jobs_world(open_posting=False)
    framework = world.posting.requirements.first().competency.framework
    forklift = frameworks_testing.competency(
        framework, title="Operate a forklift safely"
    )
    rotation = frameworks_testing.competency(
        framework, title="Stock rotation methods (FIFO, FEFO)"
    )
    return world, forklift, rotation


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_ad_suggests_the_frameworks_competencies_with_their_sentences() -> None:
    world, forklift, rotation = _world()
    found = {
        s.competency.pk: s
        for s in ad_suggestions(posting=world.posting, user=world.employer, text=AD)
    }
    assert found[rotation.pk].method == "label"
    assert found[rotation.pk].confidence == 1.0
    assert found[rotation.pk].sentence == "Apply FIFO so the oldest stock leaves first."
    assert found[forklift.pk].method == "similarity"
    assert found[forklift.pk].sentence == "Drive a forklift safely between the racks."
    assert 0 < found[forklift.pk].percent <= 100
    assert not found[forklift.pk].required


def test_a_competency_outside_the_postings_frameworks_is_never_suggested() -> None:
    world, _forklift, _rotation = _world()
    elsewhere = frameworks_testing.competency(title="Operate a forklift safely")
    found = ad_suggestions(posting=world.posting, user=world.employer, text=AD)
    assert elsewhere.pk not in {s.competency.pk for s in found}


def test_a_new_competency_is_suggested_once_the_framework_changes() -> None:
    world, _forklift, _rotation = _world()
    ad_suggestions(posting=world.posting, user=world.employer, text=AD)
    framework = world.posting.requirements.first().competency.framework
    scanners = frameworks_testing.competency(
        framework, title="Use handheld barcode scanners"
    )
    found = ad_suggestions(
        posting=world.posting,
        user=world.employer,
        text="You will use handheld barcode scanners all day.",
    )
    assert scanners.pk in {s.competency.pk for s in found}


@pytest.mark.parametrize(
    ("text", "message"),
    [("   \n ", "The ad is empty"), ("Drive. " * 4000, "paste at most 20,000")],
)
def test_an_empty_or_too_long_ad_is_refused_with_a_clear_message(
    text: str, message: str
) -> None:
    world, _forklift, _rotation = _world()
    with pytest.raises(InvalidAd, match=message):
        ad_suggestions(posting=world.posting, user=world.employer, text=text)


def test_another_employer_cannot_read_suggestions_for_the_posting() -> None:
    world, _forklift, _rotation = _world()
    with pytest.raises(NotAllowed):
        ad_suggestions(posting=world.posting, user=accounts_testing.employer(), text=AD)


def test_an_open_posting_takes_no_suggestions() -> None:
    world, _forklift, _rotation = _world()
    posting = posting_services.posting_open(
        posting=world.posting, opened_by=world.employer
    )
    with pytest.raises(InvalidAd, match="only while the posting is a draft"):
        ad_suggestions(posting=posting, user=world.employer, text=AD)


def test_the_page_shows_suggestions_with_sentence_and_confidence() -> None:
    world, forklift, _rotation = _world()
    client = _client(world.employer)
    url = reverse("jobs:posting_from_ad", args=[world.posting.pk])
    assert client.get(url).status_code == 200
    page = client.post(url, {"text": AD}, HTTP_HX_REQUEST="true")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<html" not in html  # the fragment only
    assert "Operate a forklift safely" in html
    assert "Drive a forklift safely between the racks." in html
    assert "100% confident" in html
    assert f'id="suggestion-{forklift.pk}"' in html


def test_an_empty_ad_on_the_page_is_a_form_error_and_writes_nothing() -> None:
    world, _forklift, _rotation = _world()
    client = _client(world.employer)
    before = PostingRequirement.objects.count()
    page = client.post(
        reverse("jobs:posting_from_ad", args=[world.posting.pk]), {"text": "—"}
    )
    assert page.status_code == 200
    assert "The ad is empty" in page.content.decode()
    assert PostingRequirement.objects.count() == before


def test_accepting_adds_the_requirement_with_its_sentence_and_an_audit() -> None:
    world, forklift, _rotation = _world()
    client = _client(world.employer)
    answer = client.post(
        reverse("jobs:posting_ad_decision", args=[world.posting.pk]),
        {
            "competency": forklift.pk,
            "sentence": "Drive a forklift safely between the racks.",
            "required_level": 3,
            "essential": "on",
            "decision": "accept",
        },
        HTTP_HX_REQUEST="true",
    )
    assert answer.status_code == 200
    assert "Accepted" in answer.content.decode()
    requirement = PostingRequirement.objects.get(
        posting=world.posting, competency=forklift
    )
    assert requirement.origin == RequirementOrigin.AD
    assert requirement.source_sentence == "Drive a forklift safely between the racks."
    assert (requirement.required_level, requirement.essential) == (3, True)
    assert AuditEvent.objects.filter(
        verb="posting_requirement_set", data__competency=forklift.pk
    ).exists()
    again = ad_suggestions(posting=world.posting, user=world.employer, text=AD)
    assert {s.competency.pk: s.required for s in again}[forklift.pk]


def test_rejecting_writes_nothing() -> None:
    world, forklift, _rotation = _world()
    client = _client(world.employer)
    before = PostingRequirement.objects.count()
    answer = client.post(
        reverse("jobs:posting_ad_decision", args=[world.posting.pk]),
        {
            "competency": forklift.pk,
            "sentence": "x",
            "required_level": 2,
            "decision": "reject",
        },
    )
    assert answer.status_code == 303
    assert PostingRequirement.objects.count() == before


def test_a_competency_from_another_framework_cannot_be_accepted() -> None:
    world, _forklift, _rotation = _world()
    elsewhere = frameworks_testing.competency(title="Operate a forklift safely")
    client = _client(world.employer)
    client.post(
        reverse("jobs:posting_ad_decision", args=[world.posting.pk]),
        {
            "competency": elsewhere.pk,
            "sentence": "x",
            "required_level": 2,
            "decision": "accept",
        },
    )
    assert not PostingRequirement.objects.filter(competency=elsewhere).exists()


def test_only_the_postings_employer_reaches_the_ad_pages() -> None:
    world, forklift, _rotation = _world()
    for stranger in (accounts_testing.employer(), accounts_testing.learner()):
        client = _client(stranger)
        url = reverse("jobs:posting_from_ad", args=[world.posting.pk])
        assert client.get(url).status_code == 403
        assert client.post(url, {"text": AD}).status_code == 403
        decision = client.post(
            reverse("jobs:posting_ad_decision", args=[world.posting.pk]),
            {
                "competency": forklift.pk,
                "sentence": "x",
                "required_level": 2,
                "decision": "accept",
            },
        )
        assert decision.status_code == 403
    assert not PostingRequirement.objects.filter(competency=forklift).exists()


def test_the_suggestions_read_in_french_for_a_french_ad() -> None:
    world, forklift, _rotation = _world()
    forklift.title_fr = "Conduire un chariot élévateur en toute sécurité"
    forklift.save()
    client = _client(world.employer)
    client.cookies["django_language"] = "fr"
    page = client.post(
        reverse("jobs:posting_from_ad", args=[world.posting.pk]),
        {"text": "Vous conduirez un chariot élévateur de façon sécuritaire."},
    )
    html = page.content.decode()
    assert "Compétences proposées" in html
    assert "Conduire un chariot élévateur en toute sécurité" in html
    assert "Vous conduirez un chariot élévateur de façon sécuritaire." in html
    assert "Confiance :" in html
