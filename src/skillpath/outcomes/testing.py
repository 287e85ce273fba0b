"""Builders for tests of the outcomes app: consenting holders, due surveys, hires."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from skillpath.accounts.models import User
from skillpath.credentials.models import Award
from skillpath.jobs.models import Application, ApplicationStatus
from skillpath.jobs.services import applications as application_services
from skillpath.jobs.testing import JobsWorld, holder, jobs_world
from skillpath.outcomes.models import FollowUp
from skillpath.outcomes.services.consent import follow_up_consent_set


@dataclass
class HolderWorld:
    world: JobsWorld
    learner: User
    award: Award


def consenting_holder(
    world: JobsWorld | None = None, *, awarded_days_ago: int = 0, consent: bool = True
) -> HolderWorld:
    """Return a credential holder who agreed to follow-ups, awarded some days ago."""
    world = world or jobs_world()
    learner, award = holder(world.credential)
    if awarded_days_ago:
        Award.objects.filter(pk=award.pk).update(
            valid_from=timezone.now() - dt.timedelta(days=awarded_days_ago)
        )
        award.refresh_from_db()
    if consent:
        follow_up_consent_set(learner=learner, granted=True)
    return HolderWorld(world=world, learner=learner, award=award)


def first_follow_up(award: Award) -> FollowUp:
    return FollowUp.objects.filter(award=award).order_by("due_on").first()  # type: ignore[return-value]


def hire(world: JobsWorld, learner: User, *, hired_days_ago: int = 0) -> Application:
    """Return ``learner``'s application to the world's posting, moved to hired."""
    application = application_services.application_create(
        seeker=learner, posting=world.posting, awards=list(learner.awards.all())
    )
    application = application_services.application_move(
        application=application,
        moved_by=world.employer,
        to_status=ApplicationStatus.HIRED,
    )
    if hired_days_ago:
        Application.objects.filter(pk=application.pk).update(
            status_changed_at=timezone.now() - dt.timedelta(days=hired_days_ago)
        )
        application.refresh_from_db()
    return application
