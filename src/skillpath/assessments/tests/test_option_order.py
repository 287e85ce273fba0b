"""Issue 14, fix 9b: choice options are shuffled per sitting; answers keep identity."""

from __future__ import annotations

import pytest
from django.test import Client

from skillpath.accounts import testing
from skillpath.assessments.models import Response
from skillpath.assessments.presentation import learner_item
from skillpath.assessments.services import delivery
from skillpath.assessments.tests import factories
from skillpath.credentials.testing import micro_credential

pytestmark = pytest.mark.django_db


def _options_of(item, sitting) -> list[str]:
    return [option["id"] for option in learner_item(item, sitting=sitting)["options"]]


def test_two_sittings_see_the_options_in_different_orders_and_one_sitting_in_one():
    credential = micro_credential(levels=(2,))
    item = factories.bank(factories.competencies(credential)[0], size=3)[0]
    item.content["options"].append({"id": "d", "en": "Fourth", "fr": "Quatrième"})
    item.save(update_fields=["content"])
    sittings = [
        delivery.assessment_start(learner=testing.learner(), credential=credential)
        for _ in range(6)
    ]
    orders = [_options_of(item, sitting) for sitting in sittings]
    assert all(sorted(order) == ["a", "b", "c", "d"] for order in orders)
    assert len({tuple(order) for order in orders}) >= 2
    # The key ("a") is not always first, as the authored order had it.
    assert {order[0] for order in orders} != {"a"}
    # The same sitting sees the same order on every reload.
    assert orders == [_options_of(item, sitting) for sitting in sittings]
    # Authors' previews keep the authored order.
    assert [o["id"] for o in learner_item(item)["options"]] == ["a", "b", "c", "d"]


def test_the_answer_is_recorded_by_option_and_scored_as_before() -> None:
    credential = micro_credential(levels=(2,))
    factories.bank(factories.competencies(credential)[0])
    learner = testing.learner()
    sitting = delivery.assessment_start(learner=learner, credential=credential)
    client = Client()
    client.force_login(learner)
    page = client.get(f"/assessments/sittings/{sitting.pk}/").content.decode()
    shown = _options_of(sitting.current_item, sitting)
    # The page shows the sitting's order, and no answer key.
    positions = [page.index(f'value="{option_id}"') for option_id in shown]
    assert positions == sorted(positions)
    assert "correct" not in page
    delivery.response_record(
        sitting=sitting,
        learner=learner,
        sequence=sitting.next_sequence,
        answer_data={"choice": "a"},
    )
    response = Response.objects.get(sitting=sitting)
    assert response.answer == {"choice": "a"} and response.score == 1
