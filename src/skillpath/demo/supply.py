"""The supply side: frameworks (CASE), job profiles reviewed and endorsed by
employers, employer demand, and a published micro-credential for each profile.

Frameworks come in as CASE 1.1 packages through the CASE importer; the profiles,
reviews, credentials and demand are read from ``data/profiles/`` and
``data/demand.json`` and written through the frameworks, credentials and jobs
services. What exists already is kept.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from skillpath.accounts.models import Organisation, User
from skillpath.credentials.models import MicroCredential
from skillpath.credentials.services import definitions as credential_services
from skillpath.demo.files import load, path
from skillpath.frameworks import services
from skillpath.frameworks.models import (
    Competency,
    Framework,
    JobProfile,
    ProfileVersion,
    Task,
    TaskCompetency,
)
from skillpath.jobs import services as demand_services
from skillpath.jobs.models import DemandReport

PROFILES = ("ece", "cyber", "logistics")
DEMAND = load("demand.json")


def profile_spec(key: str) -> dict[str, Any]:
    """Return the job profile data of the field ``key`` (``data/profiles/<key>.json``)."""
    spec: dict[str, Any] = load(f"profiles/{key}.json")
    return spec


def _framework(file: str, owner: Organisation, coordinator: User) -> Framework:
    name = f"frameworks/{file}"
    identifier = load(name)["CFDocument"]["identifier"]
    existing = Framework.objects.filter(identifier=identifier).first()
    if existing is not None:
        return existing
    return services.framework_import(
        path=path(name), source_format="case", imported_by=coordinator, owner=owner
    )


def _needs(
    task: Task,
    needs: list[dict[str, Any]],
    competencies: dict[str, Competency],
    coordinator: User,
) -> None:
    for need in needs:
        services.task_competency_add(
            task=task,
            added_by=coordinator,
            competency=competencies[need["competency"]],
            required_level=need["level"],
            importance=need["importance"],
        )


def _chart(
    version: ProfileVersion,
    duties: list[dict[str, Any]],
    competencies: dict[str, Competency],
    coordinator: User,
) -> None:
    for duty_spec in duties:
        duty = services.duty_add(
            version=version,
            added_by=coordinator,
            title_en=duty_spec["title_en"],
            title_fr=duty_spec["title_fr"],
        )
        for task_spec in duty_spec["tasks"]:
            task = services.task_add(
                duty=duty,
                added_by=coordinator,
                title_en=task_spec["title_en"],
                title_fr=task_spec["title_fr"],
            )
            _needs(task, task_spec["needs"], competencies, coordinator)
            for sub_spec in task_spec.get("subtasks", []):
                subtask = services.task_add(
                    duty=duty,
                    added_by=coordinator,
                    title_en=sub_spec["title_en"],
                    title_fr=sub_spec["title_fr"],
                    parent=task,
                )
                _needs(subtask, sub_spec["needs"], competencies, coordinator)


def _review(
    version: ProfileVersion, slug: str, spec: dict[str, Any], employer: User
) -> None:
    review = version.reviews.get(organisation__slug=slug)
    needs = {
        need.competency.code: need
        for need in TaskCompetency.objects.filter(
            task__duty__version=version
        ).select_related("competency", "task")
    }
    tasks = {task.title_en: task for task in Task.objects.filter(duty__version=version)}
    for comment in spec["comments"]:
        services.review_comment_add(
            review=review,
            author=employer,
            text=comment["text"],
            kind=comment["kind"],
            task=tasks[comment["target"]] if comment["on"] == "task" else None,
            task_competency=needs[comment["target"]]
            if comment["on"] == "need"
            else None,
        )
    for code, importance in spec["ratings"].items():
        services.importance_rate(
            review=review,
            rated_by=employer,
            task_competency=needs[code],
            importance=importance,
        )
    services.review_decide(
        review=review, decided_by=employer, endorse=True, summary=spec["summary"]
    )


def _employer(slug: str) -> User:
    return User.objects.get(email=DEMAND["reporters"][slug])


def _changes_requested(
    profile: JobProfile,
    version: ProfileVersion,
    reviewers: list[Organisation],
    spec: dict[str, Any],
    competencies: dict[str, Competency],
    coordinator: User,
) -> ProfileVersion:
    """Send version 1 back from its first reviewer, and submit version 2 instead."""
    first = reviewers[0]
    services.review_decide(
        review=version.reviews.get(organisation=first),
        decided_by=_employer(first.slug),
        endorse=False,
        summary=spec["summary"],
    )
    version = services.version_draft_start(
        version=version, started_by=coordinator, change_note=spec["change_note"]
    )
    _chart(version, spec["duties"], competencies, coordinator)
    services.version_submit(
        version=version, submitted_by=coordinator, reviewers=reviewers
    )
    services.version_retire(
        version=ProfileVersion.objects.get(profile=profile, number=1),
        retired_by=coordinator,
        note="Replaced by version 2.",
    )
    return version


def _profile(spec: dict[str, Any], stdout: Any) -> None:
    owner = Organisation.objects.get(slug=spec["owner"])
    coordinator = User.objects.get(email=spec["coordinator"])
    framework = _framework(spec["framework"], owner, coordinator)
    if JobProfile.objects.filter(owner=owner, noc_code=spec["noc_code"]).exists():
        return
    competencies = {c.code: c for c in framework.competencies.all()}
    profile = services.profile_create(
        owner=owner,
        created_by=coordinator,
        title_en=spec["title_en"],
        title_fr=spec["title_fr"],
        noc_code=spec["noc_code"],
        description_en=spec["description_en"],
        description_fr=spec["description_fr"],
        region=spec["region"],
        framework=framework,
    )
    version = profile.versions.get()
    _chart(version, spec["duties"], competencies, coordinator)
    reviewers = list(Organisation.objects.filter(slug__in=spec["reviewers"]))
    services.version_submit(
        version=version,
        submitted_by=coordinator,
        reviewers=reviewers,
        note=spec["submit_note"],
    )
    if "changes_requested" in spec:
        version = _changes_requested(
            profile,
            version,
            reviewers,
            spec["changes_requested"],
            competencies,
            coordinator,
        )
    for slug, review_spec in spec["reviews"].items():
        _review(version, slug, review_spec, _employer(slug))
    version.refresh_from_db()
    services.version_publish(version=version, published_by=coordinator)
    _credential(version, owner, coordinator, spec["credential"])
    stdout.write(
        f"  job profile {profile.title_en} (NOC {profile.noc_code}), v{version.number}"
    )


def _credential(
    version: ProfileVersion,
    owner: Organisation,
    coordinator: User,
    spec: dict[str, Any],
) -> None:
    if MicroCredential.objects.filter(slug=spec["slug"]).exists():
        return
    credential = credential_services.credential_define(
        version=version,
        issuing_organisation=owner,
        defined_by=coordinator,
        title_en=spec["title_en"],
        title_fr=spec["title_fr"],
    )
    MicroCredential.objects.filter(pk=credential.pk).update(slug=spec["slug"])
    credential.refresh_from_db()
    credential_services.credential_update(
        credential=credential,
        changed_by=coordinator,
        description_en=spec["description_en"],
        description_fr=spec["description_fr"],
        criteria_en=spec["criteria_en"],
        criteria_fr=spec["criteria_fr"],
        full_program_hours=spec["full_program_hours"],
        validity_months=spec["validity_months"],
        stackable=bool(spec["stacks_into"]),
        stacks_into=spec["stacks_into"],
    )
    credential_services.credential_publish(
        credential=credential, published_by=coordinator
    )


def _demand() -> int:
    created = 0
    for report in DEMAND["reports"]:
        employer = Organisation.objects.get(slug=report["employer"])
        if DemandReport.objects.filter(
            employer=employer, job_title=report["job_title"], region=report["region"]
        ).exists():
            continue
        demand_services.demand_report_create(
            employer=employer,
            reported_by=_employer(report["employer"]),
            job_title=report["job_title"],
            noc_code=report["noc_code"],
            openings=report["openings"],
            region=report["region"],
            city=report["city"],
            urgency=report["urgency"],
            wage_min=Decimal(report["wage_min"]),
            wage_max=Decimal(report["wage_max"]),
            notes=report["notes"],
        )
        created += 1
    return created


def seed(stdout: Any) -> None:
    """Create the demo frameworks, profiles, reviews, demand and credentials."""
    reports = _demand()
    for key in PROFILES:
        _profile(profile_spec(key), stdout)
    published = MicroCredential.objects.filter(state="published").count()
    stdout.write(
        f"  {Framework.objects.count()} frameworks, {JobProfile.objects.count()} job "
        f"profiles, {published} published micro-credentials, {reports} new demand "
        "reports"
    )
