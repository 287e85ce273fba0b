"""Adaptive mastery and level tests, exposure control, and multi-competency sittings."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np
import pytest

from skillpath.core.cat import (
    AdaptiveTest,
    Decision,
    LevelTest,
    MasteryTest,
    StopReason,
    proficiency_level,
    retake_prior,
)
from skillpath.core.cat.rules import bayes_stop_values
from skillpath.core.exposure import simulate_responses, sympson_hetter_parameters
from skillpath.core.sitting import Sitting

BANK_SIZE = 300
Bank = tuple[np.ndarray, np.ndarray]
T = TypeVar("T", bound=AdaptiveTest)


@pytest.fixture(scope="module")
def bank() -> Bank:
    rng = np.random.default_rng(20)
    return rng.uniform(0.8, 2.0, BANK_SIZE), rng.normal(0.0, 1.2, BANK_SIZE)


def run(test: T, answers: np.ndarray) -> T:
    while (item := test.next_item()) is not None:
        test.record(item, answers[item])
    return test


def simulate(
    bank: Bank, theta: np.ndarray, make: Callable[[int], T], seed: int = 0
) -> list[T]:
    answers = simulate_responses(
        theta, bank[0], bank[1], rng=np.random.default_rng(seed)
    )
    return [run(make(i), answers[i]) for i in range(theta.size)]


def given(test: AdaptiveTest) -> int:
    item = test.next_item()
    assert item is not None
    return item


# ------------------------------------------------------------------ estimation
def test_eap_error_shrinks_with_test_length_and_is_roughly_unbiased(bank: Bank) -> None:
    theta = np.random.default_rng(1).normal(0, 1, 200)
    rmse, bias = [], []
    for length in (5, 15, 40):

        def fixed_length(i: int, n: int = length) -> MasteryTest:
            return MasteryTest(
                bank[0],
                bank[1],
                0.0,
                stop_rule="se",
                se_target=1e-3,
                min_items=n,
                max_items=n,
            )

        tests = simulate(bank, theta, fixed_length)
        assert all(t.n_items == length for t in tests)
        error = np.array([t.theta for t in tests]) - theta
        rmse.append(np.sqrt(np.mean(error**2)))
        bias.append(error.mean())
    assert rmse[0] > rmse[1] > rmse[2]
    assert rmse[2] < 0.3
    assert abs(bias[2]) < 0.05
    # The posterior SD tracks the actual error.
    assert 0.7 < np.mean([t.se for t in tests]) / rmse[2] < 1.4


def test_p_mastery_is_the_posterior_mass_above_the_cut(bank: Bank) -> None:
    test = MasteryTest(bank[0], bank[1], 0.3)
    for item, score in ((0, 1), (1, 1), (2, 0)):
        test.record(item, score)
    mass = test.posterior[test.grid >= 0.3].sum()
    assert test.p_mastery == pytest.approx(mass, abs=0.05)
    assert test.probability_above(-10) == pytest.approx(1.0)
    assert test.probability_above(10) == pytest.approx(0.0, abs=1e-9)


# ------------------------------------------------------------------ decisions
@pytest.mark.parametrize("rule", ["sprt", "glr"])
def test_decision_error_rates_hold_at_the_indifference_bounds(
    bank: Bank, rule: str
) -> None:
    settings: dict[str, Any] = {
        "stop_rule": rule,
        "indifference": 0.3,
        "alpha": 0.05,
        "beta": 0.1,
        "max_items": 120,
        "curtail": False,
    }
    n = 300
    below = simulate(
        bank,
        np.full(n, -0.3),
        lambda i: MasteryTest(bank[0], bank[1], 0.0, **settings),
        2,
    )
    above = simulate(
        bank,
        np.full(n, 0.3),
        lambda i: MasteryTest(bank[0], bank[1], 0.0, **settings),
        3,
    )
    false_master = np.mean([t.decision == Decision.MASTERED for t in below])
    missed_master = np.mean([t.decision == Decision.NOT_MASTERED for t in above])
    assert false_master <= 0.05 + 0.03
    assert missed_master <= 0.10 + 0.04
    # Wald's bounds are for the untruncated test: nearly all must end at a boundary.
    assert np.mean([t.stop_reason is StopReason.BOUNDARY for t in below + above]) > 0.97


def test_default_test_classifies_a_population_well(bank: Bank) -> None:
    theta = np.random.default_rng(4).normal(0, 1, 600)
    tests = simulate(bank, theta, lambda i: MasteryTest(bank[0], bank[1], 0.0), 5)
    decided = np.array([str(t.decision) for t in tests])
    truth = np.where(theta >= 0, "mastered", "not_mastered")
    assert np.mean(decided == truth) > 0.9
    clear_non_masters = theta < -0.5
    assert np.mean(decided[clear_non_masters] == "mastered") < 0.03
    assert np.mean([t.n_items for t in tests]) < 15


def test_undetermined_only_when_max_length_is_reached_near_the_cut(bank: Bank) -> None:
    theta = np.zeros(200)
    tests = simulate(
        bank, theta, lambda i: MasteryTest(bank[0], bank[1], 0.0, max_items=8), 6
    )
    undetermined = [t for t in tests if t.decision == Decision.UNDETERMINED]
    assert undetermined, "some people exactly at the cut must stay undetermined"
    for t in undetermined:
        assert t.stop_reason is StopReason.MAX_ITEMS
        assert abs(t.theta) < 0.6
    far = simulate(
        bank,
        np.full(50, 2.5),
        lambda i: MasteryTest(bank[0], bank[1], 0.0, max_items=8),
        7,
    )
    assert all(t.decision == Decision.MASTERED for t in far)


def test_min_and_max_length_are_respected(bank: Bank) -> None:
    theta = np.random.default_rng(8).normal(0, 2, 200)
    tests = simulate(
        bank,
        theta,
        lambda i: MasteryTest(bank[0], bank[1], 0.0, min_items=6, max_items=12),
    )
    lengths = np.array([t.n_items for t in tests])
    assert lengths.min() == 6 and lengths.max() == 12
    assert all(t.next_item() is None for t in tests)


def test_deterministic_curtailment_stops_only_when_the_result_is_certain(
    bank: Bank,
) -> None:
    theta = np.random.default_rng(9).normal(0, 1, 300)
    tests = simulate(
        bank,
        theta,
        lambda i: MasteryTest(
            bank[0], bank[1], 0.0, stop_rule="glr", max_items=15, curtail_risk=0.0
        ),
        10,
    )
    curtailed = [t for t in tests if t.stop_reason is StopReason.CURTAILED]
    assert curtailed
    for t in curtailed:
        # Playing the remaining items all wrong (or all right) keeps the decision.
        flip = 0 if t.decision == Decision.MASTERED else 1
        again = MasteryTest(
            bank[0], bank[1], 0.0, stop_rule="glr", max_items=15, curtail=False
        )
        for old, score in zip(t.administered, t.scores, strict=True):
            again.record(old, score)
        while (item := again.next_item()) is not None:
            again.record(item, flip)
        assert again.decision == t.decision


def test_stochastic_curtailment_shortens_tests(bank: Bank) -> None:
    theta = np.random.default_rng(11).normal(0, 1, 300)

    def glr(risk: float) -> Callable[[int], MasteryTest]:
        return lambda i: MasteryTest(
            bank[0], bank[1], 0.0, stop_rule="glr", curtail_risk=risk
        )

    plain = simulate(bank, theta, glr(0.0), 12)
    risky = simulate(bank, theta, glr(0.2), 12)
    assert np.mean([t.n_items for t in risky]) < np.mean([t.n_items for t in plain])


def test_bayes_rule_reports_its_own_error_rate(bank: Bank) -> None:
    # Each decision's posterior probability of being wrong, averaged, is the error
    # rate the simulation actually shows: the rule's error rate is known.
    theta = np.random.default_rng(41).normal(0, 1, 1500)
    tests = simulate(bank, theta, lambda i: MasteryTest(bank[0], bank[1], 0.0), 42)
    decided = [t for t in tests if t.decision != Decision.UNDETERMINED]
    wrong = np.array(
        [
            (t.decision == Decision.MASTERED) != (theta[i] >= 0)
            for i, t in enumerate(tests)
            if t.decision != Decision.UNDETERMINED
        ]
    )
    stated = np.array(
        [
            1 - t.p_mastery if t.decision == Decision.MASTERED else t.p_mastery
            for t in decided
        ]
    )
    assert 0.03 < wrong.mean() < 0.12
    assert abs(wrong.mean() - stated.mean()) < 0.02
    # Wrong decisions are the uncertain ones.
    assert stated[wrong].mean() > 2 * stated[~wrong].mean()


def test_bayes_rule_trades_items_for_accuracy_through_item_cost(bank: Bank) -> None:
    theta = np.random.default_rng(43).normal(0, 1, 600)
    truth = theta >= 0

    def run_at(cost: float) -> tuple[float, float]:
        tests = simulate(
            bank,
            theta,
            lambda i: MasteryTest(bank[0], bank[1], 0.0, item_cost=cost),
            44,
        )
        right = [
            t.decision == (Decision.MASTERED if m else Decision.NOT_MASTERED)
            for t, m in zip(tests, truth, strict=True)
        ]
        return float(np.mean(right)), float(np.mean([t.n_items for t in tests]))

    cheap_accuracy, cheap_items = run_at(0.0005)
    dear_accuracy, dear_items = run_at(0.02)
    assert cheap_items > 1.5 * dear_items
    assert cheap_accuracy > dear_accuracy


def test_false_master_cost_lowers_false_masters(bank: Bank) -> None:
    theta = np.random.default_rng(45).normal(0, 1, 800)
    non_masters = theta < -0.5  # the cut is -0.5: most people are masters

    def false_masters(cost: float) -> float:
        tests = simulate(
            bank,
            theta,
            lambda i: MasteryTest(bank[0], bank[1], -0.5, false_master_cost=cost),
            46,
        )
        return float(
            np.mean(
                [t.decision == Decision.MASTERED for t in np.array(tests)[non_masters]]
            )
        )

    assert false_masters(4.0) < 0.6 * false_masters(1.0)


@pytest.mark.parametrize(
    ("cuts", "false_master_cost"), [([0.0], 1.0), ([-0.5, 0.8], 3.0)]
)
def test_bayes_stop_values_match_brute_force_look_ahead(
    cuts: list[float], false_master_cost: float
) -> None:
    # Backward induction over (right, wrong) counts equals an explicit recursion over
    # every response sequence of the surrogate items.
    grid = np.linspace(-4, 4, 41)
    posterior = np.exp(-0.5 * ((grid - 0.2) / 0.7) ** 2)
    posterior /= posterior.sum()
    above = (grid[:, None] >= np.array(cuts)).astype(float)
    p = 1 / (1 + np.exp(-1.3 * grid))
    cost = 0.01

    def stop_value(weight: np.ndarray) -> float:
        # Each cut decided on its own, at the cheaper of its two possible errors.
        mass_above = weight @ above
        mass_below = weight.sum() - mass_above
        return -float(np.minimum(false_master_cost * mass_below, mass_above).sum())

    def best(weight: np.ndarray, left: int) -> float:
        stop = stop_value(weight)
        if left == 0:
            return stop
        go_on = (
            -cost * weight.sum()
            + best(weight * p, left - 1)
            + best(weight * (1 - p), left - 1)
        )
        return max(stop, go_on)

    for horizon in (1, 3, 6):
        stop, go_on = bayes_stop_values(
            posterior, above, false_master_cost, p, horizon, cost
        )
        assert stop == pytest.approx(stop_value(posterior))
        expected = (
            -cost
            + best(posterior * p, horizon - 1)
            + best(posterior * (1 - p), horizon - 1)
        )
        assert go_on == pytest.approx(expected, rel=1e-9)
    # Far from every cut, one more item is not worth its cost.
    sure = np.where(grid > 2, 1.0, 0.0)
    stop, go_on = bayes_stop_values(
        sure / sure.sum(), above, false_master_cost, p, 5, cost
    )
    assert stop >= go_on


def test_bayes_level_test_decides_the_median_level(bank: Bank) -> None:
    theta = np.random.default_rng(48).normal(0, 1.2, 400)
    cuts = [-1.0, 0.0, 1.0]
    tests = simulate(bank, theta, lambda i: LevelTest(bank[0], bank[1], cuts), 49)
    truth = proficiency_level(theta, cuts)
    levels = np.array([-1 if t.level is None else t.level for t in tests])
    decided = levels >= 0
    assert decided.mean() > 0.97
    assert np.mean(levels[decided] == truth[decided]) > 0.8
    assert np.all(np.abs(levels[decided] - truth[decided]) <= 1)
    for t in tests:
        if t.level is not None:
            # The level is the number of cuts the posterior puts ability above.
            above = [t.probability_above(c) >= 0.5 for c in cuts]
            assert t.level == sum(above)


def test_se_rule_stops_at_the_target_for_placement(bank: Bank) -> None:
    theta = np.random.default_rng(13).normal(0, 1, 100)
    tests = simulate(
        bank, theta, lambda i: MasteryTest(bank[0], bank[1], 0.0, stop_rule="se")
    )
    for t in tests:
        assert t.se <= 0.3 or t.stop_reason is StopReason.MAX_ITEMS


# ------------------------------------------------------------------ levels
def test_proficiency_level_counts_the_cuts_reached() -> None:
    levels = proficiency_level([-2.0, -1.0, 0.2, 0.5, 3.0], [-1.0, 0.0, 0.5])
    assert levels.tolist() == [0, 1, 2, 3, 3]
    with pytest.raises(ValueError, match="increasing"):
        proficiency_level(0.0, [0.5, 0.0])


def test_level_test_finds_the_level_between_several_cuts(bank: Bank) -> None:
    cuts = [-1.0, 0.0, 1.0]
    theta = np.random.default_rng(14).normal(0, 1.2, 200)
    tests = simulate(bank, theta, lambda i: LevelTest(bank[0], bank[1], cuts), 15)
    level = np.array([-1 if t.level is None else t.level for t in tests])
    truth = proficiency_level(theta, cuts)
    far = np.abs(theta[:, None] - np.array(cuts)).min(axis=1) > 0.4
    assert np.mean(level[far] == truth[far]) > 0.95
    for t in tests:
        assert t.level_probabilities.sum() == pytest.approx(1.0)
        assert t.level_probabilities.shape == (4,)


# ------------------------------------------------------------------ selection
def test_selection_maximises_information_at_the_estimate(bank: Bank) -> None:
    a, b = bank
    test = MasteryTest(a, b, 0.0)
    first = test.next_item()
    info = a**2 / (4 * np.cosh(a * (test.theta - b) / 2) ** 2)  # a^2 P Q
    assert first == int(np.argmax(info))
    assert test.next_item() == first  # the pending item stays until recorded


def test_selection_at_the_cut_uses_the_cut(bank: Bank) -> None:
    a, b = bank
    test = MasteryTest(a, b, 1.5, select_at="cut")
    info = a**2 / (4 * np.cosh(a * (1.5 - b) / 2) ** 2)
    assert test.next_item() == int(np.argmax(info))


def test_excluded_items_are_never_given(bank: Bank) -> None:
    a, b = bank
    excluded = list(range(0, BANK_SIZE, 2))
    theta = np.random.default_rng(16).normal(0, 1, 50)
    tests = simulate(bank, theta, lambda i: MasteryTest(a, b, 0.0, exclude=excluded))
    given = {item for t in tests for item in t.administered}
    assert given and not given & set(excluded)
    with pytest.raises(ValueError, match="excluded"):
        MasteryTest(a, b, 0.0, exclude=excluded).record(0, 1)


def test_randomesque_varies_the_first_item(bank: Bank) -> None:
    firsts = {
        MasteryTest(
            bank[0], bank[1], 0.0, randomesque=5, rng=np.random.default_rng(i)
        ).next_item()
        for i in range(60)
    }
    assert len(firsts) == 5


def test_exposure_rate_cap_keeps_every_item_under_it(bank: Bank) -> None:
    theta = np.random.default_rng(17).normal(0, 1, 400)
    answers = simulate_responses(theta, bank[0], bank[1], rng=np.random.default_rng(18))
    counts = np.zeros(BANK_SIZE)
    for person in range(theta.size):
        rates = counts / max(person, 1)
        test = MasteryTest(
            bank[0], bank[1], 0.0, exposure_rates=rates, max_exposure=0.2
        )
        for item in run(test, answers[person]).administered:
            counts[item] += 1
    assert counts.max() / theta.size <= 0.2 + 0.02
    uncapped = simulate(
        bank, theta[:100], lambda i: MasteryTest(bank[0], bank[1], 0.0), 18
    )
    assert max(np.bincount([t.administered[0] for t in uncapped])) == 100


def test_sympson_hetter_parameters_lower_the_exposure(bank: Bank) -> None:
    a, b = bank[0][:60], bank[1][:60]
    settings: dict[str, Any] = {"max_items": 10, "min_items": 10}
    k = sympson_hetter_parameters(
        a,
        b,
        0.0,
        max_exposure=0.3,
        rng=np.random.default_rng(19),
        n_simulees=150,
        iterations=4,
        **settings,
    )
    assert k.shape == (60,) and ((k > 0) & (k <= 1)).all() and (k < 1).any()
    theta = np.random.default_rng(21).normal(0, 1, 150)
    answers = simulate_responses(theta, a, b, rng=np.random.default_rng(22))

    def exposure(params: np.ndarray | None) -> float:
        counts = np.zeros(60)
        for p in range(150):
            test = MasteryTest(
                a,
                b,
                0.0,
                exposure_parameters=params,
                rng=np.random.default_rng(p),
                **settings,
            )
            for item in run(test, answers[p]).administered:
                counts[item] += 1
        return float(counts.max() / 150)

    assert exposure(k) < exposure(None) - 0.2
    never = np.ones(60)
    never[:30] = 0.0
    test = MasteryTest(
        a, b, 0.0, exposure_parameters=never, rng=np.random.default_rng(0)
    )
    assert given(test) >= 30


# ------------------------------------------------------------------ persistence
def test_round_trip_through_json_continues_identically(bank: Bank) -> None:
    answers = simulate_responses(
        [0.2], bank[0], bank[1], rng=np.random.default_rng(23)
    )[0]
    settings: dict[str, Any] = {
        "randomesque": 4,
        "curtail_risk": 0.05,
        "exclude": [3, 5],
    }
    test = MasteryTest(bank[0], bank[1], 0.0, rng=np.random.default_rng(24), **settings)
    for _ in range(3):
        item = given(test)
        test.record(item, answers[item])
    pending = given(test)
    saved = json.loads(json.dumps(test.to_dict()))
    copy = MasteryTest.from_dict(saved)
    assert copy.next_item() == pending
    run(test, answers)
    run(copy, answers)
    assert copy.administered == test.administered
    assert copy.decision == test.decision
    assert copy.theta == test.theta and copy.se == test.se


def test_round_trip_without_the_bank_needs_the_same_bank(bank: Bank) -> None:
    a, b = bank
    test = MasteryTest(a, b, 0.5)
    test.record(given(test), 1)
    saved = json.loads(json.dumps(test.to_dict(include_bank=False)))
    assert "discrimination" not in saved
    assert MasteryTest.from_dict(saved, discrimination=a, difficulty=b).n_items == 1
    with pytest.raises(ValueError, match="not the one"):
        MasteryTest.from_dict(saved, discrimination=a, difficulty=b + 0.1)
    with pytest.raises(ValueError, match="no item bank"):
        MasteryTest.from_dict(saved)
    with pytest.raises(ValueError, match="expected 'LevelTest'"):
        LevelTest.from_dict(saved, discrimination=a, difficulty=b)


def test_polytomous_items_work_in_a_mastery_test() -> None:
    rng = np.random.default_rng(25)
    a = rng.uniform(0.8, 2.0, 80)
    thresholds = np.sort(rng.normal(0, 1, (80, 3)), axis=1)
    thresholds[::4, 2] = np.nan  # some items have only three categories
    tests = [
        run(
            MasteryTest(a, thresholds, 0.0),
            simulate_responses([t], a, thresholds, rng=rng)[0],
        )
        for t in (-2.0, 2.0)
    ]
    assert [t.decision for t in tests] == [Decision.NOT_MASTERED, Decision.MASTERED]
    with pytest.raises(ValueError, match=r"0\.\.2"):
        MasteryTest(a, thresholds, 0.0).record(0, 3)
    copy = MasteryTest.from_dict(json.loads(json.dumps(tests[0].to_dict())))
    assert copy.theta == tests[0].theta


# ------------------------------------------------------------------ retakes
def test_retake_starts_from_the_widened_previous_posterior(bank: Bank) -> None:
    answers = simulate_responses(
        [-0.8], bank[0], bank[1], rng=np.random.default_rng(26)
    )[0]
    first = run(MasteryTest(bank[0], bank[1], 0.0, exclude=[7]), answers)
    assert isinstance(first, MasteryTest)
    retake = MasteryTest.for_retake(first, rng=None, learning_sd=0.5)
    assert retake.prior_mean == pytest.approx(first.theta)
    assert retake.prior_sd == pytest.approx(np.hypot(first.se, 0.5))
    assert retake.prior_sd > first.se
    assert set(retake.exclude) == set(first.administered) | {7}
    assert retake.theta == pytest.approx(first.theta, abs=0.05)
    run(retake, answers)
    assert not set(retake.administered) & set(retake.exclude)
    assert retake_prior(0.4, 0.3, learning_sd=0.4) == pytest.approx((0.4, 0.5))


# ------------------------------------------------------------------ sittings
def make_sitting(
    seed: int, weights: dict[str, float] | None, **settings: Any
) -> Sitting:
    rng = np.random.default_rng(seed)
    streams = rng.spawn(3)
    tests = {}
    for key, stream in zip("abc", streams, strict=True):
        a = rng.uniform(0.8, 2.0, 120)
        b = rng.normal(0, 1, 120)
        tests[key] = MasteryTest(a, b, 0.0, rng=stream, randomesque=2, **settings)
    return Sitting(tests, blueprint=weights)


def test_sitting_interleaves_competencies_by_blueprint_share() -> None:
    sitting = make_sitting(27, {"a": 2, "b": 1, "c": 1}, min_items=20, max_items=20)
    order = []
    while (pair := sitting.next_item()) is not None:
        sitting.record(*pair, 1)
        order.append(pair[0])
    first = order[:20]
    assert first.count("a") == 10 and first.count("b") == 5 and first.count("c") == 5
    # After a's 20 items the others take every turn.
    assert order.count("a") == 20 and len(order) == 60
    assert sitting.stopped and set(sitting.results()) == {"a", "b", "c"}


def test_each_competency_keeps_its_own_stop() -> None:
    sitting = make_sitting(28, None)
    rng = np.random.default_rng(29)
    ability = {"a": 2.5, "b": 0.05, "c": -2.5}
    while (pair := sitting.next_item()) is not None:
        key, item = pair
        test = sitting.tests[key]
        assert isinstance(test, MasteryTest)
        a, b = np.asarray(test.discrimination), np.asarray(test.difficulty)
        p = 1 / (1 + np.exp(-a[item] * (ability[key] - b[item])))
        sitting.record(key, item, int(rng.random() < p))
    results = sitting.results()
    assert results["a"]["decision"] == "mastered"
    assert results["c"]["decision"] == "not_mastered"
    assert results["b"]["n_items"] > results["a"]["n_items"]


def test_sitting_round_trip_and_retake_of_open_competencies() -> None:
    sitting = make_sitting(30, {"a": 1, "b": 1, "c": 2})
    rng = np.random.default_rng(31)
    for _ in range(7):
        pair = sitting.next_item()
        assert pair is not None
        sitting.record(*pair, int(rng.random() < 0.5))
    saved = json.loads(json.dumps(sitting.to_dict()))
    copy = Sitting.from_dict(saved)
    assert copy.next_item() == sitting.next_item()
    slim = json.loads(json.dumps(sitting.to_dict(include_bank=False)))
    banks = {
        key: (np.asarray(t.discrimination), np.asarray(t.difficulty))
        for key, t in sitting.tests.items()
    }
    assert Sitting.from_dict(slim, banks=banks).next_item() == sitting.next_item()
    with pytest.raises(ValueError, match="no item bank"):
        Sitting.from_dict(slim)
    for s in (sitting, copy):
        answers = np.random.default_rng(32)
        while (pair := s.next_item()) is not None:
            s.record(*pair, int(answers.random() < 0.5))
    assert copy.results() == sitting.results()
    open_keys = {k for k, r in sitting.results().items() if r["decision"] != "mastered"}
    if open_keys:
        retake = Sitting.for_retake(sitting, rng=np.random.default_rng(33))
        assert set(retake.tests) == open_keys


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda a, b: MasteryTest(a, b[:-1], 0.0), "difficulty must be"),
        (lambda a, b: MasteryTest(-a, b, 0.0), "positive"),
        (lambda a, b: MasteryTest(a, b, 4.8), "inside the ability grid"),
        (
            lambda a, b: MasteryTest(
                a, b, 0.0, grid_bounds=(-1.0, 1.0), indifference=1.0
            ),
            "grid",
        ),
        (lambda a, b: LevelTest(a, b, [0.5, 0.0]), "increasing"),
        (lambda a, b: MasteryTest(a, b, 0.0, min_items=10, max_items=5), "min_items"),
        (lambda a, b: MasteryTest(a, b, 0.0, alpha=0.7), "alpha"),
        (lambda a, b: MasteryTest(a, b, 0.0, item_cost=0), "item_cost"),
        (lambda a, b: MasteryTest(a, b, 0.0, false_master_cost=0.5), "false_master"),
        (lambda a, b: MasteryTest(a, b, 0.0, undetermined_p=0.6), "undetermined_p"),
        (lambda a, b: MasteryTest(a, b, 0.0, randomesque=3), "rng="),
        (lambda a, b: MasteryTest(a, b, 0.0, exclude=[BANK_SIZE]), "outside the bank"),
        (lambda a, b: MasteryTest(a, b, 0.0, exposure_rates=[0.1]), "exposure_rates"),
    ],
)
def test_bad_settings_raise_a_clear_value_error(
    bank: Bank, build: Any, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        build(bank[0], bank[1])


def test_bad_responses_raise_a_clear_value_error(bank: Bank) -> None:
    test = MasteryTest(bank[0], bank[1], 0.0, max_items=5, min_items=5)
    item = given(test)
    test.record(item, 1)
    with pytest.raises(ValueError, match="already recorded"):
        test.record(item, 0)
    with pytest.raises(ValueError, match="outside the bank"):
        test.record(BANK_SIZE, 0)
    with pytest.raises(ValueError, match="integer index"):
        test.record(1.5, 0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"integer 0\.\.1"):
        test.record(given(test), 2)
    for _ in range(4):
        test.record(given(test), 0)
    assert test.stopped
    with pytest.raises(ValueError, match="stopped"):
        test.record(0 if 0 not in test.administered else 1, 1)


def test_bad_sittings_raise_a_clear_value_error(bank: Bank) -> None:
    rng = np.random.default_rng(34)
    one = MasteryTest(bank[0], bank[1], 0.0, rng=rng, randomesque=2)
    two = MasteryTest(bank[0], bank[1], 0.0, rng=rng, randomesque=2)
    with pytest.raises(ValueError, match="own generator"):
        Sitting({"x": one, "y": two})
    with pytest.raises(ValueError, match="same competencies"):
        Sitting({"x": one}, blueprint={"y": 1.0})
    with pytest.raises(ValueError, match="at least one"):
        Sitting({})
    with pytest.raises(ValueError, match="unknown competency"):
        Sitting({"x": one}).record("z", 0, 1)
