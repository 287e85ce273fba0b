"""Job profiles: the DACUM chart of a draft, versions, reviews and their history."""

from __future__ import annotations

import pytest

from skillpath.accounts import testing
from skillpath.common.models import AuditEvent
from skillpath.frameworks import selectors, services
from skillpath.frameworks import testing as factories
from skillpath.frameworks.exceptions import (
    InvalidInput,
    InvalidLevel,
    InvalidTransition,
    NotAllowed,
    VersionNotEditable,
)
from skillpath.frameworks.models import (
    CommentKind,
    EventKind,
    ProfileVersion,
    ReviewState,
    Task,
    VersionState,
)

pytestmark = pytest.mark.django_db


def test_a_draft_chart_has_duties_tasks_subtasks_and_competencies() -> None:
    world = factories.profile_world()
    chart = selectors.version_chart(world.version)
    assert [node.duty.title_en for node in chart] == ["Care for children"]
    task = chart[0].tasks[0]
    assert task.task.title_en == "Plan the day"
    assert [sub.task.title_en for sub in task.subtasks] == ["Prepare materials"]
    assert len(task.needs) == 2 and len(task.subtasks[0].needs) == 1
    profile = selectors.competency_profile(world.version)
    assert sorted(need.required_level for need in profile) == [2, 2, 3]


def test_moving_tasks_and_duties_reorders_them() -> None:
    world = factories.profile_world()
    version, coordinator = world.version, world.coordinator
    first = version.duties.get()
    second = services.duty_add(
        version=version, added_by=coordinator, title_en="Talk to families"
    )
    services.duty_move(duty=second, moved_by=coordinator, direction="up")
    assert [d.title_en for d in version.duties.order_by("position")] == [
        "Talk to families",
        "Care for children",
    ]
    assert [d.letter for d in version.duties.order_by("position")] == ["A", "B"]
    extra = services.task_add(duty=first, added_by=coordinator, title_en="Serve lunch")
    services.task_move(task=extra, moved_by=coordinator, direction="up")
    top = Task.objects.filter(duty=first, parent=None).order_by("position")
    assert [t.title_en for t in top] == ["Serve lunch", "Plan the day"]
    # Moving the first up changes nothing.
    services.task_move(task=extra, moved_by=coordinator, direction="up")
    assert extra.position == 1
    services.duty_remove(duty=second, removed_by=coordinator)
    assert list(version.duties.values_list("position", flat=True)) == [1]


def test_a_sub_task_cannot_have_sub_tasks() -> None:
    world = factories.profile_world()
    subtask = Task.objects.get(parent__isnull=False)
    with pytest.raises(InvalidInput, match="sub-task cannot have sub-tasks"):
        services.task_add(
            duty=subtask.duty, added_by=world.coordinator, title_en="x", parent=subtask
        )


def test_a_required_level_must_be_on_the_framework_scale() -> None:
    world = factories.profile_world()
    task = Task.objects.filter(parent=None).first()
    other = factories.competency(world.framework)
    with pytest.raises(InvalidLevel, match="runs from 1 to 4"):
        services.task_competency_add(
            task=task, added_by=world.coordinator, competency=other, required_level=5
        )


def test_only_coordinators_of_the_owner_edit_the_profile() -> None:
    world = factories.profile_world()
    outsider = testing.coordinator()
    with pytest.raises(NotAllowed):
        services.duty_add(version=world.version, added_by=outsider, title_en="x")
    with pytest.raises(NotAllowed):
        services.duty_add(version=world.version, added_by=world.employer, title_en="x")


def test_submitting_freezes_the_version_and_invites_employers() -> None:
    world, review = factories.submitted_world()
    assert world.version.state == VersionState.IN_REVIEW
    assert (
        review.organisation == world.employer_org
        and review.state == ReviewState.INVITED
    )
    with pytest.raises(VersionNotEditable, match="Start a new draft"):
        services.duty_add(
            version=world.version, added_by=world.coordinator, title_en="x"
        )


def test_submitting_needs_content_and_an_employer() -> None:
    college = testing.organisation()
    coordinator = testing.coordinator(college)
    profile = services.profile_create(
        owner=college, created_by=coordinator, title_en="Shipper", noc_code="14400"
    )
    version = profile.versions.get()
    employer_org = testing.organisation("employer")
    with pytest.raises(InvalidInput, match="at least one duty"):
        services.version_submit(
            version=version, submitted_by=coordinator, reviewers=[employer_org]
        )
    world = factories.profile_world()
    with pytest.raises(InvalidInput, match="at least one employer"):
        services.version_submit(
            version=world.version, submitted_by=world.coordinator, reviewers=[]
        )
    with pytest.raises(InvalidInput, match="Only active employers"):
        services.version_submit(
            version=world.version, submitted_by=world.coordinator, reviewers=[college]
        )


def test_a_noc_code_has_five_digits() -> None:
    college = testing.organisation()
    with pytest.raises(InvalidInput, match="five digits"):
        services.profile_create(
            owner=college,
            created_by=testing.coordinator(college),
            title_en="Shipper",
            noc_code="1440",
        )


def test_employers_comment_rate_and_endorse_and_history_records_it() -> None:
    world, review = factories.submitted_world()
    need = world.needs[0]
    services.review_comment_add(
        review=review, author=world.employer, text="Add allergy plans.", task=need.task
    )
    services.review_comment_add(
        review=review,
        author=world.employer,
        text="Level 3, not 2.",
        kind=CommentKind.PROPOSAL,
        task_competency=need,
    )
    services.importance_rate(
        review=review, rated_by=world.employer, task_competency=need, importance=5
    )
    services.importance_rate(
        review=review, rated_by=world.employer, task_competency=need, importance=4
    )
    services.review_decide(review=review, decided_by=world.employer, endorse=True)
    world.version.refresh_from_db()
    assert world.version.state == VersionState.ENDORSED
    kinds = list(world.version.events.values_list("kind", flat=True))
    assert kinds == [
        EventKind.CREATED,
        EventKind.SUBMITTED,
        EventKind.INVITED,
        EventKind.COMMENTED,
        EventKind.PROPOSED,
        EventKind.RATED,
        EventKind.RATED,
        EventKind.ENDORSED,
    ]
    assert need.ratings.get().importance == 4
    chart = selectors.version_chart(world.version, with_comments=True)
    assert len(chart[0].tasks[0].comments) == 2
    assert AuditEvent.objects.filter(verb="review_endorse").exists()


def test_asking_for_changes_needs_a_reason_and_withdraws_endorsement() -> None:
    world, review = factories.submitted_world()
    with pytest.raises(InvalidInput, match="Say which changes"):
        services.review_decide(review=review, decided_by=world.employer, endorse=False)
    services.review_decide(review=review, decided_by=world.employer, endorse=True)
    services.review_decide(
        review=review,
        decided_by=world.employer,
        endorse=False,
        summary="Add a duty on safety.",
    )
    world.version.refresh_from_db()
    assert world.version.state == VersionState.IN_REVIEW


def test_another_employer_cannot_review() -> None:
    world, review = factories.submitted_world()
    stranger = testing.employer()
    with pytest.raises(NotAllowed):
        services.review_decide(review=review, decided_by=stranger, endorse=True)
    with pytest.raises(NotAllowed):
        services.review_comment_add(review=review, author=world.coordinator, text="x")


def test_publishing_needs_an_endorsement_and_retires_the_previous_version() -> None:
    world, review = factories.submitted_world()
    with pytest.raises(InvalidTransition, match="until at least one employer endorses"):
        services.version_publish(version=world.version, published_by=world.coordinator)
    services.review_decide(review=review, decided_by=world.employer, endorse=True)
    first = services.version_publish(
        version=world.version, published_by=world.coordinator
    )
    assert first.state == VersionState.PUBLISHED
    draft = services.version_draft_start(version=first, started_by=world.coordinator)
    assert draft.number == 2 and draft.state == VersionState.DRAFT
    services.version_submit(
        version=draft, submitted_by=world.coordinator, reviewers=[world.employer_org]
    )
    services.review_decide(
        review=draft.reviews.get(), decided_by=world.employer, endorse=True
    )
    draft.refresh_from_db()
    services.version_publish(version=draft, published_by=world.coordinator)
    first.refresh_from_db()
    assert first.state == VersionState.RETIRED


def test_a_new_draft_copies_the_chart_with_employers_ratings() -> None:
    world, review = factories.submitted_world()
    need = world.needs[0]
    services.importance_rate(
        review=review, rated_by=world.employer, task_competency=need, importance=5
    )
    draft = services.version_draft_start(
        version=world.version, started_by=world.coordinator
    )
    old_chart = selectors.version_chart(world.version)
    new_chart = selectors.version_chart(draft)
    assert [t.task.title_en for t in new_chart[0].tasks] == [
        t.task.title_en for t in old_chart[0].tasks
    ]
    assert [s.task.title_en for s in new_chart[0].tasks[0].subtasks] == [
        "Prepare materials"
    ]
    copied = {n.competency_id: n.importance for n in new_chart[0].tasks[0].needs}
    assert copied[need.competency_id] == 5
    # The version in review did not change, and only one draft exists at a time.
    assert world.version.duties.count() == 1
    with pytest.raises(InvalidTransition, match="already a draft"):
        services.version_draft_start(
            version=world.version, started_by=world.coordinator
        )
    assert ProfileVersion.objects.filter(profile=world.profile).count() == 2
