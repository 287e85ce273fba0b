"""The outcomes demo: holders' surveys answered, declined and unanswered, two rated
hires with consent, a cohort in several provinces; running it again changes nothing."""

from __future__ import annotations

from io import StringIO

import pytest

from skillpath.accounts.models import LearnerProfile
from skillpath.common.models import MailStatus, OutgoingMail
from skillpath.demo import outcomes
from skillpath.demo.seed import seed
from skillpath.outcomes.models import (
    CompetencyRating,
    EmployerRating,
    FollowUp,
    FollowUpAnswer,
    FollowUpState,
    RatingConsent,
)

pytestmark = pytest.mark.django_db


def test_demo_outcomes_show_every_kind_of_response_and_two_rated_hires() -> None:
    seed(StringIO())
    tyler = set(
        FollowUp.objects.filter(learner__email="tyler@skillpath.example").values_list(
            "state", flat=True
        )
    )
    assert {
        FollowUpState.ANSWERED,
        FollowUpState.DECLINED,
        FollowUpState.NO_ANSWER,
    } <= tyler
    assert FollowUp.objects.filter(
        learner__email="learner@skillpath.example", state=FollowUpState.SENT
    ).exists()  # Amina has a survey open on her dashboard
    assert EmployerRating.objects.filter(state=FollowUpState.ANSWERED).count() == 2
    assert RatingConsent.objects.filter(granted=True).count() == 2
    assert CompetencyRating.objects.exists()
    cohort = LearnerProfile.objects.filter(user__email__endswith="@learners.example")
    assert cohort.count() == outcomes.COHORT["count"]
    assert cohort.values("region").distinct().count() >= 5
    assert FollowUpAnswer.objects.filter(in_field=True).exists()
    assert FollowUpAnswer.objects.filter(in_field=False).exists()
    # The replayed history sent no mail; only the surveys still open have theirs.
    closed = FollowUp.objects.exclude(state=FollowUpState.SENT).values_list(
        "pk", flat=True
    )
    for follow_up_id in closed:
        assert (
            not OutgoingMail.objects.filter(
                key__startswith=f"follow-up:{follow_up_id}:"
            )
            .exclude(status=MailStatus.FAILED)
            .exists()
        )
    counts = (FollowUp.objects.count(), FollowUpAnswer.objects.count())
    outcomes.seed(StringIO())
    assert (FollowUp.objects.count(), FollowUpAnswer.objects.count()) == counts
