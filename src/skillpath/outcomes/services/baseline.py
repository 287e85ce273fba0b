"""Record where a learner stood at enrolment (with their consent)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillpath.accounts.models import LearnerProfile
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.outcomes.exceptions import NotAllowed
from skillpath.outcomes.models import Baseline
from skillpath.outcomes.services.jobs_described import job_fields


@transaction.atomic
def baseline_record(
    *,
    learner: Any,
    employed: bool,
    noc_code: str = "",
    wage: Any = None,
    wage_unit: str = "",
    hours_per_week: Any = None,
) -> Baseline:
    """Record (or correct) the learner's job at enrolment; only with their consent."""
    profile = LearnerProfile.objects.filter(user=learner).first()
    if profile is None or not profile.follow_up_surveys:
        raise NotAllowed(
            _("Turn on follow-up surveys first: the baseline is part of them.")
        )
    fields = job_fields(
        employed=employed,
        noc_code=noc_code,
        wage=wage,
        wage_unit=wage_unit,
        hours_per_week=hours_per_week,
    )
    baseline, created = Baseline.objects.update_or_create(
        learner=learner, defaults={**fields, "recorded_at": timezone.now()}
    )
    audit_record(
        actor=learner,
        verb=AuditVerb.BASELINE_RECORD,
        target=baseline,
        created=created,
    )
    return baseline
