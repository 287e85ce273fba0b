"""Write job postings: create from a profile version, edit, requirements, open, close."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillpath.accounts.models import Organisation, Province
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.frameworks.models import Competency, ProfileVersion
from skillpath.frameworks.selectors import competency_profile, scale_levels
from skillpath.jobs import access
from skillpath.jobs.exceptions import InvalidPosting, NotAllowed, PostingState
from skillpath.jobs.models import (
    JobPosting,
    LanguageOfWork,
    PostingRequirement,
    PostingStatus,
    RequirementOrigin,
    WageUnit,
    WorkMode,
)
from skillpath.jobs.noc import is_noc_2021
from skillpath.jobs.services.alerts import posting_alerts_task

#: Importance from which a profile's competency starts as essential.
ESSENTIAL_FROM = 4

POSTING_FIELDS = (
    "title",
    "noc_code",
    "description",
    "city",
    "region",
    "work_mode",
    "wage_min",
    "wage_max",
    "wage_unit",
    "hours_per_week",
    "openings",
    "start_date",
    "opens_on",
    "closing_date",
    "language_of_work",
    "how_to_apply",
)

#: What may still change once a posting is open (the rest is what people applied to).
OPEN_FIELDS = ("description", "how_to_apply", "openings", "closing_date")


def _decimal(value: Any, field: str, label: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise InvalidPosting(
            _("%(label)s must be a number.") % {"label": label}, field=field
        ) from None
    if not number.is_finite():
        raise InvalidPosting(
            _("%(label)s must be a number.") % {"label": label}, field=field
        )
    return number


def _date(value: Any, field: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InvalidPosting(_("Give the date as YYYY-MM-DD."), field=field) from None


def clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Return ``fields`` checked and normalised; raise InvalidPosting naming the field."""
    unknown = set(fields) - set(POSTING_FIELDS)
    if unknown:
        raise ValueError(f"Unknown posting fields: {sorted(unknown)}")
    out = dict(fields)
    for name in ("title", "noc_code", "description", "city", "how_to_apply"):
        if name in out:
            out[name] = str(out[name] or "").strip()
    if "title" in out and not out["title"]:
        raise InvalidPosting(_("Give the job a title."), field="title")
    if "noc_code" in out and not is_noc_2021(out["noc_code"]):
        raise InvalidPosting(
            _(
                "“%(code)s” is not a NOC 2021 code: five digits, e.g. 72400. "
                "Look it up on noc.esdc.gc.ca."
            )
            % {"code": out["noc_code"]},
            field="noc_code",
        )
    if "city" in out and not out["city"]:
        raise InvalidPosting(_("Say in which city or area the job is."), field="city")
    if "region" in out and out["region"] not in Province.values:
        raise InvalidPosting(
            _("Choose the province or territory of the job."), field="region"
        )
    if "work_mode" in out and out["work_mode"] not in WorkMode.values:
        raise InvalidPosting(_("Choose on site, hybrid or remote."), field="work_mode")
    if "wage_unit" in out and out["wage_unit"] not in WageUnit.values:
        raise InvalidPosting(
            _("Choose a wage per hour or per year."), field="wage_unit"
        )
    if (
        "language_of_work" in out
        and out["language_of_work"] not in LanguageOfWork.values
    ):
        raise InvalidPosting(
            _("Choose English, French or both."), field="language_of_work"
        )
    for name, label in (
        ("wage_min", _("The lowest wage")),
        ("wage_max", _("The highest wage")),
    ):
        if name in out:
            out[name] = _decimal(out[name], name, label)
            if out[name] is not None and out[name] < 0:
                raise InvalidPosting(_("A wage cannot be negative."), field=name)
    if "hours_per_week" in out:
        hours = _decimal(out["hours_per_week"], "hours_per_week", _("Hours per week"))
        if hours is not None and not (0 < hours <= 168):
            raise InvalidPosting(
                _("Hours per week are between 1 and 168."), field="hours_per_week"
            )
        out["hours_per_week"] = hours
    if "openings" in out:
        try:
            out["openings"] = int(out["openings"])
        except (TypeError, ValueError):
            raise InvalidPosting(
                _("Say how many people you will hire."), field="openings"
            ) from None
        if out["openings"] < 1:
            raise InvalidPosting(_("Offer at least one opening."), field="openings")
    for name in ("start_date", "opens_on", "closing_date"):
        if name in out:
            out[name] = _date(out[name], name)
    return out


def _check_together(values: dict[str, Any]) -> None:
    low, high = values.get("wage_min"), values.get("wage_max")
    if low is not None and high is not None and low > high:
        raise InvalidPosting(
            _("The lowest wage is above the highest wage."), field="wage_min"
        )
    opens, closes = values.get("opens_on"), values.get("closing_date")
    if opens and closes and closes < opens:
        raise InvalidPosting(
            _("The posting would close (%(closes)s) before it opens (%(opens)s).")
            % {"closes": closes.isoformat(), "opens": opens.isoformat()},
            field="closing_date",
        )


def _require_manager(user: Any, posting: JobPosting) -> None:
    if not access.can_manage_posting(user, posting):
        raise NotAllowed(
            _("Only representatives of %(org)s can change this posting.")
            % {"org": posting.employer.name}
        )


@transaction.atomic
def posting_create(
    *,
    employer: Organisation,
    created_by: Any,
    profile_version: ProfileVersion,
    **fields: Any,
) -> JobPosting:
    """Draft a posting on an endorsed profile version, with the profile's requirements.

    Each competency of the version comes in at its highest required level and
    importance; those of importance 4 or 5 start as essential.
    """
    if employer.pk not in access.employer_org_ids(created_by):
        raise NotAllowed(
            _("You can post jobs only for an approved employer you represent.")
        )
    if not access.postable_versions(created_by).filter(pk=profile_version.pk).exists():
        raise InvalidPosting(
            _(
                "Post on an endorsed or published job profile; "
                "this one is not open to your organisation."
            ),
            field="profile_version",
        )
    fields.setdefault("title", profile_version.profile.title)
    fields.setdefault("noc_code", profile_version.profile.noc_code)
    for required in ("city", "region"):
        fields.setdefault(required, "")
    values = clean_fields(fields)
    _check_together(values)
    posting = JobPosting.objects.create(
        employer=employer,
        created_by=created_by,
        profile_version=profile_version,
        **values,
    )
    PostingRequirement.objects.bulk_create(
        PostingRequirement(
            posting=posting,
            competency=need.competency,
            required_level=need.required_level,
            importance=need.importance,
            essential=need.importance >= ESSENTIAL_FROM,
            origin=RequirementOrigin.PROFILE,
        )
        for need in competency_profile(profile_version)
    )
    audit_record(
        actor=created_by,
        verb=AuditVerb.POSTING_CREATE,
        target=posting,
        version=profile_version.pk,
    )
    return posting


@transaction.atomic
def posting_update(
    *, posting: JobPosting, changed_by: Any, **fields: Any
) -> JobPosting:
    """Change a posting: anything while a draft; once open, only what applicants can live with."""
    posting = JobPosting.objects.select_for_update().get(pk=posting.pk)
    _require_manager(changed_by, posting)
    if posting.status in (PostingStatus.CLOSED, PostingStatus.FILLED):
        raise PostingState(_("A closed posting cannot change; post a new one."))
    if posting.status == PostingStatus.OPEN:
        locked = sorted(set(fields) - set(OPEN_FIELDS))
        if locked:
            raise InvalidPosting(
                _(
                    "Once a posting is open only its description, how to apply, "
                    "openings and closing date can change."
                ),
                field=locked[0],
            )
    values = clean_fields(fields)
    merged = {name: getattr(posting, name) for name in POSTING_FIELDS} | values
    _check_together(merged)
    if (
        posting.status == PostingStatus.OPEN
        and merged["closing_date"]
        and merged["closing_date"] < timezone.localdate()
    ):
        raise InvalidPosting(
            _("The closing date is in the past; close the posting instead."),
            field="closing_date",
        )
    for name, value in values.items():
        setattr(posting, name, value)
    posting.save()
    audit_record(
        actor=changed_by,
        verb=AuditVerb.POSTING_UPDATE,
        target=posting,
        fields=sorted(values),
    )
    return posting


def _draft_for_requirements(posting: JobPosting, user: Any) -> JobPosting:
    posting = JobPosting.objects.select_for_update().get(pk=posting.pk)
    _require_manager(user, posting)
    if posting.status != PostingStatus.DRAFT:
        raise PostingState(
            _("Requirements can change only while the posting is a draft.")
        )
    return posting


@transaction.atomic
def requirement_set(
    *,
    posting: JobPosting,
    changed_by: Any,
    competency: Competency,
    required_level: int,
    importance: int = 3,
    essential: bool = False,
    licence: bool = False,
    origin: str = RequirementOrigin.FRAMEWORK,
    source_sentence: str = "",
) -> PostingRequirement:
    """Add a requirement to a draft posting, or change the one on that competency."""
    posting = _draft_for_requirements(posting, changed_by)
    levels = [level.level for level in scale_levels(competency.framework)]
    top = max(levels) if levels else None
    try:
        required_level = int(required_level)
        importance = int(importance)
    except (TypeError, ValueError):
        raise InvalidPosting(
            _("Level and importance are whole numbers."), field="required_level"
        ) from None
    if required_level < 1 or (top is not None and required_level > top):
        raise InvalidPosting(
            _("Choose a level of the competency's scale."), field="required_level"
        )
    if not 1 <= importance <= 5:
        raise InvalidPosting(_("Importance goes from 1 to 5."), field="importance")
    if origin not in RequirementOrigin.values:
        raise ValueError(f"Unknown requirement origin {origin!r}")
    requirement, created = PostingRequirement.objects.update_or_create(
        posting=posting,
        competency=competency,
        defaults={
            "required_level": required_level,
            "importance": importance,
            "essential": bool(essential),
            "licence": bool(licence),
        },
        create_defaults={
            "required_level": required_level,
            "importance": importance,
            "essential": bool(essential),
            "licence": bool(licence),
            "origin": origin,
            "source_sentence": source_sentence[:2000],
        },
    )
    audit_record(
        actor=changed_by,
        verb=AuditVerb.POSTING_REQUIREMENT_SET,
        target=posting,
        competency=competency.pk,
        level=required_level,
        importance=importance,
        essential=bool(essential),
        created=created,
    )
    return requirement


@transaction.atomic
def requirement_remove(
    *, posting: JobPosting, changed_by: Any, competency: Competency
) -> None:
    """Take a requirement off a draft posting."""
    posting = _draft_for_requirements(posting, changed_by)
    deleted, _rows = PostingRequirement.objects.filter(
        posting=posting, competency=competency
    ).delete()
    if deleted:
        audit_record(
            actor=changed_by,
            verb=AuditVerb.POSTING_REQUIREMENT_REMOVE,
            target=posting,
            competency=competency.pk,
        )


@transaction.atomic
def posting_open(*, posting: JobPosting, opened_by: Any) -> JobPosting:
    """Publish a draft posting: seekers can find it and apply until it closes."""
    posting = JobPosting.objects.select_for_update().get(pk=posting.pk)
    _require_manager(opened_by, posting)
    if posting.status == PostingStatus.OPEN:
        return posting
    if posting.status != PostingStatus.DRAFT:
        raise PostingState(_("A closed posting cannot open again; post a new one."))
    if not posting.requirements.exists():
        raise PostingState(
            _("Add at least one requirement before you open the posting.")
        )
    today = timezone.localdate()
    opens_on = posting.opens_on or today
    if opens_on > today:
        opens_on = today
    if posting.closing_date and posting.closing_date < today:
        raise InvalidPosting(
            _("The closing date is in the past; choose a later one."),
            field="closing_date",
        )
    posting.opens_on = opens_on
    posting.status = PostingStatus.OPEN
    posting.opened_at = timezone.now()
    posting.save(update_fields=["opens_on", "status", "opened_at", "updated_at"])
    audit_record(actor=opened_by, verb=AuditVerb.POSTING_OPEN, target=posting)
    # Matching every seeker is work for the queue, not for the employer's request.
    posting_id = posting.pk
    transaction.on_commit(lambda: posting_alerts_task(posting_id))
    return posting


@transaction.atomic
def posting_close(*, posting: JobPosting, closed_by: Any, status: str) -> JobPosting:
    """Close an open posting, as closed or filled; applications stay visible."""
    posting = JobPosting.objects.select_for_update().get(pk=posting.pk)
    _require_manager(closed_by, posting)
    if status not in (PostingStatus.CLOSED, PostingStatus.FILLED):
        raise InvalidPosting(_("Choose closed or filled."), field="status")
    if posting.status == status:
        return posting
    if posting.status == PostingStatus.DRAFT and status == PostingStatus.FILLED:
        raise PostingState(_("A draft posting cannot be filled; open it first."))
    posting.status = status
    posting.closed_at = timezone.now()
    posting.save(update_fields=["status", "closed_at", "updated_at"])
    audit_record(
        actor=closed_by, verb=AuditVerb.POSTING_CLOSE, target=posting, status=status
    )
    return posting
