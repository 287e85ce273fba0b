"""Every write to learning plans: build them from the gaps, refresh, change settings.

A plan exists only for a learner with gaps: a learner who demonstrates every
competency at the first assessment never gets one. Each time the standings change
(:func:`plan_refresh`, registered on :mod:`skillpath.common.cycle`), the plan is
computed again for the gaps still open; completed modules stay in it as history.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillpath.accounts.models import LearnerProfile, Province
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.common.cycle import CompetencyStanding
from skillpath.learning import selectors
from skillpath.learning.exceptions import LearningError
from skillpath.learning.models import (
    ItemStatus,
    LearningPlan,
    ModuleFormat,
    ModuleLanguage,
    PlanItem,
    PlanObjective,
    PlanStatus,
)
from skillpath.learning.planning import Settings, all_demonstrated, compute, open_gaps
from skillpath.learning.standings import standings_for

logger = logging.getLogger(__name__)


def plan_refresh(
    *,
    learner: Any,
    credential: Any,
    standings: Sequence[CompetencyStanding] | None = None,
) -> LearningPlan | None:
    """Bring the learner's plan for ``credential`` in line with their standings.

    The handler of :func:`skillpath.common.cycle.standing_changed`. Creates the plan
    at the first gap, recomputes it for the gaps still open, and closes it once every
    competency is demonstrated. Returns the plan, or ``None`` when there is none.
    """
    if standings is None:
        standings = standings_for(learner=learner, credential=credential)
    with transaction.atomic():
        plan = (
            LearningPlan.objects.select_for_update()
            .filter(learner=learner, credential=credential)
            .first()
        )
        if plan is None:
            if not open_gaps(standings):
                return None
            plan = _plan_create(learner=learner, credential=credential)
        if all_demonstrated(standings):
            return _plan_close(plan=plan, actor=learner)
        return plan_build(plan=plan, standings=standings, actor=None)


def _plan_create(*, learner: Any, credential: Any) -> LearningPlan:
    profile = LearnerProfile.objects.filter(user=learner).first()
    region = profile.region if profile else ""
    # Start from the learner's own language; bilingual modules always fit, and the
    # learner can allow more languages in the plan's settings.
    language = getattr(learner, "preferred_language", "")
    languages = [language] if language in ("en", "fr") else []
    try:
        with transaction.atomic():
            plan = LearningPlan.objects.create(
                learner=learner,
                credential=credential,
                region=region,
                languages=languages,
            )
    except IntegrityError:  # created by a concurrent request: use that one
        return LearningPlan.objects.select_for_update().get(
            learner=learner, credential=credential
        )
    audit_record(actor=learner, verb=AuditVerb.PLAN_CREATE, target=plan)
    return plan


def _plan_close(*, plan: LearningPlan, actor: Any) -> LearningPlan:
    if plan.status == PlanStatus.DEMONSTRATED:
        return plan
    plan.items.filter(status=ItemStatus.PLANNED).delete()
    plan.items.exclude(status=ItemStatus.COMPLETED).update(status=ItemStatus.NOT_NEEDED)
    plan.status = PlanStatus.DEMONSTRATED
    plan.demonstrated_at = timezone.now()
    plan.blocked = []
    plan.save(update_fields=["status", "demonstrated_at", "blocked", "updated_at"])
    audit_record(actor=actor, verb=AuditVerb.PLAN_DEMONSTRATED, target=plan)
    return plan


def plan_build(
    *,
    plan: LearningPlan,
    standings: Sequence[CompetencyStanding],
    actor: Any,
) -> LearningPlan:
    """Compute the plan again for the open gaps, keeping completed modules."""
    with transaction.atomic():
        items = {item.module_id: item for item in plan.items.select_for_update()}
        completed = {module_id for module_id, item in items.items() if item.is_done}
        modules = selectors.planning_catalogue(include=completed)
        names = selectors.competency_names(s.competency_id for s in standings)
        try:
            result = compute(
                standings=standings,
                modules=modules,
                completed=completed,
                settings=Settings.of(plan),
                names={str(k): v for k, v in names.items()},
            )
        except RuntimeError:
            # The solver gave no answer (the planner says this does not happen in
            # practice): keep the plan as it was rather than fail the assessment.
            logger.exception("Planning failed for plan %s", plan.pk)
            audit_record(actor=actor, verb=AuditVerb.PLAN_BUILD_FAILED, target=plan)
            return plan
        wanted = [int(step.module) for step in result.steps]
        steps = {int(step.module): step for step in result.steps}
        position = 0
        for item in sorted(
            (i for i in items.values() if i.is_done),
            key=lambda i: (i.completed_at, i.pk),
        ):
            item.position = position
            item.save(update_fields=["position"])
            position += 1
        for module_id in wanted:
            if module_id in completed:
                continue
            step = steps[module_id]
            fields = {
                "position": position,
                "closes": {c: [lo, hi] for c, (lo, hi) in step.closes.items()},
                "prepares": [int(m) for m in step.prepares],
            }
            position += 1
            existing = items.get(module_id)
            if existing is None:
                PlanItem.objects.create(plan=plan, module_id=module_id, **fields)
                continue
            item = existing
            for name, value in fields.items():
                setattr(item, name, value)
            if item.status == ItemStatus.NOT_NEEDED:
                item.status = (
                    ItemStatus.STARTED if item.started_at else ItemStatus.PLANNED
                )
            item.save()
        for module_id, item in items.items():
            if module_id in wanted or item.is_done:
                continue
            if item.status == ItemStatus.PLANNED:
                item.delete()
            elif item.status != ItemStatus.NOT_NEEDED:
                item.status = ItemStatus.NOT_NEEDED
                item.save(update_fields=["status", "updated_at"])
        plan.blocked = [
            {
                "competency": int(gap.competency),
                "current": gap.current,
                "level": gap.level,
                "reason": gap.reason,
                "constraints": list(gap.constraints),
                "relax": [list(option) for option in gap.relax],
                "min_budget": gap.min_budget,
            }
            for gap in result.blocked
        ]
        gaps = {s.competency_id for s in open_gaps(standings)}
        plan.gaps_seen = sorted(set(plan.gaps_seen) | gaps)
        plan.status = PlanStatus.LEARNING
        plan.demonstrated_at = None
        plan.planned_at = timezone.now()
        plan.save()
        audit_record(
            actor=actor,
            verb=AuditVerb.PLAN_BUILD,
            target=plan,
            modules=[m for m in wanted if m not in completed],
            hours=result.hours,
            cost=result.cost,
            blocked=[gap["competency"] for gap in plan.blocked],
        )
    return plan


def plan_settings_update(
    *,
    plan: LearningPlan,
    changed_by: Any,
    languages: Sequence[str],
    formats: Sequence[str],
    max_cost: Decimal | None,
    region: str,
    objective: str,
    standings: Sequence[CompetencyStanding] | None = None,
) -> LearningPlan:
    """Change the learner's constraints on the plan, and plan again under them."""
    if plan.learner_id != getattr(changed_by, "pk", None):
        raise PermissionDenied(_("Only the learner can change their plan."))
    if not set(languages) <= set(ModuleLanguage.values) - {ModuleLanguage.BILINGUAL}:
        raise LearningError(_("Choose languages among English and French."))
    if not set(formats) <= set(ModuleFormat.values):
        raise LearningError(_("Choose formats among those listed."))
    if region and region not in Province.values:
        raise LearningError(_("Choose a province or territory from the list."))
    if objective not in PlanObjective.values:
        raise LearningError(_("Plan for the fewest hours or for the lowest cost."))
    if max_cost is not None and max_cost < 0:
        raise LearningError(_("The most you can pay cannot be negative."))
    if standings is None:
        standings = standings_for(learner=plan.learner, credential=plan.credential)
    with transaction.atomic():
        plan = LearningPlan.objects.select_for_update().get(pk=plan.pk)
        plan.languages = sorted(set(languages))
        plan.formats = sorted(set(formats))
        plan.max_cost = max_cost
        plan.region = region
        plan.objective = objective
        plan.save()
        audit_record(
            actor=changed_by,
            verb=AuditVerb.PLAN_SETTINGS_UPDATE,
            target=plan,
            languages=plan.languages,
            formats=plan.formats,
            max_cost=str(max_cost) if max_cost is not None else None,
            region=region,
            objective=objective,
        )
        if plan.status == PlanStatus.LEARNING:
            plan = plan_build(plan=plan, standings=standings, actor=changed_by)
    return plan
