"""Schedule follow-up surveys after awards, send them, and take their answers.

What is due lives in ``FollowUp`` rows: the sweep (``outcomes.services.sweep``)
creates the schedule of each award of a consenting learner, and moves each due
survey from scheduled to sent with a conditional ``UPDATE`` in the transaction that
records its mail in the outbox (key ``follow-up:<id>:<n>``, n = 0 first, 1 and 2
reminders). A sweep run twice, or killed and run again, sends each mail once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from skillpath.common.audit import AuditVerb, audit_record
from skillpath.common.mail import mail_cancel
from skillpath.core.followups import (
    LINK_VALID_DAYS,
    NO_ANSWER_AFTER_DAYS,
    REMINDER_AFTER_DAYS,
    schedule,
    step_due,
)
from skillpath.credentials.models import Award, AwardStatus
from skillpath.jobs.mail import mail_later
from skillpath.outcomes.exceptions import InvalidAnswer, SurveyClosed
from skillpath.outcomes.links import survey_url
from skillpath.outcomes.models import (
    AnswerVia,
    FollowUp,
    FollowUpAnswer,
    FollowUpState,
)
from skillpath.outcomes.services.jobs_described import job_fields

#: At most this many rows per step of one sweep: the next minute's sweep goes on.
BATCH = 500


def _award_day(award: Award) -> dt.date:
    return timezone.localdate(award.valid_from)


def follow_ups_schedule(*, today: dt.date | None = None) -> int:
    """Create the surveys of every active award of a consenting learner that has none.

    A survey whose answering time had passed when it was created (an award older
    than the learner's consent) is created cancelled: never sent, never counted as
    unanswered. Return how many awards got a schedule.
    """
    today = today or timezone.localdate()
    awards = list(
        Award.objects.filter(
            status=AwardStatus.ACTIVE,
            learner__learner_profile__follow_up_surveys=True,
            follow_ups__isnull=True,
        ).order_by("pk")[:BATCH]
    )
    now = timezone.now()
    for award in awards:
        rows = []
        for survey in schedule(_award_day(award)):
            too_late = (today - survey.due_on).days >= NO_ANSWER_AFTER_DAYS
            rows.append(
                FollowUp(
                    learner_id=award.learner_id,
                    award=award,
                    kinds=list(survey.kinds),
                    due_on=survey.due_on,
                    state=FollowUpState.CANCELLED
                    if too_late
                    else FollowUpState.SCHEDULED,
                    closed_at=now if too_late else None,
                )
            )
        with transaction.atomic():
            FollowUp.objects.bulk_create(rows, ignore_conflicts=True)
            audit_record(
                actor=None,
                verb=AuditVerb.FOLLOW_UPS_SCHEDULE,
                target=award,
                surveys=len(rows),
            )
    return len(awards)


def _mail(follow_up: FollowUp, number: int) -> None:
    learner = follow_up.learner
    mail_later(
        key=f"follow-up:{follow_up.pk}:{number}",
        to=learner.email,
        template="outcomes/email/follow_up",
        context={
            "learner": learner,
            "credential": follow_up.award.credential,
            "survey_url": survey_url(follow_up),
            "reminder": number,
            "expires_on": follow_up.expires_on,
        },
        language=learner.preferred_language,
    )


def follow_ups_send(*, now: dt.datetime | None = None) -> int:
    """Send the due surveys, the reminders, and close the unanswered; return mails.

    Each survey moves in its own transaction, with its mail: a sweep killed half-way
    leaves the rest scheduled for the next one, and none sent twice.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    queued = 0
    due = FollowUp.objects.filter(
        state=FollowUpState.SCHEDULED,
        due_on__lte=today,
        learner__learner_profile__follow_up_surveys=True,
        award__status=AwardStatus.ACTIVE,
    ).select_related("learner", "award__credential")
    for follow_up in due.order_by("due_on", "pk")[:BATCH]:
        expires_on = today + dt.timedelta(days=LINK_VALID_DAYS)
        with transaction.atomic():
            claimed = FollowUp.objects.filter(
                pk=follow_up.pk, state=FollowUpState.SCHEDULED
            ).update(
                state=FollowUpState.SENT,
                sent_at=now,
                last_sent_at=now,
                expires_on=expires_on,
                updated_at=now,
            )
            if claimed:
                follow_up.expires_on = expires_on
                _mail(follow_up, 0)
                queued += 1
    waiting = FollowUp.objects.filter(
        state=FollowUpState.SENT,
        sent_at__lte=now - dt.timedelta(days=REMINDER_AFTER_DAYS[0]),
    ).select_related("learner", "award__credential")
    for follow_up in waiting.order_by("sent_at", "pk")[:BATCH]:
        assert follow_up.sent_at is not None  # noqa: S101 (sent ones have it)
        step = step_due(
            timezone.localdate(follow_up.sent_at), follow_up.reminders_sent, today
        )
        with transaction.atomic():
            if step == "close":
                FollowUp.objects.filter(
                    pk=follow_up.pk, state=FollowUpState.SENT
                ).update(state=FollowUpState.NO_ANSWER, closed_at=now, updated_at=now)
            elif step == "remind":
                number = follow_up.reminders_sent + 1
                reminded = FollowUp.objects.filter(
                    pk=follow_up.pk,
                    state=FollowUpState.SENT,
                    reminders_sent=follow_up.reminders_sent,
                ).update(
                    reminders_sent=F("reminders_sent") + 1,
                    last_sent_at=now,
                    updated_at=now,
                )
                if reminded:
                    _mail(follow_up, number)
                    queued += 1
    # Surveys of awards revoked since they were scheduled are not sent.
    FollowUp.objects.filter(
        state__in=(FollowUpState.SCHEDULED,), award__status=AwardStatus.REVOKED
    ).update(state=FollowUpState.CANCELLED, closed_at=now, updated_at=now)
    return queued


def _close(follow_up: FollowUp, state: FollowUpState, now: dt.datetime) -> None:
    """Move an open (sent) survey to ``state``, or raise: a link works once."""
    fields: dict[str, Any] = {"state": state, "closed_at": now, "updated_at": now}
    if state == FollowUpState.ANSWERED:
        fields["answered_at"] = now
    moved = FollowUp.objects.filter(pk=follow_up.pk, state=FollowUpState.SENT).update(
        **fields
    )
    if not moved:
        follow_up.refresh_from_db(fields=["state"])
        raise SurveyClosed(closed_message(follow_up))
    follow_up.state = state
    mail_cancel(key_prefix=f"follow-up:{follow_up.pk}:", reason=f"survey {state}")


def closed_message(follow_up: FollowUp) -> str:
    """Return why a survey cannot be answered now, in words."""
    if follow_up.state == FollowUpState.ANSWERED:
        return _("This survey is answered already. Thank you!")
    if follow_up.state == FollowUpState.DECLINED:
        return _("You declined this survey; nothing more is asked.")
    if follow_up.state == FollowUpState.SCHEDULED:
        return _("This survey is not open yet.")
    return _("This survey is closed.")


def follow_up_answer(
    *,
    follow_up: FollowUp,
    via: str,
    employed: bool,
    started_on: dt.date | None = None,
    noc_code: str = "",
    employer_name: str = "",
    wage: Any = None,
    wage_unit: str = "",
    hours_per_week: Any = None,
    same_employer: bool | None = None,
    credential_helped: int | None = None,
) -> FollowUpAnswer:
    """Record the learner's answer to an open survey, once.

    ``in_field`` is whether the occupation is the credential's (its job profile's
    NOC). Refused, with the field named and nothing written: a job started before
    the award or in the future, a negative wage, hours outside (0, 168], an unknown
    NOC code, a rating outside 1-5.
    """
    follow_up = FollowUp.objects.select_related(
        "award__credential__profile_version__profile"
    ).get(pk=follow_up.pk)
    if via not in AnswerVia.values:
        raise InvalidAnswer(_("Unknown way of answering."), field="via")
    fields = job_fields(
        employed=employed,
        noc_code=noc_code,
        wage=wage,
        wage_unit=wage_unit,
        hours_per_week=hours_per_week,
    )
    award_day = _award_day(follow_up.award)
    if employed and started_on is not None:
        if started_on < award_day:
            raise InvalidAnswer(
                _(
                    "The job's start date is before your credential "
                    "(%(day)s): give the date you started this job after it, or "
                    "leave it empty."
                )
                % {"day": award_day.isoformat()},
                field="started_on",
            )
        if started_on > timezone.localdate():
            raise InvalidAnswer(
                _("The start date is in the future: answer for the job you have now."),
                field="started_on",
            )
    if credential_helped is not None and not 1 <= int(credential_helped) <= 5:
        raise InvalidAnswer(
            _("Choose from 1 (not at all) to 5 (a great deal)."),
            field="credential_helped",
        )
    employer_name = (employer_name or "").strip()[:200] if employed else ""
    profile_noc = follow_up.award.credential.profile_version.profile.noc_code
    in_field = (fields["noc_code"] == profile_noc) if fields["noc_code"] else None
    if not employed:
        in_field = None
        same_employer = None
    now = timezone.now()
    try:
        with transaction.atomic():
            _close(follow_up, FollowUpState.ANSWERED, now)
            answer = FollowUpAnswer.objects.create(
                follow_up=follow_up,
                started_on=started_on if employed else None,
                in_field=in_field,
                employer_name=employer_name,
                same_employer=same_employer,
                credential_helped=credential_helped,
                via=via,
                **fields,
            )
            audit_record(
                actor=follow_up.learner,
                verb=AuditVerb.FOLLOW_UP_ANSWER,
                target=follow_up,
                via=via,
            )
    except IntegrityError:
        raise SurveyClosed(_("This survey is answered already. Thank you!")) from None
    return answer


@transaction.atomic
def follow_up_decline(*, follow_up: FollowUp, via: str) -> FollowUp:
    """Decline one open survey: nothing more is sent for it; the link is used up."""
    _close(follow_up, FollowUpState.DECLINED, timezone.now())
    audit_record(
        actor=follow_up.learner,
        verb=AuditVerb.FOLLOW_UP_DECLINE,
        target=follow_up,
        via=via,
    )
    return follow_up


@transaction.atomic
def follow_up_bounce(*, follow_up: FollowUp, actor: Any) -> FollowUp:
    """Record that the survey's mail came back undelivered (a coordinator says so).

    The survey stops (no reminders to an address that does not work) and counts as
    not reached, not as unanswered.
    """
    _close(follow_up, FollowUpState.BOUNCED, timezone.now())
    audit_record(actor=actor, verb=AuditVerb.FOLLOW_UP_BOUNCE, target=follow_up)
    return follow_up


def previous_employer(follow_up: FollowUp) -> str:
    """Return the employer named at the learner's last answered survey, if any."""
    answer = (
        FollowUpAnswer.objects.filter(
            follow_up__learner_id=follow_up.learner_id,
            follow_up__answered_at__isnull=False,
            employed=True,
        )
        .exclude(follow_up=follow_up)
        .order_by("-follow_up__answered_at")
        .first()
    )
    return answer.employer_name if answer else ""
