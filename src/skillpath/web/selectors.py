"""What the dashboards read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from skillpath.accounts import access
from skillpath.accounts.models import (
    LearnerProfile,
    Membership,
    MembershipStatus,
    Role,
)
from skillpath.accounts.selectors import pending_memberships_for


@dataclass
class NextStep:
    title: str | Promise
    text: str | Promise
    url: str = ""
    action: str | Promise = ""


@dataclass
class Dashboard:
    roles: set[str]
    learner_profile: LearnerProfile | None = None
    next_step: NextStep | None = None
    pending_own: list[Membership] = field(default_factory=list)
    approvals: list[Membership] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    learners: list[LearnerProfile] = field(default_factory=list)
    candidate_count: int = 0
    assessments: list[Any] = field(default_factory=list)
    assessor_waiting: int = 0


def learner_next_step(profile: LearnerProfile) -> NextStep:
    """Return the one thing a learner should do next."""
    if not profile.region:
        return NextStep(
            _("Tell us where you live"),
            _("Your province helps us show jobs and training near you."),
            reverse("accounts:profile"),
            _("Complete my profile"),
        )
    from skillpath.learning.selectors import learner_next_step as plan_next_step

    in_plan = plan_next_step(profile.user)
    if in_plan is not None:
        return NextStep(*in_plan)
    return NextStep(
        _("Choose the job you want"),
        _(
            "Pick a micro-credential that leads to that job. We will check what you "
            "already know, so you learn only what you lack."
        ),
        reverse("credentials:catalogue"),
        _("Browse the micro-credentials"),
    )


def dashboard_for(user: Any) -> Dashboard:
    """Return everything the dashboard shows this person, by role."""
    held = access.roles(user)
    board = Dashboard(roles=held, memberships=access.approved_memberships(user))
    board.pending_own = list(
        Membership.objects.filter(
            user=user, status=MembershipStatus.PENDING
        ).select_related("organisation")
    )
    if "learner" in held:
        board.learner_profile = LearnerProfile.objects.select_related(
            "home_organisation"
        ).get(user=user)
        board.next_step = learner_next_step(board.learner_profile)
        from skillpath.assessments.selectors import dashboard_assessments

        board.assessments = dashboard_assessments(user)
    if held & {Role.COORDINATOR, Role.ADMINISTRATOR}:
        board.approvals = list(pending_memberships_for(user)[:20])
    if held & {Role.COORDINATOR, Role.ASSESSOR}:
        board.learners = list(
            access.learners_visible_to(user)
            .exclude(user=user)
            .order_by("user__full_name")[:20]
        )
    if Role.ASSESSOR in held:
        from skillpath.assessments.selectors import assessor_waiting_count

        board.assessor_waiting = assessor_waiting_count(user)
    if Role.EMPLOYER in held:
        board.candidate_count = (
            access.learners_visible_to(user).exclude(user=user).count()
        )
    return board
