"""Item response models: probabilities, information and likelihoods."""

from __future__ import annotations

import numpy as np
import pytest

from skillpath.core import irt

A = np.array([0.8, 1.2, 2.0])
B = np.array([-1.0, 0.0, 1.5])
THRESHOLDS = np.array([[-1.0, 0.0, 1.0], [-0.5, 0.5, np.nan], [0.2, np.nan, np.nan]])


def test_probability_is_the_logistic_without_scaling_constant() -> None:
    p = irt.probability(0.5, A, B)
    expected = 1 / (1 + np.exp(-A * (0.5 - B)))
    np.testing.assert_allclose(p, expected)
    assert irt.probability(1.0, [1.0], [1.0])[0] == pytest.approx(0.5)


def test_probability_broadcasts_over_theta_grids() -> None:
    grid = np.linspace(-3, 3, 7)
    p = irt.probability(grid, A, B)
    assert p.shape == (7, 3)
    assert irt.probability(np.zeros((2, 4)), A, B).shape == (2, 4, 3)
    assert (np.diff(p, axis=0) > 0).all()  # increasing in theta


def test_rasch_is_2pl_with_unit_discrimination() -> None:
    np.testing.assert_allclose(
        irt.rasch_probability([0.3], B), irt.probability([0.3], [1, 1, 1], B)
    )


def test_information_is_a_squared_p_q_and_peaks_at_difficulty() -> None:
    grid = np.linspace(-4, 4, 801)
    info = irt.information(grid, A, B)
    p = irt.probability(grid, A, B)
    np.testing.assert_allclose(info, A**2 * p * (1 - p))
    np.testing.assert_allclose(grid[info.argmax(axis=0)], B, atol=0.01)
    np.testing.assert_allclose(info.max(axis=0), A**2 / 4, rtol=1e-4)


def test_grm_with_one_threshold_equals_2pl() -> None:
    grid = np.linspace(-2, 2, 5)
    np.testing.assert_allclose(
        irt.grm_information(grid, A, B[:, None]), irt.information(grid, A, B)
    )
    prob = irt.grm_probability(grid, A, B)
    np.testing.assert_allclose(prob[..., 1], irt.probability(grid, A, B))
    responses = np.array([[1, 0, np.nan], [0, 0, 1]])
    np.testing.assert_allclose(
        irt.grm_log_likelihood(grid, A, B[:, None], responses),
        irt.log_likelihood(grid, A, B, responses),
    )


def test_grm_category_probabilities_sum_to_one_and_pad_with_zero() -> None:
    prob = irt.grm_probability(np.linspace(-3, 3, 13), A, THRESHOLDS)
    assert prob.shape == (13, 3, 4)
    np.testing.assert_allclose(prob.sum(axis=-1), 1.0)
    assert (prob >= 0).all()
    assert (prob[:, 1, 3] == 0).all() and (prob[:, 2, 2:] == 0).all()
    # Higher ability moves mass to higher categories.
    expected_score = (prob * np.arange(4)).sum(axis=-1)
    assert (np.diff(expected_score, axis=0) > 0).all()


def test_grm_information_matches_its_definition_numerically() -> None:
    theta, h = 0.37, 1e-5
    p = irt.grm_probability(theta, A, THRESHOLDS)
    dp = (
        irt.grm_probability(theta + h, A, THRESHOLDS)
        - irt.grm_probability(theta - h, A, THRESHOLDS)
    ) / (2 * h)
    numeric = np.where(p > 0, dp**2 / np.where(p > 0, p, 1), 0).sum(axis=-1)
    np.testing.assert_allclose(
        irt.grm_information(theta, A, THRESHOLDS), numeric, rtol=1e-6
    )


def test_log_likelihood_sums_log_probabilities_and_skips_missing() -> None:
    grid = np.array([-1.0, 0.0, 2.0])
    responses = np.array([1.0, np.nan, 0.0])
    p = irt.probability(grid, A, B)
    expected = np.log(p[:, 0]) + np.log(1 - p[:, 2])
    np.testing.assert_allclose(irt.log_likelihood(grid, A, B, responses), expected)
    many = irt.log_likelihood(grid, A, B, np.vstack([responses, [np.nan] * 3]))
    assert many.shape == (2, 3)
    np.testing.assert_allclose(many[1], 0.0)
    assert irt.log_likelihood(0.0, A, B, responses).shape == ()


def test_grm_log_likelihood_picks_the_scored_category() -> None:
    responses = np.array([[3, 1, 0], [0, np.nan, 1]])
    ll = irt.grm_log_likelihood([0.0, 1.0], A, THRESHOLDS, responses)
    prob = irt.grm_probability([0.0, 1.0], A, THRESHOLDS)
    expected0 = np.log(prob[:, 0, 3]) + np.log(prob[:, 1, 1]) + np.log(prob[:, 2, 0])
    np.testing.assert_allclose(ll[0], expected0)
    np.testing.assert_allclose(ll[1], np.log(prob[:, 0, 0]) + np.log(prob[:, 2, 1]))


def test_category_log_probability_stays_finite_far_out() -> None:
    out = irt.category_log_probability(np.array([-40.0, 40.0]), A, THRESHOLDS)
    real = np.arange(4) < np.array([4, 3, 2])[:, None]
    assert np.isfinite(out[:, real]).all()
    assert np.isneginf(out[:, ~real]).all()
    assert np.isfinite(irt.category_log_probability([-40.0, 40.0], A, B)).all()


def test_n_categories_counts_finite_thresholds() -> None:
    assert irt.n_categories(THRESHOLDS).tolist() == [4, 3, 2]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: irt.probability(0, [1, 2], [0]), "same length"),
        (lambda: irt.information(0, [[1]], [0]), "one-dimensional"),
        (lambda: irt.log_likelihood(0, A, B, [1, 0]), "n_items"),
        (lambda: irt.log_likelihood(0, A, B, [1, 2, 0]), "0, 1 or nan"),
        (lambda: irt.grm_probability(0, [1], [[1.0, 0.5]]), "increase"),
        (lambda: irt.grm_probability(0, [1], [[np.nan, 0.5]]), "at least one finite"),
        (lambda: irt.grm_probability(0, [1], [[0.0, np.nan, 0.5]]), "padding"),
        (lambda: irt.grm_probability(0, [1, 1], [[0.0]]), "expected 2 items"),
        (lambda: irt.grm_log_likelihood(0, A, THRESHOLDS, [4, 0, 0]), "categories"),
        (lambda: irt.grm_log_likelihood(0, A, THRESHOLDS, [0.5, 0, 0]), "categories"),
    ],
)
def test_bad_input_raises_a_clear_value_error(call: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()  # type: ignore[operator]
