"""Factories that give a test its frameworks, profiles and reviews in a few lines.

Other apps' tests use them too: ``endorsed_version()`` returns a profile version that
an employer has endorsed, ready for a micro-credential.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from skillpath.accounts import testing
from skillpath.accounts.models import Organisation, OrganisationKind, User
from skillpath.frameworks import services
from skillpath.frameworks.models import (
    Competency,
    CompetencyKind,
    Framework,
    JobProfile,
    ProfileReview,
    ProfileVersion,
    TaskCompetency,
)

_counter = itertools.count(1)


def framework(
    *, owner: Organisation | None = None, competencies: int = 3, title: str = ""
) -> Framework:
    """Create a framework (default 4-level scale) with ``competencies`` top-level ones."""
    number = next(_counter)
    created = services.framework_create(
        title=title or f"Framework {number}", created_by=None, owner=owner
    )
    for index in range(1, competencies + 1):
        competency(
            created, title=f"Competency {number}.{index}", code=f"F{number}.{index}"
        )
    return created


def competency(
    of: Framework | None = None,
    *,
    title: str = "",
    code: str = "",
    parent: Competency | None = None,
    kind: str = CompetencyKind.SKILL,
) -> Competency:
    """Create a competency (in a new framework unless ``of`` is given)."""
    target = of or framework(competencies=0)
    superuser = _superuser()
    number = next(_counter)
    return services.competency_create(
        framework=target,
        created_by=superuser,
        title_en=title or f"Competency {number}",
        title_fr=f"Compétence {number}",
        code=code,
        kind=kind,
        parent=parent,
    )


def _superuser() -> User:
    user = User.objects.filter(
        is_superuser=True, email="factory-admin@test.example"
    ).first()
    if user is None:
        user = User.objects.create_superuser(
            email="factory-admin@test.example",
            password=testing.PASSWORD,
            full_name="Factory",
        )
    return user


@dataclass
class ProfileWorld:
    """A college, its coordinator, a job profile with a filled draft, and an employer."""

    college: Organisation
    coordinator: User
    profile: JobProfile
    version: ProfileVersion
    framework: Framework
    employer_org: Organisation
    employer: User

    @property
    def needs(self) -> list[TaskCompetency]:
        return list(
            TaskCompetency.objects.filter(task__duty__version=self.version).order_by(
                "pk"
            )
        )


def profile_world(*, competencies: int = 3) -> ProfileWorld:
    """Create a draft job profile with a duty, a task, a sub-task and competencies."""
    college = testing.organisation(OrganisationKind.COLLEGE)
    coordinator = testing.coordinator(college)
    employer_org = testing.organisation(OrganisationKind.EMPLOYER)
    employer = testing.employer(employer_org)
    frame = framework(owner=college, competencies=competencies)
    profile = services.profile_create(
        owner=college,
        created_by=coordinator,
        title_en="Early childhood educator assistant",
        title_fr="Aide-éducatrice ou aide-éducateur à la petite enfance",
        noc_code="42202",
        region="AB",
        framework=frame,
    )
    version = profile.versions.get()
    duty = services.duty_add(
        version=version, added_by=coordinator, title_en="Care for children"
    )
    task = services.task_add(duty=duty, added_by=coordinator, title_en="Plan the day")
    subtask = services.task_add(
        duty=duty, added_by=coordinator, title_en="Prepare materials", parent=task
    )
    for index, item in enumerate(frame.competencies.order_by("position")):
        services.task_competency_add(
            task=task if index % 2 == 0 else subtask,
            added_by=coordinator,
            competency=item,
            required_level=2 + index % 2,
            importance=3 + index % 3,
        )
    return ProfileWorld(
        college, coordinator, profile, version, frame, employer_org, employer
    )


def submitted_world(**kwargs: Any) -> tuple[ProfileWorld, ProfileReview]:
    """Return a profile world whose draft is in review by its employer."""
    world = profile_world(**kwargs)
    services.version_submit(
        version=world.version,
        submitted_by=world.coordinator,
        reviewers=[world.employer_org],
    )
    world.version.refresh_from_db()
    return world, world.version.reviews.get()


def endorsed_world(**kwargs: Any) -> ProfileWorld:
    """Return a profile world whose version an employer has endorsed."""
    world, review = submitted_world(**kwargs)
    services.review_decide(review=review, decided_by=world.employer, endorse=True)
    world.version.refresh_from_db()
    return world


def endorsed_version(**kwargs: Any) -> ProfileVersion:
    """Return a profile version endorsed by one employer."""
    return endorsed_world(**kwargs).version
