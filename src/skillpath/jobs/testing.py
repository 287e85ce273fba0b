"""Builders for tests of the jobs app: an open posting, seekers who match it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from skillpath.accounts import testing as accounts_testing
from skillpath.accounts.models import Organisation, User
from skillpath.common.cycle import CompetencyStanding, StandingStatus
from skillpath.credentials.models import Award, MicroCredential
from skillpath.credentials.selectors import definition_spec
from skillpath.credentials.services.awards import award_issue
from skillpath.credentials.testing import published_credential
from skillpath.jobs.models import JobPosting
from skillpath.jobs.services import postings as posting_services


@dataclass
class JobsWorld:
    """A published credential on an endorsed profile, and its employer's posting."""

    credential: MicroCredential
    employer_org: Organisation
    employer: User
    coordinator: User
    posting: JobPosting


def posting_fields(**overrides: Any) -> dict[str, Any]:
    """Return valid fields of a posting, changed by ``overrides``."""
    return {
        "title": "Early childhood educator assistant",
        "noc_code": "42202",
        "city": "Calgary",
        "region": "AB",
        "work_mode": "on_site",
        "wage_min": "19.50",
        "wage_max": "23.00",
        "wage_unit": "hour",
        "hours_per_week": "37.5",
        "openings": 2,
        "language_of_work": "en",
        "how_to_apply": "Apply on skillpath.",
    } | overrides


def jobs_world(*, open_posting: bool = True, competencies: int = 3) -> JobsWorld:
    """Return a world with one posting on a published credential's profile."""
    credential = published_credential(competencies=competencies)
    version = credential.profile_version
    employer_org = version.reviews.select_related("organisation").get().organisation
    employer = accounts_testing.employer(employer_org)
    posting = posting_services.posting_create(
        employer=employer_org,
        created_by=employer,
        profile_version=version,
        **posting_fields(),
    )
    if open_posting:
        posting = posting_services.posting_open(posting=posting, opened_by=employer)
    return JobsWorld(
        credential=credential,
        employer_org=employer_org,
        employer=employer,
        coordinator=credential.created_by or employer,
        posting=posting,
    )


def standings_for(
    credential: MicroCredential, *, short_by: int = 0, shortfalls: int = 0
) -> list[CompetencyStanding]:
    """Return standings on ``credential``: all demonstrated, or the last
    ``shortfalls`` competencies ``short_by`` levels short."""
    spec = definition_spec(credential)
    result = []
    for position, competency in enumerate(spec.competencies):
        short = short_by if position >= len(spec.competencies) - shortfalls else 0
        result.append(
            CompetencyStanding(
                competency_id=competency.id,
                required_level=competency.required_level,
                demonstrated_level=max(0, competency.required_level - short),
                status=StandingStatus.GAP if short else StandingStatus.DEMONSTRATED,
                method=(competency.allowed_methods or ("adaptive_test",))[0],
                confidence=0.97,
            )
        )
    return result


def holder(
    credential: MicroCredential, *, share: bool = True, name: str = ""
) -> tuple[User, Award]:
    """Return a seeker who holds ``credential`` (sharing with employers by default)."""
    seeker = accounts_testing.learner(share_with_employers=share, name=name)
    award = award_issue(
        learner=seeker, credential=credential, standings=standings_for(credential)
    )
    return seeker, award
