"""Answer who may offer, review, follow and change modules and plans.

Built on :mod:`skillpath.accounts.access`: roles come from approved memberships.
A provider is anyone who administers or coordinates a training provider, a college
or an employer (an employer's own training); coordinators of colleges and community
agencies review what providers offer; a plan is changed by its learner only, and
followed by the staff of the learner's college or agency.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from skillpath.accounts import access
from skillpath.accounts.models import (
    LearnerProfile,
    Organisation,
    OrganisationKind,
    Role,
)
from skillpath.credentials.models import MicroCredential
from skillpath.learning.models import LearningPlan, Module, PlanItem

PROVIDER_KINDS = (
    OrganisationKind.TRAINING_PROVIDER,
    OrganisationKind.COLLEGE,
    OrganisationKind.EMPLOYER,
)
PROVIDER_ROLES = (Role.ADMINISTRATOR, Role.COORDINATOR, Role.EMPLOYER)
REVIEWER_KINDS = (OrganisationKind.COLLEGE, OrganisationKind.COMMUNITY_AGENCY)


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def provider_organisations(user: Any) -> list[Organisation]:
    """Return the organisations whose modules ``user`` may offer and manage."""
    if not _signed_in(user):
        return []
    if user.is_superuser:
        return list(Organisation.objects.filter(kind__in=PROVIDER_KINDS))
    return [
        m.organisation
        for m in access.approved_memberships(user)
        if m.role in PROVIDER_ROLES and m.organisation.kind in PROVIDER_KINDS
    ]


def is_provider(user: Any) -> bool:
    return bool(provider_organisations(user))


def can_manage_module(user: Any, module: Module) -> bool:
    """Return whether ``user`` speaks for the module's provider."""
    return any(org.pk == module.provider_id for org in provider_organisations(user))


def can_review_modules(user: Any) -> bool:
    """Return whether ``user`` curates the catalogue (a college or agency coordinator)."""
    if not _signed_in(user):
        return False
    if user.is_superuser:
        return True
    return any(
        m.role == Role.COORDINATOR and m.organisation.kind in REVIEWER_KINDS
        for m in access.approved_memberships(user)
    )


def can_see_module(user: Any, module: Module) -> bool:
    """Return whether ``user`` may see a module: offered ones are public."""
    return (
        module.is_offered or can_manage_module(user, module) or can_review_modules(user)
    )


def can_view_plan(user: Any, plan: LearningPlan) -> bool:
    """Return whether ``user`` may follow the plan: its learner or their supporters.

    Employers never do, even when the learner shares their profile with them.
    """
    if not _signed_in(user):
        return False
    if plan.learner_id == user.pk or user.is_superuser:
        return True
    profile = LearnerProfile.objects.filter(user_id=plan.learner_id).first()
    return profile is not None and access.can_support_learner(user, profile)


def can_change_plan(user: Any, plan: LearningPlan) -> bool:
    """Return whether ``user`` may change the plan: only the learner it belongs to."""
    return _signed_in(user) and plan.learner_id == user.pk


def can_confirm_proof(user: Any, item: PlanItem) -> bool:
    """Return whether ``user`` may confirm a learner's proof of completion."""
    if can_manage_module(user, item.module):
        return True
    if not can_review_modules(user):
        return False
    profile = LearnerProfile.objects.filter(user_id=item.plan.learner_id).first()
    return profile is not None and access.can_support_learner(user, profile)


def can_view_reports(user: Any) -> bool:
    """Return whether ``user`` may read the learning reports (aggregates only)."""
    return can_review_modules(user)


def reportable_credentials(user: Any) -> QuerySet[MicroCredential]:
    """Return the credentials whose learning reports ``user`` may read.

    Only the coordinators of the organisation that issues a credential read its
    report; another college's coordinator does not see that it exists.
    """
    organisations = access.organisations_with_role(user, Role.COORDINATOR)
    return MicroCredential.objects.filter(
        issuing_organisation__in=[org.pk for org in organisations]
    ).order_by("title_en")
