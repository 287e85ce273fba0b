"""Numerics of marginal maximum likelihood for 2PL and graded-response items.

Parameters are in slope-intercept form: ``P(X >= k | theta) = expit(a theta + d_k)``
for ``k = 1..K`` with ``d_1 > d_2 > ...``; difficulties are ``b_k = -d_k / a``.
Arrays over items are padded to the largest number of thresholds; a padded
intercept is ``-inf`` (an unreachable category).

Expectation (Bock and Aitkin, 1981): posterior weights of every person at fixed
quadrature nodes, given the current items; from them, expected counts of each score
at each node per item. Maximisation: a few Fisher-scoring steps per item on those
counts, which is a weighted ordinal logistic regression, concave in ``(a, d)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.special import expit, logsumexp

from skillpath.core.irt import FloatArray

__all__ = [
    "Expectation",
    "ResponseData",
    "category_gradients",
    "category_probabilities",
    "cross_product_information",
    "expectation",
    "fisher_scoring_step",
    "score_and_information",
]

_TINY = 1e-300


def _bounds(a: FloatArray, d: FloatArray, nodes: FloatArray) -> FloatArray:
    """Return ``P(X >= k)`` with the constant ends: (items, nodes, K + 2)."""
    star = expit(a[:, None, None] * nodes[None, :, None] + d[:, None, :])
    ones = np.ones(star.shape[:2] + (1,))
    zeros = np.zeros(star.shape[:2] + (1,))
    return np.concatenate([ones, star, zeros], axis=2)


def category_probabilities(
    a: FloatArray, d: FloatArray, nodes: FloatArray
) -> FloatArray:
    """Return P(X = c) at each node: (items, nodes, K + 1)."""
    bounds = _bounds(a, d, nodes)
    return np.asarray(bounds[:, :, :-1] - bounds[:, :, 1:])


def category_gradients(
    a: FloatArray, d: FloatArray, nodes: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Return category probabilities and their gradients in ``(a, d_1..d_K)``.

    Returns
    -------
    prob : numpy.ndarray
        (items, nodes, K + 1).
    grad : numpy.ndarray
        (items, nodes, K + 1, K + 1): ``d P(X = c) / d (a, d_1, ..., d_K)``.
    """
    bounds = _bounds(a, d, nodes)
    prob = bounds[:, :, :-1] - bounds[:, :, 1:]
    slope = bounds * (1.0 - bounds)  # derivative of each boundary in its intercept
    n_items, n_nodes, n_cat = prob.shape
    grad = np.zeros((n_items, n_nodes, n_cat, n_cat))
    grad[..., 0] = nodes[None, :, None] * (slope[:, :, :-1] - slope[:, :, 1:])
    for c in range(n_cat):
        if c >= 1:
            grad[:, :, c, c] += slope[:, :, c]
        if c + 1 < n_cat:
            grad[:, :, c, c + 1] -= slope[:, :, c + 1]
    return prob, grad


@dataclass(frozen=True)
class Expectation:
    """Result of an E-step."""

    posterior: FloatArray  # (persons, nodes), rows sum to 1
    counts: FloatArray  # (items, nodes, K + 1) expected number of each score
    log_likelihood: float  # marginal log-likelihood of the data


@dataclass(frozen=True)
class ResponseData:
    """Score indicators prepared once for the E-steps.

    ``scored[c - 1]`` is (persons, items), 1 where the person scored ``c >= 1``;
    ``observed`` is 1 where the item was given, or None when every cell was.
    """

    scored: list[FloatArray]
    observed: FloatArray | None

    @classmethod
    def from_indicators(cls, indicators: list[FloatArray]) -> ResponseData:
        """Return the data from per-category indicators (category 0 first)."""
        observed = np.sum(indicators, axis=0)
        dense = bool((observed == 1).all())
        return cls(list(indicators[1:]), None if dense else observed)

    def take(self, items: NDArray[np.intp]) -> ResponseData:
        """Return the data restricted to some items."""
        observed = None if self.observed is None else self.observed[:, items]
        return ResponseData([c[:, items] for c in self.scored], observed)


def expectation(
    data: ResponseData,
    a: FloatArray,
    d: FloatArray,
    nodes: FloatArray,
    log_weights: FloatArray,
) -> Expectation:
    """Return posterior weights, expected counts and the marginal log-likelihood.

    Parameters
    ----------
    data : ResponseData
        Responses of the items that inform the posterior.
    a, d : numpy.ndarray
        Their slopes (items,) and intercepts (items, K).
    nodes, log_weights : numpy.ndarray
        Quadrature nodes and log prior weights.
    """
    prob = category_probabilities(a, d, nodes)
    log_prob = np.log(np.maximum(prob, _TINY))
    # sum_c 1[x = c] log P_c = log P_0 + sum_{c >= 1} 1[x = c] (log P_c - log P_0)
    if data.observed is None:
        log_joint = np.broadcast_to(
            log_weights + log_prob[:, :, 0].sum(axis=0),
            (
                data.scored[0].shape[0],
                nodes.size,
            ),
        ).copy()
    else:
        log_joint = data.observed @ log_prob[:, :, 0] + log_weights
    for c, chosen in enumerate(data.scored, start=1):
        if c < prob.shape[2]:
            log_joint += chosen @ (log_prob[:, :, c] - log_prob[:, :, 0])
    log_marginal = logsumexp(log_joint, axis=1)
    posterior = np.exp(log_joint - log_marginal[:, None])
    if data.observed is None:
        at_node = np.broadcast_to(posterior.sum(axis=0), (a.size, nodes.size))
    else:
        at_node = data.observed.T @ posterior
    higher = [chosen.T @ posterior for chosen in data.scored]
    counts = np.stack([at_node - np.sum(higher, axis=0), *higher], axis=2)
    return Expectation(posterior, counts, float(log_marginal.sum()))


def score_and_information(
    counts: FloatArray, a: FloatArray, d: FloatArray, nodes: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Return each item's gradient and expected information in ``(a, d_1..d_K)``.

    The expected complete-data log-likelihood of item ``j`` is
    ``sum_q sum_c counts[j, q, c] log P_jc(nodes[q])``; its expected information is
    ``sum_q n_jq sum_c grad_c grad_c^T / P_c``, ``n_jq`` being the count at the node.

    Returns
    -------
    score : numpy.ndarray
        (items, K + 1).
    information : numpy.ndarray
        (items, K + 1, K + 1).
    """
    prob, grad = category_gradients(a, d, nodes)
    safe = np.maximum(prob, _TINY)
    score = np.einsum("jqc,jqca->ja", counts / safe, grad)
    per_node = counts.sum(axis=2)
    information = np.einsum("jq,jqca,jqcb->jab", per_node, grad / safe[..., None], grad)
    return score, information


def fisher_scoring_step(
    score: FloatArray,
    information: FloatArray,
    present: NDArray[np.bool_],
    free_slope: bool,
) -> tuple[FloatArray, FloatArray]:
    """Return the Fisher-scoring steps for slopes (items,) and intercepts (items, K).

    Padded intercepts (``present`` False) and, unless ``free_slope``, the slopes stay
    where they are.
    """
    n_items, n_par = score.shape
    frozen = np.concatenate([np.full((n_items, 1), not free_slope), ~present], axis=1)
    score = np.where(frozen, 0.0, score)
    information = np.where(frozen[:, :, None] | frozen[:, None, :], 0.0, information)
    diagonal = np.arange(n_par)
    information[:, diagonal, diagonal] += np.where(frozen, 1.0, 1e-9)
    step = np.linalg.solve(information, score[..., None])[..., 0]
    return np.asarray(step[:, 0], dtype=float), np.where(present, step[:, 1:], 0.0)


def cross_product_information(
    indicators: list[FloatArray],
    posterior: FloatArray,
    a: FloatArray,
    d: FloatArray,
    nodes: FloatArray,
    free_slope: bool,
) -> FloatArray:
    """Return each item's empirical cross-product (XPD) information.

    Each person's score vector for an item is
    ``sum_q posterior[p, q] grad log P_{j, x_pj}(q)`` if the person answered it (0
    otherwise); the item's information is the sum of the outer products.

    Returns
    -------
    numpy.ndarray
        (items, K + 1, K + 1) in ``(a, d_1..d_K)``.
    """
    prob, grad = category_gradients(a, d, nodes)
    n_items, _, n_cat = prob.shape
    log_grad = grad / np.maximum(prob, _TINY)[..., None]  # (items, nodes, C, K+1)
    scores = np.zeros((posterior.shape[0], n_items, n_cat))
    for c, chosen in enumerate(indicators[:n_cat]):
        expected = np.einsum("pq,jqa->pja", posterior, log_grad[:, :, c, :])
        scores += chosen[:, :, None] * expected
    if not free_slope:
        scores[:, :, 0] = 0.0
    return np.asarray(np.einsum("pja,pjb->jab", scores, scores))
