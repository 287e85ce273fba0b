"""Consent: every change logged; withdrawing stops what is scheduled and queued."""

from __future__ import annotations

import pytest

from skillpath.accounts.models import LearnerProfile
from skillpath.common.mail import mail_deliver
from skillpath.common.models import MailStatus, OutgoingMail
from skillpath.outcomes.exceptions import InvalidAnswer, NotAllowed
from skillpath.outcomes.models import Baseline, ConsentEvent, FollowUp, FollowUpState
from skillpath.outcomes.services.baseline import baseline_record
from skillpath.outcomes.services.consent import (
    follow_up_consent_reconcile,
    follow_up_consent_set,
)
from skillpath.outcomes.services.followups import follow_ups_schedule, follow_ups_send
from skillpath.outcomes.testing import consenting_holder

pytestmark = pytest.mark.django_db


def test_each_change_of_consent_is_logged_once() -> None:
    held = consenting_holder()
    assert follow_up_consent_set(learner=held.learner, granted=True) is False
    follow_up_consent_set(learner=held.learner, granted=False)
    events = list(
        ConsentEvent.objects.filter(learner=held.learner).order_by("at", "id")
    )
    assert [(e.kind, e.granted) for e in events] == [
        ("follow_up_surveys", True),
        ("follow_up_surveys", False),
    ]
    assert all(e.text_version for e in events)


def test_withdrawing_cancels_every_open_survey_and_the_mail_not_yet_sent(
    mailoutbox: list,
) -> None:
    held = consenting_holder(awarded_days_ago=95)
    follow_ups_schedule()
    follow_ups_send()
    queued = OutgoingMail.objects.get(key__startswith="follow-up:")
    assert queued.status == MailStatus.PENDING  # not yet sent by the queue
    follow_up_consent_set(learner=held.learner, granted=False)
    assert set(
        FollowUp.objects.filter(learner=held.learner).values_list("state", flat=True)
    ) <= {FollowUpState.CANCELLED}
    assert mail_deliver(mail_id=queued.pk) is False  # the queued task runs: nothing
    assert mailoutbox == []
    queued.refresh_from_db()
    assert queued.status == MailStatus.FAILED
    assert follow_ups_send() == 0


def test_consent_turned_off_on_the_profile_form_is_logged_and_acted_on_by_the_sweep() -> (
    None
):
    held = consenting_holder(awarded_days_ago=95)
    follow_ups_schedule()
    LearnerProfile.objects.filter(user=held.learner).update(follow_up_surveys=False)
    assert follow_up_consent_reconcile() >= 1
    latest = ConsentEvent.objects.filter(learner=held.learner).order_by("-at", "-id")[0]
    assert latest.granted is False and latest.text_version == "profile-form"
    assert not FollowUp.objects.filter(
        learner=held.learner, state=FollowUpState.SCHEDULED
    ).exists()
    assert follow_up_consent_reconcile() == 0


def test_the_baseline_needs_consent_and_checks_its_fields() -> None:
    held = consenting_holder(consent=False)
    with pytest.raises(NotAllowed):
        baseline_record(learner=held.learner, employed=False)
    follow_up_consent_set(learner=held.learner, granted=True)
    with pytest.raises(InvalidAnswer) as refused:
        baseline_record(
            learner=held.learner,
            employed=True,
            wage="18",
            wage_unit="hour",
            hours_per_week="200",
        )
    assert refused.value.field == "hours_per_week"
    assert not Baseline.objects.exists()
    baseline_record(
        learner=held.learner,
        employed=True,
        noc_code="65201",
        wage="18",
        wage_unit="hour",
        hours_per_week="20",
    )
    baseline_record(learner=held.learner, employed=False)
    baseline = Baseline.objects.get(learner=held.learner)
    assert baseline.employed is False and baseline.wage is None
