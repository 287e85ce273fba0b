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
from skillpath.assessments.selectors import (
    assessor_waiting_count,
    dashboard_assessments,
)
from skillpath.credentials import access as credential_access
from skillpath.credentials.models import Award, CredentialState, MicroCredential
from skillpath.frameworks import access as framework_access
from skillpath.frameworks import selectors as framework_selectors
from skillpath.frameworks.models import ReviewState, VersionState
from skillpath.jobs import selectors as demand
from skillpath.jobs.selectors import postings as job_selectors
from skillpath.learning.selectors import learner_next_step as plan_next_step
from skillpath.learning.selectors import plan_summaries
from skillpath.outcomes import selectors as outcome_selectors


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
    plans: list[Any] = field(default_factory=list)
    credentials: list[Award] = field(default_factory=list)
    job_alerts: list[Any] = field(default_factory=list)
    applications: list[Any] = field(default_factory=list)
    open_postings: int = 0
    supply: dict[str, Any] = field(default_factory=dict)
    outcomes: outcome_selectors.DashboardCard | None = None
    ratings_waiting: int = 0


def learner_next_step(profile: LearnerProfile) -> NextStep:
    """Return the one thing a learner should do next."""
    if not profile.region:
        return NextStep(
            _("Tell us where you live"),
            _("Your province helps us show jobs and training near you."),
            reverse("accounts:profile"),
            _("Complete my profile"),
        )
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
        board.assessments = dashboard_assessments(user)
        board.plans = plan_summaries(user)
        board.credentials = list(credential_access.awards_of(user)[:5])
        board.job_alerts = list(job_selectors.seeker_alerts(user)[:3])
        board.applications = list(job_selectors.seeker_applications(user)[:5])
        board.outcomes = outcome_selectors.dashboard_card(
            user, consent=board.learner_profile.follow_up_surveys
        )
    if held & {Role.COORDINATOR, Role.ADMINISTRATOR}:
        board.approvals = list(pending_memberships_for(user)[:20])
    if held & {Role.COORDINATOR, Role.ASSESSOR}:
        board.learners = list(
            access.learners_visible_to(user)
            .exclude(user=user)
            .order_by("user__full_name")[:20]
        )
    if Role.ASSESSOR in held:
        board.assessor_waiting = assessor_waiting_count(user)
    if Role.EMPLOYER in held:
        board.candidate_count = (
            access.learners_visible_to(user).exclude(user=user).count()
        )
        board.open_postings = job_selectors.open_postings_of(user).count()
        board.ratings_waiting = outcome_selectors.ratings_waiting_count(user)
    board.supply = supply_work(user)
    return board


def supply_work(user: Any) -> dict[str, Any]:
    """Return what the dashboard shows coordinators and employers of the supply side."""
    work: dict[str, Any] = {
        "coordinator": access.is_coordinator(user),
        "employer": False,
    }
    if work["coordinator"]:
        rows = demand.demand_summary()
        totals = demand.demand_totals(rows)
        work["open_openings"] = totals["openings"]
        work["roles_without_profile"] = totals["without_profile"]
        work["states"] = framework_selectors.profile_state_counts(user)
        work["draft_credentials"] = MicroCredential.objects.filter(
            issuing_organisation__in=framework_access.coordinated_organisations(user),
            state=CredentialState.DRAFT,
        ).count()
    if framework_access.employer_org_ids(user):
        work["employer"] = True
        work["reviews_waiting"] = (
            framework_access.reviews_for(user)
            .filter(
                state=ReviewState.INVITED,
                version__state__in=(VersionState.IN_REVIEW, VersionState.ENDORSED),
            )
            .count()
        )
    return work
