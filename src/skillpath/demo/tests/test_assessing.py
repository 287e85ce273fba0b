"""The demo item banks and demo learners: real bilingual items, stages, idempotent."""

from __future__ import annotations

from collections import defaultdict
from io import StringIO
from typing import Any

import pytest

from skillpath.accounts.models import User
from skillpath.assessments import item_schema, scoring, selectors
from skillpath.assessments.models import Item, ItemStatus, Sitting, TaskSubmission
from skillpath.credentials.models import CredentialState, MicroCredential
from skillpath.demo import assessing, people, supply
from skillpath.demo.files import load

pytestmark = pytest.mark.django_db


def test_every_competency_gets_sixteen_valid_bilingual_items() -> None:
    for key in supply.PROFILES:
        by_competency: dict[str, list[Any]] = defaultdict(list)
        for entry in load(f"items/{key}.items.json")["items"]:
            fields = {
                "kind": entry["kind"],
                "stem_en": entry["stem"]["en"],
                "stem_fr": entry["stem"]["fr"],
                "content": entry.get("content") or {},
                "answer_key": entry.get("key") or {},
            }
            if fields["kind"] in scoring.AUTO_SCORED:
                by_competency[entry["competency"]].append(fields)
        for name, items in by_competency.items():
            assert len(items) >= 16, name
            for fields in items:
                assert fields["stem_en"] and fields["stem_fr"], name
                assert (
                    item_schema.validate_item(
                        fields["kind"], fields["content"], fields["answer_key"]
                    )
                    == []
                ), (name, fields)
                right = assessing.right_or_wrong_answer(Item(**fields), True)
                wrong = assessing.right_or_wrong_answer(Item(**fields), False)
                assert scoring.score(
                    fields["kind"], fields["content"], fields["answer_key"], right
                ).correct
                assert not scoring.score(
                    fields["kind"], fields["content"], fields["answer_key"], wrong
                ).correct


def test_demo_seeds_banks_and_learner_stages_once() -> None:
    people.seed(StringIO())
    supply.seed(StringIO())
    credentials = list(
        MicroCredential.objects.filter(state=CredentialState.PUBLISHED).order_by("pk")
    )
    assessing.seed(StringIO())
    counts = Item.objects.count()
    for credential in credentials:
        for requirement in credential.requirements.select_related("competency"):
            bank = Item.objects.filter(
                competency=requirement.competency, status=ItemStatus.OPERATIONAL
            )
            assert bank.filter(kind__in=scoring.AUTO_SCORED).count() >= 15
            assert not bank.filter(stem_fr="").exists()
    sofia = User.objects.get(email="sofia@skillpath.example")
    sitting = Sitting.objects.get(learner=sofia)
    tested = set(sitting.parts.values_list("competency_id", flat=True))
    standings = selectors.competency_standings(
        learner=sofia, credential=sitting.credential
    )
    assert all(
        s.status == "demonstrated" for s in standings if s.competency_id in tested
    )
    jean = User.objects.get(email="jean@skillpath.example")
    assert Sitting.objects.get(learner=jean).is_open
    amina = User.objects.get(email="learner@skillpath.example")
    assert TaskSubmission.objects.filter(learner=amina).exists()
    sittings = Sitting.objects.count()

    assessing.seed(StringIO())
    assert Item.objects.count() == counts and Sitting.objects.count() == sittings
