"""Builders for tests of the outcomes app.

Consenting holders, due surveys and hires (the follow-up side), and, for the
report's tests and benchmark, ``report_world(people)``: for each `Person`, the rows
the report reads (the first sitting, a learning plan, the award, applications, a
baseline, follow-up surveys with their answers, employers' ratings), written in
bulk, directly (one real signed award supplies the issuer and status list the
others share): the report only reads them, and the benchmark builds 100,000 people
with the same code.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from skillpath.accounts import testing as accounts_testing
from skillpath.accounts.models import (
    LearnerProfile,
    Organisation,
    OrganisationKind,
    User,
)
from skillpath.assessments.models import Sitting, SittingStatus
from skillpath.credentials.models import Award, MicroCredential
from skillpath.credentials.services.awards import award_issue
from skillpath.credentials.testing import micro_credential
from skillpath.frameworks.models import Competency
from skillpath.jobs.models import Application, ApplicationStatus, JobPosting
from skillpath.jobs.services import applications as application_services
from skillpath.jobs.testing import (
    JobsWorld,
    holder,
    jobs_world,
    posting_fields,
    standings_for,
)
from skillpath.learning.models import (
    LearningPlan,
    Module,
    ModuleFormat,
    ModuleLanguage,
    ModuleStatus,
    PlanItem,
    PlanStatus,
)
from skillpath.outcomes.models import (
    Baseline,
    CompetencyRating,
    EmployerRating,
    FollowUp,
    FollowUpAnswer,
    FollowUpState,
    RatingKind,
)
from skillpath.outcomes.services.consent import follow_up_consent_set


@dataclass
class HolderWorld:
    world: JobsWorld
    learner: User
    award: Award


def consenting_holder(
    world: JobsWorld | None = None, *, awarded_days_ago: int = 0, consent: bool = True
) -> HolderWorld:
    """Return a credential holder who agreed to follow-ups, awarded some days ago."""
    world = world or jobs_world()
    learner, award = holder(world.credential)
    if awarded_days_ago:
        Award.objects.filter(pk=award.pk).update(
            valid_from=timezone.now() - dt.timedelta(days=awarded_days_ago)
        )
        award.refresh_from_db()
    if consent:
        follow_up_consent_set(learner=learner, granted=True)
    return HolderWorld(world=world, learner=learner, award=award)


def first_follow_up(award: Award) -> FollowUp:
    return FollowUp.objects.filter(award=award).order_by("due_on").first()  # type: ignore[return-value]


def hire(world: JobsWorld, learner: User, *, hired_days_ago: int = 0) -> Application:
    """Return ``learner``'s application to the world's posting, moved to hired."""
    application = application_services.application_create(
        seeker=learner, posting=world.posting, awards=list(learner.awards.all())
    )
    application = application_services.application_move(
        application=application,
        moved_by=world.employer,
        to_status=ApplicationStatus.HIRED,
    )
    if hired_days_ago:
        Application.objects.filter(pk=application.pk).update(
            status_changed_at=timezone.now() - dt.timedelta(days=hired_days_ago)
        )
        application.refresh_from_db()
    return application


_numbers = itertools.count(1)
SITTING_AFTER_JOINING = timedelta(hours=2)
APPLIED_AFTER_AWARD = timedelta(days=3)
NO_GROUPS = ("", "", "", "", "")


@dataclass(frozen=True)
class Survey:
    """One closed (or open) follow-up survey and, if answered, what was said."""

    kinds: tuple[str, ...]
    state: str = FollowUpState.ANSWERED
    employed: bool = True
    in_field: bool | None = True
    wage: Decimal | None = None
    wage_unit: str = "hour"
    same_employer: bool | None = None


@dataclass(frozen=True)
class Rating:
    """An employer's rating of a hire; ``scores`` are (preparation, performance)."""

    kind: str = RatingKind.MONTH_3
    state: str = FollowUpState.ANSWERED
    overall: int | None = 4
    scores: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Person:
    """A learner's path through one credential, as the report will count it."""

    stage: str = "hired"  # furthest stage: assessed, plan, credential, applied, hired
    credential: int = 0  # index into the world's credentials
    province: str = "ON"
    groups: tuple[str, str, str, str, str] = NO_GROUPS  # newcomer ... disability
    joined: date = date(2026, 1, 15)
    days_to_award: int = 30
    plan_modules: tuple[int, ...] = (0,)  # indexes into the world's modules
    baseline: tuple[Decimal, str] | None = None  # (wage, unit) when employed
    surveys: tuple[Survey, ...] = ()
    ratings: tuple[Rating, ...] = ()


@dataclass
class ReportWorld:
    college: Organisation
    coordinator: User
    credentials: list[MicroCredential]
    modules: list[Module]
    employer_org: Organisation
    posting: JobPosting
    learners: list[User] = field(default_factory=list)


MODULE_HOURS = (Decimal("20.0"), Decimal("35.0"), Decimal("10.0"))
MODULE_COSTS = (Decimal("150.00"), Decimal("400.00"), Decimal("0.00"))
START = datetime(2026, 1, 20, 10, 0)


def world_setup(
    *, credentials: int = 1, college: Organisation | None = None
) -> ReportWorld:
    """Return a college with a coordinator, credentials, modules and a posting."""
    college = college or accounts_testing.organisation(
        OrganisationKind.COLLEGE, name=f"College {next(_numbers)}"
    )
    coordinator = accounts_testing.coordinator(college)
    made = [
        micro_credential(organisation=college, full_program_hours=120)
        for _ in range(credentials)
    ]
    modules = [
        Module.objects.create(
            provider=college,
            code=f"m-{next(_numbers)}",
            title_en=f"Module {index}",
            title_fr=f"Module {index}",
            format=ModuleFormat.choices[0][0],
            language=ModuleLanguage.choices[0][0],
            hours=hours,
            cost=cost,
            status=ModuleStatus.APPROVED,
        )
        for index, (hours, cost) in enumerate(
            zip(MODULE_HOURS, MODULE_COSTS, strict=True)
        )
    ]
    employer_org = accounts_testing.organisation(OrganisationKind.EMPLOYER)
    posting = JobPosting.objects.create(
        employer=employer_org,
        profile_version=made[0].profile_version,
        status="open",
        **posting_fields(),
    )
    return ReportWorld(college, coordinator, made, modules, employer_org, posting)


def _aware(moment: datetime) -> datetime:
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _chunks(items: Sequence[Person], size: int) -> list[Sequence[Person]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def report_world(
    people: Sequence[Person],
    *,
    world: ReportWorld | None = None,
    credentials: int = 1,
    batch: int = 2000,
    progress: Callable[[int], None] | None = None,
) -> ReportWorld:
    """Return a world holding ``people`` (written in batches of ``batch``)."""
    world = world or world_setup(credentials=credentials)
    template = _template_award(world)
    done = 0
    for chunk in _chunks(people, batch):
        with transaction.atomic():
            world.learners.extend(_write(world, template, chunk))
        done += len(chunk)
        if progress is not None:
            progress(done)
    return world


def _template_award(world: ReportWorld) -> Award:
    """Return one real, signed award whose issuer and status list the others share."""
    signer = accounts_testing.learner(name="Template holder")
    # A credential of another college: the template holder is none of the world's
    # people and shows in none of its reports.
    credential = micro_credential()
    return award_issue(
        learner=signer, credential=credential, standings=standings_for(credential)
    )


_indexes = itertools.count(1_000_000)


def _write(world: ReportWorld, template: Award, people: Sequence[Person]) -> list[User]:
    number = next(_numbers)
    users = User.objects.bulk_create(
        User(
            email=f"report{number}-{index}@test.example",
            full_name=f"Learner {number}-{index}",
            password="!",  # noqa: S106 (an unusable password, as Django writes it)
            date_joined=_aware(datetime.combine(person.joined, time(12))),
        )
        for index, person in enumerate(people)
    )
    if users and users[0].pk is None:  # backends that do not return keys
        by_email = dict(
            User.objects.filter(email__startswith=f"report{number}-").values_list(
                "email", "pk"
            )
        )
        for user in users:
            user.pk = by_email[user.email]
    LearnerProfile.objects.bulk_create(
        LearnerProfile(
            user_id=user.pk,
            region=person.province,
            follow_up_surveys=True,
            identifies_newcomer=person.groups[0],
            identifies_indigenous=person.groups[1],
            identifies_woman=person.groups[2],
            identifies_youth=person.groups[3],
            identifies_disability=person.groups[4],
        )
        for user, person in zip(users, people, strict=True)
    )
    started = {
        user.pk: _aware(datetime.combine(person.joined, time(12)))
        + SITTING_AFTER_JOINING
        for user, person in zip(users, people, strict=True)
    }
    Sitting.objects.bulk_create(
        Sitting(
            learner_id=user.pk,
            credential=world.credentials[person.credential],
            status=SittingStatus.COMPLETED,
        )
        for user, person in zip(users, people, strict=True)
    )
    # started_at is auto_now_add: set each afterwards (2 hours after joining).
    Sitting.objects.filter(learner_id__in=started).update(
        started_at=Subquery(
            User.objects.filter(pk=OuterRef("learner_id")).values("date_joined")[:1]
        )
        + SITTING_AFTER_JOINING
    )
    planned = [
        (user, person)
        for user, person in zip(users, people, strict=True)
        if person.stage == "plan"
        or (person.stage != "assessed" and person.plan_modules)
    ]
    plans = LearningPlan.objects.bulk_create(
        LearningPlan(
            learner_id=user.pk,
            credential=world.credentials[person.credential],
            status=PlanStatus.LEARNING
            if person.stage == "plan"
            else PlanStatus.DEMONSTRATED,
        )
        for user, person in planned
    )
    plan_ids = _ids(LearningPlan, [user.pk for user, _p in planned], plans)
    PlanItem.objects.bulk_create(
        PlanItem(plan_id=plan_ids[user.pk], module=world.modules[module], position=k)
        for user, person in planned
        for k, module in enumerate(person.plan_modules)
    )
    holders = [
        (user, person)
        for user, person in zip(users, people, strict=True)
        if person.stage in ("credential", "applied", "hired")
    ]
    awarded_on = {
        user.pk: started[user.pk] + timedelta(days=person.days_to_award)
        for user, person in holders
    }
    awards = Award.objects.bulk_create(
        Award(
            learner_id=user.pk,
            credential=world.credentials[person.credential],
            issuer_id=template.issuer_id,
            status_list_id=template.status_list_id,
            status_index=next(_indexes),
            valid_from=awarded_on[user.pk],
            document={},
            jwt_rs256="",
            jwt_eddsa="",
        )
        for user, person in holders
    )
    award_ids = _ids(Award, [user.pk for user, _p in holders], awards)
    applicants = [
        (user, person) for user, person in holders if person.stage != "credential"
    ]
    applications = Application.objects.bulk_create(
        Application(
            posting=world.posting,
            seeker_id=user.pk,
            status=ApplicationStatus.HIRED
            if person.stage == "hired"
            else ApplicationStatus.APPLIED,
        )
        for user, person in applicants
    )
    application_ids = _ids(
        Application, [user.pk for user, _p in applicants], applications, key="seeker_id"
    )
    # Applications come 3 days after the award (created_at is auto_now_add).
    Application.objects.filter(pk__in=application_ids.values()).update(
        created_at=Subquery(
            Award.objects.filter(
                learner_id=OuterRef("seeker_id"), credential__in=world.credentials
            ).values("valid_from")[:1]
        )
        + APPLIED_AFTER_AWARD
    )
    Baseline.objects.bulk_create(
        Baseline(
            learner_id=user.pk,
            employed=True,
            wage=person.baseline[0],
            wage_unit=person.baseline[1],
            hours_per_week=Decimal("37.5"),
            recorded_at=started[user.pk],
        )
        for user, person in zip(users, people, strict=True)
        if person.baseline is not None
    )
    surveyed = [
        (user, person, k, survey)
        for user, person in holders
        for k, survey in enumerate(person.surveys)
    ]
    follow_ups = FollowUp.objects.bulk_create(
        FollowUp(
            learner_id=user.pk,
            award_id=award_ids[user.pk],
            kinds=list(survey.kinds),
            due_on=(awarded_on[user.pk] + timedelta(days=90 * (k + 1))).date(),
            state=survey.state,
        )
        for user, person, k, survey in surveyed
    )
    if follow_ups and follow_ups[0].pk is None:
        follow_ups = list(
            FollowUp.objects.filter(award_id__in=award_ids.values()).order_by(
                "learner_id", "due_on"
            )
        )
        follow_ups.sort(key=lambda f: (f.learner_id, f.due_on))
        surveyed.sort(key=lambda entry: (entry[0].pk, entry[2]))
    FollowUpAnswer.objects.bulk_create(
        FollowUpAnswer(
            follow_up_id=follow_up.pk,
            employed=survey.employed,
            in_field=survey.in_field if survey.employed else None,
            wage=survey.wage,
            wage_unit=survey.wage_unit if survey.wage is not None else "",
            same_employer=survey.same_employer,
            via="link",
        )
        for follow_up, (_u, _p, _k, survey) in zip(follow_ups, surveyed, strict=True)
        if survey.state == FollowUpState.ANSWERED
    )
    rated = [
        (user, rating)
        for user, person in applicants
        if person.stage == "hired"
        for rating in person.ratings
    ]
    ratings = EmployerRating.objects.bulk_create(
        EmployerRating(
            application_id=application_ids[user.pk],
            kind=rating.kind,
            due_on=(awarded_on[user.pk] + timedelta(days=95)).date(),
            state=rating.state,
            overall_satisfaction=rating.overall
            if rating.state == FollowUpState.ANSWERED
            else None,
        )
        for user, rating in rated
    )
    if ratings and ratings[0].pk is None:
        by_key = {
            (r.application_id, r.kind): r.pk
            for r in EmployerRating.objects.filter(
                application_id__in=application_ids.values()
            )
        }
        for rating_row in ratings:
            rating_row.pk = by_key[(rating_row.application_id, rating_row.kind)]
    competencies = (
        list(
            Competency.objects.filter(
                credential_requirements__credential=world.credentials[0]
            ).order_by("pk")
        )
        if rated
        else []
    )
    CompetencyRating.objects.bulk_create(
        CompetencyRating(
            rating_id=rating_row.pk,
            competency=competencies[k % len(competencies)],
            preparation=preparation,
            performance=performance,
        )
        for rating_row, (_user, rating) in zip(ratings, rated, strict=True)
        if rating.state == FollowUpState.ANSWERED
        for k, (preparation, performance) in enumerate(rating.scores)
    )
    return users


def _ids(
    model: type, learner_ids: list[int], created: list, *, key: str = "learner_id"
) -> dict[int, int]:
    """Return learner id -> new row id (read back when the backend returns none)."""
    if created and created[0].pk is not None:
        return {getattr(row, key): row.pk for row in created}
    return dict(
        model.objects.filter(**{f"{key}__in": learner_ids}).values_list(key, "pk")  # type: ignore[attr-defined]
    )
