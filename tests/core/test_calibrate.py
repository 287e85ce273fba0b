"""Item calibration by marginal maximum likelihood."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from skillpath.core.calibrate import GradedResponse, Rasch, TwoPL
from skillpath.core.cat import MasteryTest
from skillpath.core.exposure import simulate_responses

N_ITEMS = 30


@pytest.fixture(autouse=True, scope="module")
def one_blas_thread() -> Iterator[None]:
    # Threaded BLAS on these small matrices spins against other processes on a busy
    # machine (fits 5-15 times slower); threadpoolctl is optional, for speed only.
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield


def rmse(estimate: np.ndarray, truth: np.ndarray) -> float:
    return float(np.sqrt(np.nanmean((estimate - truth) ** 2)))


@pytest.fixture(scope="module")
def truth() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(40)
    a = rng.uniform(0.7, 2.0, N_ITEMS)
    b = rng.normal(0, 1, N_ITEMS)
    thresholds = np.sort(rng.normal(0, 1, (N_ITEMS, 3)), axis=1) + [-0.6, 0.0, 0.6]
    thresholds[::5, 2] = np.nan  # every fifth item has three categories
    theta = rng.normal(0, 1, 2000)
    return {
        "a": a,
        "b": b,
        "thresholds": thresholds,
        "binary": simulate_responses(theta, a, b, rng=rng),
        "graded": simulate_responses(theta, a, thresholds, rng=rng),
    }


def with_missing(x: np.ndarray, share: float, seed: int) -> np.ndarray:
    out = x.copy()
    out[np.random.default_rng(seed).random(x.shape) < share] = np.nan
    return out


def test_two_pl_recovers_parameters_from_dense_data(
    truth: dict[str, np.ndarray],
) -> None:
    model = TwoPL().fit(truth["binary"])
    assert model.converged_
    assert rmse(model.discrimination_, truth["a"]) < 0.12
    assert rmse(model.difficulty_, truth["b"]) < 0.1
    assert model.calibrated_.all()


def test_two_pl_recovers_parameters_from_sparse_data(
    truth: dict[str, np.ndarray],
) -> None:
    # About 9 responses per person and 600 per item: girth 0.8 reaches 0.29 / 0.18
    # on this very matrix.
    model = TwoPL().fit(with_missing(truth["binary"], 0.7, 41))
    assert rmse(model.discrimination_, truth["a"]) < 0.32
    assert rmse(model.difficulty_, truth["b"]) < 0.2


def test_standard_errors_match_the_actual_error(truth: dict[str, np.ndarray]) -> None:
    dense = TwoPL().fit(truth["binary"])
    sparse = TwoPL().fit(with_missing(truth["binary"], 0.7, 42))
    for model in (dense, sparse):
        z_a = (model.discrimination_ - truth["a"]) / model.discrimination_se_
        z_b = (model.difficulty_ - truth["b"]) / model.difficulty_se_
        assert 0.5 < np.std(z_a) < 1.5
        assert 0.5 < np.std(z_b) < 1.5
    # Fewer responses, larger standard errors.
    assert (sparse.difficulty_se_ > dense.difficulty_se_).mean() > 0.9


def test_standard_errors_hold_with_fewer_people_than_parameters() -> None:
    rng = np.random.default_rng(46)
    a, b = rng.uniform(0.8, 2.0, 150), rng.normal(0, 1, 150)
    x = simulate_responses(rng.normal(0, 1, 250), a, b, rng=rng)
    x[rng.random(x.shape) < 0.5] = np.nan  # 300 parameters, 250 people
    model = TwoPL().fit(x)
    z_b = (model.difficulty_ - b) / model.difficulty_se_
    assert np.isfinite(model.difficulty_se_).all()
    assert 0.6 < np.std(z_b) < 1.5
    assert np.median(model.discrimination_se_) < 1.0


def test_slope_shrinkage_lowers_slope_error_where_data_are_thin() -> None:
    # 150 items, 400 people, 60 % missing: about 160 responses per item.
    errors: dict[bool, list[float]] = {True: [], False: []}
    for seed in range(3):
        rng = np.random.default_rng([47, seed])
        a, b = rng.uniform(0.6, 2.2, 150), rng.normal(0, 1, 150)
        x = simulate_responses(rng.normal(0, 1, 400), a, b, rng=rng)
        x[rng.random(x.shape) < 0.6] = np.nan
        for shrink in (True, False):
            model = TwoPL(slope_shrinkage=shrink, standard_errors=False).fit(x)
            errors[shrink].append(rmse(model.discrimination_, a))
            if shrink:
                plain = TwoPL(slope_shrinkage=False, standard_errors=False).fit(x)
                # Locations stay where the data put them; intercepts follow slopes.
                np.testing.assert_allclose(model.difficulty_, plain.difficulty_)
                np.testing.assert_allclose(
                    -model.intercept_[:, 0] / model.discrimination_, model.difficulty_
                )
                mean, sd = model.slope_prior_
                assert abs(mean - np.log(a).mean()) < 0.15
                assert 0.1 <= sd < np.log(plain.discrimination_).std()
    assert np.mean(errors[True]) < 0.9 * np.mean(errors[False])


def test_slope_shrinkage_barely_moves_well_measured_slopes(
    truth: dict[str, np.ndarray],
) -> None:
    shrunk = TwoPL().fit(truth["binary"])
    plain = TwoPL(slope_shrinkage=False).fit(truth["binary"])
    change = np.abs(shrunk.discrimination_ / plain.discrimination_ - 1)
    assert change.max() < 0.06
    # On the log scale the posterior SD is below the likelihood's SE, never above.
    log_sd = shrunk.discrimination_se_ / shrunk.discrimination_
    assert (log_sd <= plain.discrimination_se_ / plain.discrimination_ + 1e-12).all()
    assert Rasch().fit(truth["binary"]).slope_prior_ is None


def test_graded_response_recovers_thresholds(truth: dict[str, np.ndarray]) -> None:
    for share in (0.0, 0.6):
        model = GradedResponse().fit(with_missing(truth["graded"], share, 43))
        assert model.difficulty_.shape == (N_ITEMS, 3)
        assert np.isnan(model.difficulty_[::5, 2]).all()
        assert rmse(model.discrimination_, truth["a"]) < (0.1 if share == 0 else 0.18)
        assert rmse(model.difficulty_, truth["thresholds"]) < (
            0.12 if share == 0 else 0.2
        )
        se = model.difficulty_se_[np.isfinite(truth["thresholds"])]
        assert np.isfinite(se).all() and (se > 0).all()


def test_rasch_estimates_one_discrimination_for_all_items() -> None:
    rng = np.random.default_rng(44)
    b = rng.normal(0, 1, N_ITEMS)
    x = simulate_responses(rng.normal(0, 1.4, 2000), np.ones(N_ITEMS), b, rng=rng)
    model = Rasch().fit(x)
    assert np.ptp(model.discrimination_) == 0
    # Ability SD 1.4 on a unit-slope model equals slope 1.4 at SD 1.
    assert model.discrimination_[0] == pytest.approx(1.4, abs=0.1)
    assert rmse(model.difficulty_, b / 1.4) < 0.08
    assert np.isnan(model.discrimination_se_).all()


def test_items_with_too_few_responses_keep_their_provisional_parameters(
    truth: dict[str, np.ndarray],
) -> None:
    x = truth["binary"].copy()
    x[15:, :3] = np.nan  # items 0-2 seen by 15 people only
    provisional_a = np.full(N_ITEMS, np.nan)
    provisional_b = np.full(N_ITEMS, np.nan)
    provisional_a[:2], provisional_b[:2] = [1.1, 0.9], [0.3, -0.4]
    model = TwoPL(
        min_responses=20,
        init_discrimination=provisional_a,
        init_difficulty=provisional_b,
    ).fit(x)
    assert model.calibrated_.tolist() == [False] * 3 + [True] * (N_ITEMS - 3)
    assert model.discrimination_[:2].tolist() == [1.1, 0.9]
    assert model.difficulty_[:2] == pytest.approx([0.3, -0.4])
    assert np.isnan(model.discrimination_[2]) and np.isnan(model.difficulty_[2])
    assert np.isnan(model.difficulty_se_[:3]).all()
    assert model.n_responses_[:3].tolist() == [15, 15, 15]
    assert rmse(model.difficulty_[3:], truth["b"][3:]) < 0.1


def test_initial_parameters_are_a_starting_point_not_a_constraint(
    truth: dict[str, np.ndarray],
) -> None:
    start = TwoPL(
        init_discrimination=np.ones(N_ITEMS), init_difficulty=np.zeros(N_ITEMS)
    )
    model = start.fit(truth["binary"])
    assert rmse(model.difficulty_, truth["b"]) < 0.1
    from_truth = TwoPL(init_discrimination=truth["a"], init_difficulty=truth["b"])
    assert from_truth.fit(truth["binary"]).n_iter_ <= model.n_iter_


def test_calibration_from_adaptive_test_data() -> None:
    # Adaptive tests choose items from the answers: the data are missing at random
    # given what was seen, which marginal maximum likelihood allows for.
    rng = np.random.default_rng(45)
    a, b = rng.uniform(0.8, 2.0, 60), rng.normal(0, 1, 60)
    theta = rng.normal(0, 1, 1200)
    answers = simulate_responses(theta, a, b, rng=rng)
    x = np.full(answers.shape, np.nan)
    for person in range(theta.size):
        test = MasteryTest(a, b, 0.0, min_items=15, max_items=15, stop_rule="se")
        while (item := test.next_item()) is not None:
            test.record(item, answers[person, item])
            x[person, item] = answers[person, item]
    assert np.isnan(x).mean() > 0.7
    model = TwoPL(min_responses=50).fit(x)
    done = model.calibrated_
    assert done.sum() > 30
    assert rmse(model.difficulty_[done], b[done]) < 0.25


def test_estimators_follow_scikit_learn_conventions(
    truth: dict[str, np.ndarray],
) -> None:
    model = TwoPL(max_iter=50)
    assert not hasattr(model, "discrimination_")
    assert model.fit(truth["binary"][:300]) is model
    assert model.max_iter == 50 and model.init_difficulty is None
    assert model.predict_proba(0.0).shape == (N_ITEMS, 2)


@pytest.mark.parametrize(
    ("make", "data", "message"),
    [
        (TwoPL, np.zeros(5), "persons x items"),
        (TwoPL, np.full((4, 3), 2.0), "0, 1 or nan"),
        (GradedResponse, np.full((4, 3), -1.0), "non-negative integers"),
        (GradedResponse, np.full((4, 3), 0.5), "non-negative integers"),
    ],
)
def test_bad_responses_raise_a_clear_value_error(
    make: type[TwoPL], data: np.ndarray, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        make().fit(data)


def test_mismatched_initial_parameters_raise_a_clear_value_error() -> None:
    x = np.zeros((10, 4))
    with pytest.raises(ValueError, match="init_discrimination"):
        TwoPL(init_discrimination=np.ones(3)).fit(x)
    with pytest.raises(ValueError, match="init_difficulty"):
        TwoPL(init_difficulty=np.ones(5)).fit(x)
