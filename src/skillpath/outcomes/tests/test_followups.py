"""Follow-ups are scheduled for consenting holders, sent once, reminded, closed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from skillpath.common.models import OutgoingMail
from skillpath.credentials.models import Award, AwardStatus
from skillpath.outcomes.models import FollowUp, FollowUpState
from skillpath.outcomes.services.followups import follow_ups_schedule, follow_ups_send
from skillpath.outcomes.services.sweep import outcomes_sweep
from skillpath.outcomes.testing import consenting_holder, first_follow_up

pytestmark = pytest.mark.django_db


def test_a_consenting_holder_gets_the_schedule_of_their_award_once() -> None:
    held = consenting_holder()
    other = consenting_holder(held.world, consent=False)
    assert follow_ups_schedule() == 1
    assert follow_ups_schedule() == 0
    surveys = list(FollowUp.objects.filter(award=held.award).order_by("due_on"))
    kinds = sorted(kind for survey in surveys for kind in survey.kinds)
    assert kinds == sorted(["month_3", "month_6", "month_12", "quarter_2", "quarter_4"])
    assert {s.state for s in surveys} == {FollowUpState.SCHEDULED}
    assert all(s.due_on > timezone.localdate(held.award.valid_from) for s in surveys)
    assert not FollowUp.objects.filter(learner=other.learner).exists()


def test_surveys_whose_time_passed_before_consent_are_created_cancelled() -> None:
    held = consenting_holder(awarded_days_ago=200)
    follow_ups_schedule()
    states = dict(
        FollowUp.objects.filter(award=held.award).values_list("due_on", "state")
    )
    today = timezone.localdate()
    for due_on, state in states.items():
        expected = (
            FollowUpState.CANCELLED
            if (today - due_on).days >= 28
            else FollowUpState.SCHEDULED
        )
        assert state == expected, due_on
    assert FollowUpState.CANCELLED in states.values()


def test_a_due_survey_is_sent_once_with_one_mail_even_when_swept_twice() -> None:
    held = consenting_holder(awarded_days_ago=95)
    follow_ups_schedule()
    first = first_follow_up(held.award)
    assert first.due_on <= timezone.localdate()
    assert follow_ups_send() == 1
    assert follow_ups_send() == 0
    first.refresh_from_db()
    assert first.state == FollowUpState.SENT
    assert first.expires_on == timezone.localdate() + dt.timedelta(days=30)
    mails = OutgoingMail.objects.filter(key__startswith=f"follow-up:{first.pk}:")
    assert list(mails.values_list("key", "to")) == [
        (f"follow-up:{first.pk}:0", held.learner.email)
    ]
    assert "/outcomes/s/" in mails.get().body


def test_reminders_go_after_7_and_14_days_and_the_survey_closes_at_28() -> None:
    held = consenting_holder(awarded_days_ago=95)
    follow_ups_schedule()
    sent_at = timezone.now()
    follow_ups_send(now=sent_at)
    survey = first_follow_up(held.award)
    keys = lambda: sorted(  # noqa: E731
        OutgoingMail.objects.filter(
            key__startswith=f"follow-up:{survey.pk}:"
        ).values_list("key", flat=True)
    )
    follow_ups_send(now=sent_at + dt.timedelta(days=6))
    assert len(keys()) == 1
    follow_ups_send(now=sent_at + dt.timedelta(days=7))
    follow_ups_send(now=sent_at + dt.timedelta(days=8))
    assert keys() == [f"follow-up:{survey.pk}:0", f"follow-up:{survey.pk}:1"]
    follow_ups_send(now=sent_at + dt.timedelta(days=14))
    follow_ups_send(now=sent_at + dt.timedelta(days=20))
    assert len(keys()) == 3
    survey.refresh_from_db()
    assert survey.reminders_sent == 2 and survey.state == FollowUpState.SENT
    follow_ups_send(now=sent_at + dt.timedelta(days=28))
    survey.refresh_from_db()
    assert survey.state == FollowUpState.NO_ANSWER and survey.closed_at is not None
    assert len(keys()) == 3


def test_a_revoked_award_is_not_followed_up() -> None:
    held = consenting_holder(awarded_days_ago=95)
    follow_ups_schedule()
    Award.objects.filter(pk=held.award.pk).update(
        status=AwardStatus.REVOKED, revoked_at=timezone.now()
    )
    assert follow_ups_send() == 0
    assert not FollowUp.objects.filter(
        award=held.award, state=FollowUpState.SCHEDULED
    ).exists()
    assert not OutgoingMail.objects.filter(key__startswith="follow-up:").exists()


def test_the_sweep_schedules_and_sends_in_one_run() -> None:
    held = consenting_holder(awarded_days_ago=95)
    assert outcomes_sweep() == 1
    assert first_follow_up(held.award).state == FollowUpState.SENT
