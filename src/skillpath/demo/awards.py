"""Demo awards: every demo micro-credential earned by someone, one award revoked.

The demo learners' assessments do not complete any micro-credential, so each
published micro-credential is awarded to a demo learner who has no assessment for
it, through the award service with evidence notes that start with "demo:", so
nobody mistakes them for assessments. The first one is recorded as earned at the
first assessment (nothing learned) and shared, so the demo has a public page; one
more award is made and then revoked with a reason (``data/awards.json``). Running it
again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from skillpath.accounts.models import User
from skillpath.assessments.models import Sitting
from skillpath.common.cycle import CompetencyStanding, StandingStatus
from skillpath.credentials.models import (
    Award,
    AwardStatus,
    CredentialState,
    MicroCredential,
)
from skillpath.credentials.selectors import definition_spec
from skillpath.credentials.services.awards import (
    award_issue,
    award_revoke,
    award_share_set,
)
from skillpath.demo.files import load

AWARDS = load("awards.json")


def _standings(credential: Any, *, first_time: bool) -> list[CompetencyStanding]:
    standings = []
    for competency in definition_spec(credential).competencies:
        allowed = competency.allowed_methods or ("prior_learning",)
        wanted = "adaptive_test" if first_time else "prior_learning"
        method = wanted if wanted in allowed else allowed[0]
        standings.append(
            CompetencyStanding(
                competency_id=competency.id,
                required_level=competency.required_level,
                demonstrated_level=competency.required_level,
                status=StandingStatus.DEMONSTRATED,
                method=method,
                confidence=0.96 if method == "adaptive_test" else None,
            )
        )
    return standings


def _free(learner: User, credential: Any) -> bool:
    """Return whether a demo award would contradict nothing the learner has."""
    return not (
        Award.objects.filter(learner=learner, credential=credential).exists()
        or Sitting.objects.filter(learner=learner, credential=credential).exists()
    )


def _award(learner: User, credential: Any, note: str, *, first_time: bool) -> Award:
    standings = _standings(credential, first_time=first_time)
    days_ago = AWARDS.get("earned_days_ago", {}).get(learner.email)
    return award_issue(
        learner=learner,
        credential=credential,
        standings=standings,
        notes={standing.competency_id: note for standing in standings},
        earned_at=timezone.now() - dt.timedelta(days=days_ago) if days_ago else None,
    )


def _least_awarded(learners: list[User]) -> User | None:
    """Return the learner with the fewest awards (the first such, in order)."""
    if not learners:
        return None
    return min(learners, key=lambda p: Award.objects.filter(learner=p).count())


def _awardable(credential: Any) -> bool:
    spec = definition_spec(credential)
    return bool(spec.competencies) and spec.organisation is not None


def seed(stdout: Any) -> None:
    """Award the demo micro-credentials to the demo learners."""
    credentials = [
        credential
        for credential in MicroCredential.objects.filter(
            state=CredentialState.PUBLISHED
        ).order_by("pk")
        if _awardable(credential)
    ]
    people = {u.email: u for u in User.objects.filter(email__in=AWARDS["earners"])}
    learners = [people[email] for email in AWARDS["earners"] if email in people]
    if not credentials or not learners:
        stdout.write("  no published micro-credential or demo learner: no award.")
        return
    made = 0
    for position, credential in enumerate(credentials):
        if Award.objects.filter(
            credential=credential, status=AwardStatus.ACTIVE
        ).exists():
            continue
        learner = _least_awarded([p for p in learners if _free(p, credential)])
        if learner is None:
            continue
        first_time = position == 0
        note = AWARDS["first_time_note"] if first_time else AWARDS["prior_note"]
        award = _award(learner, credential, note, first_time=first_time)
        if first_time:
            award_share_set(award=award, shared=True, actor=None)
        made += 1
    if not Award.objects.filter(status=AwardStatus.REVOKED).exists():
        for credential in credentials:
            learner = _least_awarded([p for p in learners if _free(p, credential)])
            if learner is not None:
                award = _award(
                    learner, credential, AWARDS["revoked_note"], first_time=False
                )
                award_revoke(award=award, reason=AWARDS["revoke_reason"], actor=None)
                made += 1
                break
    stdout.write(f"  {made} demo awards made (one revoked)." if made else "  done.")
