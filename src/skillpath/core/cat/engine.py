"""The engine behind :class:`~skillpath.core.cat.MasteryTest` and ``LevelTest``.

See :mod:`skillpath.core.cat` for the method. This module holds the state object:
item selection with exposure control, EAP on a grid, the stopping rules of
:mod:`skillpath.core.cat.rules`, and persistence to plain JSON-able dicts.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any, ClassVar, Self

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import expit

from skillpath.core import irt
from skillpath.core.cat.rules import (
    bayes_stop_values,
    curtailment_signs,
    glr_statistic,
    level_from_signs,
    signs_from,
    stochastic_curtailment_risk,
)
from skillpath.core.cat.state import (
    STATE_VERSION,
    bank_fingerprint,
    decode_test,
    encode_test,
)
from skillpath.core.cat.tables import item_tables, rule_tables
from skillpath.core.irt import FloatArray

__all__ = ["STATE_VERSION", "AdaptiveTest", "SelectAt", "StopReason", "StopRule"]


class StopRule(StrEnum):
    """Rule that ends a test before its maximum length."""

    BAYES = "bayes"
    SPRT = "sprt"
    GLR = "glr"
    STANDARD_ERROR = "se"


class SelectAt(StrEnum):
    """Where item information is maximised."""

    CUT = "cut"
    ESTIMATE = "estimate"


class StopReason(StrEnum):
    """Why a test stopped."""

    BOUNDARY = "boundary"
    STANDARD_ERROR = "standard_error"
    CURTAILED = "curtailed"
    MAX_ITEMS = "max_items"
    BANK_EXHAUSTED = "bank_exhausted"


_SETTINGS = (
    "select_at",
    "stop_rule",
    "indifference",
    "alpha",
    "beta",
    "min_items",
    "max_items",
    "se_target",
    "randomesque",
    "max_exposure",
    "prior_mean",
    "prior_sd",
    "grid_bounds",
    "grid_points",
    "undetermined_llr",
    "curtail",
    "curtail_risk",
    "item_cost",
    "false_master_cost",
    "undetermined_p",
)


class AdaptiveTest:
    """Run an adaptive classification test against increasing cut points.

    Use :class:`MasteryTest` for one cut and :class:`LevelTest` for several.

    Parameters
    ----------
    discrimination : array_like
        ``(n_items,)`` positive discriminations.
    difficulty : array_like
        ``(n_items,)`` 2PL difficulties, or ``(n_items, n_thresholds)`` GRM thresholds
        (``nan``-padded) for items scored in ordered categories.
    cuts : sequence of float
        Strictly increasing cut points on the ability scale.
    rng : numpy.random.Generator, optional
        Source of all randomness; required when exposure control draws at random.
    select_at : {"estimate", "cut"}
        Maximise information at the EAP estimate or at the cut nearest to it.
    stop_rule : {"bayes", "glr", "sprt", "se"}
        Bayes decision rule (stop when one more item is expected to be worth less
        than ``item_cost``), generalized likelihood ratio, Wald's SPRT, or posterior
        SD (placement).
    indifference : float
        Half-width ``d`` of the indifference region around each cut.
    alpha, beta : float
        Nominal error rates: ``alpha`` = P(decide above | theta = cut - d),
        ``beta`` = P(decide below | theta = cut + d).
    min_items, max_items : int
        Length limits.
    se_target : float
        Posterior SD at which the ``"se"`` rule stops.
    randomesque : int
        Choose at random among this many most informative eligible items.
    exposure_parameters : array_like, optional
        Sympson-Hetter parameters ``K_j`` in [0, 1]: an item that comes up is
        eligible with probability ``K_j``.
    exposure_rates : array_like, optional
        Observed share of recent tests that gave each item; items at or above
        ``max_exposure`` are not given while others remain.
    max_exposure : float
        Cap on ``exposure_rates``.
    exclude : sequence of int
        Items never to give (e.g. seen in earlier attempts).
    prior_mean, prior_sd : float
        Normal prior for EAP.
    grid_bounds : tuple of float
        Ability grid; every cut +- ``indifference`` must lie strictly inside.
    grid_points : int
        Number of grid points.
    undetermined_llr : float
        Half-width, in log-likelihood-ratio units, of the undetermined band around
        the boundaries' midpoint for tests that end without reaching a boundary.
    curtail : bool
        Stop when the remaining items cannot change the result; False turns all
        curtailment off.
    curtail_risk : float
        With ``curtail``, also stop when the posterior-predictive probability that the
        remaining items change the result is below this (0: only certain changes).
    item_cost : float
        ``"bayes"`` rule: the price of one more item, in units of the probability of
        a right decision. Lower costs give longer, more accurate tests.
    false_master_cost : float
        ``"bayes"`` rule: the loss of deciding "above" a cut the ability is below (a
        false master), against 1 for deciding "below" a cut it reaches; each cut
        counts, so a level off by two costs twice one off by one. Above 1, the rule
        asks for more evidence before it credits a level.
    undetermined_p : float
        ``"bayes"`` rule: a test that ends without the rule stopping it is
        undetermined at a cut where ``P(theta >= cut)`` lies within this of the
        decision threshold ``false_master_cost / (1 + false_master_cost)``.
    """

    kind: ClassVar[str] = "AdaptiveTest"

    def __init__(
        self,
        discrimination: ArrayLike,
        difficulty: ArrayLike,
        cuts: Sequence[float],
        *,
        rng: np.random.Generator | None = None,
        select_at: str = SelectAt.ESTIMATE,
        stop_rule: str = StopRule.BAYES,
        indifference: float = 0.45,
        alpha: float = 0.03,
        beta: float = 0.05,
        min_items: int = 4,
        max_items: int = 40,
        se_target: float = 0.3,
        randomesque: int = 1,
        exposure_parameters: ArrayLike | None = None,
        exposure_rates: ArrayLike | None = None,
        max_exposure: float = 0.25,
        exclude: Sequence[int] = (),
        prior_mean: float = 0.0,
        prior_sd: float = 1.0,
        grid_bounds: tuple[float, float] = (-5.0, 5.0),
        grid_points: int = 101,
        undetermined_llr: float = 0.3,
        curtail: bool = True,
        curtail_risk: float = 0.0,
        item_cost: float = 0.003,
        false_master_cost: float = 1.0,
        undetermined_p: float = 0.05,
    ) -> None:
        self.discrimination = discrimination
        self.difficulty = difficulty
        self.cuts = cuts
        self.rng = rng
        self.select_at = select_at
        self.stop_rule = stop_rule
        self.indifference = indifference
        self.alpha = alpha
        self.beta = beta
        self.min_items = min_items
        self.max_items = max_items
        self.se_target = se_target
        self.randomesque = randomesque
        self.exposure_parameters = exposure_parameters
        self.exposure_rates = exposure_rates
        self.max_exposure = max_exposure
        self.exclude = exclude
        self.prior_mean = prior_mean
        self.prior_sd = prior_sd
        self.grid_bounds = grid_bounds
        self.grid_points = grid_points
        self.undetermined_llr = undetermined_llr
        self.curtail = curtail
        self.curtail_risk = curtail_risk
        self.item_cost = item_cost
        self.false_master_cost = false_master_cost
        self.undetermined_p = undetermined_p
        self._prepare()
        self._reset()

    # ------------------------------------------------------------------ setup
    def _prepare(self) -> None:
        self._items = item_tables(self.discrimination, self.difficulty)
        self._rules = rule_tables(
            self._items,
            self.cuts,
            indifference=self.indifference,
            alpha=self.alpha,
            beta=self.beta,
            prior_mean=self.prior_mean,
            prior_sd=self.prior_sd,
            grid_bounds=self.grid_bounds,
            grid_points=self.grid_points,
            undetermined_llr=self.undetermined_llr,
        )
        self._select_at = SelectAt(self.select_at)
        self._stop_rule = StopRule(self.stop_rule)
        if not 1 <= self.min_items <= self.max_items:
            raise ValueError("need 1 <= min_items <= max_items")
        if not self.se_target > 0:
            raise ValueError("se_target must be positive")
        if not 0 <= self.curtail_risk < 0.5:
            raise ValueError("curtail_risk must lie in [0, 0.5)")
        if not 0 < self.item_cost < 1:
            raise ValueError("item_cost must lie in (0, 1)")
        if not 1 <= self.false_master_cost <= 100:
            raise ValueError("false_master_cost must lie in [1, 100]")
        self._threshold = self.false_master_cost / (1.0 + self.false_master_cost)
        if not 0 <= self.undetermined_p < min(self._threshold, 1 - self._threshold):
            raise ValueError(
                "undetermined_p must be >= 0 and leave room on both sides of the "
                "decision threshold"
            )
        self._share_above = self._shares_above(self._rules.cuts)
        n_items = self._items.n_items
        self._available = np.ones(n_items, dtype=bool)
        excluded = np.asarray(list(self.exclude), dtype=np.int64)
        if excluded.size and (excluded.min() < 0 or excluded.max() >= n_items):
            raise ValueError("exclude holds an item index outside the bank")
        self._available[excluded] = False

        self._sympson_hetter = self._optional_item_array(
            self.exposure_parameters, "exposure_parameters"
        )
        rates = self._optional_item_array(
            self.exposure_rates, "exposure_rates", upper=None
        )
        if not 0 < self.max_exposure <= 1:
            raise ValueError("max_exposure must lie in (0, 1]")
        self._overexposed = None if rates is None else rates >= self.max_exposure
        if not (isinstance(self.randomesque, int) and self.randomesque >= 1):
            raise ValueError("randomesque must be an integer >= 1")
        needs_rng = self.randomesque > 1 or self._sympson_hetter is not None
        if needs_rng and not isinstance(self.rng, np.random.Generator):
            raise ValueError(
                "randomesque > 1 and exposure_parameters draw at random: pass "
                "rng=numpy.random.default_rng(...)"
            )

    def _shares_above(self, cuts: ArrayLike) -> FloatArray:
        # Share of each grid cell (one step wide, centred on its point) at or above
        # each cut: shape grid + cuts' shape.
        rules = self._rules
        edge = rules.grid.reshape(rules.grid.shape + (1,) * np.ndim(cuts))
        return np.clip((edge + rules.step / 2 - np.asarray(cuts)) / rules.step, 0, 1)

    def _optional_item_array(
        self, values: ArrayLike | None, name: str, upper: float | None = 1.0
    ) -> FloatArray | None:
        if values is None:
            return None
        array = np.asarray(values, dtype=float)
        if array.shape != (self._items.n_items,) or (array < 0).any():
            raise ValueError(f"{name} must be (n_items,) non-negative values")
        if upper is not None and (array > upper).any():
            raise ValueError(f"{name} must not exceed {upper}")
        return array

    def _reset(self) -> None:
        self._administered: list[int] = []
        self._scores: list[int] = []
        self._pending: int | None = None
        self._log_lik = np.zeros(self._rules.grid.size)
        self._llr = np.zeros(self._rules.cuts.size)
        self._log_lik_lower = np.zeros(self._rules.cuts.size)
        self._level: int | None = None
        self._stop_reason: StopReason | None = None
        self._update_estimate()
        if not self._available.any():
            self._finish(StopReason.BANK_EXHAUSTED)

    # --------------------------------------------------------------- protocol
    def next_item(self) -> int | None:
        """Return the index of the item to give next, or None once the test stopped.

        Calling it again before :meth:`record` returns the same item.
        """
        if self._stop_reason is not None:
            return None
        if self._pending is None:
            self._pending = self._select()
        return self._pending

    def _select(self) -> int:
        if self._select_at is SelectAt.CUT:
            info = self._rules.info_at_cuts[
                int(np.abs(self._rules.cuts - self._theta).argmin())
            ]
        else:
            info = self._items.information(self._theta)
        eligible = self._within_exposure_cap()
        if self._sympson_hetter is not None:
            assert self.rng is not None
            drawn = self.rng.random(self._items.n_items) < self._sympson_hetter
            lottery = eligible & drawn
            eligible = lottery if lottery.any() else eligible
        score = np.where(eligible, info, -np.inf)
        k = min(self.randomesque, int(np.count_nonzero(eligible)))
        if k <= 1:
            return int(score.argmax())
        assert self.rng is not None
        best = np.argpartition(score, -k)[-k:]
        return int(best[self.rng.integers(k)])

    def _within_exposure_cap(self) -> np.ndarray:
        # Items still available, less the over-exposed ones while others remain.
        if self._overexposed is None:
            return self._available
        capped = self._available & ~self._overexposed
        return capped if capped.any() else self._available

    def record(self, item: int, score: float) -> None:
        """Record the score of an item and update estimate and status.

        Raises
        ------
        ValueError
            If the test has stopped, the item is outside the bank, already recorded
            or excluded, or the score is not one of the item's categories.
        """
        if self._stop_reason is not None:
            raise ValueError("the test has stopped; no more responses can be recorded")
        try:
            index = operator.index(item)
        except TypeError:
            raise ValueError(f"item must be an integer index, got {item!r}") from None
        if not 0 <= index < self._items.n_items:
            raise ValueError(
                f"item {index} is outside the bank of {self._items.n_items} items"
            )
        if not self._available[index]:
            if index in self._administered:
                raise ValueError(f"item {index} was already recorded in this test")
            raise ValueError(f"item {index} is excluded from this test")
        category = float(score)
        top = int(self._items.n_categories[index]) - 1
        if not (category == round(category) and 0 <= category <= top):
            raise ValueError(
                f"score of item {index} must be an integer 0..{top}, got {score!r}"
            )
        self._apply(index, int(category))
        self._evaluate()

    def _apply(self, item: int, category: int) -> None:
        self._log_lik += self._items.log_probability(item, category, self._rules.grid)
        self._llr += self._rules.increments[:, item, category]
        self._log_lik_lower += self._rules.log_prob_lower[:, item, category]
        self._administered.append(item)
        self._scores.append(category)
        self._available[item] = False
        self._pending = None
        self._update_estimate()

    def _update_estimate(self) -> None:
        log_post = self._log_lik + self._rules.log_prior
        weights = np.exp(log_post - log_post.max())
        weights /= weights.sum()
        self._posterior = weights
        self._theta = float(weights @ self._rules.grid)
        self._se = math.sqrt(
            max(float(weights @ self._rules.grid_sq) - self._theta**2, 0.0)
        )

    # --------------------------------------------------------------- stopping
    def _evaluate(self) -> None:
        n = len(self._administered)
        remaining = min(self.max_items - n, int(np.count_nonzero(self._available)))
        if n >= self.min_items:
            if self._stop_rule is StopRule.STANDARD_ERROR:
                if self._se <= self.se_target:
                    self._finish(StopReason.STANDARD_ERROR)
                    return
            elif self._stop_rule is StopRule.BAYES:
                if remaining > 0 and self._bayes_stops(remaining):
                    self._finish(StopReason.BOUNDARY)
                    return
            else:
                if self._stop_rule is StopRule.SPRT:
                    statistic = self._llr
                else:
                    statistic = glr_statistic(
                        self._log_lik,
                        self._rules.upper_start,
                        self._rules.lower_stop,
                        self._log_lik_lower,
                        self._llr,
                    )
                signs = signs_from(
                    statistic, self._rules.upper_bound, self._rules.lower_bound
                )
                level = level_from_signs(signs)
                if level is not None:
                    self._finish(StopReason.BOUNDARY, level)
                    return
        if n >= self.max_items:
            self._finish(StopReason.MAX_ITEMS)
        elif remaining == 0:
            self._finish(StopReason.BANK_EXHAUSTED)
        elif n >= self.min_items and self._stop_rule in (StopRule.SPRT, StopRule.GLR):
            level = self._curtailed_level(remaining)
            if level is not None:
                self._finish(StopReason.CURTAILED, level)

    def _bayes_stops(self, remaining: int) -> bool:
        # The future items are taken as identical 2PL items at the cut nearest the
        # estimate, as informative there as the mean of the best ``remaining``
        # items the test could still give.
        nearest = int(np.abs(self._rules.cuts - self._theta).argmin())
        order = self._rules.order_at_cuts[nearest]
        best = order[self._within_exposure_cap()[order]][:remaining]
        info = self._rules.info_at_cuts[nearest][best]
        slope = 2.0 * math.sqrt(max(float(info.mean()), 1e-6))
        stop, go_on = bayes_stop_values(
            self._posterior,
            self._share_above,
            self.false_master_cost,
            expit(slope * (self._rules.grid - self._rules.cuts[nearest])),
            remaining,
            self.item_cost,
        )
        return stop >= go_on

    def _curtailed_level(self, remaining: int) -> int | None:
        if not self.curtail:
            return None
        signs = curtailment_signs(
            self._llr,
            self._rules.max_gain[:, remaining],
            self._rules.max_loss[:, remaining],
            self._rules.truncation_high,
            self._rules.truncation_low,
        )
        level = level_from_signs(signs)
        if level is None and self.curtail_risk > 0:
            level = self._stochastically_curtailed_level(remaining)
        return level

    def _stochastically_curtailed_level(self, remaining: int) -> int | None:
        # The remaining items are taken to be the most informative ones left at
        # each cut; their ratio increments have a mean and variance at each ability.
        midpoint = (self._rules.truncation_high + self._rules.truncation_low) / 2
        above = self._llr >= midpoint
        for i in range(self._rules.cuts.size):
            order = self._rules.order_at_cuts[i]
            items = order[self._available[order]][:remaining]
            steps = self._rules.increments[i, items]
            if self._items.polytomous:
                prob = irt.grm_probability(
                    self._rules.grid, self._items.a[items], self._items.b[items]
                )
                item_mean = np.einsum("gkc,kc->gk", prob, steps)
                item_second = np.einsum("gkc,kc->gk", prob, steps**2)
                mean = item_mean.sum(axis=1)
                variance = (item_second - item_mean**2).sum(axis=1)
            else:
                p = expit(
                    self._items.a[items, None]
                    * (self._rules.grid - self._items.b[items, None])
                )
                jump = (steps[:, 1] - steps[:, 0])[:, None]
                mean = steps[:, 0].sum() + (p * jump).sum(axis=0)
                variance = (p * (1.0 - p) * jump**2).sum(axis=0)
            risk = stochastic_curtailment_risk(
                float(self._llr[i]),
                bool(above[i]),
                mean,
                variance,
                self._posterior,
                self._rules.truncation_high,
                self._rules.truncation_low,
            )
            if risk >= self.curtail_risk:
                return None
        return level_from_signs(np.where(above, 1, -1).astype(np.int64))

    def _finish(self, reason: StopReason, level: int | None = None) -> None:
        if self._stop_rule is StopRule.BAYES:
            # Decide each cut on the posterior; close to the threshold it stays open
            # (only possible when the rule stops with few items left, or at the end).
            above = self._posterior @ self._share_above
            level = level_from_signs(
                signs_from(
                    above,
                    self._threshold + self.undetermined_p,
                    self._threshold - self.undetermined_p,
                )
            )
        elif reason not in (StopReason.BOUNDARY, StopReason.CURTAILED):
            signs = signs_from(
                self._llr, self._rules.truncation_high, self._rules.truncation_low
            )
            level = level_from_signs(signs)
        self._stop_reason = reason
        self._level = level
        self._pending = None

    # ------------------------------------------------------------- read-outs
    @property
    def stopped(self) -> bool:
        """Whether the test has ended."""
        return self._stop_reason is not None

    @property
    def stop_reason(self) -> StopReason | None:
        """Why the test ended, or None while it runs."""
        return self._stop_reason

    @property
    def theta(self) -> float:
        """EAP ability estimate."""
        return self._theta

    @property
    def se(self) -> float:
        """Posterior standard deviation of ability."""
        return self._se

    @property
    def n_items(self) -> int:
        """Number of responses recorded."""
        return len(self._administered)

    @property
    def administered(self) -> list[int]:
        """Items recorded, in order."""
        return list(self._administered)

    @property
    def scores(self) -> list[int]:
        """Scores recorded, in order."""
        return list(self._scores)

    @property
    def grid(self) -> FloatArray:
        """Ability grid of the posterior."""
        return self._rules.grid.copy()

    @property
    def posterior(self) -> FloatArray:
        """Posterior probabilities on :attr:`grid`."""
        return self._posterior.copy()

    @property
    def log_likelihood_ratio(self) -> FloatArray:
        """``log L(cut + d) - log L(cut - d)`` at each cut."""
        return self._llr.copy()

    def probability_above(self, cut: float) -> float:
        """Return the posterior probability that ability is at or above ``cut``."""
        # Each grid point stands for a cell one step wide; split the cell at the cut.
        return float(self._posterior @ self._shares_above(cut))

    # ---------------------------------------------------------- persistence
    def _cut_arguments(self) -> dict[str, Any]:
        return {"cuts": [float(c) for c in self._rules.cuts]}

    def settings(self) -> dict[str, Any]:
        """Return the JSON-able settings (hyper-parameters other than the bank)."""
        values = {name: getattr(self, name) for name in _SETTINGS}
        values["select_at"] = str(SelectAt(self.select_at))
        values["stop_rule"] = str(StopRule(self.stop_rule))
        values["grid_bounds"] = [float(v) for v in self.grid_bounds]
        return values

    def to_dict(self, *, include_bank: bool = True) -> dict[str, Any]:
        """Return the whole state as plain JSON-able data.

        Parameters
        ----------
        include_bank : bool
            Include item parameters and exposure data. Without them the dict holds
            only a fingerprint, and :meth:`from_dict` needs the bank passed back.
        """
        return encode_test(
            kind=self.kind,
            cuts=self._cut_arguments(),
            settings=self.settings(),
            discrimination=self._items.a,
            difficulty=self._items.b,
            exclude=self.exclude,
            administered=self._administered,
            scores=self._scores,
            pending=self._pending,
            rng=self.rng,
            exposure_parameters=self.exposure_parameters,
            exposure_rates=self.exposure_rates,
            include_bank=include_bank,
        )

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        *,
        discrimination: ArrayLike | None = None,
        difficulty: ArrayLike | None = None,
        exposure_parameters: ArrayLike | None = None,
        exposure_rates: ArrayLike | None = None,
    ) -> Self:
        """Rebuild a test saved by :meth:`to_dict`, ready to continue.

        Raises
        ------
        ValueError
            If the data is for another kind of test or version, or the item bank
            does not match the one the test was built on.
        """
        a, b, keywords = decode_test(
            data,
            cls.kind,
            discrimination=discrimination,
            difficulty=difficulty,
            exposure_parameters=exposure_parameters,
            exposure_rates=exposure_rates,
        )
        test = cls._build(a, b, data, **keywords)
        if bank_fingerprint(test._items.a, test._items.b) != data["bank_fingerprint"]:
            raise ValueError(
                "the item bank passed is not the one this test was built on"
            )
        for item, score in zip(data["administered"], data["scores"], strict=True):
            test.record(item, score)
        if data.get("pending") is not None and not test.stopped:
            test._pending = int(data["pending"])
        return test

    @classmethod
    def _build(
        cls,
        discrimination: Any,
        difficulty: Any,
        data: Mapping[str, Any],
        **kwargs: Any,
    ) -> Self:
        return cls(discrimination, difficulty, data["cuts"], **kwargs)
