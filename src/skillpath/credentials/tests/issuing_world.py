"""Test helpers of the issuing side: standings and an award.

The micro-credential comes from ``credentials.testing.micro_credential``, aligned
to an ESCO skill and a CASE item so that badges carry both kinds of alignment.
"""

from __future__ import annotations

from typing import Any

from skillpath.accounts import testing
from skillpath.accounts.models import User
from skillpath.common.cycle import CompetencyStanding, StandingStatus
from skillpath.credentials.models import Award
from skillpath.credentials.selectors import definition_spec
from skillpath.credentials.services.awards import award_issue
from skillpath.credentials.testing import micro_credential


def standings(
    credential: Any,
    *,
    method: str = "adaptive_test",
    short_by: int = 0,
    confidence: float | None = 0.97,
) -> list[CompetencyStanding]:
    """Return standings where every competency is demonstrated (the last one
    ``short_by`` levels short of its requirement)."""
    spec = definition_spec(credential)
    result = []
    for position, competency in enumerate(spec.competencies):
        shortfall = short_by if position == len(spec.competencies) - 1 else 0
        level = competency.required_level - shortfall
        result.append(
            CompetencyStanding(
                competency_id=competency.id,
                required_level=competency.required_level,
                demonstrated_level=level,
                status=StandingStatus.DEMONSTRATED
                if not shortfall
                else StandingStatus.GAP,
                method=method,
                confidence=confidence,
            )
        )
    return result


def awarded(
    *,
    learner: User | None = None,
    credential: Any = None,
    shared: bool = False,
    **definition: Any,
) -> Award:
    """Award a fresh micro-credential to a learner (new ones unless given)."""
    learner = learner or testing.learner()
    credential = credential or micro_credential(aligned=True, **definition)
    award = award_issue(
        learner=learner, credential=credential, standings=standings(credential)
    )
    if shared:
        Award.objects.filter(pk=award.pk).update(shared=True)
        award.refresh_from_db()
    return award
