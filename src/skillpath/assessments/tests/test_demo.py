"""The demo item banks and demo learners: real bilingual items, stages, idempotent."""

from __future__ import annotations

from io import StringIO

import pytest

from skillpath.accounts import demo as accounts_demo
from skillpath.accounts.models import Organisation, User
from skillpath.assessments import demo, demo_bank, item_schema, scoring, selectors
from skillpath.assessments.models import Item, ItemStatus, Sitting, TaskSubmission
from skillpath.assessments.tests import factories

pytestmark = pytest.mark.django_db


def test_every_topic_gives_sixteen_valid_bilingual_items() -> None:
    for name in demo_bank.TOPICS:
        items = demo_bank.items_for(name)
        assert len(items) >= 16, name
        for fields in items:
            assert fields["stem_en"] and fields["stem_fr"], name
            assert (
                item_schema.validate_item(
                    fields["kind"], fields["content"], fields["answer_key"]
                )
                == []
            ), (name, fields)
            right = demo.right_or_wrong_answer(Item(**fields), True)
            wrong = demo.right_or_wrong_answer(Item(**fields), False)
            assert scoring.score(
                fields["kind"], fields["content"], fields["answer_key"], right
            ).correct
            assert not scoring.score(
                fields["kind"], fields["content"], fields["answer_key"], wrong
            ).correct


def test_demo_seeds_banks_and_learner_stages_once() -> None:
    accounts_demo.seed(StringIO())
    bow_river = Organisation.objects.get(slug="bow-river-college")
    credentials = [
        factories.credential(organisation=bow_river, levels=(2, 3)) for _ in range(2)
    ]
    demo.seed(StringIO())
    counts = Item.objects.count()
    for credential in credentials:
        for competency in factories.competencies(credential):
            bank = Item.objects.filter(
                competency=competency, status=ItemStatus.OPERATIONAL
            )
            assert bank.filter(kind__in=scoring.AUTO_SCORED).count() >= 15
            assert not bank.filter(stem_fr="").exists()
    sofia = User.objects.get(email="sofia@skillpath.example")
    standings = selectors.competency_standings(learner=sofia, credential=credentials[0])
    assert all(s.status == "demonstrated" for s in standings)
    jean = User.objects.get(email="jean@skillpath.example")
    assert Sitting.objects.get(learner=jean).is_open
    amina = User.objects.get(email="learner@skillpath.example")
    assert TaskSubmission.objects.filter(learner=amina).exists()
    sittings = Sitting.objects.count()

    demo.seed(StringIO())
    assert Item.objects.count() == counts and Sitting.objects.count() == sittings
