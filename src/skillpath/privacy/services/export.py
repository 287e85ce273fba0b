"""Everything skillpath holds about one learner, as one zip archive.

One JSON file per kind of data (profile, consents, assessments, evidence, learning
plans, awards, jobs, outcomes, audit) and the learner's own uploaded files under
``files/``. The JSON keeps Django's serialised shape (model, primary key, fields) so
nothing is left out when a model gains a field.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable
from typing import Any

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model, Q, QuerySet
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from skillpath.accounts.models import (
    CONSENT_TEXT_VERSION,
    ApiToken,
    ConsentChange,
    LearnerProfile,
    Membership,
    User,
)
from skillpath.assessments.models import (
    PriorLearningClaim,
    Response,
    Sitting,
    SittingPart,
    TaskScore,
    TaskSubmission,
)
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.common.models import AuditEvent
from skillpath.credentials.models import Award
from skillpath.jobs.models import (
    Application,
    ApplicationEvent,
    Invitation,
    MatchAlert,
    SavedPosting,
    SelfDeclaredSkill,
)
from skillpath.learning.models import LearningPlan, PlanItem
from skillpath.outcomes.models import (
    Baseline,
    ConsentEvent,
    EmployerRating,
    FollowUp,
    FollowUpAnswer,
    RatingConsent,
)
from skillpath.privacy.exceptions import AlreadyDeleted

#: The files of the archive, in the order a reader meets them.
KINDS = (
    "profile",
    "consents",
    "assessments",
    "evidence",
    "learning_plans",
    "awards",
    "jobs",
    "outcomes",
    "audit",
)

_USER_FIELDS = (
    "email",
    "full_name",
    "preferred_language",
    "is_active",
    "date_joined",
    "last_login",
)
_README = """\
This archive holds everything skillpath keeps about you, as of {when}.

One JSON file per kind of data; each row names its model, its number and its fields:
  profile.json         your account, learner profile, memberships and API tokens
                       (names and dates only: a token's secret is never stored)
  consents.json        what you consent to now, and every change with its time and
                       the version of the text you were shown
  assessments.json     your sittings, their parts and every answer
  evidence.json        performance tasks you submitted (with their scores) and
                       prior-learning claims
  learning_plans.json  your learning plans and their modules
  awards.json          your credentials, with the signed documents (JSON and JWT)
  jobs.json            applications and their history, saved postings, invitations,
                       skills you declared, job alerts
  outcomes.json        your employment baseline, follow-up surveys and answers,
                       employer ratings of your work and your consent to them
  audit.json           the audit log entries about you or made by you
  files/               the files you uploaded as evidence or proof
"""


def _rows(queryset: QuerySet[Any] | Iterable[Model], **options: Any) -> list[Any]:
    return list(serializers.serialize("python", queryset, **options))


def _user_rows(learner: User) -> list[Any]:
    return _rows(User.objects.filter(pk=learner.pk), fields=_USER_FIELDS)


def _audit_queryset(learner: User) -> QuerySet[AuditEvent]:
    about = Q(target_type=User._meta.label_lower, target_id=str(learner.pk))
    profile_ids = [
        str(pk)
        for pk in LearnerProfile.objects.filter(user=learner).values_list(
            "pk", flat=True
        )
    ]
    if profile_ids:
        about |= Q(
            target_type=LearnerProfile._meta.label_lower, target_id__in=profile_ids
        )
    return AuditEvent.objects.filter(Q(actor=learner) | about).order_by("occurred_at")


def learner_data(learner: User) -> dict[str, dict[str, Any]]:
    """Return what is held about ``learner``, one dictionary per kind of data."""
    profile = LearnerProfile.objects.filter(user=learner).first()
    sittings = Sitting.objects.filter(learner=learner)
    submissions = TaskSubmission.objects.filter(learner=learner)
    plans = LearningPlan.objects.filter(learner=learner)
    applications = Application.objects.filter(seeker=learner)
    follow_ups = FollowUp.objects.filter(learner=learner)
    consent_now = {
        name: getattr(profile, name) if profile else None
        for name in ("share_with_employers", "job_alerts_by_email", "follow_up_surveys")
    }
    return {
        "profile": {
            "user": _user_rows(learner),
            "learner_profile": _rows(LearnerProfile.objects.filter(user=learner)),
            "memberships": _rows(Membership.objects.filter(user=learner)),
            "api_tokens": _rows(
                ApiToken.objects.filter(user=learner),
                fields=("name", "prefix", "scope", "created_at", "expires_at"),
            ),
        },
        "consents": {
            "now": consent_now,
            "current_text_version": CONSENT_TEXT_VERSION,
            "changes": _rows(ConsentChange.objects.filter(user=learner)),
            "follow_up_and_rating_changes": _rows(
                ConsentEvent.objects.filter(learner=learner)
            ),
        },
        "assessments": {
            "sittings": _rows(sittings),
            "parts": _rows(SittingPart.objects.filter(sitting__in=sittings)),
            "answers": _rows(Response.objects.filter(sitting__in=sittings)),
        },
        "evidence": {
            "task_submissions": _rows(submissions),
            "task_scores": _rows(TaskScore.objects.filter(submission__in=submissions)),
            "prior_learning_claims": _rows(
                PriorLearningClaim.objects.filter(learner=learner)
            ),
        },
        "learning_plans": {
            "plans": _rows(plans),
            "items": _rows(PlanItem.objects.filter(plan__in=plans)),
        },
        "awards": {"awards": _rows(Award.objects.filter(learner=learner))},
        "jobs": {
            "applications": _rows(applications),
            "application_events": _rows(
                ApplicationEvent.objects.filter(application__in=applications)
            ),
            "saved_postings": _rows(SavedPosting.objects.filter(seeker=learner)),
            "invitations": _rows(Invitation.objects.filter(seeker=learner)),
            "declared_skills": _rows(SelfDeclaredSkill.objects.filter(seeker=learner)),
            "job_alerts": _rows(MatchAlert.objects.filter(seeker=learner)),
        },
        "outcomes": {
            "baseline": _rows(Baseline.objects.filter(learner=learner)),
            "follow_ups": _rows(follow_ups),
            "follow_up_answers": _rows(
                FollowUpAnswer.objects.filter(follow_up__in=follow_ups)
            ),
            "employer_ratings": _rows(
                EmployerRating.objects.filter(application__in=applications)
            ),
            "rating_consents": _rows(
                RatingConsent.objects.filter(application__in=applications)
            ),
        },
        "audit": {"entries": _rows(_audit_queryset(learner))},
    }


def learner_files(learner: User) -> list[FieldFile]:
    """Return the files ``learner`` uploaded (evidence and proofs), stored or not."""
    files: list[FieldFile] = []
    for submission in TaskSubmission.objects.filter(learner=learner).exclude(file=""):
        files.append(submission.file)
    for claim in PriorLearningClaim.objects.filter(learner=learner).exclude(file=""):
        files.append(claim.file)
    for item in PlanItem.objects.filter(plan__learner=learner).exclude(proof_file=""):
        files.append(item.proof_file)
    return files


def learner_data_export(*, learner: User) -> bytes:
    """Return a zip archive of everything held about ``learner``.

    Raises ``AlreadyDeleted`` for an account that was deleted (nothing is left).
    """
    if learner.deleted_at is not None:
        raise AlreadyDeleted()
    now = timezone.now()
    data = learner_data(learner)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", _README.format(when=now.isoformat()))
        for kind in KINDS:
            archive.writestr(
                f"{kind}.json",
                json.dumps(
                    data[kind], cls=DjangoJSONEncoder, indent=2, ensure_ascii=False
                ),
            )
        for stored in learner_files(learner):
            try:
                with stored.open("rb") as handle:
                    archive.writestr(f"files/{stored.name}", handle.read())
            except FileNotFoundError:
                archive.writestr(f"files/{stored.name}.missing.txt", "")
    audit_record(actor=learner, verb=AuditVerb.ACCOUNT_EXPORT, target=learner)
    return buffer.getvalue()
