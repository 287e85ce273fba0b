"""The calibration estimators TwoPL, Rasch and GradedResponse, on one EM fit."""

from __future__ import annotations

import math
from typing import ClassVar, Self

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import logit

from skillpath.core import irt
from skillpath.core.calibrate.em import (
    ResponseData,
    cross_product_information,
    expectation,
    fisher_scoring_step,
    score_and_information,
)
from skillpath.core.irt import FloatArray

__all__ = ["GradedResponse", "Rasch", "TwoPL"]

_MIN_GAP = 1e-3  # smallest distance kept between adjacent intercepts
_MIN_ITEMS_FOR_PRIOR = 5  # calibrated items needed to estimate the slope prior
_MIN_PRIOR_SD = 0.1  # the slope prior is never tighter than this, on log a


def _item_covariances(information: FloatArray, keep: NDArray[np.bool_]) -> FloatArray:
    """Return each item's covariance: its information block inverted on ``keep``.

    Parameters left out (a fixed slope, absent thresholds) get zero rows/columns.
    """
    covariances = np.zeros_like(information)
    for j, (block, m) in enumerate(zip(information, keep, strict=True)):
        covariances[j][np.ix_(m, m)] = _inverse(block[np.ix_(m, m)])
    return covariances


def _inverse(matrix: FloatArray) -> FloatArray:
    try:
        return np.asarray(np.linalg.inv(matrix))
    except np.linalg.LinAlgError:
        return np.asarray(np.linalg.pinv(matrix))


class _MarginalML:
    """Fit item parameters by marginal maximum likelihood.

    Parameters
    ----------
    max_iter : int
        Most EM iterations.
    tol : float
        Stop when no estimated slope or intercept moves more than this.
    n_quadrature : int
        Equally spaced quadrature nodes on ``[-quadrature_bound, quadrature_bound]``.
    quadrature_bound : float
        Half-width of the quadrature range.
    min_responses : int
        Items with fewer responses keep their provisional parameters.
    init_discrimination, init_difficulty : array_like, optional
        Starting values, and provisional parameters of items with too few responses.
        ``init_difficulty`` is ``(n_items,)`` for 2PL/Rasch, ``(n_items, K)`` GRM
        thresholds (``nan``-padded). ``nan`` entries mean "no provisional value".
    discrimination_bounds : tuple of float
        Estimated discriminations are kept in this range.
    standard_errors : bool
        Compute standard errors.
    slope_shrinkage : bool
        Empirical-Bayes shrinkage of free discriminations (see the module notes).
        Needs at least 5 calibrated items; the Rasch model has no free slopes.
    """

    _slope: ClassVar[str] = "free"
    _polytomous: ClassVar[bool] = False

    def __init__(
        self,
        *,
        max_iter: int = 500,
        tol: float = 1e-4,
        n_quadrature: int = 41,
        quadrature_bound: float = 5.0,
        min_responses: int = 20,
        init_discrimination: ArrayLike | None = None,
        init_difficulty: ArrayLike | None = None,
        discrimination_bounds: tuple[float, float] = (0.05, 10.0),
        standard_errors: bool = True,
        slope_shrinkage: bool = True,
    ) -> None:
        self.max_iter = max_iter
        self.tol = tol
        self.n_quadrature = n_quadrature
        self.quadrature_bound = quadrature_bound
        self.min_responses = min_responses
        self.init_discrimination = init_discrimination
        self.init_difficulty = init_difficulty
        self.discrimination_bounds = discrimination_bounds
        self.standard_errors = standard_errors
        self.slope_shrinkage = slope_shrinkage

    # ------------------------------------------------------------ input
    def _scores(self, responses: ArrayLike) -> FloatArray:
        x = np.asarray(responses, dtype=float)
        if x.ndim != 2 or x.shape[0] == 0 or x.shape[1] == 0:
            raise ValueError(
                f"responses must be a persons x items array, got {x.shape}"
            )
        seen = x[~np.isnan(x)]
        if self._polytomous:
            if (seen < 0).any() or (seen != np.round(seen)).any():
                raise ValueError("scores must be non-negative integers or nan")
        elif ((seen != 0) & (seen != 1)).any():
            raise ValueError("2PL responses must be 0, 1 or nan")
        return x

    def _provisional(
        self, n_items: int, n_thresholds: int
    ) -> tuple[FloatArray, FloatArray]:
        a = np.full(n_items, np.nan)
        b = np.full((n_items, n_thresholds), np.nan)
        if self.init_discrimination is not None:
            a0 = np.asarray(self.init_discrimination, dtype=float)
            if a0.shape != (n_items,):
                raise ValueError(f"init_discrimination must have shape ({n_items},)")
            a = a0.copy()
        if self.init_difficulty is not None:
            b0 = np.asarray(self.init_difficulty, dtype=float)
            b0 = b0[:, None] if b0.ndim == 1 else b0
            if b0.ndim != 2 or b0.shape[0] != n_items or b0.shape[1] > n_thresholds:
                raise ValueError(
                    f"init_difficulty must have {n_items} rows and at most "
                    f"{n_thresholds} thresholds"
                )
            b[:, : b0.shape[1]] = b0
        return a, b

    # -------------------------------------------------------------- fit
    def fit(self, responses: ArrayLike) -> Self:
        """Estimate item parameters from responses.

        Parameters
        ----------
        responses : array_like
            ``(n_persons, n_items)`` scores (0/1 for 2PL and Rasch, 0..K for the
            GRM), ``numpy.nan`` where not administered.

        Returns
        -------
        self

        Raises
        ------
        ValueError
            On a wrong shape or score, or mismatched initial parameters.
        """
        x = self._scores(responses)
        n_persons, n_items = x.shape
        observed = ~np.isnan(x)
        top = np.where(observed, x, -1).max(axis=0).astype(int)
        n_thresholds = max(int(top.max()), 1) if self._polytomous else 1
        if self.init_difficulty is not None and self._polytomous:
            init_b = np.asarray(self.init_difficulty, dtype=float)
            n_thresholds = max(n_thresholds, init_b.shape[1] if init_b.ndim == 2 else 1)
        indicators = [
            np.where(observed & (x == c), 1.0, 0.0) for c in range(n_thresholds + 1)
        ]
        n_responses = observed.sum(axis=0)
        a_prov, b_prov = self._provisional(n_items, n_thresholds)

        # Each item has as many thresholds as its highest score (or provisional ones).
        item_thresholds = np.maximum(top, np.isfinite(b_prov).sum(axis=1))
        item_thresholds = np.clip(item_thresholds, 1, n_thresholds)
        present = np.arange(n_thresholds)[None, :] < item_thresholds[:, None]
        varied = np.array(
            [np.unique(x[observed[:, j], j]).size >= 2 for j in range(n_items)],
            dtype=bool,
        )
        calibrated = (n_responses >= self.min_responses) & varied

        a, d = self._start(x, observed, present, a_prov, b_prov, calibrated)
        nodes = np.linspace(
            -self.quadrature_bound, self.quadrature_bound, self.n_quadrature
        )
        log_weights = -0.5 * nodes**2
        log_weights -= np.log(np.exp(log_weights).sum())
        used = np.flatnonzero(
            np.isfinite(a) & np.isfinite(np.where(present, d, 0.0)).all(axis=1)
        )
        data = ResponseData.from_indicators(indicators).take(used)

        converged = False
        n_iter = 0
        for n_iter in range(1, self.max_iter + 1):  # noqa: B007
            step = expectation(data, a[used], d[used], nodes, log_weights)
            counts = np.zeros((n_items,) + step.counts.shape[1:])
            counts[used] = step.counts
            a_new, d_new = self._maximise(counts, a, d, nodes, present, calibrated)
            moved_d = np.where(present, d_new, 0.0) - np.where(present, d, 0.0)
            change = max(
                float(np.abs(a_new - a)[calibrated].max(initial=0.0)),
                float(np.abs(moved_d)[calibrated].max(initial=0.0)),
            )
            a, d = a_new, d_new
            if change < self.tol:
                converged = True
                break
        final = expectation(data, a[used], d[used], nodes, log_weights)

        self.n_iter_ = n_iter
        self.converged_ = converged
        self.log_likelihood_ = final.log_likelihood
        self.calibrated_ = calibrated
        self.n_responses_ = n_responses
        self.n_thresholds_ = item_thresholds
        self.intercept_ = np.where(present, d, np.nan)
        self.discrimination_ = a
        with np.errstate(invalid="ignore", divide="ignore"):
            thresholds = np.where(present, -d / a[:, None], np.nan)
        self.difficulty_ = thresholds if self._polytomous else thresholds[:, 0]
        self.discrimination_se_ = np.full(n_items, np.nan)
        self.difficulty_se_ = np.full_like(self.difficulty_, np.nan)
        if self.standard_errors and calibrated.any():
            self._standard_errors(indicators, final.posterior, nodes, present)
        self.slope_prior_: tuple[float, float] | None = None
        if (
            self.slope_shrinkage
            and self._slope == "free"
            and np.count_nonzero(calibrated) >= _MIN_ITEMS_FOR_PRIOR
        ):
            counts = np.zeros((n_items,) + final.counts.shape[1:])
            counts[used] = final.counts
            self._shrink_slopes(counts, nodes, present)
        return self

    def _shrink_slopes(
        self, counts: FloatArray, nodes: FloatArray, present: NDArray[np.bool_]
    ) -> None:
        # Normal prior on log a across the bank, its spread net of estimation noise;
        # each slope moves to its posterior mean under a normal likelihood of log a.
        idx = np.flatnonzero(self.calibrated_)
        a = self.discrimination_[idx]
        d = np.where(present[idx], self.intercept_[idx], -np.inf)
        _score, information = score_and_information(counts[idx], a, d, nodes)
        keep = np.concatenate(
            [np.ones((idx.size, 1), dtype=bool), present[idx]], axis=1
        )
        noise = _item_covariances(information, keep)[:, 0, 0] / a**2
        log_a = np.log(a)
        mean = float(log_a.mean())
        spread = max(float(log_a.var()) - float(noise.mean()), _MIN_PRIOR_SD**2)
        weight = spread / (spread + noise)
        shrunk = np.exp(mean + weight * (log_a - mean))
        self.slope_prior_ = (mean, math.sqrt(spread))
        self.discrimination_[idx] = shrunk
        self.intercept_[idx] = self.intercept_[idx] * (shrunk / a)[:, None]
        # Posterior SD of log a is sqrt(weight * noise); back on the scale of a.
        self.discrimination_se_[idx] *= shrunk / a * np.sqrt(weight)

    def _start(
        self,
        x: FloatArray,
        observed: NDArray[np.bool_],
        present: NDArray[np.bool_],
        a_prov: FloatArray,
        b_prov: FloatArray,
        calibrated: NDArray[np.bool_],
    ) -> tuple[FloatArray, FloatArray]:
        a = a_prov.copy()
        d = np.where(present, -a_prov[:, None] * b_prov, -np.inf)
        n_thresholds = present.shape[1]
        counts = np.maximum(observed.sum(axis=0), 1)
        at_least = np.stack(
            [
                (observed & (x >= k + 1)).sum(axis=0) / counts
                for k in range(n_thresholds)
            ],
            axis=1,
        )
        # Start from proportions where no usable provisional value exists.
        guess_d = logit(np.clip(at_least, 0.02, 0.98))
        guess_d = np.minimum.accumulate(guess_d, axis=1) - _MIN_GAP * np.arange(
            n_thresholds
        )
        needs_start = calibrated & ~(
            np.isfinite(a) & np.isfinite(np.where(present, d, 0.0)).all(axis=1)
        )
        a = np.where(needs_start, 1.0, a)
        d = np.where(needs_start[:, None] & present, guess_d, d)
        if self._slope == "common":
            a = np.where(calibrated, 1.0, a)
        return a, d

    def _maximise(
        self,
        counts: FloatArray,
        a: FloatArray,
        d: FloatArray,
        nodes: FloatArray,
        present: NDArray[np.bool_],
        calibrated: NDArray[np.bool_],
    ) -> tuple[FloatArray, FloatArray]:
        idx = np.flatnonzero(calibrated)
        a_new, d_new = a.copy(), d.copy()
        if idx.size == 0:
            return a_new, d_new
        a_c, d_c, present_c = a[idx], d[idx], present[idx]
        score, information = score_and_information(counts[idx], a_c, d_c, nodes)
        step_a, step_d = fisher_scoring_step(
            score, information, present_c, free_slope=self._slope == "free"
        )
        if self._slope == "common":
            # One slope shared by all estimated items: a coordinate Newton step.
            step_a = np.full(
                idx.size, score[:, 0].sum() / max(information[:, 0, 0].sum(), 1e-12)
            )
        low, high = self.discrimination_bounds
        scale = np.ones(idx.size)
        for _ in range(30):
            trial_a = a_c + scale * step_a
            trial_d = d_c + scale[:, None] * step_d
            gaps = -np.diff(np.where(present_c, trial_d, -np.inf), axis=1)
            ordered = np.where(present_c[:, 1:], gaps >= _MIN_GAP, True).all(axis=1)
            inside = (trial_a >= low) & (trial_a <= high)
            bad = ~(ordered & inside)
            if self._slope == "common" and bad.any():
                bad[:] = True
            if not bad.any():
                break
            scale = np.where(bad, scale / 2, scale)
        else:
            scale = np.where(bad, 0.0, scale)
        a_new[idx] = np.clip(a_c + scale * step_a, low, high)
        d_new[idx] = d_c + scale[:, None] * step_d
        return a_new, d_new

    def _standard_errors(
        self,
        indicators: list[FloatArray],
        posterior: FloatArray,
        nodes: FloatArray,
        present: NDArray[np.bool_],
    ) -> None:
        idx = np.flatnonzero(self.calibrated_)
        a = self.discrimination_[idx]
        d = self.intercept_[idx]
        d = np.where(present[idx], d, -np.inf)
        free = self._slope == "free"
        sub = [chosen[:, idx] for chosen in indicators]
        # Item by item: the joint cross-product matrix is singular when there are
        # fewer people than parameters, and in simulation the per-item blocks gave
        # calibrated errors (z-score SD 0.9-1.05) with dense and sparse data alike.
        info = cross_product_information(sub, posterior, a, d, nodes, free)
        keep = np.concatenate([np.full((idx.size, 1), free), present[idx]], axis=1)
        cov_all = _item_covariances(info, keep)  # (items, 1 + K, 1 + K): a, d_1..d_K
        var_a = cov_all[:, 0, 0]
        var_d = np.diagonal(cov_all[:, 1:, 1:], axis1=1, axis2=2)
        cov_ad = cov_all[:, 0, 1:]
        b = np.where(present[idx], -d / a[:, None], np.nan)
        # b = -d / a: var(b) = (var(d) + b^2 var(a) + 2 b cov(a, d)) / a^2.
        var_b = (var_d + b**2 * var_a[:, None] + 2 * b * cov_ad) / a[:, None] ** 2
        se_b = np.sqrt(np.maximum(var_b, 0.0))
        self.discrimination_se_[idx] = (
            np.sqrt(np.maximum(var_a, 0.0)) if free else np.nan
        )
        if self._polytomous:
            self.difficulty_se_[idx] = se_b
        else:
            self.difficulty_se_[idx] = se_b[:, 0]

    # ------------------------------------------------------------ use
    def predict_proba(self, theta: ArrayLike) -> FloatArray:
        """Return fitted category probabilities at ``theta``.

        Returns
        -------
        numpy.ndarray
            ``theta.shape + (n_items, K + 1)``.
        """
        thresholds = self.difficulty_ if self._polytomous else self.difficulty_[:, None]
        return irt.grm_probability(theta, self.discrimination_, thresholds)


class TwoPL(_MarginalML):
    """Calibrate 2PL items by marginal maximum likelihood.

    Takes the keyword settings of the module's estimators (see the module
    docstring); learned attributes: ``discrimination_``, ``difficulty_``,
    ``discrimination_se_``, ``difficulty_se_``, ``calibrated_``, ``n_responses_``,
    ``log_likelihood_``, ``n_iter_``, ``converged_``.
    """


class Rasch(_MarginalML):
    """Calibrate Rasch items: one discrimination shared by all estimated items.

    With abilities ``N(0, 1)``, a common discrimination ``a`` is the Rasch model with
    ability SD ``a``; ``discrimination_se_`` is ``nan`` (the slope is shared).
    """

    _slope: ClassVar[str] = "common"


class GradedResponse(_MarginalML):
    """Calibrate graded-response items (ordered rubric scores 0..K) by MML.

    ``difficulty_`` holds ``(n_items, K)`` thresholds, ``nan``-padded for items with
    fewer categories; each item has as many thresholds as its highest score seen (or
    its provisional thresholds).
    """

    _polytomous: ClassVar[bool] = True
