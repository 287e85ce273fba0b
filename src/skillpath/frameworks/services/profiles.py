"""Write job profiles: the role, its versions, and the DACUM chart of a draft."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Avg, Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from skillpath.accounts.models import Organisation, OrganisationKind, OrganisationStatus
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.frameworks import access
from skillpath.frameworks.exceptions import (
    InvalidInput,
    InvalidTransition,
    NotAllowed,
    VersionNotEditable,
)
from skillpath.frameworks.models import (
    NOC_PATTERN,
    Competency,
    Duty,
    EventKind,
    Importance,
    JobProfile,
    ProfileEvent,
    ProfileReview,
    ProfileVersion,
    ReviewState,
    Task,
    TaskCompetency,
    VersionState,
)
from skillpath.frameworks.services.frameworks import check_level

PROFILE_FIELDS = {
    "title_en",
    "title_fr",
    "noc_code",
    "description_en",
    "description_fr",
    "region",
    "framework",
    "occupation",
}


def event_record(
    *,
    version: ProfileVersion,
    kind: str,
    actor: Any,
    organisation: Organisation | None = None,
    note: str = "",
) -> ProfileEvent:
    """Add a step to the version's history (services call this in their transaction)."""
    return ProfileEvent.objects.create(
        version=version,
        kind=kind,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        organisation=organisation,
        note=note,
    )


def _require_coordinator(user: Any, profile: JobProfile) -> None:
    if not access.can_edit_profile(user, profile):
        raise NotAllowed(
            _("Only coordinators of %(org)s can change this job profile.")
            % {"org": profile.owner.name}
        )


def _require_draft(version: ProfileVersion) -> None:
    if version.state != VersionState.DRAFT:
        raise VersionNotEditable(
            _(
                "Version %(number)d is %(state)s and does not change. Start a new draft "
                "to change the profile."
            )
            % {"number": version.number, "state": version.get_state_display().lower()}
        )


def _editable(user: Any, version: ProfileVersion) -> None:
    _require_coordinator(user, version.profile)
    _require_draft(version)


def _check_noc(noc_code: str) -> str:
    noc_code = noc_code.strip()
    if not re.fullmatch(NOC_PATTERN, noc_code):
        raise InvalidInput(
            _("A NOC 2021 code has five digits, e.g. 42202; “%(code)s” does not.")
            % {"code": noc_code}
        )
    return noc_code


def _check_title(title_en: str, what: str) -> str:
    if not title_en.strip():
        raise InvalidInput(_("Give the %(what)s a title in English.") % {"what": what})
    return title_en.strip()


@transaction.atomic
def profile_create(
    *,
    owner: Organisation,
    created_by: Any,
    title_en: str,
    noc_code: str,
    title_fr: str = "",
    description_en: str = "",
    description_fr: str = "",
    region: str = "",
    framework: Any = None,
    occupation: Any = None,
) -> JobProfile:
    """Create a job profile and its first draft version."""
    if not (
        getattr(created_by, "is_superuser", False)
        or owner in access.coordinated_organisations(created_by)
    ):
        raise NotAllowed(_("You can create job profiles only where you coordinate."))
    profile = JobProfile.objects.create(
        owner=owner,
        title_en=_check_title(title_en, _("job profile")),
        title_fr=title_fr.strip(),
        noc_code=_check_noc(noc_code),
        description_en=description_en.strip(),
        description_fr=description_fr.strip(),
        region=region,
        framework=framework,
        occupation=occupation,
        created_by=created_by,
    )
    version = ProfileVersion.objects.create(
        profile=profile, number=1, created_by=created_by
    )
    event_record(version=version, kind=EventKind.CREATED, actor=created_by)
    audit_record(actor=created_by, verb=AuditVerb.PROFILE_CREATE, target=profile)
    return profile


@transaction.atomic
def profile_update(
    *, profile: JobProfile, changed_by: Any, **fields: Any
) -> JobProfile:
    """Change the role's titles, NOC code, description, region or reference framework."""
    _require_coordinator(changed_by, profile)
    unknown = set(fields) - PROFILE_FIELDS
    if unknown:
        raise ValueError(f"Unknown profile fields: {sorted(unknown)}")
    if "noc_code" in fields:
        fields["noc_code"] = _check_noc(fields["noc_code"])
    if "title_en" in fields:
        fields["title_en"] = _check_title(fields["title_en"], _("job profile"))
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.save()
    audit_record(
        actor=changed_by,
        verb=AuditVerb.PROFILE_UPDATE,
        target=profile,
        fields=sorted(fields),
    )
    return profile


# The DACUM chart of a draft


def _renumber(items: QuerySet[Any]) -> None:
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


def _move(item: Any, siblings: QuerySet[Any], direction: str) -> None:
    ordered = list(siblings.order_by("position", "pk"))
    index = next(i for i, other in enumerate(ordered) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down"):
        raise InvalidInput(_("Move up or down."))
    if 0 <= target < len(ordered):
        ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, other in enumerate(ordered, start=1):
        if other.position != position:
            other.position = position
            other.save(update_fields=["position"])
    item.refresh_from_db(fields=["position"])


@transaction.atomic
def duty_add(
    *, version: ProfileVersion, added_by: Any, title_en: str, title_fr: str = ""
) -> Duty:
    """Add a duty at the end of a draft's chart."""
    _editable(added_by, version)
    last = version.duties.aggregate(last=Max("position"))["last"] or 0
    duty = Duty.objects.create(
        version=version,
        position=last + 1,
        title_en=_check_title(title_en, _("duty")),
        title_fr=title_fr.strip(),
    )
    audit_record(actor=added_by, verb=AuditVerb.DUTY_ADD, target=duty)
    return duty


@transaction.atomic
def duty_update(
    *, duty: Duty, changed_by: Any, title_en: str, title_fr: str = ""
) -> Duty:
    """Rename a duty of a draft."""
    _editable(changed_by, duty.version)
    duty.title_en = _check_title(title_en, _("duty"))
    duty.title_fr = title_fr.strip()
    duty.save(update_fields=["title_en", "title_fr"])
    audit_record(actor=changed_by, verb=AuditVerb.DUTY_UPDATE, target=duty)
    return duty


@transaction.atomic
def duty_move(*, duty: Duty, moved_by: Any, direction: str) -> Duty:
    """Move a duty one place up or down."""
    _editable(moved_by, duty.version)
    _move(duty, Duty.objects.filter(version_id=duty.version_id), direction)
    audit_record(
        actor=moved_by, verb=AuditVerb.DUTY_MOVE, target=duty, direction=direction
    )
    return duty


@transaction.atomic
def duty_remove(*, duty: Duty, removed_by: Any) -> None:
    """Remove a duty, its tasks and what they need, from a draft."""
    version = duty.version
    _editable(removed_by, version)
    audit_record(
        actor=removed_by, verb=AuditVerb.DUTY_REMOVE, target=duty, title=duty.title_en
    )
    duty.delete()
    _renumber(version.duties.order_by("position", "pk"))


@transaction.atomic
def task_add(
    *,
    duty: Duty,
    added_by: Any,
    title_en: str,
    title_fr: str = "",
    parent: Task | None = None,
) -> Task:
    """Add a task to a duty, or a sub-task to a task, at the end."""
    _editable(added_by, duty.version)
    if parent is not None:
        if parent.duty_id != duty.pk:
            raise InvalidInput(_("The task belongs to another duty."))
        if parent.parent_id is not None:
            raise InvalidInput(_("A sub-task cannot have sub-tasks of its own."))
    last = (
        Task.objects.filter(duty=duty, parent=parent).aggregate(last=Max("position"))[
            "last"
        ]
        or 0
    )
    task = Task.objects.create(
        duty=duty,
        parent=parent,
        position=last + 1,
        title_en=_check_title(title_en, _("task")),
        title_fr=title_fr.strip(),
    )
    audit_record(actor=added_by, verb=AuditVerb.TASK_ADD, target=task)
    return task


@transaction.atomic
def task_update(
    *, task: Task, changed_by: Any, title_en: str, title_fr: str = ""
) -> Task:
    """Rename a task or sub-task of a draft."""
    _editable(changed_by, task.duty.version)
    task.title_en = _check_title(title_en, _("task"))
    task.title_fr = title_fr.strip()
    task.save(update_fields=["title_en", "title_fr"])
    audit_record(actor=changed_by, verb=AuditVerb.TASK_UPDATE, target=task)
    return task


@transaction.atomic
def task_move(*, task: Task, moved_by: Any, direction: str) -> Task:
    """Move a task one place up or down among its siblings."""
    _editable(moved_by, task.duty.version)
    _move(
        task,
        Task.objects.filter(duty_id=task.duty_id, parent_id=task.parent_id),
        direction,
    )
    audit_record(
        actor=moved_by, verb=AuditVerb.TASK_MOVE, target=task, direction=direction
    )
    return task


@transaction.atomic
def task_remove(*, task: Task, removed_by: Any) -> None:
    """Remove a task (and its sub-tasks) from a draft."""
    _editable(removed_by, task.duty.version)
    siblings = Task.objects.filter(duty_id=task.duty_id, parent_id=task.parent_id)
    audit_record(
        actor=removed_by, verb=AuditVerb.TASK_REMOVE, target=task, title=task.title_en
    )
    task.delete()
    _renumber(siblings.order_by("position", "pk"))


def _check_importance(importance: int) -> int:
    if importance not in Importance.values:
        raise InvalidInput(_("Importance runs from 1 (marginal) to 5 (critical)."))
    return importance


@transaction.atomic
def task_competency_add(
    *,
    task: Task,
    added_by: Any,
    competency: Competency,
    required_level: int,
    importance: int = Importance.IMPORTANT,
) -> TaskCompetency:
    """Say that a task needs a competency, at a level, with an importance."""
    _editable(added_by, task.duty.version)
    check_level(competency, required_level)
    if task.competency_needs.filter(competency=competency).exists():
        raise InvalidInput(
            _("This task already needs “%(competency)s”: change its level instead.")
            % {"competency": competency.title}
        )
    need = TaskCompetency.objects.create(
        task=task,
        competency=competency,
        required_level=required_level,
        importance=_check_importance(importance),
    )
    audit_record(actor=added_by, verb=AuditVerb.TASK_COMPETENCY_ADD, target=need)
    return need


@transaction.atomic
def task_competency_update(
    *, need: TaskCompetency, changed_by: Any, required_level: int, importance: int
) -> TaskCompetency:
    """Change the level or importance of a competency a task needs."""
    _editable(changed_by, need.task.duty.version)
    check_level(need.competency, required_level)
    need.required_level = required_level
    need.importance = _check_importance(importance)
    need.save(update_fields=["required_level", "importance"])
    audit_record(actor=changed_by, verb=AuditVerb.TASK_COMPETENCY_UPDATE, target=need)
    return need


@transaction.atomic
def task_competency_remove(*, need: TaskCompetency, removed_by: Any) -> None:
    """Stop a task from needing a competency."""
    _editable(removed_by, need.task.duty.version)
    audit_record(actor=removed_by, verb=AuditVerb.TASK_COMPETENCY_REMOVE, target=need)
    need.delete()


# Versions and their states


def _check_reviewer(organisation: Organisation) -> None:
    if (
        organisation.kind != OrganisationKind.EMPLOYER
        or organisation.status != OrganisationStatus.ACTIVE
    ):
        raise InvalidInput(
            _("Only active employers can review a job profile; %(org)s is not one.")
            % {"org": organisation.name}
        )


def _invite(
    version: ProfileVersion, organisation: Organisation, invited_by: Any
) -> ProfileReview:
    _check_reviewer(organisation)
    review, created = ProfileReview.objects.get_or_create(
        version=version, organisation=organisation, defaults={"invited_by": invited_by}
    )
    if created:
        event_record(
            version=version,
            kind=EventKind.INVITED,
            actor=invited_by,
            organisation=organisation,
        )
        audit_record(actor=invited_by, verb=AuditVerb.REVIEW_INVITE, target=review)
    return review


@transaction.atomic
def version_submit(
    *,
    version: ProfileVersion,
    submitted_by: Any,
    reviewers: Sequence[Organisation],
    note: str = "",
) -> ProfileVersion:
    """Send a draft to employers for review; its content is frozen from now on."""
    _editable(submitted_by, version)
    if not reviewers:
        raise InvalidInput(_("Invite at least one employer to review the profile."))
    if not TaskCompetency.objects.filter(task__duty__version=version).exists():
        raise InvalidInput(
            _(
                "Add at least one duty, one task and one competency before asking for a review."
            )
        )
    version.state = VersionState.IN_REVIEW
    version.submitted_at = timezone.now()
    version.save(update_fields=["state", "submitted_at"])
    event_record(
        version=version, kind=EventKind.SUBMITTED, actor=submitted_by, note=note.strip()
    )
    for organisation in reviewers:
        _invite(version, organisation, submitted_by)
    audit_record(
        actor=submitted_by,
        verb=AuditVerb.VERSION_SUBMIT,
        target=version,
        reviewers=[o.slug for o in reviewers],
    )
    return version


@transaction.atomic
def review_invite(
    *, version: ProfileVersion, organisation: Organisation, invited_by: Any
) -> ProfileReview:
    """Invite one more employer to review a version in review."""
    _require_coordinator(invited_by, version.profile)
    if version.state not in (VersionState.IN_REVIEW, VersionState.ENDORSED):
        raise InvalidTransition(
            _(
                "Employers are invited once the draft is sent for review, and before it is published."
            )
        )
    return _invite(version, organisation, invited_by)


def endorsements(version: ProfileVersion) -> QuerySet[ProfileReview]:
    """Return the employer reviews that endorse ``version``."""
    return version.reviews.filter(state=ReviewState.ENDORSED).select_related(
        "organisation"
    )


@transaction.atomic
def version_publish(*, version: ProfileVersion, published_by: Any) -> ProfileVersion:
    """Publish an endorsed version; the previously published one retires."""
    _require_coordinator(published_by, version.profile)
    version = ProfileVersion.objects.select_for_update().get(pk=version.pk)
    if version.state == VersionState.PUBLISHED:
        return version
    if version.state != VersionState.ENDORSED or not endorsements(version).exists():
        raise InvalidTransition(
            _(
                "Version %(number)d cannot be published until at least one employer endorses it."
            )
            % {"number": version.number}
        )
    now = timezone.now()
    for previous in version.profile.versions.filter(state=VersionState.PUBLISHED):
        previous.state, previous.retired_at = VersionState.RETIRED, now
        previous.save(update_fields=["state", "retired_at"])
        event_record(
            version=previous,
            kind=EventKind.RETIRED,
            actor=published_by,
            note=_("Replaced by version %(number)d.") % {"number": version.number},
        )
    version.state, version.published_at = VersionState.PUBLISHED, now
    version.save(update_fields=["state", "published_at"])
    event_record(version=version, kind=EventKind.PUBLISHED, actor=published_by)
    audit_record(actor=published_by, verb=AuditVerb.VERSION_PUBLISH, target=version)
    return version


@transaction.atomic
def version_retire(
    *, version: ProfileVersion, retired_by: Any, note: str = ""
) -> ProfileVersion:
    """Withdraw a version that was sent for review, endorsed or published."""
    _require_coordinator(retired_by, version.profile)
    if version.state in (VersionState.DRAFT, VersionState.RETIRED):
        raise InvalidTransition(
            _("Only a version in review, endorsed or published can be retired.")
        )
    version.state, version.retired_at = VersionState.RETIRED, timezone.now()
    version.save(update_fields=["state", "retired_at"])
    event_record(
        version=version, kind=EventKind.RETIRED, actor=retired_by, note=note.strip()
    )
    audit_record(actor=retired_by, verb=AuditVerb.VERSION_RETIRE, target=version)
    return version


@transaction.atomic
def version_draft_start(
    *, version: ProfileVersion, started_by: Any, change_note: str = ""
) -> ProfileVersion:
    """Start a new draft from ``version``: a copy to change, with employers' ratings.

    The importance of each competency in the copy is the employers' average rating,
    where they rated it, so that their judgement carries into the next version.
    """
    profile = version.profile
    _require_coordinator(started_by, profile)
    if version.state == VersionState.DRAFT:
        return version
    existing = profile.versions.filter(state=VersionState.DRAFT).first()
    if existing is not None:
        raise InvalidTransition(
            _("Version %(number)d is already a draft: change that one.")
            % {"number": existing.number}
        )
    number = (profile.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    try:
        with transaction.atomic():
            draft = ProfileVersion.objects.create(
                profile=profile,
                number=number,
                based_on=version,
                change_note=change_note.strip(),
                created_by=started_by,
            )
    except IntegrityError as error:  # two coordinators started a draft at once
        raise InvalidTransition(
            _("Someone has just started a draft: reload the page.")
        ) from error
    ratings = dict(
        TaskCompetency.objects.filter(
            task__duty__version=version, ratings__isnull=False
        )
        .annotate(mean=Avg("ratings__importance"))
        .values_list("pk", "mean")
    )
    for duty in version.duties.order_by("position", "pk"):
        new_duty = Duty.objects.create(
            version=draft,
            position=duty.position,
            title_en=duty.title_en,
            title_fr=duty.title_fr,
        )
        copies: dict[int, Task] = {}
        tasks = list(duty.tasks.order_by("parent_id", "position", "pk"))
        for task in sorted(
            tasks, key=lambda t: (t.parent_id is not None, t.position, t.pk)
        ):
            copies[task.pk] = Task.objects.create(
                duty=new_duty,
                parent=copies.get(task.parent_id) if task.parent_id else None,
                position=task.position,
                title_en=task.title_en,
                title_fr=task.title_fr,
            )
        TaskCompetency.objects.bulk_create(
            TaskCompetency(
                task=copies[need.task_id],
                competency_id=need.competency_id,
                required_level=need.required_level,
                importance=round(ratings[need.pk])
                if need.pk in ratings
                else need.importance,
            )
            for need in TaskCompetency.objects.filter(task__duty=duty)
        )
    event_record(
        version=version,
        kind=EventKind.DRAFT_STARTED,
        actor=started_by,
        note=_("Version %(number)d.") % {"number": number},
    )
    event_record(
        version=draft,
        kind=EventKind.CREATED,
        actor=started_by,
        note=_("From version %(number)d.") % {"number": version.number},
    )
    audit_record(
        actor=started_by,
        verb=AuditVerb.VERSION_DRAFT_START,
        target=draft,
        based_on=version.pk,
    )
    return draft
