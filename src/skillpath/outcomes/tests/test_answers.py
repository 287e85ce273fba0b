"""Answers: bad ones refused with the field named and nothing saved; one answer each."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from skillpath.common.models import AuditEvent, MailStatus, OutgoingMail
from skillpath.outcomes.exceptions import InvalidAnswer, SurveyClosed
from skillpath.outcomes.models import FollowUp, FollowUpAnswer, FollowUpState
from skillpath.outcomes.services.followups import (
    follow_up_answer,
    follow_up_bounce,
    follow_up_decline,
    follow_ups_schedule,
    follow_ups_send,
)
from skillpath.outcomes.testing import consenting_holder, first_follow_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey() -> FollowUp:
    held = consenting_holder(awarded_days_ago=95)
    follow_ups_schedule()
    follow_ups_send()
    return first_follow_up(held.award)


def good(**changes: object) -> dict[str, object]:
    return {
        "via": "link",
        "employed": True,
        "started_on": timezone.localdate() - dt.timedelta(days=30),
        "noc_code": "42202",
        "employer_name": "Little Steps Daycare",
        "wage": "21.50",
        "wage_unit": "hour",
        "hours_per_week": "37.5",
        "credential_helped": 4,
    } | changes


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"wage": "-1"}, "wage"),
        ({"wage": "lots"}, "wage"),
        ({"hours_per_week": "169"}, "hours_per_week"),
        ({"hours_per_week": "0"}, "hours_per_week"),
        ({"hours_per_week": "-5"}, "hours_per_week"),
        ({"started_on": dt.date(2020, 1, 1)}, "started_on"),
        ({"noc_code": "99999"}, "noc_code"),
        ({"noc_code": "4220"}, "noc_code"),
        ({"credential_helped": 6}, "credential_helped"),
        ({"wage_unit": ""}, "wage_unit"),
    ],
)
def test_a_bad_answer_is_refused_naming_the_field_and_nothing_is_saved(
    survey: FollowUp, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidAnswer) as refused:
        follow_up_answer(follow_up=survey, **good(**changes))  # type: ignore[arg-type]
    assert refused.value.field == field
    assert refused.value.details == [{"field": field, "message": refused.value.message}]
    survey.refresh_from_db()
    assert survey.state == FollowUpState.SENT
    assert not FollowUpAnswer.objects.exists()
    assert not AuditEvent.objects.filter(verb="follow_up_answer").exists()


def test_an_answer_in_the_credentials_occupation_is_in_field(survey: FollowUp) -> None:
    profile_noc = survey.award.credential.profile_version.profile.noc_code
    answer = follow_up_answer(follow_up=survey, **good(noc_code=profile_noc))  # type: ignore[arg-type]
    assert answer.in_field is True
    assert answer.wage == Decimal("21.50") and answer.hours_per_week == Decimal("37.5")
    survey.refresh_from_db()
    assert survey.state == FollowUpState.ANSWERED and survey.answered_at is not None


def test_an_answer_in_another_occupation_is_not_in_field(survey: FollowUp) -> None:
    profile_noc = survey.award.credential.profile_version.profile.noc_code
    other = "14400" if profile_noc != "14400" else "42202"
    answer = follow_up_answer(follow_up=survey, **good(noc_code=other))  # type: ignore[arg-type]
    assert answer.in_field is False


def test_not_employed_leaves_the_job_empty_whatever_was_sent(survey: FollowUp) -> None:
    answer = follow_up_answer(follow_up=survey, **good(employed=False, wage="-3"))  # type: ignore[arg-type]
    assert answer.employed is False
    assert answer.wage is None and answer.noc_code == "" and answer.in_field is None


def test_answering_twice_keeps_one_answer(survey: FollowUp) -> None:
    follow_up_answer(follow_up=survey, **good())  # type: ignore[arg-type]
    with pytest.raises(SurveyClosed):
        follow_up_answer(follow_up=survey, **good(wage="99"))  # type: ignore[arg-type]
    assert FollowUpAnswer.objects.get().wage == Decimal("21.50")


def test_answering_cancels_the_reminder_not_yet_sent(survey: FollowUp) -> None:
    follow_ups_send(now=timezone.now() + dt.timedelta(days=7))
    reminder = OutgoingMail.objects.get(key=f"follow-up:{survey.pk}:1")
    assert reminder.status == MailStatus.PENDING
    follow_up_answer(follow_up=survey, **good())  # type: ignore[arg-type]
    reminder.refresh_from_db()
    assert reminder.status == MailStatus.FAILED
    assert reminder.last_error.startswith("cancelled")


def test_a_declined_survey_cannot_be_answered(survey: FollowUp) -> None:
    follow_up_decline(follow_up=survey, via="dashboard")
    with pytest.raises(SurveyClosed):
        follow_up_answer(follow_up=survey, **good())  # type: ignore[arg-type]
    survey.refresh_from_db()
    assert survey.state == FollowUpState.DECLINED


def test_a_bounced_survey_stops_its_reminders(survey: FollowUp) -> None:
    follow_up_bounce(follow_up=survey, actor=None)
    survey.refresh_from_db()
    assert survey.state == FollowUpState.BOUNCED
    follow_ups_send(now=timezone.now() + dt.timedelta(days=8))
    assert not OutgoingMail.objects.filter(key=f"follow-up:{survey.pk}:1").exists()
