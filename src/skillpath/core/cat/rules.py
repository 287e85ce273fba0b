"""Stopping rules of adaptive classification tests, as functions of plain arrays.

Conventions: for each cut ``c`` with indifference half-width ``d``, ``llr`` is the
SPRT statistic ``log L(c + d) - log L(c - d)``; it falls as the cut rises, so signs
``+1`` (above), ``0`` (open), ``-1`` (below) never increase along the cuts.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray
from scipy.special import ndtr

from skillpath.core.irt import FloatArray

__all__ = [
    "bayes_stop_values",
    "curtailment_signs",
    "glr_statistic",
    "level_from_signs",
    "signs_from",
    "sprt_bounds",
    "stochastic_curtailment_risk",
]


def sprt_bounds(alpha: float, beta: float) -> tuple[float, float]:
    """Return Wald's upper and lower log-likelihood-ratio boundaries.

    ``alpha`` is P(decide above | theta = c - d), ``beta`` P(decide below |
    theta = c + d).
    """
    return math.log((1 - beta) / alpha), math.log(beta / (1 - alpha))


def signs_from(statistic: FloatArray, upper: float, lower: float) -> NDArray[np.int64]:
    """Return +1 where the statistic reaches ``upper``, -1 where it reaches ``lower``."""
    return (statistic >= upper).astype(np.int64) - (statistic <= lower).astype(np.int64)


def level_from_signs(signs: NDArray[np.int64]) -> int | None:
    """Return the level the per-cut decisions imply, or None if it is still open.

    Level ``k`` needs "above" at cut ``k - 1`` (or ``k == 0``) and "below" at cut
    ``k`` (or ``k == len(signs)``), as in Eggen's multiple-cut SPRT.
    """
    above = int(np.count_nonzero(signs > 0))
    if above < signs.size and signs[above] >= 0:
        return None
    if above and signs[above - 1] <= 0:
        return None
    return above


def glr_statistic(
    log_lik: FloatArray,
    upper_start: NDArray[np.intp],
    lower_stop: NDArray[np.intp],
    log_lik_lower: FloatArray,
    llr: FloatArray,
) -> FloatArray:
    """Return the generalized likelihood ratio at each cut.

    ``max log L over theta >= c + d`` minus ``max log L over theta <= c - d``, with
    the maxima taken over grid points ``log_lik[upper_start:]`` and
    ``log_lik[:lower_stop]`` and over ``c +- d`` themselves, whose log-likelihoods are
    ``log_lik_lower + llr`` and ``log_lik_lower``.
    """
    best_upper = log_lik_lower + llr
    best_lower = log_lik_lower.copy()
    for i in range(llr.size):
        top = log_lik[upper_start[i] :]
        bottom = log_lik[: lower_stop[i]]
        if top.size:
            best_upper[i] = max(best_upper[i], top.max())
        if bottom.size:
            best_lower[i] = max(best_lower[i], bottom.max())
    return best_upper - best_lower


def curtailment_signs(
    llr: FloatArray,
    max_gain: FloatArray,
    max_loss: FloatArray,
    truncation_high: float,
    truncation_low: float,
) -> NDArray[np.int64]:
    """Return the decisions that no remaining responses can change.

    ``max_gain`` and ``max_loss`` bound the change of ``llr`` over the remaining
    items. A decision is certain when the ratio stays beyond the truncation band on
    one side whatever happens; it must also stay clear of zero, because the GLR has
    the sign of the SPRT ratio and could otherwise reach the other boundary.
    """
    lowest = llr + max_loss
    highest = llr + max_gain
    return signs_from(lowest, max(truncation_high, 1e-12), -np.inf) - (
        highest <= min(truncation_low, -1e-12)
    ).astype(np.int64)


def stochastic_curtailment_risk(
    llr: float,
    above: bool,
    mean: FloatArray,
    variance: FloatArray,
    posterior: FloatArray,
    truncation_high: float,
    truncation_low: float,
) -> float:
    """Return the posterior-predictive chance that the remaining items change a decision.

    Parameters
    ----------
    llr : float
        Current SPRT ratio at the cut.
    above : bool
        Current tentative decision (ratio above the boundaries' midpoint).
    mean, variance : numpy.ndarray
        Mean and variance of the ratio's change over the remaining items, at each
        grid ability (normal approximation of a sum of independent items).
    posterior : numpy.ndarray
        Posterior weights on the grid.
    truncation_high, truncation_low : float
        Edges of the undetermined band.
    """
    final = llr + mean
    spread = np.sqrt(np.maximum(variance, 1e-12))
    if above:
        miss = ndtr((truncation_high - final) / spread)
    else:
        miss = ndtr((final - truncation_low) / spread)
    return float(posterior @ miss)


def bayes_stop_values(
    posterior: FloatArray,
    share_above: FloatArray,
    false_master_cost: float,
    p_right: FloatArray,
    horizon: int,
    item_cost: float,
) -> tuple[float, float]:
    """Return the values of stopping now and of going on, for a Bayes stopping rule.

    Each cut is decided on its own: deciding "above" when ability is below costs
    ``false_master_cost``, deciding "below" when it is above costs 1, and every item
    given costs ``item_cost``. The level is the number of cuts decided "above" (the
    posterior median level when both errors cost the same), so a level off by two
    costs twice as much as one off by one. Stopping now is worth minus the least
    expected loss of deciding now; going on is worth the best expected value over up
    to ``horizon`` more items, found by backward induction with the future items
    taken as identical dichotomous items (the surrogate): after ``j`` right and
    ``m`` wrong answers, one response sequence has joint weight
    ``posterior * p**j * (1 - p)**m`` at each grid ability, so the induction over
    ``(j, m)`` is exact for the surrogate.

    Parameters
    ----------
    posterior : numpy.ndarray
        ``(G,)`` current posterior weights on the grid, summing to 1.
    share_above : numpy.ndarray
        ``(G, C)`` share of each grid cell at or above each cut.
    false_master_cost : float
        Loss of deciding above a cut when ability is below it (1 the other way).
    p_right : numpy.ndarray
        ``(G,)`` probability of a right answer to the surrogate item.
    horizon : int
        Items that may still be given.
    item_cost : float
        Cost of one more item, in the units of a wrong decision at one cut.

    Returns
    -------
    tuple of float
        ``(stop, go_on)``; stop when ``stop >= go_on``.
    """

    def decided(above: FloatArray, total: FloatArray) -> FloatArray:
        # Minus the least expected loss, cut by cut, from joint masses.
        below = total[..., None] - above
        return -np.minimum(false_master_cost * below, above).sum(axis=-1)

    if horizon < 1:
        return float(decided(posterior @ share_above, np.asarray(1.0))), -math.inf
    powers = np.arange(horizon + 1)[:, None]
    with np.errstate(under="ignore"):
        right = p_right**powers  # (j, G)
        wrong = (1.0 - p_right) ** powers  # (m, G)
    weighted = right[None, :, :] * (posterior * share_above.T)[:, None, :]
    above = np.moveaxis(weighted @ wrong.T, 0, -1)  # (j, m, C): joint mass above
    total = (right * posterior) @ wrong.T  # (j, m): joint probability
    best = decided(above, total)
    j = np.arange(horizon + 1)
    value = best[j, horizon - j]
    go_on = value
    for k in range(horizon - 1, -1, -1):
        j = np.arange(k + 1)
        go_on = value[1:] + value[:-1] - item_cost * total[j, k - j]
        value = np.maximum(best[j, k - j], go_on)
    return float(best[0, 0]), float(go_on[0])
