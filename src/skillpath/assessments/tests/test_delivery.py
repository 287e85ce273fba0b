"""Taking an adaptive assessment: start, answer, finish, resume, retake, time limit."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from skillpath.accounts import testing
from skillpath.assessments import selectors
from skillpath.assessments.exceptions import (
    AnswerAlreadyRecorded,
    AnswerInvalid,
    AssessmentClosed,
    AssessmentNotAllowed,
)
from skillpath.assessments.models import (
    AssessmentPolicy,
    Item,
    ItemStatus,
    PartStatus,
    Response,
    SittingStatus,
)
from skillpath.assessments.services import delivery
from skillpath.assessments.tests import factories
from skillpath.common import cycle
from skillpath.credentials.testing import micro_credential

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    credential = micro_credential(levels=(2, 3))
    for competency in factories.competencies(credential):
        factories.bank(competency)
    return credential, testing.learner()


def answer_all(sitting, *, right: bool = True) -> None:
    """Answer every question until the sitting ends (right, or always wrong)."""
    for _ in range(200):
        sitting.refresh_from_db()
        if not sitting.is_open:
            return
        delivery.response_record(
            sitting=sitting,
            learner=sitting.learner,
            sequence=sitting.next_sequence,
            answer_data={"choice": "a" if right else "b"},
        )
    raise AssertionError("the sitting never ended")


def test_a_strong_learner_demonstrates_every_competency(world) -> None:
    credential, learner = world
    calls = []
    cycle.on_standing_changed(lambda **kw: calls.append(kw))
    try:
        sitting = delivery.assessment_start(learner=learner, credential=credential)
        assert sitting.current_item is not None
        assert sitting.parts.count() == 2
        answer_all(sitting)
    finally:
        cycle._handlers.pop()
    sitting.refresh_from_db()
    assert sitting.status == SittingStatus.COMPLETED
    standings = selectors.competency_standings(learner=learner, credential=credential)
    assert [s.status for s in standings] == ["demonstrated", "demonstrated"]
    assert all(s.method == "adaptive_test" and s.confidence > 0.5 for s in standings)
    assert len(calls) == 2  # once per competency decided
    assert Item.objects.filter(exposure_count__gt=0).count() == Response.objects.count()


def test_a_weak_learner_has_a_gap_and_a_retake_covers_only_what_is_open(world) -> None:
    credential, learner = world
    first = delivery.assessment_start(learner=learner, credential=credential)
    part = first.parts.order_by("position").first()
    # Right on the first competency, wrong on the second.
    for _ in range(100):
        first.refresh_from_db()
        if not first.is_open:
            break
        in_first = first.current_item.competency_id == part.competency_id
        delivery.response_record(
            sitting=first,
            learner=learner,
            sequence=first.next_sequence,
            answer_data={"choice": "a" if in_first else "b"},
        )
    standings = selectors.competency_standings(learner=learner, credential=credential)
    assert [s.status for s in standings] == ["demonstrated", "gap"]
    assert standings[1].demonstrated_level < standings[1].required_level

    again = delivery.assessment_start(learner=learner, credential=credential)
    assert [p.competency_id for p in again.parts.all()] == [standings[1].competency_id]


def test_a_double_submission_records_one_response(world) -> None:
    credential, learner = world
    sitting = delivery.assessment_start(learner=learner, credential=credential)
    sequence = sitting.next_sequence
    delivery.response_record(
        sitting=sitting, learner=learner, sequence=sequence, answer_data={"choice": "a"}
    )
    with pytest.raises(AnswerAlreadyRecorded):
        delivery.response_record(
            sitting=sitting,
            learner=learner,
            sequence=sequence,
            answer_data={"choice": "a"},
        )
    assert Response.objects.filter(sitting=sitting).count() == 1
    assert Response.objects.get(sitting=sitting).sequence == sequence


def test_an_unreadable_answer_writes_nothing(world) -> None:
    credential, learner = world
    sitting = delivery.assessment_start(learner=learner, credential=credential)
    before = sitting.current_item_id
    with pytest.raises(AnswerInvalid):
        delivery.response_record(
            sitting=sitting, learner=learner, sequence=1, answer_data={"choice": "zz"}
        )
    sitting.refresh_from_db()
    assert Response.objects.count() == 0
    assert sitting.next_sequence == 1 and sitting.current_item_id == before


def test_starting_twice_resumes_the_same_sitting(world) -> None:
    credential, learner = world
    first = delivery.assessment_start(learner=learner, credential=credential)
    assert delivery.assessment_start(learner=learner, credential=credential) == first


def test_attempt_limit_and_cool_down_are_the_credentials_rules() -> None:
    credential = micro_credential(levels=(2,), max_attempts=2, retake_cooldown_days=7)
    factories.bank(factories.competencies(credential)[0])
    learner = testing.learner()
    answer_all(
        delivery.assessment_start(learner=learner, credential=credential), right=False
    )
    with pytest.raises(AssessmentNotAllowed, match="again from"):
        delivery.assessment_start(learner=learner, credential=credential)
    credential.assessment_sittings.update(
        finished_at=timezone.now() - timedelta(days=8)
    )
    answer_all(
        delivery.assessment_start(learner=learner, credential=credential), right=False
    )
    credential.assessment_sittings.update(
        finished_at=timezone.now() - timedelta(days=8)
    )
    with pytest.raises(AssessmentNotAllowed, match="attempts"):
        delivery.assessment_start(learner=learner, credential=credential)


def test_nothing_to_assess_is_refused_with_a_reason(world) -> None:
    credential, _ = world
    credential2 = micro_credential(levels=(2,), methods=("performance_task",))
    with pytest.raises(AssessmentNotAllowed, match="nothing to assess"):
        delivery.assessment_start(learner=testing.learner(), credential=credential2)
    with pytest.raises(AssessmentNotAllowed):
        delivery.assessment_start(learner=testing.coordinator(), credential=credential)


def test_time_limit_ends_the_sitting(world) -> None:
    credential, learner = world
    AssessmentPolicy.objects.create(credential=credential, time_limit_minutes=10)
    sitting = delivery.assessment_start(learner=learner, credential=credential)
    assert sitting.deadline is not None
    sitting.deadline = timezone.now() - timedelta(seconds=1)
    sitting.save()
    with pytest.raises(AssessmentClosed):
        delivery.response_record(
            sitting=sitting, learner=learner, sequence=1, answer_data={"choice": "a"}
        )
    sitting.refresh_from_db()
    assert sitting.status == SittingStatus.TIMED_OUT
    assert not sitting.parts.exclude(status=PartStatus.TIMED_OUT).exists()


def test_pilot_items_are_given_but_not_scored(world) -> None:
    credential, learner = world
    competency = factories.competencies(credential)[0]
    pilot = factories.bank(competency, size=1, status=ItemStatus.PILOT, prefix="pilot")[
        0
    ]
    answer_all(delivery.assessment_start(learner=learner, credential=credential))
    response = Response.objects.get(item=pilot)
    assert response.counted is False
    part = response.part
    assert (
        part.items_answered == Response.objects.filter(part=part, counted=True).count()
    )


@pytest.mark.django_db(transaction=True)
def test_two_tabs_answering_at_the_same_moment_record_one_response() -> None:
    """Two requests race with the same sequence number: one response is recorded."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("a real race needs a server database (run on PostgreSQL)")
    credential = micro_credential(levels=(2,))
    factories.bank(factories.competencies(credential)[0])
    learner = testing.learner()
    sitting = delivery.assessment_start(learner=learner, credential=credential)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def submit() -> None:
        try:
            barrier.wait()
            delivery.response_record(
                sitting=sitting,
                learner=learner,
                sequence=1,
                answer_data={"choice": "a"},
            )
            outcomes.append("recorded")
        except AnswerAlreadyRecorded:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["recorded", "refused"]
    assert Response.objects.filter(sitting=sitting).count() == 1
