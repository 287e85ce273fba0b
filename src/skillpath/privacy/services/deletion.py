"""Delete a learner's account: personal data removed, what was counted kept.

The ``User`` row stays as an anonymous tombstone (no name, no e-mail, no password,
inactive) because awards, sittings and follow-up answers point at it and are counted
in reports; detached from the person, they keep their counts. The signed credentials
stay as issued: their recipient is a salted hash, and their status list entries are
untouched, so a credential the person kept still verifies.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.hashers import check_password
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from skillpath.accounts.models import (
    ApiToken,
    LearnerProfile,
    Membership,
    ThrottleEvent,
    User,
)
from skillpath.assessments.models import PriorLearningClaim, Response, TaskSubmission
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.common.models import AuditEvent, OutgoingMail
from skillpath.jobs.models import (
    Application,
    ApplicationEvent,
    Invitation,
    MatchAlert,
    SavedPosting,
    SelfDeclaredSkill,
)
from skillpath.learning.models import PlanItem
from skillpath.outcomes.models import FollowUpAnswer
from skillpath.outcomes.services.consent import follow_ups_cancel
from skillpath.privacy.exceptions import AlreadyDeleted, ConfirmationMismatch
from skillpath.privacy.services.export import learner_files

#: What a deleted person is called wherever their name was shown.
DELETED_NAME = "Deleted account"
DELETED_EMAIL_DOMAIN = "deleted.invalid"
_REMOVED = "[removed]"


def _confirmed(learner: User, confirmation: str) -> bool:
    typed = confirmation.strip()
    if not typed:
        return False
    if typed.lower() == learner.email.lower():
        return True
    return learner.has_usable_password() and check_password(typed, learner.password)


def _scrub(value: Any, secrets: tuple[str, ...]) -> Any:
    """Return ``value`` with every string mentioning one of ``secrets`` replaced."""
    if isinstance(value, str):
        lowered = value.lower()
        return _REMOVED if any(s in lowered for s in secrets) else value
    if isinstance(value, dict):
        return {key: _scrub(item, secrets) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub(item, secrets) for item in value]
    return value


def _audit_scrub(learner: User, secrets: tuple[str, ...]) -> None:
    about_person = Q(actor=learner) | Q(
        target_type=User._meta.label_lower, target_id=str(learner.pk)
    )
    for event in AuditEvent.objects.filter(about_person).only("pk", "data"):
        scrubbed = _scrub(event.data, secrets)
        if scrubbed != event.data:
            AuditEvent.objects.filter(pk=event.pk).update(data=scrubbed)


def learner_account_delete(*, learner: User, confirmation: str) -> User:
    """Delete ``learner``'s account once they typed their e-mail or password.

    Removes the name, e-mail, password, profile fields, self-identification, free
    text (answers, claims, messages, notes) and uploaded files; ends sign-in, API
    tokens and queued mail; keeps the awards and counted rows on the anonymous
    tombstone. Raises ``ConfirmationMismatch`` when the confirmation is wrong and
    ``AlreadyDeleted`` for an account already deleted. Return the tombstone.
    """
    if learner.deleted_at is not None:
        raise AlreadyDeleted(_("This account was already deleted."))
    if not _confirmed(learner, confirmation):
        raise ConfirmationMismatch(
            _("Type your e-mail address or your password to confirm the deletion.")
        )
    files = [stored.name for stored in learner_files(learner) if stored.name]
    with transaction.atomic():
        person = User.objects.select_for_update().get(pk=learner.pk)
        if person.deleted_at is not None:
            raise AlreadyDeleted(_("This account was already deleted."))
        secrets = tuple(
            s.lower() for s in (person.email, person.full_name) if len(s) >= 3
        )
        old_email = person.email
        now = timezone.now()

        # Assessments: free-text answers, claims and uploaded evidence.
        Response.objects.filter(sitting__learner=person).update(answer={})
        TaskSubmission.objects.filter(learner=person).update(text="", file="")
        PriorLearningClaim.objects.filter(learner=person).update(
            description=_REMOVED, file=""
        )
        # Learning: proofs.
        PlanItem.objects.filter(plan__learner=person).update(
            proof_url="", proof_file=""
        )
        # Jobs: messages and notes go; applications stay (employers' counts)
        # but show "Deleted account"; what only served the person goes.
        applications = Application.objects.filter(seeker=person)
        applications.update(message="", updated_at=now)
        ApplicationEvent.objects.filter(application__in=applications).update(note="")
        Invitation.objects.filter(seeker=person).update(message="")
        SelfDeclaredSkill.objects.filter(seeker=person).delete()
        SavedPosting.objects.filter(seeker=person).delete()
        MatchAlert.objects.filter(seeker=person).delete()
        # Outcomes: no more surveys; answers stay for the aggregates, without
        # the employer's name.
        follow_ups_cancel(learner_id=person.pk, reason="account deleted")
        FollowUpAnswer.objects.filter(follow_up__learner=person).update(
            employer_name=""
        )
        # Accounts: the profile keeps only its home organisation (reports count
        # learners by college); every consent is off and self-identification gone.
        LearnerProfile.objects.filter(user=person).update(
            region="",
            share_with_employers=False,
            share_changed_at=now,
            job_alerts_by_email=False,
            follow_up_surveys=False,
            identifies_newcomer="",
            identifies_indigenous="",
            identifies_woman="",
            identifies_youth="",
            identifies_disability="",
            updated_at=now,
        )
        ApiToken.objects.filter(user=person).delete()
        Membership.objects.filter(user=person).delete()
        ThrottleEvent.objects.filter(email__iexact=old_email).delete()
        OutgoingMail.objects.filter(to__iexact=old_email).delete()
        _audit_scrub(person, secrets)

        person.email = f"deleted-{uuid.uuid4().hex}@{DELETED_EMAIL_DOMAIN}"
        person.full_name = DELETED_NAME
        person.set_unusable_password()  # also ends every session (auth hash)
        person.is_active = False
        person.is_staff = False
        person.is_superuser = False
        person.deleted_at = now
        person.save()
        person.groups.clear()
        person.user_permissions.clear()
        audit_record(actor=None, verb=AuditVerb.ACCOUNT_DELETE, target=person)
        transaction.on_commit(lambda: _files_delete(files))
    return person


def _files_delete(names: list[str]) -> None:
    """Remove the uploaded files once the deletion is committed."""
    for name in names:
        default_storage.delete(name)
