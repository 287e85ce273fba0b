"""Reads of frameworks and job profiles that several views, the API and other apps share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Avg, Count, Prefetch, Q, QuerySet

from skillpath.frameworks import access
from skillpath.frameworks.models import (
    Competency,
    Duty,
    Framework,
    ImportanceRating,
    JobProfile,
    ProficiencyLevel,
    ProfileEvent,
    ProfileReview,
    ProfileVersion,
    ReviewComment,
    ReviewState,
    Task,
    TaskCompetency,
    VersionState,
)

SEARCH_LIMIT = 50


# Frameworks


def framework_list(user: Any, *, query: str = "") -> QuerySet[Framework]:
    """Return the frameworks ``user`` may browse, with competency counts, searched."""
    frameworks = access.frameworks_visible_to(user).annotate(
        competency_count=Count("competencies", distinct=True)
    )
    if query:
        frameworks = frameworks.filter(
            Q(title__icontains=query)
            | Q(publisher__icontains=query)
            | Q(identifier__iexact=query)
            | Q(description__icontains=query)
        )
    return frameworks.order_by("title", "version")


def scale_levels(framework: Framework) -> list[ProficiencyLevel]:
    """Return the levels of the framework's proficiency scale, lowest first."""
    return list(
        ProficiencyLevel.objects.filter(scale__framework=framework).order_by("level")
    )


def competency_children(
    framework: Framework, parent: Competency | None
) -> QuerySet[Competency]:
    """Return the competencies directly under ``parent`` (the roots if ``None``)."""
    return (
        Competency.objects.filter(framework=framework, parent=parent)
        .select_related("item_type")
        .annotate(child_count=Count("children"))
        .order_by("position", "pk")
    )


def competency_search(
    user: Any,
    query: str,
    *,
    framework: Framework | None = None,
    limit: int = SEARCH_LIMIT,
) -> list[Competency]:
    """Return competencies whose code, title or other names match ``query``."""
    query = query.strip()
    if not query or not access.can_view_frameworks(user):
        return []
    found = Competency.objects.select_related("framework").filter(
        Q(code__iexact=query)
        | Q(title_en__icontains=query)
        | Q(title_fr__icontains=query)
        | Q(alt_labels_en__icontains=query)
        | Q(alt_labels_fr__icontains=query)
    )
    if framework is not None:
        found = found.filter(framework=framework)
    return list(found.order_by("framework__title", "position", "pk")[:limit])


def ancestors(competency: Competency) -> list[Competency]:
    """Return the competency's parents, from the root down."""
    chain: list[Competency] = []
    node = competency.parent
    while node is not None and len(chain) < 50:
        chain.append(node)
        node = node.parent
    return list(reversed(chain))


# Profiles


@dataclass
class TaskNode:
    task: Task
    label: str = ""  # DACUM numbering: for a sub-task
    needs: list[TaskCompetency] = field(default_factory=list)
    subtasks: list[TaskNode] = field(default_factory=list)
    comments: list[ReviewComment] = field(default_factory=list)


@dataclass
class DutyNode:
    duty: Duty
    tasks: list[TaskNode] = field(default_factory=list)
    comments: list[ReviewComment] = field(default_factory=list)


@dataclass
class CompetencyNeed:
    """A competency of the competency profile: the highest level any task needs."""

    competency: Competency
    required_level: int
    importance: int
    employer_importance: float | None
    tasks: list[Task] = field(default_factory=list)


def version_chart(
    version: ProfileVersion, *, with_comments: bool = False
) -> list[DutyNode]:
    """Return the DACUM chart of a version: duties → tasks → sub-tasks → competencies.

    Four queries whatever the size of the chart.
    """
    duties = list(version.duties.order_by("position", "pk"))
    tasks = list(Task.objects.filter(duty__version=version).order_by("position", "pk"))
    needs = list(
        TaskCompetency.objects.filter(task__duty__version=version)
        .select_related("competency", "competency__framework")
        .annotate(employer_importance=Avg("ratings__importance"))
        .order_by("pk")
    )
    comments: list[ReviewComment] = []
    if with_comments:
        comments = list(
            ReviewComment.objects.filter(review__version=version)
            .select_related("author", "review__organisation")
            .order_by("created_at", "pk")
        )
    nodes = {task.pk: TaskNode(task) for task in tasks}
    for need in needs:
        nodes[need.task_id].needs.append(need)
    duty_nodes = {duty.pk: DutyNode(duty) for duty in duties}
    for task in tasks:
        if task.parent_id:
            nodes[task.parent_id].subtasks.append(nodes[task.pk])
        else:
            duty_nodes[task.duty_id].tasks.append(nodes[task.pk])
    for duty_node in duty_nodes.values():
        for number, node in enumerate(duty_node.tasks, start=1):
            node.label = f"{duty_node.duty.letter}-{number}"
            for sub_number, sub in enumerate(node.subtasks, start=1):
                sub.label = f"{node.label}.{sub_number}"
    need_task = {need.pk: need.task_id for need in needs}
    for comment in comments:
        if comment.duty_id:
            duty_nodes[comment.duty_id].comments.append(comment)
        elif comment.task_id:
            nodes[comment.task_id].comments.append(comment)
        elif comment.task_competency_id:
            nodes[need_task[comment.task_competency_id]].comments.append(comment)
    return [duty_nodes[duty.pk] for duty in duties]


def competency_profile(version: ProfileVersion) -> list[CompetencyNeed]:
    """Return each competency the version's tasks need, at the highest level needed.

    Importance is the highest the coordinator gave; ``employer_importance`` is the
    average of the employers' ratings, where they rated it.
    """
    needs = (
        TaskCompetency.objects.filter(task__duty__version=version)
        .select_related("competency", "competency__framework", "task")
        .order_by("task__duty__position", "task__position", "pk")
    )
    ratings: dict[int, list[int]] = {}
    for rating in ImportanceRating.objects.filter(
        task_competency__task__duty__version=version
    ).values("task_competency__competency_id", "importance"):
        ratings.setdefault(rating["task_competency__competency_id"], []).append(
            rating["importance"]
        )
    merged: dict[int, CompetencyNeed] = {}
    for need in needs:
        entry = merged.get(need.competency_id)
        if entry is None:
            rated = ratings.get(need.competency_id)
            entry = merged[need.competency_id] = CompetencyNeed(
                competency=need.competency,
                required_level=need.required_level,
                importance=need.importance,
                employer_importance=sum(rated) / len(rated) if rated else None,
            )
        entry.required_level = max(entry.required_level, need.required_level)
        entry.importance = max(entry.importance, need.importance)
        entry.tasks.append(need.task)
    return list(merged.values())


def version_history(version: ProfileVersion) -> QuerySet[ProfileEvent]:
    """Return who did what to the version, and when, oldest first."""
    return version.events.select_related("actor", "organisation").order_by(
        "occurred_at", "pk"
    )


def version_reviews(version: ProfileVersion) -> QuerySet[ProfileReview]:
    return version.reviews.select_related("organisation", "decided_by").order_by(
        "organisation__name"
    )


def profile_list(user: Any) -> QuerySet[JobProfile]:
    """Return the job profiles ``user`` may read, with their latest version number."""
    return (
        access.profiles_visible_to(user)
        .prefetch_related(
            Prefetch("versions", queryset=ProfileVersion.objects.order_by("-number"))
        )
        .order_by("title_en")
    )


def endorsing_organisations(version: ProfileVersion) -> list[Any]:
    """Return the employers that endorse ``version``, by name."""
    return [
        review.organisation
        for review in version.reviews.filter(state=ReviewState.ENDORSED)
        .select_related("organisation")
        .order_by("organisation__name")
    ]


def profile_state_counts(user: Any) -> dict[str, int]:
    """Return how many versions of the user's organisations' profiles are in each state."""
    organisations = [o.pk for o in access.coordinated_organisations(user)]
    rows = (
        ProfileVersion.objects.filter(profile__owner_id__in=organisations)
        .values("state")
        .annotate(count=Count("pk"))
    )
    counts = {state.value: 0 for state in VersionState}
    counts.update({row["state"]: row["count"] for row in rows})
    return counts
