"""Demo awards: each demo micro-credential earned by someone, one at the first
assessment, and one award revoked.

This is demo data. Where the assessments app has no demo results for a learner,
the demonstrations are recorded through the award service with explicit evidence
notes that start with "demo:", so nobody mistakes them for real assessments.
Running it again changes nothing.
"""

from __future__ import annotations

from typing import Any

from skillpath.accounts.models import User
from skillpath.common.cycle import CompetencyStanding, StandingStatus
from skillpath.credentials.awards import award_issue, award_revoke, award_share_set
from skillpath.credentials.issuing_definitions import definition_spec
from skillpath.credentials.models_issuing import Award

# Demo learners of accounts/demo.py, in the order they receive credentials.
EARNERS = [
    "learner@skillpath.example",
    "sofia@skillpath.example",
    "jean@skillpath.example",
]
FIRST_TIME = "learner@skillpath.example"
REVOKED = "tyler@skillpath.example"
FIRST_TIME_NOTE = "demo: shown at the first assessment, so no learning was needed."
LEARNED_NOTE = "demo: recognised prior learning and a re-assessment after the plan."
REVOKED_NOTE = "demo: awarded so that the demo shows a revoked credential."
REVOKE_REASON = (
    "Demo: the performance task was found to be another person's work; the "
    "credential can be earned again by a new, supervised assessment."
)


def _standings(credential: Any, *, first_time: bool) -> list[CompetencyStanding]:
    spec = definition_spec(credential)
    standings = []
    for competency in spec.competencies:
        allowed = competency.allowed_methods or ("adaptive_test",)
        method = (
            "adaptive_test" if first_time and "adaptive_test" in allowed else allowed[0]
        )
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


def _award(learner: User, credential: Any, note: str, *, first_time: bool) -> Award:
    existing = Award.objects.filter(learner=learner, credential=credential).first()
    if existing is not None:
        return existing
    standings = _standings(credential, first_time=first_time)
    return award_issue(
        learner=learner,
        credential=credential,
        standings=standings,
        notes={standing.competency_id: note for standing in standings},
    )


def seed(stdout: Any) -> None:
    """Award the demo micro-credentials to the demo learners."""
    from skillpath.credentials.models import MicroCredential

    credentials = [
        credential
        for credential in MicroCredential.objects.order_by("pk")
        if definition_spec(credential).competencies
        and definition_spec(credential).organisation is not None
    ]
    learners = {
        user.email: user for user in User.objects.filter(email__in=[*EARNERS, REVOKED])
    }
    if not credentials or not learners:
        stdout.write("  no micro-credential or demo learner yet: no demo award.")
        return
    count = 0
    for position, credential in enumerate(credentials):
        email = EARNERS[position % len(EARNERS)]
        learner = learners.get(email)
        if learner is None:
            continue
        first_time = email == FIRST_TIME
        award = _award(
            learner,
            credential,
            FIRST_TIME_NOTE if first_time else LEARNED_NOTE,
            first_time=first_time,
        )
        if not award.shared and email == FIRST_TIME:
            award_share_set(award=award, shared=True, actor=None)
        count += 1
    revoked_learner = learners.get(REVOKED)
    if revoked_learner is not None:
        award = _award(revoked_learner, credentials[0], REVOKED_NOTE, first_time=False)
        if award.status == "active":
            award_revoke(award=award, reason=REVOKE_REASON, actor=None)
    stdout.write(f"  {count} demo awards and one revoked award.")
