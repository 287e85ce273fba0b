"""The matrix of roles against resources, refusals included."""

from __future__ import annotations

import pytest

from skillpath.accounts import access, testing
from skillpath.accounts.models import OrganisationKind, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    college = testing.organisation(OrganisationKind.COLLEGE)
    other_college = testing.organisation(OrganisationKind.COLLEGE)
    shares = testing.learner(share_with_employers=True, home=college)
    private = testing.learner(share_with_employers=False, home=college)
    return {
        "college": college,
        "shares": shares.learner_profile,
        "private": private.learner_profile,
        "learner": testing.learner(),
        "coordinator": testing.coordinator(college),
        "assessor": testing.assessor(college),
        "other_coordinator": testing.coordinator(other_college),
        "employer": testing.employer(),
        "pending_employer": testing.employer(approved=False),
        "anonymous": type("Anonymous", (), {"is_authenticated": False})(),
    }


@pytest.mark.parametrize(
    ("viewer", "profile", "allowed"),
    [
        ("anonymous", "shares", False),
        ("learner", "shares", False),
        ("learner", "private", False),
        ("coordinator", "private", True),
        ("assessor", "private", True),
        ("other_coordinator", "private", False),
        ("employer", "shares", True),
        ("employer", "private", False),
        ("pending_employer", "shares", False),
    ],
)
def test_who_may_view_a_learner(
    world, viewer: str, profile: str, allowed: bool
) -> None:  # type: ignore[no-untyped-def]
    assert access.can_view_learner(world[viewer], world[profile]) is allowed


@pytest.mark.parametrize(
    ("viewer", "profile", "allowed"),
    [
        ("anonymous", "shares", False),
        ("learner", "shares", False),
        ("coordinator", "private", True),
        ("assessor", "private", True),
        ("other_coordinator", "private", False),
        ("employer", "shares", False),
        ("employer", "private", False),
        ("pending_employer", "shares", False),
    ],
)
def test_who_may_follow_a_learners_plans_levels_and_proofs(
    world, viewer: str, profile: str, allowed: bool
) -> None:  # type: ignore[no-untyped-def]
    assert access.can_support_learner(world[viewer], world[profile]) is allowed


def test_a_learner_sees_their_own_profile(world) -> None:  # type: ignore[no-untyped-def]
    assert access.can_view_learner(world["shares"].user, world["shares"])


def test_employer_list_holds_only_consenting_learners(world) -> None:  # type: ignore[no-untyped-def]
    visible = set(access.learners_visible_to(world["employer"]))
    assert world["shares"] in visible
    assert world["private"] not in visible


def test_unapproved_employer_has_no_employer_powers(world) -> None:  # type: ignore[no-untyped-def]
    assert not access.is_employer(world["pending_employer"])
    assert Role.EMPLOYER not in access.roles(world["pending_employer"])
    assert not access.learners_visible_to(world["pending_employer"]).exists()


def test_only_managers_of_an_organisation_manage_it(world) -> None:  # type: ignore[no-untyped-def]
    college = world["college"]
    assert access.can_manage_organisation(world["coordinator"], college)
    assert not access.can_manage_organisation(world["assessor"], college)
    assert not access.can_manage_organisation(world["other_coordinator"], college)
    assert not access.can_manage_organisation(world["employer"], college)


def test_roles_include_learner_only_for_job_seekers(world) -> None:  # type: ignore[no-untyped-def]
    assert access.roles(world["learner"]) == {"learner"}
    assert access.roles(world["coordinator"]) == {"coordinator"}
