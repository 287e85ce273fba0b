"""Demo jobs: open postings from the demo employers on the demo profiles, and
applications at every stage of the pipeline, one of them a hire.

Postings go through the posting services (drafted on the profile's published
version, then opened, which alerts strong matches); applications through the
application services, moved along the pipeline by the employer's demo staff
(``data/jobs.json``). The demo holders match strongly, the learners part-way
through partly, and the others weakly. Running it again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from skillpath.accounts.models import LearnerProfile, Organisation, User
from skillpath.credentials.models import Award, AwardStatus
from skillpath.demo.files import load
from skillpath.frameworks.models import ProfileVersion, VersionState
from skillpath.jobs.models import Application, JobPosting, SelfDeclaredSkill
from skillpath.jobs.services import applications as application_services
from skillpath.jobs.services import postings as posting_services

JOBS = load("jobs.json")


def _version(noc: str) -> ProfileVersion | None:
    return (
        ProfileVersion.objects.filter(
            profile__noc_code=noc, state=VersionState.PUBLISHED
        )
        .order_by("-number")
        .first()
    )


def _posting(spec: dict[str, Any]) -> JobPosting | None:
    employer = Organisation.objects.filter(slug=spec["employer"]).first()
    author = User.objects.filter(email=spec["by"]).first()
    version = _version(spec["profile_noc"])
    if employer is None or author is None or version is None:
        return None
    existing = JobPosting.objects.filter(employer=employer, title=spec["title"]).first()
    if existing is not None:
        return existing
    today = timezone.localdate()
    fields = {
        key: spec[key]
        for key in (
            "title",
            "description",
            "city",
            "region",
            "work_mode",
            "wage_min",
            "wage_max",
            "wage_unit",
            "hours_per_week",
            "openings",
            "language_of_work",
            "how_to_apply",
        )
    }
    posting = posting_services.posting_create(
        employer=employer,
        created_by=author,
        profile_version=version,
        start_date=today + dt.timedelta(days=spec["start_in_days"]),
        closing_date=today + dt.timedelta(days=spec["closing_in_days"]),
        **fields,
    )
    return posting_services.posting_open(posting=posting, opened_by=author)


def _declare(spec: dict[str, Any]) -> None:
    seeker = User.objects.filter(email=spec["seeker"]).first()
    version = _version(spec["profile_noc"])
    if seeker is None or version is None:
        return
    needs = (
        version.duties.values_list(
            "tasks__competency_needs__competency_id",
            "tasks__competency_needs__required_level",
        )
        .filter(tasks__competency_needs__competency_id__isnull=False)
        .order_by("tasks__competency_needs__competency_id")
        .distinct()
    )
    for competency_id, level in list(needs)[: spec["count"]]:
        SelfDeclaredSkill.objects.get_or_create(
            seeker=seeker, competency_id=competency_id, defaults={"level": level}
        )


def _apply(spec: dict[str, Any], postings: list[JobPosting | None]) -> bool:
    posting = postings[spec["posting"]] if spec["posting"] < len(postings) else None
    seeker = User.objects.filter(email=spec["seeker"]).first()
    if posting is None or seeker is None:
        return False
    if Application.objects.filter(posting=posting, seeker=seeker).exists():
        return False
    awards = Award.objects.filter(
        learner=seeker,
        status=AwardStatus.ACTIVE,
        credential__profile_version__profile=posting.profile_version.profile,
    )
    application = application_services.application_create(
        seeker=seeker, posting=posting, message=spec["message"], awards=list(awards)
    )
    mover = posting.created_by
    for position, status in enumerate(spec["moves"]):
        last = position == len(spec["moves"]) - 1
        application = application_services.application_move(
            application=application,
            moved_by=mover,
            to_status=status,
            note=spec["note"] if last else "",
            on_date=_move_date(spec, status),
        )
    if spec.get("withdraw"):
        application_services.application_withdraw(
            application=application, seeker=seeker
        )
    return True


def _move_date(spec: dict[str, Any], status: str) -> dt.date | None:
    """Return the date a move records: today for interviews, the hire's start."""
    if status == "interview":
        return timezone.localdate()
    if status == "hired" and "hired_days_ago" in spec:
        return timezone.localdate() - dt.timedelta(days=spec["hired_days_ago"])
    return None


def seed(stdout: Any) -> None:
    """Post the demo jobs and make the demo applications."""
    LearnerProfile.objects.filter(user__email__in=JOBS["alerts_by_email"]).update(
        job_alerts_by_email=True
    )
    for spec in JOBS["declared"]:
        _declare(spec)
    postings = [_posting(spec) for spec in JOBS["postings"]]
    made = sum(_apply(spec, postings) for spec in JOBS["applications"])
    stdout.write(
        f"  {sum(p is not None for p in postings)} open job postings, "
        f"{made} new applications"
    )
