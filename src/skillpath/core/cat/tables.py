"""Lookup tables an adaptive test precomputes from its item bank and settings.

Building the tables validates the bank and the statistical settings; the test
(:mod:`skillpath.core.cat.engine`) then only adds table entries as responses come in.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import expit, log_expit

from skillpath.core import irt
from skillpath.core.cat.rules import sprt_bounds
from skillpath.core.irt import FloatArray

__all__ = ["ItemTables", "RuleTables", "item_tables", "rule_tables"]


@dataclass(frozen=True)
class ItemTables:
    """Validated parameters of an item bank, 2PL or graded response."""

    a: FloatArray
    a2: FloatArray
    b: FloatArray  # (n,) difficulties, or (n, K) thresholds padded with +inf
    polytomous: bool
    n_categories: NDArray[np.int64]

    @property
    def n_items(self) -> int:
        """Number of items."""
        return int(self.a.size)

    def information(self, theta: ArrayLike) -> FloatArray:
        """Return every item's Fisher information at ``theta``: shape + (n_items,)."""
        if self.polytomous:
            return irt.grm_information(theta, self.a, self.b)
        p = expit(self.a * (np.asarray(theta, dtype=float)[..., None] - self.b))
        return np.asarray(self.a2 * p * (1.0 - p))

    def log_probability(
        self, item: int, category: int, theta: FloatArray
    ) -> FloatArray:
        """Return log P(X = category) of one item at each ``theta``."""
        if self.polytomous:
            log_prob = irt.category_log_probability(
                theta, self.a[item : item + 1], self.b[item : item + 1]
            )
            return np.asarray(log_prob[:, 0, category])
        z = self.a[item] * (theta - self.b[item])
        return np.asarray(log_expit(z if category else -z))


def item_tables(discrimination: ArrayLike, difficulty: ArrayLike) -> ItemTables:
    """Return validated item tables.

    Raises
    ------
    ValueError
        If discriminations are not finite and positive, or difficulties do not match
        them in shape or are not finite (GRM thresholds: see :func:`irt.as_thresholds`).
    """
    a = np.asarray(discrimination, dtype=float)
    if a.ndim != 1 or a.size == 0:
        raise ValueError("discrimination must be a non-empty 1-D array")
    if not (np.isfinite(a).all() and (a > 0).all()):
        raise ValueError("discrimination must be finite and positive")
    raw = np.asarray(difficulty, dtype=float)
    if raw.ndim not in (1, 2) or raw.shape[0] != a.size:
        raise ValueError(
            f"difficulty must be (n_items,) or (n_items, n_thresholds) for "
            f"{a.size} items, got shape {raw.shape}"
        )
    if raw.ndim == 2:
        b = irt.as_thresholds(raw, a.size)
        n_categories = np.isfinite(b).sum(axis=1) + 1
    else:
        if not np.isfinite(raw).all():
            raise ValueError("difficulty must be finite")
        b = raw
        n_categories = np.full(a.size, 2)
    return ItemTables(a, a * a, b, raw.ndim == 2, n_categories.astype(np.int64))


@dataclass(frozen=True)
class RuleTables:
    """Grid, prior and likelihood-ratio tables of a test's cut points."""

    cuts: FloatArray
    grid: FloatArray
    grid_sq: FloatArray
    step: float
    log_prior: FloatArray
    # GLR maximises the likelihood over grid[upper_start:] and grid[:lower_stop]
    # (beyond cut +- d), and at cut +- d themselves.
    upper_start: NDArray[np.intp]
    lower_stop: NDArray[np.intp]
    upper_bound: float
    lower_bound: float
    truncation_high: float
    truncation_low: float
    # increments[i, j, x]: change of log L(cut_i + d) - log L(cut_i - d) when item j
    # is scored x, so the SPRT ratio is a running sum; log_prob_lower likewise for
    # log L(cut_i - d). Absent categories hold 0.
    increments: FloatArray
    log_prob_lower: FloatArray
    # max_gain[i, k] / max_loss[i, k]: the most the ratio can rise / fall in k items.
    max_gain: FloatArray
    max_loss: FloatArray
    info_at_cuts: FloatArray
    order_at_cuts: NDArray[np.intp]


def rule_tables(
    items: ItemTables,
    cuts: Sequence[float],
    *,
    indifference: float,
    alpha: float,
    beta: float,
    prior_mean: float,
    prior_sd: float,
    grid_bounds: tuple[float, float],
    grid_points: int,
    undetermined_llr: float,
) -> RuleTables:
    """Return the tables of a test's cuts and statistical settings.

    Raises
    ------
    ValueError
        If the cuts are not finite and strictly increasing, a setting is out of
        range, or a cut +- ``indifference`` falls outside the ability grid.
    """
    c = np.asarray(cuts, dtype=float)
    if c.ndim != 1 or c.size == 0 or not np.isfinite(c).all():
        raise ValueError("cuts must be a non-empty sequence of finite numbers")
    if (np.diff(c) <= 0).any():
        raise ValueError("cuts must be strictly increasing")
    if not indifference > 0:
        raise ValueError("indifference must be positive")
    if not (0 < alpha < 0.5 and 0 < beta < 0.5):
        raise ValueError("alpha and beta must lie in (0, 0.5)")
    if not (prior_sd > 0 and math.isfinite(prior_mean)):
        raise ValueError("prior_sd must be positive and prior_mean finite")
    if undetermined_llr < 0:
        raise ValueError("undetermined_llr must be >= 0")
    low, high = (float(v) for v in grid_bounds)
    if not (low < high and grid_points >= 11):
        raise ValueError("grid_bounds must increase and grid_points be >= 11")
    lower, upper = c - indifference, c + indifference
    if lower[0] <= low or upper[-1] >= high:
        raise ValueError(
            f"cuts +- indifference ({lower[0]:g} .. {upper[-1]:g}) must lie inside "
            f"the ability grid ({low:g} .. {high:g})"
        )
    grid = np.linspace(low, high, grid_points)
    upper_bound, lower_bound = sprt_bounds(alpha, beta)
    # A truncated SPRT decides for the nearer boundary; near the midpoint it leaves
    # the result open.
    midpoint = (upper_bound + lower_bound) / 2
    band = max(float(undetermined_llr), 1e-12)

    log_prob_lower = irt.category_log_probability(lower, items.a, items.b)
    log_prob_upper = irt.category_log_probability(upper, items.a, items.b)
    exists = np.arange(log_prob_lower.shape[-1]) < items.n_categories[:, None]
    log_prob_lower = np.where(exists, log_prob_lower, 0.0)
    increments = np.where(exists, log_prob_upper, 0.0) - log_prob_lower
    gains = np.where(exists, increments, -np.inf).max(axis=-1)
    losses = np.where(exists, increments, np.inf).min(axis=-1)
    zero = np.zeros((c.size, 1))
    info_at_cuts = items.information(c)
    return RuleTables(
        cuts=c,
        grid=grid,
        grid_sq=grid**2,
        step=float(grid[1] - grid[0]),
        log_prior=-0.5 * ((grid - prior_mean) / prior_sd) ** 2,
        upper_start=np.searchsorted(grid, upper, side="right"),
        lower_stop=np.searchsorted(grid, lower, side="left"),
        upper_bound=upper_bound,
        lower_bound=lower_bound,
        truncation_high=midpoint + band,
        truncation_low=midpoint - band,
        increments=increments,
        log_prob_lower=log_prob_lower,
        max_gain=np.hstack([zero, np.cumsum(-np.sort(-gains, axis=1), axis=1)]),
        max_loss=np.hstack([zero, np.cumsum(np.sort(losses, axis=1), axis=1)]),
        info_at_cuts=info_at_cuts,
        order_at_cuts=np.argsort(-info_at_cuts, axis=1),
    )
