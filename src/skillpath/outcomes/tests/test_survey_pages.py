"""Survey pages: the e-mailed link works once, expires, opens only its own survey;
the dashboard lists a learner's own surveys and nobody else's."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from skillpath.common.models import OutgoingMail
from skillpath.outcomes.links import SALT, survey_token
from skillpath.outcomes.models import FollowUp, FollowUpAnswer, FollowUpState
from skillpath.outcomes.services.followups import follow_ups_schedule, follow_ups_send
from skillpath.outcomes.testing import HolderWorld, consenting_holder, first_follow_up

pytestmark = pytest.mark.django_db

ANSWER = {
    "employed": "yes",
    "noc_code": "42202",
    "employer_name": "Little Steps",
    "wage": "22",
    "wage_unit": "hour",
    "hours_per_week": "35",
    "credential_helped": "5",
}


def _sent(held: HolderWorld | None = None) -> tuple[HolderWorld, FollowUp]:
    held = held or consenting_holder(awarded_days_ago=95)
    follow_ups_schedule()
    follow_ups_send()
    return held, first_follow_up(held.award)


def _mailed_link(follow_up: FollowUp) -> str:
    body = OutgoingMail.objects.get(key=f"follow-up:{follow_up.pk}:0").body
    match = re.search(r"https?://\S+/outcomes/s/\S+/", body)
    assert match, body
    return urlsplit(match.group(0)).path


def test_the_mailed_link_opens_the_survey_without_signing_in_and_works_once() -> None:
    _held, survey = _sent()
    link = _mailed_link(survey)
    client = Client()
    page = client.get(link)
    assert page.status_code == 200
    assert "How is work going?" in page.content.decode()
    done = client.post(link, ANSWER)
    assert done.status_code == 200
    assert "Your answers are saved" in done.content.decode()
    answer = FollowUpAnswer.objects.get(follow_up=survey)
    assert answer.via == "link"
    again = client.post(link, ANSWER | {"wage": "50"})
    assert again.status_code == 409
    assert FollowUpAnswer.objects.get().wage == 22
    assert "answered already" in client.get(link).content.decode()


def test_a_bad_answer_on_the_page_names_the_field_and_saves_nothing() -> None:
    _held, survey = _sent()
    page = Client().post(_mailed_link(survey), ANSWER | {"hours_per_week": "200"})
    assert page.status_code == 422
    html = page.content.decode()
    assert 'id="id_hours_per_week_error"' in html
    assert "at most 168" in html
    assert not FollowUpAnswer.objects.exists()
    survey.refresh_from_db()
    assert survey.state == FollowUpState.SENT


def test_an_expired_link_opens_nothing() -> None:
    _held, survey = _sent()
    link = _mailed_link(survey)
    FollowUp.objects.filter(pk=survey.pk).update(
        expires_on=timezone.localdate() - dt.timedelta(days=1)
    )
    page = Client().get(link)
    assert page.status_code == 404
    assert "expired" in page.content.decode()


def test_a_link_signed_long_ago_opens_nothing_even_if_the_survey_is_open() -> None:
    _held, survey = _sent()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(0)
        )
        old = survey_token(survey)
    assert Client().get(reverse("outcomes:survey_link", args=[old])).status_code == 404


def test_a_link_cannot_open_another_learners_survey() -> None:
    held, survey = _sent()
    _other, theirs = _sent(consenting_holder(held.world, awarded_days_ago=95))
    # Their survey's id signed with this learner's id: a forged pairing opens nothing.
    forged = signing.dumps(
        {"f": str(theirs.public_id), "l": held.learner.pk}, salt=SALT
    )
    assert (
        Client().get(reverse("outcomes:survey_link", args=[forged])).status_code == 404
    )
    # A token tampered with fails its signature.
    token = survey_token(survey)
    tampered = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    assert (
        Client().get(reverse("outcomes:survey_link", args=[tampered])).status_code
        == 404
    )
    # Signed for something else (another salt): opens nothing.
    other_salt = signing.dumps({"f": str(survey.public_id), "l": held.learner.pk})
    assert (
        Client().get(reverse("outcomes:survey_link", args=[other_salt])).status_code
        == 404
    )
    assert not FollowUpAnswer.objects.exists()


def test_declining_by_link_uses_it_up() -> None:
    _held, survey = _sent()
    link = _mailed_link(survey)
    client = Client()
    declined = client.post(link + "decline/")
    assert declined.status_code == 200
    survey.refresh_from_db()
    assert survey.state == FollowUpState.DECLINED
    assert client.post(link, ANSWER).status_code == 409
    assert not FollowUpAnswer.objects.exists()


def test_the_dashboard_lists_own_open_surveys_and_answers_them() -> None:
    held, survey = _sent()
    client = Client()
    client.force_login(held.learner)
    dashboard = client.get(reverse("web:dashboard")).content.decode()
    url = reverse("outcomes:survey", args=[survey.public_id])
    assert url in dashboard
    done = client.post(url, ANSWER)
    assert done.status_code == 200
    assert FollowUpAnswer.objects.get(follow_up=survey).via == "dashboard"
    assert url not in client.get(reverse("web:dashboard")).content.decode()


def test_a_learner_never_sees_another_learners_survey() -> None:
    held, survey = _sent()
    other, _theirs = _sent(consenting_holder(held.world, awarded_days_ago=95))
    client = Client()
    client.force_login(other.learner)
    url = reverse("outcomes:survey", args=[survey.public_id])
    assert client.get(url).status_code == 404
    assert client.post(url, ANSWER).status_code == 404
    assert (
        client.post(
            reverse("outcomes:survey_decline", args=[survey.public_id])
        ).status_code
        == 404
    )
    assert url not in client.get(reverse("web:dashboard")).content.decode()
    survey.refresh_from_db()
    assert survey.state == FollowUpState.SENT


def test_withdrawing_consent_on_the_dashboard_cancels_the_open_survey() -> None:
    held, survey = _sent()
    client = Client()
    client.force_login(held.learner)
    response = client.post(reverse("outcomes:consent"), {"granted": "0"})
    assert response.status_code == 303
    survey.refresh_from_db()
    assert survey.state == FollowUpState.CANCELLED
    assert Client().get(_mailed_link(survey)).status_code == 200  # page says closed
    assert "closed" in Client().get(_mailed_link(survey)).content.decode()
    assert Client().post(_mailed_link(survey), ANSWER).status_code == 409


def test_the_baseline_page_offers_consent_then_records_the_starting_point() -> None:
    held = consenting_holder(consent=False)
    client = Client()
    client.force_login(held.learner)
    page = client.get(reverse("outcomes:baseline")).content.decode()
    assert "Follow-up surveys are off" in page
    assert "Nobody sees your answers individually" in page
    client.post(
        reverse("outcomes:consent"),
        {"granted": "1", "next": reverse("outcomes:baseline")},
    )
    bad = client.post(reverse("outcomes:baseline"), ANSWER | {"wage": "-4"})
    assert bad.status_code == 422
    assert 'id="id_wage_error"' in bad.content.decode()
    done = client.post(reverse("outcomes:baseline"), ANSWER)
    assert done.status_code == 303
    assert held.learner.outcome_baseline.employed is True
