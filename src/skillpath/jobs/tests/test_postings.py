"""Postings: drafting on an endorsed profile, checks that write nothing, open, close."""

from __future__ import annotations

import pytest

from skillpath.accounts import testing as accounts_testing
from skillpath.jobs.exceptions import InvalidPosting, NotAllowed, PostingState
from skillpath.jobs.models import JobPosting, PostingStatus
from skillpath.jobs.services import postings as services
from skillpath.jobs.testing import jobs_world, posting_fields

pytestmark = pytest.mark.django_db


def test_posting_copies_the_profiles_competencies_with_essentials() -> None:
    world = jobs_world(open_posting=False)
    rows = list(world.posting.requirements.all())
    assert len(rows) == 3
    assert all(r.essential == (r.importance >= 4) for r in rows)
    assert {r.essential for r in rows} == {True, False}
    assert world.posting.status == PostingStatus.DRAFT


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"wage_min": "25", "wage_max": "20"}, "wage_min"),
        ({"noc_code": "99999"}, "noc_code"),
        ({"noc_code": "4220"}, "noc_code"),
        ({"opens_on": "2027-03-01", "closing_date": "2027-02-01"}, "closing_date"),
        ({"hours_per_week": "200"}, "hours_per_week"),
        ({"wage_min": "-3"}, "wage_min"),
        ({"city": "  "}, "city"),
    ],
)
def test_bad_postings_are_refused_naming_the_field_and_nothing_is_written(
    overrides: dict[str, str], field: str
) -> None:
    world = jobs_world(open_posting=False)
    before = JobPosting.objects.count()
    with pytest.raises(InvalidPosting) as caught:
        services.posting_create(
            employer=world.employer_org,
            created_by=world.employer,
            profile_version=world.credential.profile_version,
            **posting_fields(**overrides),
        )
    assert caught.value.field == field
    assert JobPosting.objects.count() == before


def test_unapproved_employer_cannot_post() -> None:
    world = jobs_world(open_posting=False)
    pending = accounts_testing.employer(world.employer_org, approved=False)
    with pytest.raises(NotAllowed):
        services.posting_create(
            employer=world.employer_org,
            created_by=pending,
            profile_version=world.credential.profile_version,
            **posting_fields(),
        )


def test_another_employer_cannot_post_on_a_version_it_did_not_review() -> None:
    world = jobs_world(open_posting=False)
    other = accounts_testing.employer()
    org = other.memberships.get().organisation
    with pytest.raises(InvalidPosting) as caught:
        services.posting_create(
            employer=org,
            created_by=other,
            profile_version=world.credential.profile_version,
            **posting_fields(),
        )
    assert caught.value.field == "profile_version"


def test_open_needs_a_requirement_and_an_open_posting_keeps_what_people_applied_to() -> (
    None
):
    world = jobs_world(open_posting=False)
    posting = world.posting
    for row in list(posting.requirements.all()):
        services.requirement_remove(
            posting=posting, changed_by=world.employer, competency=row.competency
        )
    with pytest.raises(PostingState):
        services.posting_open(posting=posting, opened_by=world.employer)
    competency = world.credential.requirements.first().competency
    services.requirement_set(
        posting=posting,
        changed_by=world.employer,
        competency=competency,
        required_level=2,
        importance=5,
        essential=True,
    )
    opened = services.posting_open(posting=posting, opened_by=world.employer)
    assert opened.status == PostingStatus.OPEN and opened.opens_on is not None
    with pytest.raises(InvalidPosting) as caught:
        services.posting_update(
            posting=opened, changed_by=world.employer, wage_max="99"
        )
    assert caught.value.field == "wage_max"
    with pytest.raises(PostingState):
        services.requirement_set(
            posting=opened,
            changed_by=world.employer,
            competency=competency,
            required_level=1,
        )
    services.posting_update(posting=opened, changed_by=world.employer, openings=3)
    opened.refresh_from_db()
    assert opened.openings == 3


def test_only_the_employers_representatives_change_a_posting() -> None:
    world = jobs_world()
    stranger = accounts_testing.employer()
    with pytest.raises(NotAllowed):
        services.posting_close(
            posting=world.posting, closed_by=stranger, status=PostingStatus.CLOSED
        )
    closed = services.posting_close(
        posting=world.posting, closed_by=world.employer, status=PostingStatus.CLOSED
    )
    assert closed.status == PostingStatus.CLOSED
    with pytest.raises(PostingState):
        services.posting_open(posting=closed, opened_by=world.employer)
