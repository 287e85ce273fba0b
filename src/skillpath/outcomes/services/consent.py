"""A learner's consent to follow-up surveys, and a hire's to being rated: every change
is logged (``ConsentEvent``), and a withdrawal stops at once what was due or queued."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from skillpath.accounts.models import LearnerProfile
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.common.mail import mail_cancel
from skillpath.jobs.models import Application
from skillpath.outcomes.exceptions import NotAllowed
from skillpath.outcomes.models import (
    OPEN_FOLLOW_UP_STATES,
    ConsentEvent,
    ConsentKind,
    EmployerRating,
    FollowUp,
    FollowUpState,
    RatingConsent,
)

#: The version of the consent text shown (templates/outcomes/htmx/consent_text.html).
CONSENT_TEXT_VERSION = "2026-12"
#: Consent changed on the profile form, not on our page (logged by the sweep).
PROFILE_FORM_VERSION = "profile-form"

OPEN_RATING_STATES = (FollowUpState.SCHEDULED, FollowUpState.SENT)


def follow_ups_cancel(*, learner_id: int, reason: str) -> int:
    """Cancel every open survey of a learner and the mail queued for it."""
    now = timezone.now()
    open_ids = list(
        FollowUp.objects.filter(
            learner_id=learner_id, state__in=OPEN_FOLLOW_UP_STATES
        ).values_list("pk", flat=True)
    )
    FollowUp.objects.filter(pk__in=open_ids, state__in=OPEN_FOLLOW_UP_STATES).update(
        state=FollowUpState.CANCELLED, closed_at=now, updated_at=now
    )
    for follow_up_id in open_ids:
        mail_cancel(key_prefix=f"follow-up:{follow_up_id}:", reason=reason)
    return len(open_ids)


@transaction.atomic
def follow_up_consent_set(
    *, learner: Any, granted: bool, text_version: str = CONSENT_TEXT_VERSION
) -> bool:
    """Turn the learner's follow-up surveys on or off; return whether it changed.

    Turning them off cancels every scheduled or sent survey and the mail not yet
    handed to the mail server; what was answered stays, for aggregates only.
    """
    profile = LearnerProfile.objects.select_for_update().filter(user=learner).first()
    if profile is None:
        raise NotAllowed(_("Only learners take part in follow-up surveys."))
    if profile.follow_up_surveys == granted:
        return False
    now = timezone.now()
    profile.follow_up_surveys = granted
    profile.save(update_fields=["follow_up_surveys"])
    ConsentEvent.objects.create(
        learner=learner,
        kind=ConsentKind.FOLLOW_UP_SURVEYS,
        granted=granted,
        at=now,
        text_version=text_version,
    )
    cancelled = 0
    if not granted:
        cancelled = follow_ups_cancel(learner_id=learner.pk, reason="consent withdrawn")
    audit_record(
        actor=learner,
        verb=AuditVerb.FOLLOW_UP_CONSENT_SET,
        target=profile,
        granted=granted,
        cancelled=cancelled,
    )
    return True


def follow_up_consent_reconcile() -> int:
    """Log and act on consent changed elsewhere (the profile form); return how many.

    The profile form writes ``LearnerProfile.follow_up_surveys`` without knowing
    about surveys: the sweep logs the change and, for a withdrawal, cancels what is
    open, within a minute.
    """
    last_granted = Subquery(
        ConsentEvent.objects.filter(
            learner_id=OuterRef("user_id"), kind=ConsentKind.FOLLOW_UP_SURVEYS
        )
        .order_by("-at", "-id")
        .values("granted")[:1]
    )
    profiles = LearnerProfile.objects.annotate(last_granted=last_granted)
    granted_unlogged = profiles.filter(follow_up_surveys=True).exclude(
        last_granted=True
    )
    withdrawn_unlogged = profiles.filter(follow_up_surveys=False, last_granted=True)
    now = timezone.now()
    changed = 0
    for profile in list(granted_unlogged[:1000]) + list(withdrawn_unlogged[:1000]):
        with transaction.atomic():
            ConsentEvent.objects.create(
                learner_id=profile.user_id,
                kind=ConsentKind.FOLLOW_UP_SURVEYS,
                granted=profile.follow_up_surveys,
                at=now,
                text_version=PROFILE_FORM_VERSION,
            )
            if not profile.follow_up_surveys:
                follow_ups_cancel(
                    learner_id=profile.user_id, reason="consent withdrawn"
                )
        changed += 1
    # Open surveys of learners who never consented through us (set by hand, or an
    # old profile form value): nothing is sent without consent.
    stray = FollowUp.objects.filter(
        state__in=OPEN_FOLLOW_UP_STATES,
        learner__learner_profile__follow_up_surveys=False,
    ).values_list("learner_id", flat=True)
    for learner_id in set(stray[:1000]):
        with transaction.atomic():
            follow_ups_cancel(learner_id=learner_id, reason="no consent")
        changed += 1
    return changed


def ratings_cancel(*, application_id: int, reason: str) -> int:
    """Cancel the open rating requests of a hire and the mail queued for them."""
    now = timezone.now()
    open_ids = list(
        EmployerRating.objects.filter(
            application_id=application_id, state__in=OPEN_RATING_STATES
        ).values_list("pk", flat=True)
    )
    EmployerRating.objects.filter(pk__in=open_ids, state__in=OPEN_RATING_STATES).update(
        state=FollowUpState.CANCELLED, updated_at=now
    )
    for rating_id in open_ids:
        mail_cancel(key_prefix=f"hire-rating:{rating_id}:", reason=reason)
    return len(open_ids)


@transaction.atomic
def rating_consent_set(
    *,
    application: Application,
    seeker: Any,
    granted: bool,
    text_version: str = CONSENT_TEXT_VERSION,
) -> RatingConsent:
    """Let the hiring employer rate the hire (or stop it); only the hire may.

    Withdrawing cancels the requests not yet answered and hides the ratings given
    from the employer (``access.ratings_visible_to``).
    """
    if application.seeker_id != getattr(seeker, "pk", None):
        raise NotAllowed(_("Only the person hired decides whether they are rated."))
    now = timezone.now()
    consent, created = RatingConsent.objects.select_for_update().get_or_create(
        application=application, defaults={"granted": granted, "changed_at": now}
    )
    if not created and consent.granted == granted:
        return consent
    if not created:
        consent.granted = granted
        consent.changed_at = now
        consent.save(update_fields=["granted", "changed_at", "updated_at"])
    ConsentEvent.objects.create(
        learner=seeker,
        kind=ConsentKind.HIRE_RATINGS,
        granted=granted,
        at=now,
        text_version=text_version,
    )
    cancelled = 0
    if not granted:
        cancelled = ratings_cancel(
            application_id=application.pk, reason="consent withdrawn"
        )
    audit_record(
        actor=seeker,
        verb=AuditVerb.RATING_CONSENT_SET,
        target=application,
        granted=granted,
        cancelled=cancelled,
    )
    return consent
