"""Demo data of the supply side: frameworks, job profiles reviewed and endorsed by
employers, employer demand, and a published micro-credential for each profile.

It lives in ``frameworks`` (the first app of the cycle) so that the credentials exist
before later apps seed assessments and learning plans for them. Running it again
changes nothing: what exists is kept.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from skillpath.accounts.models import Organisation, User
from skillpath.credentials.models import MicroCredential
from skillpath.credentials.services import definitions as credential_services
from skillpath.frameworks import services
from skillpath.frameworks.demo_content import DEMAND, PROFILES
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

EMPLOYER_EMAILS = {
    "little-sprouts": "employer@littlesprouts.example",
    "northern-shield": "employer@northernshield.example",
    "prairie-freight": "employer@prairiefreight.example",
}


def _framework(
    data: dict[str, Any], owner: Organisation, coordinator: User
) -> Framework:
    existing = Framework.objects.filter(title=data["title"], owner=owner).first()
    if existing is not None:
        return existing
    framework = services.framework_create(
        title=data["title"],
        created_by=coordinator,
        owner=owner,
        version=data["version"],
        publisher=owner.name,
        description=data["description"],
    )
    for code, english, french, competencies in data["domains"]:
        domain = services.competency_create(
            framework=framework,
            created_by=coordinator,
            code=code,
            title_en=english,
            title_fr=french,
        )
        for child_code, kind, child_en, child_fr in competencies:
            services.competency_create(
                framework=framework,
                created_by=coordinator,
                code=child_code,
                title_en=child_en,
                title_fr=child_fr,
                kind=kind,
                parent=domain,
            )
    return framework


def _chart(
    version: ProfileVersion,
    duties: list[Any],
    competencies: dict[str, Competency],
    coordinator: User,
) -> None:
    for duty_en, duty_fr, tasks in duties:
        duty = services.duty_add(
            version=version, added_by=coordinator, title_en=duty_en, title_fr=duty_fr
        )
        for task_en, task_fr, needs, subtasks in tasks:
            task = services.task_add(
                duty=duty, added_by=coordinator, title_en=task_en, title_fr=task_fr
            )
            _needs(task, needs, competencies, coordinator)
            for sub_en, sub_fr, sub_needs in subtasks:
                subtask = services.task_add(
                    duty=duty,
                    added_by=coordinator,
                    title_en=sub_en,
                    title_fr=sub_fr,
                    parent=task,
                )
                _needs(subtask, sub_needs, competencies, coordinator)


def _needs(
    task: Task, needs: list[Any], competencies: dict[str, Competency], coordinator: User
) -> None:
    for code, level, importance in needs:
        services.task_competency_add(
            task=task,
            added_by=coordinator,
            competency=competencies[code],
            required_level=level,
            importance=importance,
        )


def _review(
    version: ProfileVersion, slug: str, data: dict[str, Any], employer: User
) -> None:
    review = version.reviews.get(organisation__slug=slug)
    needs = {
        need.competency.code: need
        for need in TaskCompetency.objects.filter(
            task__duty__version=version
        ).select_related("competency", "task")
    }
    tasks = {task.title_en: task for task in Task.objects.filter(duty__version=version)}
    for target, key, kind, text in data["comments"]:
        services.review_comment_add(
            review=review,
            author=employer,
            text=text,
            kind=kind,
            task=tasks[key] if target == "task" else None,
            task_competency=needs[key] if target == "need" else None,
        )
    for code, importance in data["ratings"].items():
        services.importance_rate(
            review=review,
            rated_by=employer,
            task_competency=needs[code],
            importance=importance,
        )
    services.review_decide(
        review=review, decided_by=employer, endorse=True, summary=data["summary"]
    )


def _profile(data: dict[str, Any], stdout: Any) -> None:
    spec = data["profile"]
    owner = Organisation.objects.get(slug=spec["owner"])
    coordinator = User.objects.get(email=spec["coordinator"])
    framework = _framework(data["framework"], owner, coordinator)
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
    _chart(version, data["duties"], competencies, coordinator)
    reviewers = list(Organisation.objects.filter(slug__in=data["reviewers"]))
    services.version_submit(
        version=version,
        submitted_by=coordinator,
        reviewers=reviewers,
        note="Please check that the duties and tasks match the job in your organisation.",
    )
    if "duties_v2" in data:
        first = reviewers[0]
        employer = User.objects.get(email=EMPLOYER_EMAILS[first.slug])
        services.review_decide(
            review=version.reviews.get(organisation=first),
            decided_by=employer,
            endorse=False,
            summary=data["changes"],
        )
        version = services.version_draft_start(
            version=version,
            started_by=coordinator,
            change_note="Adds forklift operation and WHMIS, as Prairie Freight asked.",
        )
        _chart(version, data["duties_v2"], competencies, coordinator)
        services.version_submit(
            version=version, submitted_by=coordinator, reviewers=reviewers
        )
        services.version_retire(
            version=ProfileVersion.objects.get(profile=profile, number=1),
            retired_by=coordinator,
            note="Replaced by version 2.",
        )
    for slug, review_data in data["review"].items():
        _review(
            version, slug, review_data, User.objects.get(email=EMPLOYER_EMAILS[slug])
        )
    version.refresh_from_db()
    services.version_publish(version=version, published_by=coordinator)
    _credential(version, owner, coordinator, data["credential"])
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
    for slug, title, noc, openings, region, city, urgency, low, high, notes in DEMAND:
        employer = Organisation.objects.get(slug=slug)
        if DemandReport.objects.filter(
            employer=employer, job_title=title, region=region
        ).exists():
            continue
        demand_services.demand_report_create(
            employer=employer,
            reported_by=User.objects.get(email=EMPLOYER_EMAILS[slug]),
            job_title=title,
            noc_code=noc,
            openings=openings,
            region=region,
            city=city,
            urgency=urgency,
            wage_min=Decimal(low),
            wage_max=Decimal(high),
            notes=notes,
        )
        created += 1
    return created


def seed(stdout: Any) -> None:
    """Create the demo frameworks, profiles, reviews, demand and credentials."""
    reports = _demand()
    for data in PROFILES:
        _profile(data, stdout)
    stdout.write(
        f"  {Framework.objects.count()} frameworks, {JobProfile.objects.count()} job profiles, "
        f"{MicroCredential.objects.filter(state='published').count()} published "
        f"micro-credentials, {reports} new demand reports"
    )
