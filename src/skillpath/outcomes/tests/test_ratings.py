"""Employer ratings of hires: only with the hire's consent, only by the hiring employer."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from skillpath.accounts import testing as accounts_testing
from skillpath.common.models import MailStatus, OutgoingMail
from skillpath.jobs.testing import jobs_world
from skillpath.outcomes.exceptions import InvalidAnswer, NotAllowed
from skillpath.outcomes.models import (
    CompetencyRating,
    EmployerRating,
    FollowUpState,
    RatingConsent,
)
from skillpath.outcomes.services.consent import rating_consent_set
from skillpath.outcomes.services.ratings import (
    hire_competencies,
    hire_rating_record,
    ratings_schedule,
    ratings_send,
)
from skillpath.outcomes.testing import consenting_holder, hire

pytestmark = pytest.mark.django_db


def _hired(*, days_ago: int = 95, consent: bool = True):  # type: ignore[no-untyped-def]
    held = consenting_holder()
    application = hire(held.world, held.learner, hired_days_ago=days_ago)
    if consent:
        rating_consent_set(application=application, seeker=held.learner, granted=True)
    return held, application


def _sent_rating(**kwargs):  # type: ignore[no-untyped-def]
    held, application = _hired(**kwargs)
    ratings_schedule()
    ratings_send()
    return (
        held,
        application,
        EmployerRating.objects.get(application=application, kind="month_3"),
    )


def _scores(application, value: int = 4) -> dict[int, tuple[int, int]]:  # type: ignore[no-untyped-def]
    return {c.pk: (value, value) for c in hire_competencies(application)}


def test_no_rating_is_scheduled_without_the_hires_consent() -> None:
    _held, application = _hired(consent=False)
    assert ratings_schedule() == 0
    assert not EmployerRating.objects.exists()


def test_a_consenting_hire_gets_two_requests_and_the_due_one_mails_the_employer() -> (
    None
):
    held, application = _hired()
    assert ratings_schedule() == 1
    assert ratings_schedule() == 0
    assert sorted(
        EmployerRating.objects.filter(application=application).values_list(
            "kind", flat=True
        )
    ) == ["month_3", "month_6"]
    assert ratings_send() >= 1  # one mail to each of the employer's members
    assert ratings_send() == 0
    assert EmployerRating.objects.get(kind="month_3").state == FollowUpState.SENT
    assert EmployerRating.objects.get(kind="month_6").state == FollowUpState.SCHEDULED
    mail = OutgoingMail.objects.get(
        key__startswith="hire-rating:", to=held.world.employer.email
    )
    assert (
        reverse("outcomes:rating", args=[EmployerRating.objects.get(kind="month_3").pk])
        in mail.body
    )


def test_the_employer_rates_each_competency_and_overall_once() -> None:
    held, application, rating = _sent_rating()
    competencies = hire_competencies(application)
    assert len(competencies) == 3
    hire_rating_record(
        rating=rating,
        rated_by=held.world.employer,
        overall_satisfaction=5,
        competencies=_scores(application),
    )
    rating.refresh_from_db()
    assert rating.state == FollowUpState.ANSWERED and rating.overall_satisfaction == 5
    assert CompetencyRating.objects.filter(rating=rating).count() == 3
    with pytest.raises(Exception, match="answered already"):
        hire_rating_record(
            rating=rating,
            rated_by=held.world.employer,
            overall_satisfaction=1,
            competencies=_scores(application, 1),
        )
    assert CompetencyRating.objects.filter(rating=rating, preparation=1).count() == 0


def test_a_missing_or_out_of_range_score_is_refused_and_nothing_saved() -> None:
    held, application, rating = _sent_rating()
    scores = _scores(application)
    first = next(iter(scores))
    scores[first] = (6, 3)
    with pytest.raises(InvalidAnswer) as refused:
        hire_rating_record(
            rating=rating,
            rated_by=held.world.employer,
            overall_satisfaction=4,
            competencies=scores,
        )
    assert refused.value.field == f"preparation_{first}"
    with pytest.raises(InvalidAnswer) as refused:
        hire_rating_record(
            rating=rating,
            rated_by=held.world.employer,
            overall_satisfaction=0,
            competencies=_scores(application),
        )
    assert refused.value.field == "overall_satisfaction"
    rating.refresh_from_db()
    assert rating.state == FollowUpState.SENT
    assert not CompetencyRating.objects.exists()


def test_another_employer_cannot_rate_or_see_the_hire() -> None:
    held, application, rating = _sent_rating()
    stranger = accounts_testing.employer(jobs_world().employer_org)
    with pytest.raises(NotAllowed):
        hire_rating_record(
            rating=rating,
            rated_by=stranger,
            overall_satisfaction=3,
            competencies=_scores(application),
        )
    client = Client()
    client.force_login(stranger)
    assert client.get(reverse("outcomes:rating", args=[rating.pk])).status_code == 404
    assert (
        held.learner.full_name
        not in client.get(reverse("outcomes:ratings")).content.decode()
    )


def test_withdrawing_consent_cancels_pending_requests_and_hides_given_ratings() -> None:
    held, application, rating = _sent_rating()
    hire_rating_record(
        rating=rating,
        rated_by=held.world.employer,
        overall_satisfaction=4,
        competencies=_scores(application),
    )
    ratings_send(now=timezone.now() + dt.timedelta(days=92))  # month 6 is due
    month_6 = EmployerRating.objects.get(application=application, kind="month_6")
    assert month_6.state == FollowUpState.SENT
    pending = OutgoingMail.objects.get(
        key__startswith=f"hire-rating:{month_6.pk}:", to=held.world.employer.email
    )
    client = Client()
    client.force_login(held.world.employer)
    assert (
        held.learner.full_name
        in client.get(reverse("outcomes:ratings")).content.decode()
    )
    rating_consent_set(application=application, seeker=held.learner, granted=False)
    month_6.refresh_from_db()
    assert month_6.state == FollowUpState.CANCELLED
    pending.refresh_from_db()
    assert pending.status == MailStatus.FAILED
    listing = client.get(reverse("outcomes:ratings")).content.decode()
    assert held.learner.full_name not in listing
    assert client.get(reverse("outcomes:rating", args=[rating.pk])).status_code == 404


def test_the_employer_rates_on_the_page_with_anchors_written_out() -> None:
    held, application, rating = _sent_rating()
    client = Client()
    client.force_login(held.world.employer)
    url = reverse("outcomes:rating", args=[rating.pk])
    page = client.get(url).content.decode()
    assert "fully prepared, could teach others" in page
    assert "preparation for the type of work" in page
    data = {"overall_satisfaction": "4"}
    for competency in hire_competencies(application):
        data[f"preparation_{competency.pk}"] = "3"
        data[f"performance_{competency.pk}"] = "4"
    missing = dict(data)
    missing.pop(next(k for k in data if k.startswith("performance_")))
    assert client.post(url, missing).status_code == 422
    assert not CompetencyRating.objects.exists()
    assert client.post(url, data).status_code == 303
    assert CompetencyRating.objects.filter(rating=rating, performance=4).count() == 3


def test_only_the_hire_grants_consent_and_sees_it_on_the_application_page() -> None:
    held, application = _hired(consent=False)
    client = Client()
    client.force_login(held.learner)
    page = client.get(application.get_absolute_url()).content.decode()
    assert reverse("outcomes:rating_consent", args=[application.pk]) in page
    assert (
        reverse("outcomes:rating_consent", args=[application.pk])
        in client.get(reverse("web:dashboard")).content.decode()
    )
    other = Client()
    other.force_login(held.world.employer)
    assert (
        other.post(
            reverse("outcomes:rating_consent", args=[application.pk]), {"granted": "1"}
        ).status_code
        == 404
    )
    assert not RatingConsent.objects.exists()
    done = client.post(
        reverse("outcomes:rating_consent", args=[application.pk]), {"granted": "1"}
    )
    assert done.status_code == 303
    assert RatingConsent.objects.get(application=application).granted is True
