"""Demo outcomes: baselines, a year of follow-up surveys, and two rated hires.

``data/outcomes.json`` gives the demo learners' baselines and what each demo holder
did with each survey (answered, declined, left unanswered, still open), the two
hires' ratings, and a cohort of extra learners (several provinces, colleges and
self-identified groups, some groups small on purpose, so the reports show their
small-cell protection at work). The cohort's awards are recorded as earned a year
and more ago (``award_issue(earned_at=...)``); then the year is replayed a week at a
time through the follow-up sweep itself (``follow_ups_send(now=...)``): surveys go
out when due, reminders follow, unanswered ones close, and each learner answers,
declines or stays silent as the data says. The history's mail is cancelled, not
sent; the surveys still open keep theirs. Running it again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from skillpath.accounts.models import LearnerProfile, Organisation, User
from skillpath.common.mail import mail_cancel
from skillpath.credentials.models import Award, CredentialState, MicroCredential
from skillpath.credentials.selectors import definition_spec
from skillpath.credentials.services.awards import award_issue
from skillpath.demo.awards import _standings
from skillpath.demo.files import load
from skillpath.jobs.models import Application, ApplicationStatus
from skillpath.outcomes.models import EmployerRating, FollowUp, FollowUpState
from skillpath.outcomes.services.baseline import baseline_record
from skillpath.outcomes.services.consent import (
    follow_up_consent_reconcile,
    follow_up_consent_set,
    rating_consent_set,
)
from skillpath.outcomes.services.followups import (
    follow_up_answer,
    follow_up_bounce,
    follow_up_decline,
    follow_ups_schedule,
    follow_ups_send,
)
from skillpath.outcomes.services.ratings import (
    hire_competencies,
    hire_rating_record,
    ratings_schedule,
    ratings_send,
)

OUTCOMES = load("outcomes.json")
COHORT = OUTCOMES["cohort"]
OTHER_NOCS = ["14400", "64100", "65201", "75101"]


def _pick(values: list[Any], n: int) -> Any:
    return values[n % len(values)]


def _credentials() -> list[MicroCredential]:
    return [
        credential
        for credential in MicroCredential.objects.filter(
            state=CredentialState.PUBLISHED
        ).order_by("pk")
        if definition_spec(credential).competencies
        and definition_spec(credential).organisation is not None
    ]


def _cohort(credentials: list[MicroCredential]) -> int:
    """Create the cohort's learners, consent, baselines and past awards."""
    organisations = {o.slug: o for o in Organisation.objects.all()}
    made = 0
    for n in range(COHORT["count"]):
        email = COHORT["email"].format(n=n)
        if User.objects.filter(email=email).exists():
            continue
        name = (
            f"{_pick(COHORT['first_names'], n)} {_pick(COHORT['last_names'], n // 3)}"
        )
        # The cohort never signs in: no password (hashing one costs half a second).
        learner = User(
            email=email,
            full_name=name,
            preferred_language="fr" if _pick(COHORT["provinces"], n) == "QC" else "en",
        )
        learner.set_unusable_password()
        learner.save()
        LearnerProfile.objects.create(
            user=learner,
            region=_pick(COHORT["provinces"], n),
            home_organisation=organisations.get(_pick(COHORT["home_organisations"], n)),
            identifies_newcomer=_pick(COHORT["newcomer"], n),
            identifies_indigenous=_pick(COHORT["indigenous"], n),
            identifies_woman=_pick(COHORT["woman"], n),
        )
        follow_up_consent_set(learner=learner, granted=True)
        employed = n % COHORT["employed_at_baseline_every"] == 0
        wage = Decimal(COHORT["baseline_wage"]["hour"]) + Decimal(
            COHORT["baseline_wage"]["step"]
        ) * (n % 10)
        baseline_record(
            learner=learner,
            employed=employed,
            noc_code=_pick(OTHER_NOCS, n) if employed else "",
            wage=wage if employed else None,
            wage_unit="hour" if employed else "",
            hours_per_week="25" if employed else None,
        )
        credential = _pick(credentials, n)
        standings = _standings(credential, first_time=n % 2 == 0)
        days_ago = COHORT["earned_days_ago_from"] - n * COHORT["earned_days_ago_step"]
        award_issue(
            learner=learner,
            credential=credential,
            standings=standings,
            notes={s.competency_id: "demo: a past cohort's award." for s in standings},
            earned_at=timezone.now() - dt.timedelta(days=days_ago),
        )
        made += 1
    return made


def _cohort_index(follow_up: FollowUp) -> int | None:
    local = follow_up.learner.email.split("@")[0]
    prefix = COHORT["email"].split("{")[0]
    if local.startswith(prefix) and local[len(prefix) :].isdigit():
        return int(local[len(prefix) :])
    return None


def _response(follow_up: FollowUp, position: int) -> str:
    """Return what the data says this learner did with their ``position``-th survey."""
    n = _cohort_index(follow_up)
    if n is None:
        said = OUTCOMES["holder_answers"].get(follow_up.learner.email, [])
        return said[position] if position < len(said) else "none"
    return _pick(COHORT["responses"], n + position * 3)


def _answer(follow_up: FollowUp, position: int, via: str) -> None:
    n = _cohort_index(follow_up)
    n = n if n is not None else follow_up.learner_id
    spec = OUTCOMES["answer"]["employed"]
    every = (
        COHORT["not_employed_every"]
        if _cohort_index(follow_up) is not None
        else (OUTCOMES["answer"]["not_employed_every"])
    )
    employed = (n + position) % every != 0
    profile_noc = follow_up.award.credential.profile_version.profile.noc_code
    in_field = n % COHORT["in_field_every"] != 0
    award_day = timezone.localdate(follow_up.award.valid_from)
    started = min(award_day + dt.timedelta(days=21 + n % 30), timezone.localdate())
    wage = Decimal(COHORT["answer_wage"]["hour"]) + Decimal(
        COHORT["answer_wage"]["step"]
    ) * (n % 10)
    follow_up_answer(
        follow_up=follow_up,
        via=via,
        employed=employed,
        started_on=started if employed else None,
        noc_code=(profile_noc if in_field else _pick(OTHER_NOCS, n))
        if employed
        else "",
        employer_name=spec["employer"] if employed else "",
        wage=wage if employed else None,
        wage_unit="hour" if employed else "",
        hours_per_week=spec["hours_per_week"] if employed else None,
        same_employer=(n % COHORT["same_employer_every"] != 0) if position else None,
        credential_helped=1 + (n + position) % 5,
    )


def _replay(award_ids: list[int]) -> dict[str, int]:
    """Replay the year of the awards' surveys through the sweep, a week at a time."""
    surveys = FollowUp.objects.filter(award_id__in=award_ids)
    first = surveys.order_by("due_on").values_list("due_on", flat=True).first()
    if first is None:
        return {}
    today = timezone.localdate()
    position_of = {
        f.pk: position
        for award_id in award_ids
        for position, f in enumerate(
            surveys.filter(award_id=award_id).order_by("due_on")
        )
    }
    day = first
    while True:
        moment = min(
            timezone.make_aware(dt.datetime.combine(day, dt.time(10))), timezone.now()
        )
        follow_ups_send(now=moment)
        fresh = surveys.filter(state=FollowUpState.SENT, sent_at=moment).select_related(
            "learner", "award__credential__profile_version__profile"
        )
        for follow_up in fresh:
            position = position_of[follow_up.pk]
            response = _response(follow_up, position)
            if response == "answered":
                _answer(
                    follow_up, position, "link" if position % 2 == 0 else "dashboard"
                )
            elif response == "declined":
                follow_up_decline(follow_up=follow_up, via="link")
            elif response == "bounced":
                follow_up_bounce(follow_up=follow_up, actor=None)
        if day >= today:
            break
        day = min(day + dt.timedelta(days=7), today)
    for follow_up_id in surveys.exclude(state=FollowUpState.SENT).values_list(
        "pk", flat=True
    ):
        mail_cancel(key_prefix=f"follow-up:{follow_up_id}:", reason="demo history")
    counts: dict[str, int] = {}
    for state in surveys.values_list("state", flat=True):
        counts[state] = counts.get(state, 0) + 1
    return counts


def _ratings() -> int:
    """Let the two hires be rated, and rate their 3-month request."""
    rated = 0
    for spec in OUTCOMES["ratings"]:
        application = (
            Application.objects.filter(
                seeker__email=spec["seeker"], status=ApplicationStatus.HIRED
            )
            .select_related("posting")
            .first()
        )
        if application is None:
            continue
        rating_consent_set(
            application=application, seeker=application.seeker, granted=True
        )
        ratings_schedule()
        ratings_send()
        request = EmployerRating.objects.filter(
            application=application, state=FollowUpState.SENT
        ).first()
        if request is None:
            continue
        hire_rating_record(
            rating=request,
            rated_by=application.posting.created_by,
            overall_satisfaction=spec["overall"],
            competencies={
                c.pk: (spec["preparation"], spec["performance"])
                for c in hire_competencies(application)
            },
        )
        rated += 1
    return rated


def seed(stdout: Any) -> None:
    """Record baselines, replay a year of follow-ups, rate the two hires."""
    follow_up_consent_reconcile()  # the demo learners consented on their profile
    for spec in OUTCOMES["baselines"]:
        learner = User.objects.filter(email=spec["learner"]).first()
        if learner is None or hasattr(learner, "outcome_baseline"):
            continue
        baseline_record(
            learner=learner,
            employed=spec["employed"],
            noc_code=spec.get("noc_code", ""),
            wage=spec.get("wage"),
            wage_unit=spec.get("wage_unit", ""),
            hours_per_week=spec.get("hours_per_week"),
        )
    credentials = _credentials()
    made = _cohort(credentials) if credentials else 0
    unscheduled = list(
        Award.objects.filter(follow_ups__isnull=True).values_list("pk", flat=True)
    )
    earliest = Award.objects.filter(pk__in=unscheduled).order_by("valid_from").first()
    if earliest is not None:
        follow_ups_schedule(today=timezone.localdate(earliest.valid_from))
    counts = _replay(unscheduled)
    rated = _ratings()
    stdout.write(
        f"  {made} cohort learners, surveys {counts or 'unchanged'}, {rated} hires rated"
    )
