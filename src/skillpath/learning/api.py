"""API endpoints of learning: the catalogue, plans and progress, completions."""

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from skillpath.accounts.models import User
from skillpath.common.pagination import BoundedPageNumberPagination
from skillpath.common.types import AuthedRequest
from skillpath.frameworks.models import Competency
from skillpath.learning import access, selectors
from skillpath.learning.journey import journey_for
from skillpath.learning.models import (
    LearningPlan,
    Module,
    ModuleFormat,
    ModuleLanguage,
    PlanItem,
    PlanObjective,
)
from skillpath.learning.services import catalogue, plans, progress
from skillpath.learning.standings import standings_for

router = Router(tags=["learning"])


class ModuleLevelOut(Schema):
    competency_id: int
    competency: str = Field(..., alias="competency.title")
    level: int


class ModuleOut(Schema):
    id: int
    provider: str = Field(..., alias="provider.slug")
    code: str
    title_en: str
    title_fr: str
    description_en: str
    description_fr: str
    url: str
    format: str
    language: str
    hours: Decimal
    cost: Decimal
    province: str
    location: str
    schedule: str
    asks_for_proof: bool
    status: str
    teaches: list[ModuleLevelOut] = Field(..., alias="outcomes")
    requires: list[ModuleLevelOut] = Field(..., alias="requirements")
    requires_modules: list[int]

    @staticmethod
    def resolve_requires_modules(module: Module) -> list[int]:
        return [other.pk for other in module.requires_modules.all()]

    @staticmethod
    def resolve_teaches(module: Module) -> list[Any]:
        return list(module.outcomes.all())

    @staticmethod
    def resolve_requires(module: Module) -> list[Any]:
        return list(module.requirements.all())


class CatalogueQuery(Schema):
    q: str = ""
    format: ModuleFormat | None = None
    language: str = ""
    provider: str = ""
    max_cost: Decimal | None = None
    province: str = ""


class LevelIn(Schema):
    competency_id: int
    level: int = Field(..., ge=1)


class ModuleIn(Schema):
    provider: str
    code: str = Field(..., min_length=1, max_length=60, pattern=r"^[-a-zA-Z0-9_]+$")
    title_en: str = Field(..., min_length=1, max_length=200)
    title_fr: str = Field(..., min_length=1, max_length=200)
    description_en: str = ""
    description_fr: str = ""
    url: str = ""
    format: ModuleFormat
    language: ModuleLanguage
    hours: Decimal = Field(..., gt=0)
    cost: Decimal = Field(Decimal("0"), ge=0)
    province: str = ""
    location: str = ""
    schedule: str = ""
    asks_for_proof: bool = False
    teaches: list[LevelIn] = Field(..., min_length=1)
    requires: list[LevelIn] = []
    requires_modules: list[int] = []


class ReviewIn(Schema):
    approve: bool
    note: str = ""


class PlanItemOut(Schema):
    id: int
    module_id: int
    module: str = Field(..., alias="module.title")
    position: int
    status: str
    hours: Decimal = Field(..., alias="module.hours")
    cost: Decimal = Field(..., alias="module.cost")
    closes: dict[str, list[float]]
    started_at: datetime | None
    completed_at: datetime | None


class PlanOut(Schema):
    id: int
    credential: str
    status: str
    stage: str
    languages: list[str]
    formats: list[str]
    max_cost: Decimal | None
    region: str
    objective: str
    hours: Decimal
    hours_done: Decimal
    cost: Decimal
    full_program_hours: Decimal | None
    hours_saved: Decimal | None
    items: list[PlanItemOut]
    blocked: list[dict[str, Any]]
    ready_to_reassess: list[int]


class PlanSettingsIn(Schema):
    languages: list[str] = []
    formats: list[str] = []
    max_cost: Decimal | None = Field(None, ge=0)
    region: str = ""
    objective: PlanObjective = PlanObjective.HOURS


class CompletionIn(Schema):
    module_id: int
    learner_email: str


def _plan_out(plan: LearningPlan) -> dict[str, Any]:
    journey = journey_for(
        learner=plan.learner,
        credential=plan.credential,
        standings=standings_for(learner=plan.learner, credential=plan.credential),
        plan=plan,
    )
    return {
        "id": plan.pk,
        "credential": plan.credential.slug,
        "status": plan.status,
        "stage": journey.stage,
        "languages": plan.languages,
        "formats": plan.formats,
        "max_cost": plan.max_cost,
        "region": plan.region,
        "objective": plan.objective,
        "hours": journey.hours_total,
        "hours_done": journey.hours_done,
        "cost": journey.cost_total,
        "full_program_hours": journey.full_program_hours,
        "hours_saved": journey.hours_saved,
        "items": journey.items,
        "blocked": [
            {**gap.blocked, "competency": gap.competency_id}
            for gap in journey.blocked
            if gap.blocked
        ],
        "ready_to_reassess": [gap.competency_id for gap in journey.ready_to_reassess],
    }


def _visible_plan(request: AuthedRequest, plan_id: int) -> LearningPlan:
    plan = get_object_or_404(
        LearningPlan.objects.select_related("credential", "learner"), pk=plan_id
    )
    if not access.can_view_plan(request.user, plan):
        raise Http404
    return plan


@router.get("/learning/modules", response=list[ModuleOut], summary="Reviewed modules")
@paginate(BoundedPageNumberPagination)
def module_list(request: AuthedRequest, filters: Query[CatalogueQuery]):
    return selectors.modules_offered(
        selectors.CatalogueFilters(
            query=filters.q,
            format=filters.format or "",
            language=filters.language,
            provider=filters.provider,
            max_cost=filters.max_cost,
            province=filters.province,
        )
    )


@router.get("/learning/modules/{module_id}", response=ModuleOut, summary="One module")
def module_detail(request: AuthedRequest, module_id: int) -> Module:
    module = get_object_or_404(
        selectors.with_relations(Module.objects.all()), pk=module_id
    )
    if not access.can_see_module(request.user, module):
        raise Http404
    return module


@router.post(
    "/learning/modules",
    response={201: ModuleOut},
    summary="Offer a module (reviewed before learners see it)",
)
def module_create(request: AuthedRequest, payload: ModuleIn):
    providers = {org.slug: org for org in access.provider_organisations(request.user)}
    provider = providers.get(payload.provider)
    if provider is None:
        raise PermissionDenied("You can offer modules only for your own organisation.")
    wanted = {level.competency_id for level in payload.teaches + payload.requires}
    competencies = Competency.objects.in_bulk(wanted)
    if set(competencies) != wanted:
        raise HttpError(
            422, f"Unknown competencies: {sorted(wanted - set(competencies))}"
        )
    before = list(
        Module.objects.filter(provider=provider, pk__in=payload.requires_modules)
    )
    if len(before) != len(set(payload.requires_modules)):
        raise HttpError(422, "requires_modules must name modules of the same provider.")
    fields = payload.dict(
        exclude={"provider", "teaches", "requires", "requires_modules"}
    )
    module = catalogue.module_create(
        provider=provider,
        created_by=request.user,
        teaches={competencies[x.competency_id]: x.level for x in payload.teaches},
        requires={competencies[x.competency_id]: x.level for x in payload.requires},
        requires_modules=before,
        **fields,
    )
    return 201, selectors.with_relations(Module.objects.all()).get(pk=module.pk)


@router.post(
    "/learning/modules/{module_id}/review",
    response=ModuleOut,
    summary="Review a module",
)
def module_review(request: AuthedRequest, module_id: int, payload: ReviewIn) -> Module:
    if not access.can_review_modules(request.user):
        raise PermissionDenied(
            "Only coordinators of colleges and agencies review modules."
        )
    module = get_object_or_404(Module, pk=module_id)
    catalogue.module_review(
        module=module,
        reviewer=request.user,
        approve=payload.approve,
        note=payload.note,
    )
    return selectors.with_relations(Module.objects.all()).get(pk=module_id)


@router.get("/learning/plans", response=list[PlanOut], summary="My learning plans")
def plan_list(request: AuthedRequest) -> list[dict[str, Any]]:
    return [
        _plan_out(plan)
        for plan in LearningPlan.objects.filter(learner=request.user).select_related(
            "credential", "learner"
        )
    ]


@router.get("/learning/plans/{plan_id}", response=PlanOut, summary="One learning plan")
def plan_detail(request: AuthedRequest, plan_id: int) -> dict[str, Any]:
    return _plan_out(_visible_plan(request, plan_id))


@router.put(
    "/learning/plans/{plan_id}/settings",
    response=PlanOut,
    summary="Change my plan's settings",
)
def plan_settings(
    request: AuthedRequest, plan_id: int, payload: PlanSettingsIn
) -> dict[str, Any]:
    plan = _visible_plan(request, plan_id)
    if not access.can_change_plan(request.user, plan):
        raise PermissionDenied("Only the learner can change their own plan.")
    plan = plans.plan_settings_update(
        plan=plan, changed_by=request.user, **payload.dict()
    )
    return _plan_out(plan)


def _own_item(request: AuthedRequest, plan_id: int, item_id: int) -> PlanItem:
    plan = _visible_plan(request, plan_id)
    if not access.can_change_plan(request.user, plan):
        raise PermissionDenied("Only the learner can change their own plan.")
    return get_object_or_404(
        PlanItem.objects.select_related("module"), pk=item_id, plan=plan
    )


@router.post(
    "/learning/plans/{plan_id}/items/{item_id}/start",
    response=PlanItemOut,
    summary="Start a module",
)
def item_start(request: AuthedRequest, plan_id: int, item_id: int) -> PlanItem:
    return progress.item_start(
        item=_own_item(request, plan_id, item_id), started_by=request.user
    )


@router.post(
    "/learning/plans/{plan_id}/items/{item_id}/complete",
    response=PlanItemOut,
    summary="Complete a module (counts once)",
)
def item_complete(request: AuthedRequest, plan_id: int, item_id: int) -> PlanItem:
    return progress.module_complete(
        item=_own_item(request, plan_id, item_id), completed_by=request.user
    )


@router.post(
    "/learning/completions",
    response=list[PlanItemOut],
    summary="Record a learner's completion of your module",
)
def completion_record(request: AuthedRequest, payload: CompletionIn) -> list[PlanItem]:
    module = get_object_or_404(Module, pk=payload.module_id)
    learner = User.objects.filter(email__iexact=payload.learner_email.strip()).first()
    if not access.can_manage_module(request.user, module):
        raise PermissionDenied(
            "You can record completions only for your own organisation's modules."
        )
    if learner is None:
        raise HttpError(
            404, "This learner has no current plan with this module: nothing recorded."
        )
    return progress.completion_record(
        module=module, learner=learner, recorded_by=request.user
    )
