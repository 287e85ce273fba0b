"""Reads of the catalogue that several pages and the API share (no N+1 queries)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from skillpath.credentials import selectors as credential_selectors
from skillpath.frameworks.models import Competency
from skillpath.learning import access
from skillpath.learning.models import (
    ItemStatus,
    LearningPlan,
    Module,
    ModuleOutcome,
    ModuleRequirement,
    ModuleStatus,
    PlanItem,
    PlanStatus,
)
from skillpath.learning.planning import CatalogueEntry


def with_relations(modules: QuerySet[Module]) -> QuerySet[Module]:
    """Return ``modules`` with provider, outcomes, requirements and prerequisites."""
    return modules.select_related("provider").prefetch_related(
        Prefetch(
            "outcomes",
            queryset=ModuleOutcome.objects.select_related("competency").order_by(
                "competency_id"
            ),
        ),
        Prefetch(
            "requirements",
            queryset=ModuleRequirement.objects.select_related("competency").order_by(
                "competency_id"
            ),
        ),
        Prefetch(
            "requires_modules", queryset=Module.objects.select_related("provider")
        ),
    )


def planning_catalogue(*, include: Iterable[int] = ()) -> list[CatalogueEntry]:
    """Return the offered modules, and those ``include`` names, for the planner.

    Four queries of plain values, whatever the size of the catalogue: the planner
    needs numbers, not model instances.
    """
    wanted = list(include)
    condition = Q(status=ModuleStatus.APPROVED)
    if wanted:
        condition |= Q(pk__in=wanted)
    rows = list(
        Module.objects.filter(condition)
        .order_by("pk")
        .values_list(
            "pk", "hours", "cost", "language", "format", "province", "title_en"
        )
    )
    ids = [row[0] for row in rows]
    teaches: dict[int, dict[str, int]] = defaultdict(dict)
    for module_id, competency_id, level in ModuleOutcome.objects.filter(
        module_id__in=ids
    ).values_list("module_id", "competency_id", "level"):
        teaches[module_id][str(competency_id)] = level
    requires: dict[int, dict[str, int]] = defaultdict(dict)
    for module_id, competency_id, level in ModuleRequirement.objects.filter(
        module_id__in=ids
    ).values_list("module_id", "competency_id", "level"):
        requires[module_id][str(competency_id)] = level
    before: dict[int, list[str]] = defaultdict(list)
    through = Module.requires_modules.through
    for module_id, other_id in through.objects.filter(
        from_module_id__in=ids
    ).values_list("from_module_id", "to_module_id"):
        before[module_id].append(str(other_id))
    return [
        CatalogueEntry(
            id=pk,
            hours=float(hours),
            cost=float(cost),
            language=language,
            format=module_format,
            province=province,
            name=title,
            teaches=teaches[pk],
            requires=requires[pk],
            requires_modules=tuple(sorted(before[pk])),
        )
        for pk, hours, cost, language, module_format, province, title in rows
    ]


def competency_names(ids: Iterable[int]) -> dict[int, str]:
    """Return competency id -> title, in the language of the request."""
    return {c.pk: c.title for c in Competency.objects.filter(pk__in=set(ids))}


def competency_key(competency: Competency) -> str:
    """Return how CSV files and forms name a competency: its code, else identifier."""
    return competency.code or competency.identifier


def competencies_by_key(keys: Iterable[str]) -> dict[str, list[Competency]]:
    """Return lower-cased code or identifier -> the competencies it names.

    A code shared by competencies of two frameworks names both: callers refuse it
    as ambiguous.
    """
    wanted = {key.strip().lower() for key in keys if key.strip()}
    if not wanted:
        return {}
    condition = Q(pk__in=[])
    for key in wanted:
        condition |= Q(code__iexact=key) | Q(identifier__iexact=key)
    found: dict[str, list[Competency]] = {}
    for competency in Competency.objects.filter(condition):
        for key in {competency.code.lower(), competency.identifier.lower()} & wanted:
            found.setdefault(key, []).append(competency)
    return found


@dataclass(frozen=True)
class CatalogueFilters:
    """What a learner or provider searches the catalogue for."""

    query: str = ""
    format: str = ""
    language: str = ""
    provider: str = ""  # organisation slug
    competency: int | None = None
    competencies: tuple[int, ...] = ()  # any of these (a credential's)
    max_cost: Decimal | None = None
    province: str = ""


def modules_offered(filters: CatalogueFilters | None = None) -> QuerySet[Module]:
    """Return the reviewed modules matching ``filters``: the learner's catalogue."""
    return _filtered(Module.objects.offered(), filters or CatalogueFilters())


def modules_of_providers(user: Any, filters: CatalogueFilters | None = None):
    """Return every module of the organisations ``user`` offers modules for."""
    orgs = [org.pk for org in access.provider_organisations(user)]
    return _filtered(
        Module.objects.filter(provider_id__in=orgs), filters or CatalogueFilters()
    )


def modules_to_review() -> QuerySet[Module]:
    """Return the modules waiting for a coordinator's review, oldest first."""
    return with_relations(Module.objects.filter(status=ModuleStatus.PENDING)).order_by(
        "updated_at"
    )


def _filtered(modules: QuerySet[Module], filters: CatalogueFilters) -> QuerySet[Module]:
    query = filters.query.strip()
    if query:
        modules = modules.filter(
            Q(title_en__icontains=query)
            | Q(title_fr__icontains=query)
            | Q(description_en__icontains=query)
            | Q(description_fr__icontains=query)
            | Q(code__icontains=query)
            | Q(provider__name__icontains=query)
        )
    if filters.format:
        modules = modules.filter(format=filters.format)
    if filters.language:
        modules = modules.filter(language__in=[filters.language, "bilingual"])
    if filters.provider:
        modules = modules.filter(provider__slug=filters.provider)
    if filters.competency is not None:
        modules = modules.filter(outcomes__competency_id=filters.competency)
    if filters.competencies:
        modules = modules.filter(outcomes__competency_id__in=filters.competencies)
    if filters.max_cost is not None:
        modules = modules.filter(cost__lte=filters.max_cost)
    if filters.province:
        modules = modules.filter(Q(province="") | Q(province=filters.province))
    return with_relations(modules.distinct()).order_by("title_en", "pk")


@dataclass(frozen=True)
class PlanSummary:
    """A plan as the dashboard lists it: how far along, and what is next."""

    plan: Any
    hours_done: Decimal
    hours_total: Decimal
    next_item: Any

    @property
    def percent(self) -> int:
        if not self.hours_total:
            return 100
        return int(self.hours_done * 100 / self.hours_total)


def plan_summaries(user: Any) -> list[PlanSummary]:
    """Return the learner's plans with their progress, in two queries."""
    summaries = []
    learning_plans = (
        LearningPlan.objects.filter(learner_id=getattr(user, "pk", None))
        .select_related("credential")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=PlanItem.objects.exclude(status=ItemStatus.NOT_NEEDED)
                .select_related("module")
                .order_by("position", "pk"),
            )
        )
    )
    for plan in learning_plans:
        items = list(plan.items.all())
        summaries.append(
            PlanSummary(
                plan=plan,
                hours_done=sum(
                    (i.module.hours for i in items if i.is_done), Decimal("0")
                ),
                hours_total=sum((i.module.hours for i in items), Decimal("0")),
                next_item=next((i for i in items if not i.is_done), None),
            )
        )
    return summaries


def learner_next_step(user: Any) -> tuple[Any, Any, str, Any] | None:
    """Return (title, text, url, action) when a plan says what to do next, else None."""
    for summary in plan_summaries(user):
        plan = summary.plan
        if plan.status != PlanStatus.LEARNING:
            continue
        if summary.next_item is not None:
            return (
                _("Continue your learning plan"),
                _("Next module: %(module)s, for %(credential)s.")
                % {
                    "module": summary.next_item.module.title,
                    "credential": plan.credential.title,
                },
                plan.get_absolute_url(),
                _("Open my plan"),
            )
        if summary.hours_total:
            return (
                _("Re-assess what you learned"),
                _("Your modules for %(credential)s are done: show what you learned.")
                % {"credential": plan.credential.title},
                plan.get_absolute_url(),
                _("Open my plan"),
            )
    return None


def credentials_in_progress(user: Any, with_plans: list[Any]) -> list[Any]:
    """Return the credentials ``user`` has a plan for, was assessed on, or holds."""
    from django.apps import apps

    found = {credential.pk: credential for credential in with_plans}
    for label in (("assessments", "Sitting"), ("credentials", "Award")):
        try:
            model = apps.get_model(*label)
        except LookupError:
            continue
        for row in model.objects.filter(learner=user).select_related("credential"):
            found.setdefault(row.credential_id, row.credential)
    return sorted(found.values(), key=lambda credential: str(credential))


def credential_competencies(slug: str) -> tuple[int, ...]:
    """Return the ids of the competencies the credential ``slug`` requires."""
    return tuple(
        requirement.competency_id
        for requirement in credential_selectors.credential_requirements_by_slug(slug)
    )
