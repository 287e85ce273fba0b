"""Item response models: probability, Fisher information and log-likelihood.

All models use the logistic metric without the 1.7 scaling constant, so the
two-parameter logistic model (2PL) is ``P(X = 1 | theta) = 1 / (1 + exp(-a (theta - b)))``.

Shapes follow one rule: ``theta`` may be a scalar or an array of any shape, and
item parameters are one-dimensional over items. Item-level results have shape
``theta.shape + (n_items,)``; the graded response model adds a trailing axis over
score categories. Log-likelihoods take responses of shape ``(n_items,)`` or
``(n_persons, n_items)`` with ``numpy.nan`` where an item was not administered, and
return ``theta.shape`` or ``(n_persons,) + theta.shape``.

The graded response model (GRM) takes thresholds as an ``(n_items, n_thresholds)``
array, increasing along each row; an item with fewer categories pads the end of its
row with ``numpy.nan``. An item with ``k`` thresholds has scores ``0, 1, ..., k``. A GRM
item with one threshold is a 2PL item, and a 2PL item with discrimination 1 is a
Rasch item.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import expit, log_expit

FloatArray = NDArray[np.float64]

__all__ = [
    "FloatArray",
    "as_thresholds",
    "category_log_probability",
    "grm_cumulative_probability",
    "grm_information",
    "grm_log_likelihood",
    "grm_probability",
    "information",
    "log_likelihood",
    "n_categories",
    "probability",
    "rasch_probability",
]


def _theta_column(theta: ArrayLike) -> FloatArray:
    return np.asarray(theta, dtype=float)[..., np.newaxis]


def _items(
    discrimination: ArrayLike, difficulty: ArrayLike
) -> tuple[FloatArray, FloatArray]:
    a = np.asarray(discrimination, dtype=float)
    b = np.asarray(difficulty, dtype=float)
    if a.ndim != 1 or b.ndim != 1 or a.shape != b.shape:
        raise ValueError(
            "discrimination and difficulty must be one-dimensional arrays of the same "
            f"length, got shapes {a.shape} and {b.shape}"
        )
    return a, b


def as_thresholds(thresholds: ArrayLike, n_items: int | None = None) -> FloatArray:
    """Return GRM thresholds as a validated 2-D array, padding as ``+inf``.

    Parameters
    ----------
    thresholds : array_like
        ``(n_items, n_thresholds)`` increasing thresholds per item, ``nan`` padding at
        the end of rows for items with fewer categories. A 1-D array is read as one
        threshold per item (2PL).
    n_items : int, optional
        Expected number of items.

    Returns
    -------
    numpy.ndarray
        Thresholds with padding replaced by ``+inf`` (an unreachable category).

    Raises
    ------
    ValueError
        If the shape is wrong, a row is not increasing, padding is not at the end, or
        an item has no threshold.
    """
    b = np.asarray(thresholds, dtype=float)
    if b.ndim == 1:
        b = b[:, np.newaxis]
    if b.ndim != 2 or b.shape[1] == 0:
        raise ValueError(f"thresholds must be (n_items, n_thresholds), got {b.shape}")
    if n_items is not None and b.shape[0] != n_items:
        raise ValueError(f"thresholds have {b.shape[0]} rows, expected {n_items} items")
    padded = np.isnan(b) | np.isposinf(b)
    if padded[:, 0].any():
        raise ValueError("every item needs at least one finite threshold")
    if (padded[:, :-1] & ~padded[:, 1:]).any():
        raise ValueError("threshold padding (nan) must come after the finite values")
    b = np.where(padded, np.inf, b)
    if not np.isfinite(b[~padded]).all():
        raise ValueError("thresholds must be finite (use nan only as padding)")
    with np.errstate(invalid="ignore"):
        steps = np.diff(b, axis=1)
    if (steps[~padded[:, 1:]] <= 0).any():
        raise ValueError("thresholds must increase along each item's row")
    return b


def n_categories(thresholds: ArrayLike) -> NDArray[np.int64]:
    """Return the number of score categories of each GRM item."""
    b = as_thresholds(thresholds)
    return np.asarray(np.isfinite(b).sum(axis=1) + 1, dtype=np.int64)


def probability(
    theta: ArrayLike, discrimination: ArrayLike, difficulty: ArrayLike
) -> FloatArray:
    """Return the 2PL probability of a correct response.

    Parameters
    ----------
    theta : array_like
        Abilities, any shape.
    discrimination, difficulty : array_like
        Item parameters, shape ``(n_items,)``.

    Returns
    -------
    numpy.ndarray
        ``theta.shape + (n_items,)``.
    """
    a, b = _items(discrimination, difficulty)
    return np.asarray(expit(a * (_theta_column(theta) - b)))


def rasch_probability(theta: ArrayLike, difficulty: ArrayLike) -> FloatArray:
    """Return the Rasch probability of a correct response (2PL with ``a = 1``)."""
    b = np.asarray(difficulty, dtype=float)
    return probability(theta, np.ones_like(b), b)


def information(
    theta: ArrayLike, discrimination: ArrayLike, difficulty: ArrayLike
) -> FloatArray:
    """Return the 2PL Fisher information ``a^2 P (1 - P)`` of each item.

    Returns
    -------
    numpy.ndarray
        ``theta.shape + (n_items,)``.
    """
    a, b = _items(discrimination, difficulty)
    p = expit(a * (_theta_column(theta) - b))
    return np.asarray(a * a * p * (1.0 - p))


def _split_responses(
    responses: ArrayLike, n_items: int
) -> tuple[FloatArray, FloatArray, bool]:
    x = np.asarray(responses, dtype=float)
    single = x.ndim == 1
    x2 = np.atleast_2d(x)
    if x2.ndim != 2 or x2.shape[1] != n_items:
        raise ValueError(
            f"responses must be (n_items,) or (n_persons, n_items) with {n_items} items, "
            f"got shape {x.shape}"
        )
    observed = ~np.isnan(x2)
    return np.where(observed, x2, 0.0), observed.astype(float), single


def _finish(ll: FloatArray, theta_shape: tuple[int, ...], single: bool) -> FloatArray:
    out = ll.reshape((ll.shape[0],) + theta_shape)
    return out[0] if single else out


def log_likelihood(
    theta: ArrayLike,
    discrimination: ArrayLike,
    difficulty: ArrayLike,
    responses: ArrayLike,
) -> FloatArray:
    """Return the 2PL log-likelihood of response vectors at each ``theta``.

    Parameters
    ----------
    theta : array_like
        Abilities at which to evaluate, any shape.
    discrimination, difficulty : array_like
        Item parameters, shape ``(n_items,)``.
    responses : array_like
        0/1 scores, ``(n_items,)`` or ``(n_persons, n_items)``; ``nan`` where the item
        was not administered.

    Returns
    -------
    numpy.ndarray
        ``theta.shape`` for one response vector, else ``(n_persons,) + theta.shape``.
    """
    a, b = _items(discrimination, difficulty)
    correct, observed, single = _split_responses(responses, a.size)
    if ((correct != 0) & (correct != 1)).any():
        raise ValueError("2PL responses must be 0, 1 or nan")
    t = np.asarray(theta, dtype=float)
    z = a * (t.reshape(-1, 1) - b)
    ll = correct @ log_expit(z).T + (observed - correct) @ log_expit(-z).T
    return _finish(ll, t.shape, single)


def grm_cumulative_probability(
    theta: ArrayLike, discrimination: ArrayLike, thresholds: ArrayLike
) -> FloatArray:
    """Return GRM boundary probabilities ``P(X >= k)`` for ``k = 1..n_thresholds``.

    Returns
    -------
    numpy.ndarray
        ``theta.shape + (n_items, n_thresholds)``; padded thresholds give 0.
    """
    a = np.asarray(discrimination, dtype=float)
    b = as_thresholds(thresholds, a.size)
    t = np.asarray(theta, dtype=float)[..., np.newaxis, np.newaxis]
    return np.asarray(expit(a[:, np.newaxis] * (t - b)))


def grm_probability(
    theta: ArrayLike, discrimination: ArrayLike, thresholds: ArrayLike
) -> FloatArray:
    """Return GRM category probabilities ``P(X = k)`` for ``k = 0..n_thresholds``.

    Returns
    -------
    numpy.ndarray
        ``theta.shape + (n_items, n_thresholds + 1)``; categories beyond an item's
        last one have probability 0.
    """
    star = grm_cumulative_probability(theta, discrimination, thresholds)
    ones = np.ones(star.shape[:-1] + (1,))
    zeros = np.zeros(star.shape[:-1] + (1,))
    bounds = np.concatenate([ones, star, zeros], axis=-1)
    return np.asarray(bounds[..., :-1] - bounds[..., 1:])


def grm_information(
    theta: ArrayLike, discrimination: ArrayLike, thresholds: ArrayLike
) -> FloatArray:
    """Return the GRM Fisher information ``sum_k P_k'(theta)^2 / P_k(theta)``.

    Returns
    -------
    numpy.ndarray
        ``theta.shape + (n_items,)``. With one threshold this equals
        :func:`information`.
    """
    a = np.asarray(discrimination, dtype=float)
    star = grm_cumulative_probability(theta, a, thresholds)
    ones = np.ones(star.shape[:-1] + (1,))
    zeros = np.zeros(star.shape[:-1] + (1,))
    bounds = np.concatenate([ones, star, zeros], axis=-1)
    slope = bounds * (1.0 - bounds)
    prob = bounds[..., :-1] - bounds[..., 1:]
    derivative = a[:, np.newaxis] * (slope[..., :-1] - slope[..., 1:])
    terms = np.divide(
        derivative**2, prob, out=np.zeros_like(prob), where=prob > np.finfo(float).tiny
    )
    return np.asarray(terms.sum(axis=-1))


def category_log_probability(
    theta: ArrayLike, discrimination: ArrayLike, difficulty: ArrayLike
) -> FloatArray:
    """Return log P(X = k) for every score category, for 2PL or GRM items.

    Parameters
    ----------
    theta : array_like
        Abilities, any shape.
    discrimination : array_like
        ``(n_items,)``.
    difficulty : array_like
        ``(n_items,)`` for 2PL items (two categories, 0 and 1), or GRM thresholds
        ``(n_items, n_thresholds)``.

    Returns
    -------
    numpy.ndarray
        ``theta.shape + (n_items, n_categories)``; ``-inf`` for categories an item
        does not have.
    """
    d = np.asarray(difficulty, dtype=float)
    if d.ndim == 1:
        a, b = _items(discrimination, d)
        z = a * (_theta_column(theta) - b)
        return np.stack([log_expit(-z), log_expit(z)], axis=-1)
    b = as_thresholds(d, np.asarray(discrimination).size)
    prob = grm_probability(theta, discrimination, b)
    exists = np.arange(b.shape[1] + 1) <= np.isfinite(b).sum(axis=1)[:, np.newaxis]
    # Floor real categories so far tails stay finite; absent categories are -inf.
    floored = np.log(np.maximum(prob, np.finfo(float).tiny))
    return np.asarray(np.where(exists, floored, -np.inf))


def grm_log_likelihood(
    theta: ArrayLike,
    discrimination: ArrayLike,
    thresholds: ArrayLike,
    responses: ArrayLike,
) -> FloatArray:
    """Return the GRM log-likelihood of scored responses at each ``theta``.

    Parameters
    ----------
    theta : array_like
        Abilities at which to evaluate, any shape.
    discrimination : array_like
        ``(n_items,)``.
    thresholds : array_like
        ``(n_items, n_thresholds)``, ``nan``-padded.
    responses : array_like
        Integer scores ``0..n_categories - 1``, ``(n_items,)`` or
        ``(n_persons, n_items)``; ``nan`` where not administered.

    Returns
    -------
    numpy.ndarray
        ``theta.shape`` for one response vector, else ``(n_persons,) + theta.shape``.
    """
    a = np.asarray(discrimination, dtype=float)
    b = as_thresholds(thresholds, a.size)
    scores, observed, single = _split_responses(responses, a.size)
    limit = np.isfinite(b).sum(axis=1)
    if (
        (scores != np.round(scores)).any()
        or (scores < 0).any()
        or (scores > limit).any()
    ):
        raise ValueError(
            "GRM responses must be integer categories 0..n_thresholds or nan"
        )
    t = np.asarray(theta, dtype=float).reshape(-1)
    log_prob = category_log_probability(t, a, b)  # (T, J, C)
    ll = np.zeros((scores.shape[0], t.size))
    for k in range(log_prob.shape[-1]):
        chosen = observed * (scores == k)
        if chosen.any():
            table = np.where(np.isfinite(log_prob[..., k]), log_prob[..., k], 0.0)
            ll += chosen @ table.T
    return _finish(ll, np.asarray(theta).shape, single)
