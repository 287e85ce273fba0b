"""Write applications: apply, withdraw, the employer's pipeline, invitations, saves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillpath.common.audit import AuditVerb, audit_record
from skillpath.credentials.models import Award, AwardStatus
from skillpath.credentials.site import absolute
from skillpath.jobs import access
from skillpath.jobs.exceptions import (
    InvalidApplication,
    NotAllowed,
    PostingState,
)
from skillpath.jobs.mail import mail_later
from skillpath.jobs.models import (
    ACTIVE_APPLICATION_STATUSES,
    Application,
    ApplicationEvent,
    ApplicationStatus,
    Invitation,
    JobPosting,
    PostingStatus,
    SavedPosting,
)
from skillpath.jobs.selectors.matching import posting_match, seeker_evidence

#: The pipeline, in order; an employer moves an application forward, or to
#: "not selected" from any active stage.
PIPELINE = (
    ApplicationStatus.APPLIED,
    ApplicationStatus.SCREENED,
    ApplicationStatus.INTERVIEW,
    ApplicationStatus.OFFER,
    ApplicationStatus.HIRED,
)
MESSAGE_MAX = 2000


def _refuse_closed(posting: JobPosting) -> None:
    if posting.status == PostingStatus.DRAFT:
        raise PostingState(_("This posting is not open yet."))
    if not posting.is_open:
        when = posting.closed_at.date() if posting.closed_at else posting.closing_date
        raise PostingState(
            _("This posting closed on %(date)s and no longer takes applications.")
            % {"date": when.isoformat() if when else "—"}
        )


def _own_awards(seeker: Any, awards: Iterable[Award | int]) -> list[Award]:
    ids = {a if isinstance(a, int) else a.pk for a in awards}
    found = list(
        Award.objects.filter(pk__in=ids, learner=seeker, status=AwardStatus.ACTIVE)
    )
    if len(found) != len(ids):
        raise InvalidApplication(
            _("Attach only your own credentials that are still valid.")
        )
    return found


def application_create(
    *,
    seeker: Any,
    posting: JobPosting,
    message: str = "",
    awards: Iterable[Award | int] = (),
) -> Application:
    """Apply to an open posting, once: applying again returns the same application.

    A withdrawn application can be made again: it goes back to "applied".
    """
    if not access.is_seeker(seeker):
        raise NotAllowed(_("Only job seekers can apply; sign in as a job seeker."))
    message = (message or "").strip()
    if len(message) > MESSAGE_MAX:
        raise InvalidApplication(
            _("Keep your message under %(n)s characters.") % {"n": MESSAGE_MAX}
        )
    attached = _own_awards(seeker, awards)
    evidence = seeker_evidence(seeker)
    result = posting_match(posting=posting, evidence=evidence)
    try:
        with transaction.atomic():
            posting = JobPosting.objects.select_for_update().get(pk=posting.pk)
            _refuse_closed(posting)
            application, created = Application.objects.get_or_create(
                posting=posting,
                seeker=seeker,
                defaults={
                    "message": message,
                    "score": result.score,
                    "band": result.band,
                },
            )
            if not created and application.status != ApplicationStatus.WITHDRAWN:
                return application
            if not created:
                application.status = ApplicationStatus.APPLIED
                application.status_changed_at = timezone.now()
                application.message = message
                application.score, application.band = result.score, result.band
                application.save()
            application.credentials.set(attached)
            ApplicationEvent.objects.create(
                application=application,
                actor=seeker,
                from_status="" if created else ApplicationStatus.WITHDRAWN,
                to_status=ApplicationStatus.APPLIED,
            )
            audit_record(
                actor=seeker,
                verb=AuditVerb.APPLICATION_CREATE,
                target=application,
                credentials=[a.pk for a in attached],
            )
    except IntegrityError:
        # A concurrent double submit created it first: that one is the application.
        return Application.objects.get(posting=posting, seeker=seeker)
    return application


@transaction.atomic
def application_withdraw(*, application: Application, seeker: Any) -> Application:
    """Withdraw one's own application; the employer sees that it was withdrawn."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.seeker_id != seeker.pk:
        raise NotAllowed(_("You can withdraw only your own applications."))
    if application.status == ApplicationStatus.WITHDRAWN:
        return application
    if application.status not in ACTIVE_APPLICATION_STATUSES:
        raise InvalidApplication(
            _("This application is already decided (%(status)s).")
            % {"status": application.get_status_display()}
        )
    previous = application.status
    application.status = ApplicationStatus.WITHDRAWN
    application.status_changed_at = timezone.now()
    application.save(update_fields=["status", "status_changed_at", "updated_at"])
    ApplicationEvent.objects.create(
        application=application,
        actor=seeker,
        from_status=previous,
        to_status=ApplicationStatus.WITHDRAWN,
    )
    audit_record(actor=seeker, verb=AuditVerb.APPLICATION_WITHDRAW, target=application)
    return application


def allowed_moves(application: Application) -> list[str]:
    """Return the statuses the employer may move ``application`` to."""
    if application.status not in ACTIVE_APPLICATION_STATUSES:
        return []
    later = list(PIPELINE[PIPELINE.index(application.status) + 1 :])
    return [*later, ApplicationStatus.NOT_SELECTED]


@transaction.atomic
def application_move(
    *,
    application: Application,
    moved_by: Any,
    to_status: str,
    note: str = "",
    on_date: dt.date | None = None,
) -> Application:
    """Move an application along the employer's pipeline, with a note and a date.

    When the posting has hired as many people as it has openings, it is filled.
    """
    application = (
        Application.objects.select_for_update()
        .select_related("posting", "posting__employer", "seeker")
        .get(pk=application.pk)
    )
    if not access.can_manage_posting(moved_by, application.posting):
        raise NotAllowed(
            _("Only %(org)s can move applications to its postings.")
            % {"org": application.posting.employer.name}
        )
    if to_status == application.status:
        return application
    if to_status not in allowed_moves(application):
        raise InvalidApplication(
            _("An application that is “%(now)s” cannot move to “%(to)s”.")
            % {
                "now": application.get_status_display(),
                "to": ApplicationStatus(to_status).label
                if to_status in ApplicationStatus.values
                else to_status,
            },
            field="to_status",
        )
    if on_date and on_date > timezone.localdate() + dt.timedelta(days=366):
        raise InvalidApplication(
            _("Choose a date within the next year."), field="on_date"
        )
    previous = application.status
    application.status = to_status
    application.status_changed_at = timezone.now()
    application.save(update_fields=["status", "status_changed_at", "updated_at"])
    ApplicationEvent.objects.create(
        application=application,
        actor=moved_by,
        from_status=previous,
        to_status=to_status,
        note=(note or "").strip()[:MESSAGE_MAX],
        on_date=on_date,
    )
    audit_record(
        actor=moved_by,
        verb=AuditVerb.APPLICATION_MOVE,
        target=application,
        from_status=previous,
        to_status=to_status,
    )
    posting = application.posting
    if to_status == ApplicationStatus.HIRED and posting.status == PostingStatus.OPEN:
        hired = posting.applications.filter(status=ApplicationStatus.HIRED).count()
        if hired >= posting.openings:
            posting.status = PostingStatus.FILLED
            posting.closed_at = timezone.now()
            posting.save(update_fields=["status", "closed_at", "updated_at"])
            audit_record(
                actor=moved_by,
                verb=AuditVerb.POSTING_CLOSE,
                target=posting,
                status=PostingStatus.FILLED,
            )
    mail_later(
        key=f"application-moved:{application.pk}:{to_status}",
        to=application.seeker.email,
        template="jobs/email/application_moved",
        context={"application": application, "posting": posting},
        language=application.seeker.preferred_language,
    )
    return application


@transaction.atomic
def invitation_create(
    *, posting: JobPosting, seeker: Any, invited_by: Any, message: str = ""
) -> Invitation:
    """Invite a consenting seeker to apply to an open posting (once per posting)."""
    if not access.can_manage_posting(invited_by, posting):
        raise NotAllowed(_("You can invite people only to your own postings."))
    _refuse_closed(posting)
    profile = getattr(seeker, "learner_profile", None)
    if profile is None or not profile.share_with_employers:
        raise NotAllowed(_("This person does not share their profile with employers."))
    invitation, created = Invitation.objects.get_or_create(
        posting=posting,
        seeker=seeker,
        defaults={"invited_by": invited_by, "message": (message or "").strip()},
    )
    if created:
        audit_record(
            actor=invited_by, verb=AuditVerb.INVITATION_CREATE, target=invitation
        )
        mail_later(
            key=f"invitation:{invitation.pk}",
            to=seeker.email,
            template="jobs/email/invitation",
            context={
                "invitation": invitation,
                "posting": posting,
                "posting_url": absolute(posting.get_absolute_url()),
            },
            language=seeker.preferred_language,
        )
    return invitation


def posting_save(*, seeker: Any, posting: JobPosting, saved: bool) -> bool:
    """Keep or forget a posting on the seeker's list; return whether it is kept."""
    if not access.is_seeker(seeker):
        raise NotAllowed(_("Only job seekers keep a list of postings."))
    if saved:
        SavedPosting.objects.get_or_create(seeker=seeker, posting=posting)
    else:
        SavedPosting.objects.filter(seeker=seeker, posting=posting).delete()
    return saved
