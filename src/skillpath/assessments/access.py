"""Answer "may this person do this?" for assessments, on top of ``accounts.access``.

* A learner sees only their own sittings, results, submissions and claims.
* Staff of the learner's home organisation (coordinators, assessors) may read them,
  as ``accounts.access.can_support_learner`` says (never employers).
* Assessors score only work for micro-credentials issued by an organisation where
  they are an approved assessor.
* Coordinators author the item bank of competencies of frameworks their
  organisation owns (any approved coordinator when a framework has no owner).
"""

from __future__ import annotations

from typing import Any

from skillpath.accounts import access
from skillpath.accounts.models import LearnerProfile, Role
from skillpath.assessments import requirements


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def can_view_learner_work(user: Any, learner: Any) -> bool:
    """Return whether ``user`` may see ``learner``'s sittings, results and evidence."""
    if not _signed_in(user):
        return False
    if user.pk == learner.pk or user.is_superuser:
        return True
    profile = LearnerProfile.objects.filter(user=learner).first()
    return profile is not None and access.can_support_learner(user, profile)


def can_view_sitting(user: Any, sitting: Any) -> bool:
    return can_view_learner_work(user, sitting.learner) or can_assess(
        user, sitting.credential
    )


def can_answer(user: Any, sitting: Any) -> bool:
    """Only the learner themself answers their sitting."""
    return _signed_in(user) and sitting.learner_id == user.pk


def can_assess(user: Any, credential: Any) -> bool:
    """Return whether ``user`` is an approved assessor of the credential's issuer."""
    if not _signed_in(user):
        return False
    issuer = requirements.issuing_organisation(credential)
    if issuer is None:
        return False
    return access.has_role(user, Role.ASSESSOR, issuer)


def assessor_organisation_ids(user: Any) -> list[int]:
    return [o.pk for o in access.organisations_with_role(user, Role.ASSESSOR)]


def can_view_evidence(user: Any, owner: Any, credential: Any) -> bool:
    """Return whether ``user`` may open a learner's evidence file."""
    if not _signed_in(user):
        return False
    if user.pk == owner.pk or user.is_superuser:
        return True
    return can_assess(user, credential)


def can_author(user: Any, competency: Any) -> bool:
    """Return whether ``user`` may write items of ``competency``'s bank."""
    if not _signed_in(user):
        return False
    if user.is_superuser:
        return True
    owner = requirements.competency_owner(competency)
    if owner is None:
        return access.has_role(user, Role.COORDINATOR)
    return access.has_role(user, Role.COORDINATOR, owner)


def is_author(user: Any) -> bool:
    """Return whether ``user`` coordinates anywhere (sees the item bank pages)."""
    return _signed_in(user) and (
        user.is_superuser or access.has_role(user, Role.COORDINATOR)
    )


def can_start(user: Any) -> bool:
    return access.is_learner(user)


def can_set_policy(user: Any, credential: Any) -> bool:
    """Return whether ``user`` coordinates the organisation that issues ``credential``."""
    if not _signed_in(user):
        return False
    return bool(user.is_superuser) or access.is_coordinator(
        user, requirements.issuing_organisation(credential)
    )
