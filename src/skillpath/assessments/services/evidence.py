"""Performance tasks, evidence and prior learning: what learners submit, assessors decide.

Every decision that may change a learner's standing calls
``standings_announce`` (the cycle's seam) inside its transaction.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillpath.accounts.models import LearnerProfile, User
from skillpath.assessments import access, item_schema, requirements, uploads
from skillpath.assessments.exceptions import (
    AssessmentNotAllowed,
    EvidenceRejected,
    ScoringError,
)
from skillpath.assessments.models import (
    ClaimStatus,
    Item,
    ItemKind,
    ItemStatus,
    Method,
    PriorLearningClaim,
    SubmissionStatus,
    TaskScore,
    TaskSubmission,
)
from skillpath.assessments.services.standings import standings_announce
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.common.weblinks import web_link_clean

MAX_TEXT = 20_000


def _requirement(credential: Any, competency_id: int) -> requirements.Requirement:
    for need in requirements.credential_requirements(credential):
        if need.competency.pk == competency_id:
            return need
    raise AssessmentNotAllowed(
        _("This competency is not part of this micro-credential.")
    )


def _attach(row: Any, upload: Any) -> None:
    if upload is None:
        return
    file_type = uploads.check_upload(upload)
    row.file_name = uploads.safe_display_name(upload.name)
    row.file_type = file_type.content_type
    row.file = upload


def _check_learner(learner: User) -> None:
    if not LearnerProfile.objects.filter(user=learner).exists():
        raise AssessmentNotAllowed(_("Only job seekers submit evidence."))


def submission_create(
    *,
    learner: User,
    credential: Any,
    item: Item,
    text: str = "",
    link: str = "",
    upload: Any = None,
) -> TaskSubmission:
    """Hand in a performance task or evidence: text, a link, and/or a file.

    Raises ``EvidenceRejected`` for an empty submission or a refused file and
    ``AssessmentNotAllowed`` when the task is not open to this learner.
    """
    _check_learner(learner)
    if item.kind not in (ItemKind.PERFORMANCE_TASK, ItemKind.EVIDENCE_REQUEST):
        raise AssessmentNotAllowed(_("This item is answered in the adaptive test."))
    if item.status != ItemStatus.OPERATIONAL:
        raise AssessmentNotAllowed(_("This task is not open for submissions."))
    need = _requirement(credential, item.competency_id)
    method = (
        Method.EVIDENCE
        if item.kind == ItemKind.EVIDENCE_REQUEST
        else Method.PERFORMANCE_TASK
    )
    if method not in need.methods:
        raise AssessmentNotAllowed(
            _("This micro-credential does not assess this competency that way.")
        )
    text, link = (text or "").strip(), web_link_clean(link, field="link")
    if not text and not link and upload is None:
        raise EvidenceRejected(_("Write an answer, give a link, or upload a file."))
    if len(text) > MAX_TEXT:
        raise EvidenceRejected(
            _("Keep the text under %(n)d characters.") % {"n": MAX_TEXT}
        )
    with transaction.atomic():
        waiting = TaskSubmission.objects.filter(
            learner=learner,
            item=item,
            status__in=(SubmissionStatus.SUBMITTED, SubmissionStatus.MODERATION),
        ).exists()
        if waiting:
            raise AssessmentNotAllowed(
                _("Your earlier answer to this task is still waiting for an assessor.")
            )
        submission = TaskSubmission(
            learner=learner,
            credential=credential,
            item=item,
            competency_id=item.competency_id,
            text=text,
            link=link,
        )
        _attach(submission, upload)
        submission.save()
        audit_record(actor=learner, verb=AuditVerb.TASK_SUBMIT, target=submission)
        standings_announce(learner=learner, credential=credential)
    return submission


def submission_score(
    *,
    submission: TaskSubmission,
    assessor: User,
    criterion_levels: dict[str, Any],
    feedback: str = "",
    request_moderation: bool = False,
) -> TaskScore:
    """Score a submission against its rubric, as first assessor or as moderator.

    The first assessor's score decides, unless they ask a second assessor to
    moderate; then the moderator's score decides. Raises ``PermissionDenied`` for
    anyone but an approved assessor of the credential's issuer, and
    ``ScoringError`` for an incomplete score or a submission not waiting for one.
    """
    if not access.can_assess(assessor, submission.credential):
        raise PermissionDenied(
            _("Only assessors of the issuing organisation score this work.")
        )
    if submission.learner_id == assessor.pk:
        raise PermissionDenied(_("You cannot score your own work."))
    with transaction.atomic():
        locked = (
            TaskSubmission.objects.select_for_update()
            .select_related("item", "learner", "credential")
            .get(pk=submission.pk)
        )
        if locked.status == SubmissionStatus.DECIDED:
            raise ScoringError(_("This work has been scored already."))
        moderating = locked.status == SubmissionStatus.MODERATION
        if moderating and locked.scores.filter(assessor=assessor).exists():
            raise ScoringError(
                _("A different assessor must moderate: you gave the first score.")
            )
        try:
            level = item_schema.rubric_result(locked.item.rubric, criterion_levels)
        except ValueError as error:
            raise ScoringError(str(error)) from error
        score = TaskScore.objects.create(
            submission=locked,
            assessor=assessor,
            criterion_levels={str(k): int(v) for k, v in criterion_levels.items()},
            level=level,
            feedback=(feedback or "").strip(),
            is_moderation=moderating,
        )
        if request_moderation and not moderating:
            locked.status = SubmissionStatus.MODERATION
        else:
            locked.status = SubmissionStatus.DECIDED
            locked.level = level
            locked.decided_at = timezone.now()
        locked.save()
        audit_record(
            actor=assessor,
            verb=AuditVerb.TASK_MODERATE if moderating else AuditVerb.TASK_SCORE,
            target=locked,
            level=level,
            moderation_requested=bool(request_moderation and not moderating),
        )
        standings_announce(learner=locked.learner, credential=locked.credential)
    submission.refresh_from_db()
    return score


def claim_create(
    *,
    learner: User,
    credential: Any,
    competency: Any,
    description: str,
    link: str = "",
    upload: Any = None,
) -> PriorLearningClaim:
    """Ask for recognition of earlier learning or experience for one competency."""
    _check_learner(learner)
    need = _requirement(credential, competency.pk)
    if Method.PRIOR_LEARNING not in need.methods:
        raise AssessmentNotAllowed(
            _(
                "This micro-credential does not recognise prior learning for this competency."
            )
        )
    description = (description or "").strip()
    if not description:
        raise EvidenceRejected(_("Describe what you did, where and when."))
    if len(description) > MAX_TEXT:
        raise EvidenceRejected(
            _("Keep the text under %(n)d characters.") % {"n": MAX_TEXT}
        )
    link = web_link_clean(link, field="link")
    if not link and upload is None:
        raise EvidenceRejected(
            _("Give a link to your proof, or upload it (a certificate, a letter...).")
        )
    with transaction.atomic():
        if PriorLearningClaim.objects.filter(
            learner=learner, competency=competency, status=ClaimStatus.SUBMITTED
        ).exists():
            raise AssessmentNotAllowed(
                _("Your earlier request for this competency is still waiting.")
            )
        claim = PriorLearningClaim(
            learner=learner,
            credential=credential,
            competency=competency,
            description=description,
            link=link.strip(),
        )
        _attach(claim, upload)
        claim.save()
        audit_record(actor=learner, verb=AuditVerb.PRIOR_LEARNING_CLAIM, target=claim)
        standings_announce(learner=learner, credential=credential)
    return claim


def claim_decide(
    *,
    claim: PriorLearningClaim,
    assessor: User,
    accept: bool,
    level: int | None = None,
    feedback: str = "",
) -> PriorLearningClaim:
    """Recognise a claim at a level, or decline it with feedback.

    A declined claim shows no level: the competency stands as the other methods
    leave it, and stays open to them and to a new claim.
    """
    if not access.can_assess(assessor, claim.credential):
        raise PermissionDenied(
            _("Only assessors of the issuing organisation decide this request.")
        )
    if claim.learner_id == assessor.pk:
        raise PermissionDenied(_("You cannot decide your own request."))
    need = _requirement(claim.credential, claim.competency_id)
    if accept:
        if level is None or int(level) not in need.levels:
            raise ScoringError(_("Choose the level the proof shows."))
    elif not (feedback or "").strip():
        raise ScoringError(_("Tell the learner why the proof is not enough."))
    with transaction.atomic():
        locked = (
            PriorLearningClaim.objects.select_for_update()
            .select_related("learner", "credential")
            .get(pk=claim.pk)
        )
        if locked.status != ClaimStatus.SUBMITTED:
            raise ScoringError(_("This request has been decided already."))
        locked.status = ClaimStatus.ACCEPTED if accept else ClaimStatus.REJECTED
        locked.level_granted = int(level) if accept and level is not None else None
        locked.decided_by = assessor
        locked.decided_at = timezone.now()
        locked.feedback = (feedback or "").strip()
        locked.save()
        audit_record(
            actor=assessor,
            verb=AuditVerb.PRIOR_LEARNING_DECIDE,
            target=locked,
            accepted=accept,
            level=locked.level_granted,
        )
        standings_announce(learner=locked.learner, credential=locked.credential)
    claim.refresh_from_db()
    return claim
