"""The employer's pipeline: own postings only, counts per stage, moves, history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from skillpath.accounts import services as account_services
from skillpath.accounts import testing as accounts_testing
from skillpath.jobs.models import Application, ApplicationEvent, ApplicationStatus
from skillpath.jobs.services import applications as services
from skillpath.jobs.services import postings as posting_services
from skillpath.jobs.testing import holder, jobs_world, posting_fields

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _applied(world, *, share: bool = True, name: str = "") -> Application:
    seeker, award = holder(world.credential, share=share, name=name)
    return services.application_create(
        seeker=seeker, posting=world.posting, message="I hold it.", awards=[award]
    )


def test_the_employer_sees_only_applications_to_its_own_postings() -> None:
    world = jobs_world()
    mine = _applied(world, name="Zoe Mine")
    other = jobs_world()
    theirs = _applied(other, name="Theo Theirs")
    client = _client(world.employer)
    listing = client.get(reverse("jobs:employer_applications")).content.decode()
    assert "Zoe Mine" in listing and "Theo Theirs" not in listing
    assert (
        client.get(reverse("jobs:employer_application", args=[mine.pk])).status_code
        == 200
    )
    assert (
        client.get(reverse("jobs:employer_application", args=[theirs.pk])).status_code
        == 404
    )
    moved = client.post(
        reverse("jobs:employer_application_move", args=[theirs.pk]),
        {"to_status": "screened", "from_status": "applied"},
    )
    assert moved.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == ApplicationStatus.APPLIED


def test_the_list_filters_by_posting_and_stage_and_counts_every_stage() -> None:
    world = jobs_world()
    first = _applied(world, name="Ann First")
    _applied(world, name="Bob Second")
    second_posting = posting_services.posting_open(
        posting=posting_services.posting_create(
            employer=world.employer_org,
            created_by=world.employer,
            profile_version=world.credential.profile_version,
            **posting_fields(city="Red Deer"),
        ),
        opened_by=world.employer,
    )
    seeker, _ = holder(world.credential, name="Cat Third")
    services.application_create(seeker=seeker, posting=second_posting)
    services.application_move(
        application=first, moved_by=world.employer, to_status="screened"
    )
    client = _client(world.employer)
    url = reverse("jobs:employer_applications")
    everything = client.get(url)
    stages = {s["status"]: s["count"] for s in everything.context["stages"]}
    assert stages["applied"] == 2 and stages["screened"] == 1
    assert stages["hired"] == 0 and "withdrawn" in stages
    screened = client.get(url, {"status": "screened"}).content.decode()
    assert "Ann First" in screened and "Bob Second" not in screened
    by_posting = client.get(url, {"posting": second_posting.pk}).content.decode()
    assert "Cat Third" in by_posting and "Ann First" not in by_posting


def test_the_application_page_shows_message_credentials_verified_match_and_history() -> (
    None
):
    world = jobs_world()
    application = _applied(world, name="Zoe Strong")
    services.application_move(
        application=application,
        moved_by=world.employer,
        to_status="screened",
        note="Good call.",
        on_date=dt.date(2026, 12, 4),
    )
    page = _client(world.employer).get(
        reverse("jobs:employer_application", args=[application.pk])
    )
    body = page.content.decode()
    assert "I hold it." in body
    assert world.credential.title in body and ">Verified<" in body
    assert "Each requirement against what they have shown" in body
    assert "Good call." in body and "Dec. 4, 2026" in body
    assert 'value="interview"' in body and 'value="applied"' not in body


def test_moves_follow_allowed_moves_and_a_bad_move_writes_nothing() -> None:
    world = jobs_world()
    application = _applied(world)
    client = _client(world.employer)
    url = reverse("jobs:employer_application_move", args=[application.pk])
    events = ApplicationEvent.objects.filter(application=application)
    assert events.count() == 1
    response = client.post(
        url, {"to_status": "applied", "from_status": "applied"}, follow=True
    )
    assert "cannot move to “Applied”" in response.content.decode()
    response = client.post(url, {"to_status": "bogus", "from_status": "applied"})
    assert response.status_code == 303
    far = client.post(
        url,
        {"to_status": "screened", "from_status": "applied", "on_date": "2030-01-01"},
        follow=True,
    )
    assert "within the next year" in far.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPLIED
    assert events.count() == 1
    for step in ("screened", "interview", "offer", "hired"):
        client.post(url, {"to_status": step, "from_status": application.status})
        application.refresh_from_db()
        assert application.status == step
    assert list(events.values_list("to_status", flat=True)) == [
        "applied",
        "screened",
        "interview",
        "offer",
        "hired",
    ]
    done = client.get(reverse("jobs:employer_application", args=[application.pk]))
    assert "it moves no further" in done.content.decode()


def test_a_double_submit_of_a_move_makes_one_event() -> None:
    world = jobs_world()
    application = _applied(world)
    client = _client(world.employer)
    url = reverse("jobs:employer_application_move", args=[application.pk])
    form = {"to_status": "screened", "from_status": "applied", "note": "Phone call"}
    first = client.post(url, form)
    second = client.post(url, form, follow=True)
    assert first.status_code == 303
    assert "Moved to “Screened”" in second.content.decode()
    assert "cannot move" not in second.content.decode()
    assert (
        ApplicationEvent.objects.filter(
            application=application, to_status="screened"
        ).count()
        == 1
    )


def test_applications_stay_visible_after_consent_is_withdrawn() -> None:
    world = jobs_world()
    application = _applied(world, name="Zoe Strong")
    profile = application.seeker.learner_profile
    profile.share_with_employers = False
    profile.save()
    client = _client(world.employer)
    assert "Zoe Strong" in (
        client.get(reverse("jobs:employer_applications")).content.decode()
    )
    page = client.get(reverse("jobs:employer_application", args=[application.pk]))
    assert page.status_code == 200 and ">Verified<" in page.content.decode()
    assert (
        client.get(reverse("jobs:candidate", args=[application.seeker_id])).status_code
        == 404
    )


def test_the_seekers_application_url_sends_the_employer_to_the_pipeline_page() -> None:
    world = jobs_world()
    application = _applied(world)
    response = _client(world.employer).get(
        reverse("jobs:application", args=[application.pk])
    )
    assert response["Location"] == reverse(
        "jobs:employer_application", args=[application.pk]
    )


def test_learners_and_other_employers_get_no_pipeline() -> None:
    world = jobs_world()
    application = _applied(world)
    assert (
        _client(application.seeker)
        .get(reverse("jobs:employer_applications"))
        .status_code
        == 403
    )
    assert (
        _client(application.seeker)
        .get(reverse("jobs:employer_application", args=[application.pk]))
        .status_code
        == 404
    )
    stranger = _client(accounts_testing.employer())
    assert (
        "I hold it."
        not in stranger.get(reverse("jobs:employer_applications")).content.decode()
    )


# The API


def _bearer(user) -> dict[str, str]:
    _token, key = account_services.token_create(user=user, name="t")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_api_pipeline_lists_own_applications_with_counts_and_moves_them() -> None:
    world = jobs_world()
    application = _applied(world, name="Zoe Strong")
    other = _applied(jobs_world(), name="Theo Theirs")
    headers = _bearer(world.employer)
    listing = Client().get("/api/v1/employer/applications", **headers).json()
    assert [a["seeker"]["name"] for a in listing["applications"]] == ["Zoe Strong"]
    assert {s["status"]: s["count"] for s in listing["stages"]}["applied"] == 1
    one = Client().get(f"/api/v1/employer/applications/{application.pk}", **headers)
    body = one.json()
    assert body["credentials"][0]["state"] == "verified"
    assert body["allowed_moves"][0] == "screened"
    assert [e["to_status"] for e in body["events"]] == ["applied"]
    url = f"/api/v1/employer/applications/{application.pk}/move"
    bad = Client().post(
        url, {"to_status": "hired_now"}, content_type="application/json", **headers
    )
    assert bad.status_code == 422
    assert bad.json()["error"]["details"][0]["field"] == "to_status"
    for _ in range(2):
        moved = Client().post(
            url,
            {"to_status": "screened", "note": "Call", "on_date": "2026-12-10"},
            content_type="application/json",
            **headers,
        )
        assert moved.status_code == 200
    events = moved.json()["events"]
    assert [e["to_status"] for e in events] == ["applied", "screened"]
    assert events[1]["note"] == "Call" and events[1]["on_date"] == "2026-12-10"
    foreign = Client().get(f"/api/v1/employer/applications/{other.pk}", **headers)
    assert foreign.status_code == 404
    foreign_move = Client().post(
        f"/api/v1/employer/applications/{other.pk}/move",
        {"to_status": "screened"},
        content_type="application/json",
        **headers,
    )
    assert foreign_move.status_code == 404
    other.refresh_from_db()
    assert other.status == "applied"


def test_api_pipeline_refuses_learner_tokens_and_keeps_withdrawn_consent_visible() -> (
    None
):
    world = jobs_world()
    application = _applied(world, name="Zoe Strong")
    learner = _bearer(application.seeker)
    assert Client().get("/api/v1/employer/applications", **learner).status_code == 403
    assert (
        Client()
        .get(f"/api/v1/employer/applications/{application.pk}", **learner)
        .status_code
        == 403
    )
    profile = application.seeker.learner_profile
    profile.share_with_employers = False
    profile.save()
    headers = _bearer(world.employer)
    still = Client().get(f"/api/v1/employer/applications/{application.pk}", **headers)
    assert still.status_code == 200 and still.json()["seeker"]["name"] == "Zoe Strong"
