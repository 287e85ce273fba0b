"""How cautious the mastery decision is: the policy's setting, and what it does."""

from __future__ import annotations

import numpy as np
import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from skillpath.accounts import testing
from skillpath.assessments import adaptive
from skillpath.assessments.exceptions import ItemInvalid
from skillpath.assessments.models import AssessmentPolicy, Caution
from skillpath.assessments.services import bank, delivery
from skillpath.assessments.tests import factories
from skillpath.assessments.tests.test_delivery import answer_all
from skillpath.common.models import AuditEvent
from skillpath.core.cat import Decision
from skillpath.credentials.testing import micro_credential

pytestmark = pytest.mark.django_db


@pytest.fixture
def credential():
    created = micro_credential(levels=(2,))
    factories.bank(factories.competencies(created)[0], size=20)
    return created


def set_caution(credential, author, caution) -> AssessmentPolicy:
    return bank.policy_set(
        credential=credential,
        author=author,
        time_limit_minutes=None,
        max_items_per_competency=12,
        caution=caution,
    )


def audited(credential) -> list[AuditEvent]:
    policy = AssessmentPolicy.objects.filter(credential=credential).first()
    if policy is None:
        return []
    return list(
        AuditEvent.objects.filter(
            verb="assessment_policy_set", target_id=str(policy.pk)
        ).order_by("pk")
    )


def test_the_issuing_coordinator_sets_the_caution_and_it_is_audited(
    credential,
) -> None:
    coordinator = testing.coordinator(credential.issuing_organisation)
    set_caution(credential, coordinator, Caution.STRICT)
    policy = AssessmentPolicy.objects.get(credential=credential)
    assert policy.caution == Caution.STRICT
    [event] = audited(credential)
    assert event.actor == coordinator
    assert event.data["caution"] == "strict"


@pytest.mark.parametrize(
    "outsider",
    [
        lambda credential: testing.coordinator(),  # another organisation
        lambda credential: testing.assessor(credential.issuing_organisation),
        lambda credential: testing.learner(),
    ],
    ids=["other-coordinator", "issuer-assessor", "learner"],
)
def test_only_a_coordinator_of_the_issuer_sets_the_caution(
    credential, outsider
) -> None:
    set_caution(
        credential, testing.coordinator(credential.issuing_organisation), "cautious"
    )
    with pytest.raises(PermissionDenied):
        set_caution(credential, outsider(credential), Caution.BALANCED)
    assert AssessmentPolicy.objects.get(credential=credential).caution == "cautious"
    assert len(audited(credential)) == 1


@pytest.mark.parametrize("caution", ["reckless", "", "Strict", 4, None])
def test_an_unknown_caution_is_refused_with_its_message_and_nothing_changes(
    credential, caution
) -> None:
    coordinator = testing.coordinator(credential.issuing_organisation)
    set_caution(credential, coordinator, Caution.CAUTIOUS)
    with pytest.raises(ItemInvalid) as refused:
        set_caution(credential, coordinator, caution)
    assert f"“{caution}”" in str(refused.value)
    assert "balanced, cautious, strict" in str(refused.value)
    assert AssessmentPolicy.objects.get(credential=credential).caution == "cautious"
    assert len(audited(credential)) == 1


def test_every_caution_has_a_cost_and_a_more_cautious_one_costs_more() -> None:
    costs = [adaptive.FALSE_MASTER_COST[value] for value in Caution.values]
    assert set(adaptive.FALSE_MASTER_COST) == set(Caution.values)
    assert costs == sorted(set(costs)) and costs[0] == 1.0


def test_a_sitting_keeps_the_caution_it_started_with(credential) -> None:
    coordinator = testing.coordinator(credential.issuing_organisation)
    # Without a policy the decision is balanced.
    before = delivery.assessment_start(learner=testing.learner(), credential=credential)
    assert before.parts.get().state["settings"]["false_master_cost"] == 1.0

    set_caution(credential, coordinator, Caution.STRICT)
    strict = delivery.assessment_start(learner=testing.learner(), credential=credential)
    part = strict.parts.get()
    assert part.state["settings"]["false_master_cost"] == 4.0
    assert adaptive.load(part.state).false_master_cost == 4.0

    # A policy change reaches new sittings only: the strict one resumes as it began.
    set_caution(credential, coordinator, Caution.BALANCED)
    answer_all(strict, right=False)
    part.refresh_from_db()
    assert part.decision == Decision.NOT_MASTERED
    assert part.state["settings"]["false_master_cost"] == 4.0
    after = delivery.assessment_start(learner=testing.learner(), credential=credential)
    assert after.parts.get().state["settings"]["false_master_cost"] == 1.0


def credited_share(caution: str, *, theta: float, examinees: int) -> float:
    """Return the share of simulated examinees of ability ``theta`` credited at 0."""
    snapshot = adaptive.BankSnapshot(
        item_ids=list(range(30)),
        discrimination=[1.6] * 30,
        thresholds=[[float(b)] for b in np.linspace(-2.0, 2.0, 30)],
    )
    difficulty = snapshot.difficulty()
    answers = np.random.default_rng(2024)
    credited = 0
    for seed in range(examinees):
        test = adaptive.new_test(
            snapshot,
            cut=0.0,
            seed=seed,
            false_master_cost=adaptive.FALSE_MASTER_COST[caution],
        )
        while (item := test.next_item()) is not None:
            p_right = 1.0 / (1.0 + np.exp(-1.6 * (theta - difficulty[item])))
            test.record(item, int(answers.random() < p_right))
        credited += test.decision == Decision.MASTERED
    return credited / examinees


def test_a_strict_policy_credits_fewer_learners_just_below_the_level() -> None:
    # 0.3 below the cut, a balanced test credits about one in five and a strict one
    # a few in a hundred; with 200 each the gap is far outside the noise.
    balanced = credited_share(Caution.BALANCED, theta=-0.3, examinees=200)
    strict = credited_share(Caution.STRICT, theta=-0.3, examinees=200)
    assert balanced > 0.1
    assert strict < balanced / 2


def test_the_policy_page_offers_the_caution_as_a_described_radio_group(
    client: Client, credential
) -> None:
    url = reverse("assessments:policy", args=[credential.pk])
    client.force_login(testing.coordinator(credential.issuing_organisation))
    page = client.get(url).content.decode()
    assert (
        '<fieldset class="field choices" aria-describedby="id_caution_helptext">'
        in (page)
    )
    assert "<legend>How cautious is the decision to credit a competency?" in page
    assert 'id="id_caution_helptext"' in page
    assert page.count('type="radio" name="caution"') == 3
    assert 'value="balanced" id="id_caution_0" required checked>' in page

    refused = client.post(
        url,
        {"time_limit_minutes": "", "max_items_per_competency": 12, "caution": "no"},
    )
    assert refused.status_code == 422
    assert 'aria-describedby="id_caution_helptext id_caution_error"' in (
        refused.content.decode()
    )
    assert not AssessmentPolicy.objects.filter(credential=credential).exists()

    saved = client.post(
        url,
        {"time_limit_minutes": "", "max_items_per_competency": 12, "caution": "strict"},
    )
    assert saved.status_code == 303
    assert AssessmentPolicy.objects.get(credential=credential).caution == "strict"
    again = client.get(url).content.decode()
    assert 'value="strict" id="id_caution_2" required checked>' in again
