"""How each test of a sitting starts: the exposure cap, and a retake's prior."""

from __future__ import annotations

import math

import pytest

from skillpath.accounts import testing
from skillpath.assessments import adaptive
from skillpath.assessments.models import Item, PartStatus, Response
from skillpath.assessments.services import delivery
from skillpath.assessments.tests import factories
from skillpath.assessments.tests.test_delivery import answer_all
from skillpath.credentials.testing import micro_credential

pytestmark = pytest.mark.django_db


def one_competency(*, size: int = 20, max_attempts: int = 3):
    credential = micro_credential(levels=(2,), max_attempts=max_attempts)
    competency = factories.competencies(credential)[0]
    return credential, factories.bank(competency, size=size)


def test_an_over_exposed_item_is_never_given_while_others_remain() -> None:
    credential, items = one_competency()
    history = delivery.assessment_start(
        learner=testing.learner(), credential=credential
    )
    first_part = history.parts.get()
    # Before any test of the competency there is no rate to observe.
    assert adaptive.load(first_part.state).exposure_rates is None
    answer_all(history)
    # The item every test wants: sharp, and right at the cut.
    target = items[0]
    Item.objects.filter(pk=target.pk).update(
        discrimination=3.0, thresholds=[first_part.cut_theta]
    )
    Item.objects.filter(competency=target.competency).update(exposure_count=0)
    Item.objects.filter(pk=target.pk).update(exposure_count=100)

    sittings = [
        delivery.assessment_start(learner=testing.learner(), credential=credential)
        for _ in range(4)
    ]
    parts = [s.parts.get() for s in sittings]
    index = parts[0].item_ids.index(target.pk)
    started_with = [part.state["exposure_rates"] for part in parts]
    # Times given over the tests of the competency started so far: the finished
    # one, then each sitting started before.
    assert [rates[index] for rates in started_with] == [100.0, 50.0, 100 / 3, 25.0]
    assert adaptive.load(parts[0].state).max_exposure == adaptive.MAX_EXPOSURE

    # Wrong answers keep the estimate near the cut, where the item is the best.
    for sitting in sittings:
        answer_all(sitting, right=False)
    assert not Response.objects.filter(sitting__in=sittings, item=target).exists()
    # The rates are a setting of the test: saved with it, the same after every
    # answer reloaded the test and saved it again.
    for part, rates in zip(parts, started_with, strict=True):
        part.refresh_from_db()
        assert part.status == PartStatus.DECIDED
        assert part.state["exposure_rates"] == rates
        assert adaptive.load(part.state).exposure_rates == rates


def test_a_retake_starts_from_the_last_estimate_and_a_first_attempt_from_n01() -> None:
    credential, _items = one_competency()
    learner = testing.learner()
    first = delivery.assessment_start(learner=learner, credential=credential)
    settings = first.parts.get().state["settings"]
    assert (settings["prior_mean"], settings["prior_sd"]) == adaptive.FIRST_PRIOR
    answer_all(first, right=False)
    first_part = first.parts.get()
    assert first_part.status == PartStatus.DECIDED

    second = delivery.assessment_start(learner=learner, credential=credential)
    settings = second.parts.get().state["settings"]
    assert settings["prior_mean"] == pytest.approx(first_part.theta)
    assert settings["prior_sd"] == pytest.approx(math.hypot(first_part.se, 0.5))
    assert settings["prior_sd"] > first_part.se
    answer_all(second, right=False)
    second_part = second.parts.get()
    assert second_part.theta != pytest.approx(first_part.theta)

    # The latest decided test is the one a retake starts from.
    third = delivery.assessment_start(learner=learner, credential=credential)
    settings = third.parts.get().state["settings"]
    assert settings["prior_mean"] == pytest.approx(second_part.theta)
    assert settings["prior_sd"] == pytest.approx(math.hypot(second_part.se, 0.5))

    # Another learner's first attempt knows nothing of this one.
    other = delivery.assessment_start(learner=testing.learner(), credential=credential)
    settings = other.parts.get().state["settings"]
    assert (settings["prior_mean"], settings["prior_sd"]) == adaptive.FIRST_PRIOR
