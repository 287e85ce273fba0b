"""Tell seekers about new postings they match strongly: on the dashboard, by e-mail."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from skillpath.accounts.models import LearnerProfile
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.common.queue import db_task
from skillpath.credentials.site import absolute
from skillpath.jobs.mail import mail_later
from skillpath.jobs.models import JobPosting, MatchAlert
from skillpath.jobs.selectors.matching import evidence_by_seeker, match_index

#: How many seekers one posting alerts at most (the best matches).
ALERTS_PER_POSTING = 200


def alerts_for_posting(*, posting: JobPosting) -> list[MatchAlert]:
    """Alert every seeker who matches an open ``posting`` strongly, once each.

    Seekers with no evidence are left out; a second call alerts nobody twice.
    """
    profiles = {
        p.user_id: p
        for p in LearnerProfile.objects.select_related("user").filter(
            user__is_active=True
        )
    }
    if not profiles or not posting.is_open:
        return []
    evidence = {pk: ev for pk, ev in evidence_by_seeker(list(profiles)).items() if ev}
    if not evidence:
        return []
    ranking = match_index(seekers=evidence, postings=[posting]).top_seekers(
        str(posting.pk), min(ALERTS_PER_POSTING, len(evidence))
    )
    created: list[MatchAlert] = []
    with transaction.atomic():
        for seeker_id, score, band in zip(
            ranking.ids, ranking.scores, ranking.bands, strict=True
        ):
            if band != "strong":
                continue
            alert, new = MatchAlert.objects.get_or_create(
                seeker_id=int(seeker_id),
                posting=posting,
                defaults={"score": float(score), "band": band},
            )
            if not new:
                continue
            created.append(alert)
            profile = profiles[int(seeker_id)]
            if profile.job_alerts_by_email:
                _mail(alert, profile.user)
        if created:
            audit_record(
                actor=None,
                verb=AuditVerb.MATCH_ALERTS_CREATE,
                target=posting,
                seekers=len(created),
            )
    return created


@db_task(name="posting_alerts")
def posting_alerts_task(posting_id: int) -> int:
    """Alert the strong matches of a newly opened posting; return how many."""
    posting = JobPosting.objects.filter(pk=posting_id).first()
    if posting is None:
        return 0
    return len(alerts_for_posting(posting=posting))


def _mail(alert: MatchAlert, seeker: Any) -> None:
    MatchAlert.objects.filter(pk=alert.pk).update(emailed_at=timezone.now())
    mail_later(
        key=f"match-alert:{alert.pk}",
        to=seeker.email,
        template="jobs/email/match_alert",
        context={
            "seeker": seeker,
            "posting": alert.posting,
            "posting_url": absolute(alert.posting.get_absolute_url()),
        },
        language=seeker.preferred_language,
    )


def alert_dismiss(*, alert: MatchAlert, seeker: Any) -> None:
    """Hide an alert from the seeker's dashboard."""
    MatchAlert.objects.filter(pk=alert.pk, seeker=seeker).update(
        dismissed_at=timezone.now()
    )
