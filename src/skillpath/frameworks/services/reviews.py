"""Write employer reviews: comments, proposed changes, ratings, endorsement."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillpath.common.audit import AuditVerb, audit_record
from skillpath.frameworks import access
from skillpath.frameworks.exceptions import InvalidInput, InvalidTransition, NotAllowed
from skillpath.frameworks.models import (
    CommentKind,
    Duty,
    EventKind,
    Importance,
    ImportanceRating,
    ProfileReview,
    ReviewComment,
    ReviewState,
    Task,
    TaskCompetency,
    VersionState,
)
from skillpath.frameworks.services.profiles import event_record

OPEN_STATES = (VersionState.IN_REVIEW, VersionState.ENDORSED)


def _require_reviewer(user: Any, review: ProfileReview) -> None:
    if not access.can_review(user, review):
        raise NotAllowed(
            _("Only representatives of %(org)s can write this review.")
            % {"org": review.organisation.name}
        )
    if review.version.state not in OPEN_STATES:
        raise InvalidTransition(
            _("Version %(number)d is %(state)s: the review is closed.")
            % {
                "number": review.version.number,
                "state": review.version.get_state_display().lower(),
            }
        )


@transaction.atomic
def review_comment_add(
    *,
    review: ProfileReview,
    author: Any,
    text: str,
    kind: str = CommentKind.COMMENT,
    duty: Duty | None = None,
    task: Task | None = None,
    task_competency: TaskCompetency | None = None,
) -> ReviewComment:
    """Comment on the version, a duty, a task or a competency, or propose a change."""
    _require_reviewer(author, review)
    if not text.strip():
        raise InvalidInput(_("Write your comment before sending it."))
    if kind not in CommentKind.values:
        raise InvalidInput(_("Choose a comment or a proposed change."))
    targets = [t for t in (duty, task, task_competency) if t is not None]
    if len(targets) > 1:
        raise InvalidInput(
            _("A comment is about one duty, task or competency at most.")
        )
    version_id = review.version_id
    if duty is not None and duty.version_id != version_id:
        raise InvalidInput(_("This duty belongs to another version."))
    if task is not None and task.duty.version_id != version_id:
        raise InvalidInput(_("This task belongs to another version."))
    if (
        task_competency is not None
        and task_competency.task.duty.version_id != version_id
    ):
        raise InvalidInput(_("This competency belongs to another version."))
    comment = ReviewComment.objects.create(
        review=review,
        author=author,
        kind=kind,
        duty=duty,
        task=task,
        task_competency=task_competency,
        text=text.strip(),
    )
    event_record(
        version=review.version,
        kind=EventKind.PROPOSED
        if kind == CommentKind.PROPOSAL
        else EventKind.COMMENTED,
        actor=author,
        organisation=review.organisation,
        note=comment.text[:500],
    )
    audit_record(
        actor=author, verb=AuditVerb.REVIEW_COMMENT_ADD, target=comment, kind=kind
    )
    return comment


@transaction.atomic
def importance_rate(
    *,
    review: ProfileReview,
    rated_by: Any,
    task_competency: TaskCompetency,
    importance: int,
) -> ImportanceRating:
    """Record how important the employer finds a competency for a task (1-5)."""
    _require_reviewer(rated_by, review)
    if task_competency.task.duty.version_id != review.version_id:
        raise InvalidInput(_("This competency belongs to another version."))
    if importance not in Importance.values:
        raise InvalidInput(_("Importance runs from 1 (marginal) to 5 (critical)."))
    rating, _created = ImportanceRating.objects.update_or_create(
        review=review,
        task_competency=task_competency,
        defaults={
            "importance": importance,
            "rated_by": rated_by,
            "rated_at": timezone.now(),
        },
    )
    event_record(
        version=review.version,
        kind=EventKind.RATED,
        actor=rated_by,
        organisation=review.organisation,
        note=f"{task_competency.competency.title}: {importance}",
    )
    audit_record(
        actor=rated_by,
        verb=AuditVerb.IMPORTANCE_RATE,
        target=rating,
        importance=importance,
    )
    return rating


@transaction.atomic
def review_decide(
    *, review: ProfileReview, decided_by: Any, endorse: bool, summary: str = ""
) -> ProfileReview:
    """Endorse the version, or ask for changes (saying which).

    The version is endorsed while at least one employer endorses it.
    """
    _require_reviewer(decided_by, review)
    if not endorse and not summary.strip():
        raise InvalidInput(_("Say which changes you ask for."))
    review.state = ReviewState.ENDORSED if endorse else ReviewState.CHANGES_REQUESTED
    review.decided_by, review.decided_at = decided_by, timezone.now()
    review.summary = summary.strip()
    review.save(update_fields=["state", "decided_by", "decided_at", "summary"])
    version = review.version
    endorsed = version.reviews.filter(state=ReviewState.ENDORSED).exists()
    if endorsed and version.state == VersionState.IN_REVIEW:
        version.state = VersionState.ENDORSED
        version.endorsed_at = version.endorsed_at or timezone.now()
        version.save(update_fields=["state", "endorsed_at"])
    elif not endorsed and version.state == VersionState.ENDORSED:
        version.state = VersionState.IN_REVIEW
        version.save(update_fields=["state"])
    event_record(
        version=version,
        kind=EventKind.ENDORSED if endorse else EventKind.CHANGES_REQUESTED,
        actor=decided_by,
        organisation=review.organisation,
        note=review.summary,
    )
    audit_record(
        actor=decided_by,
        verb=AuditVerb.REVIEW_ENDORSE if endorse else AuditVerb.REVIEW_REQUEST_CHANGES,
        target=review,
    )
    return review
