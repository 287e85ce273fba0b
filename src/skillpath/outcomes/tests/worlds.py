"""The hand-built world whose report figures the tests know exactly."""

from __future__ import annotations

from decimal import Decimal

from skillpath.outcomes.models import FollowUpState, RatingKind
from skillpath.outcomes.testing import Person, Rating, ReportWorld, Survey, report_world

YES, NO, NOT_SAID = "yes", "no", ""


def woman(answer: str) -> tuple[str, str, str, str, str]:
    return ("", "", answer, "", "")


HIRED = Person(
    stage="hired",
    province="ON",
    groups=woman(YES),
    days_to_award=30,
    plan_modules=(0,),  # 20 h, 150 $
    baseline=(Decimal("18.00"), "hour"),
    surveys=(
        Survey(kinds=("month_3",)),
        Survey(
            kinds=("month_6", "quarter_2"),
            wage=Decimal("41600.00"),  # a year: 20 $ an hour
            wage_unit="year",
        ),
        Survey(kinds=("quarter_4",), same_employer=True),
    ),
    ratings=(
        Rating(kind=RatingKind.MONTH_3, overall=5, scores=((4, 5), (3, 4))),
        Rating(kind=RatingKind.MONTH_6, state=FollowUpState.NO_ANSWER, overall=None),
    ),
)
APPLIED = Person(
    stage="applied",
    province="ON",
    groups=woman(NO),
    days_to_award=40,
    plan_modules=(0, 1),  # 55 h, 550 $
    baseline=(Decimal("52000.00"), "year"),  # 25 $ an hour
    surveys=(Survey(kinds=("month_3",), state=FollowUpState.NO_ANSWER),),
)
CREDENTIAL = Person(
    stage="credential",
    province="QC",
    days_to_award=60,
    plan_modules=(),  # every competency shown at the first assessment
    surveys=(Survey(kinds=("month_3",), state=FollowUpState.BOUNCED),),
)
PLAN = Person(stage="plan", province="ON")
ASSESSED = Person(stage="assessed", province="QC")

#: 12 hired, 10 applied, 11 holders, 10 with a plan, 10 assessed only: 53 learners.
KNOWN = (
    [HIRED] * 12 + [APPLIED] * 10 + [CREDENTIAL] * 11 + [PLAN] * 10 + [ASSESSED] * 10
)


def known_world(**kwargs: object) -> ReportWorld:
    return report_world(KNOWN, **kwargs)  # type: ignore[arg-type]
