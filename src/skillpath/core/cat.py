"""Adaptive classification tests: mastery against one cut, levels against several.

A test is a small state object. A request loads it (:meth:`~AdaptiveTest.from_dict`),
asks for the next item, records one response, and saves it again
(:meth:`~AdaptiveTest.to_dict`).

* Ability is estimated by EAP on a fixed grid; the posterior also gives
  ``P(theta >= cut)``.
* The next item has maximum Fisher information at the estimate or at the cut nearest
  the estimate, among items neither administered nor excluded (items from earlier
  attempts). Exposure is limited by randomesque choice among the best few items
  and/or Sympson-Hetter exposure parameters (see :mod:`skillpath.core.exposure`).
* The test stops when a sequential likelihood-ratio rule reaches a decision at the cut
  (Wald's SPRT at ``cut +- indifference``, or the generalized likelihood ratio over
  ``theta >= cut + indifference`` against ``theta <= cut - indifference``), when the
  posterior SD reaches a target (placement), at the maximum length, or earlier when
  the remaining items can no longer change the decision (curtailment).
* A test that ends without reaching a boundary is decided, as a truncated SPRT, by
  the side of the boundaries' midpoint on which the log-likelihood ratio
  ``log L(cut + d) / L(cut - d)`` lies; within ``undetermined_llr`` of the midpoint
  the result is undetermined.
"""

from __future__ import annotations

import hashlib
import math
import operator
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any, ClassVar, Self

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import expit

from skillpath.core import irt
from skillpath.core.irt import FloatArray

__all__ = [
    "AdaptiveTest",
    "Decision",
    "LevelTest",
    "MasteryTest",
    "SelectAt",
    "StopReason",
    "StopRule",
    "proficiency_level",
    "retake_prior",
]

STATE_VERSION = 1


class Decision(StrEnum):
    """Outcome of a mastery test."""

    MASTERED = "mastered"
    NOT_MASTERED = "not_mastered"
    UNDETERMINED = "undetermined"


class StopRule(StrEnum):
    """Rule that ends a test before its maximum length."""

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


def proficiency_level(theta: ArrayLike, cuts: Sequence[float]) -> NDArray[np.int64]:
    """Return the level index of each ability: the number of cuts at or below it.

    Parameters
    ----------
    theta : array_like
        Abilities, any shape.
    cuts : sequence of float
        Increasing cut points; level ``k`` means ``cuts[k-1] <= theta < cuts[k]``.

    Returns
    -------
    numpy.ndarray
        Integer levels ``0..len(cuts)``, shape of ``theta``.
    """
    c = np.asarray(cuts, dtype=float)
    if c.ndim != 1 or c.size == 0 or (np.diff(c) <= 0).any():
        raise ValueError("cuts must be a non-empty, strictly increasing sequence")
    return np.searchsorted(c, np.asarray(theta, dtype=float), side="right")


def retake_prior(
    theta: float, se: float, *, learning_sd: float = 0.5
) -> tuple[float, float]:
    """Return the prior (mean, SD) for a retake from the previous EAP and its SE.

    The mean stays at the previous estimate; the SD is widened by ``learning_sd`` in
    quadrature, to allow for what the person learned since.
    """
    if se < 0 or learning_sd < 0 or not math.isfinite(theta):
        raise ValueError("theta must be finite, se and learning_sd non-negative")
    return float(theta), float(math.hypot(se, learning_sd))


def _encode_rng_state(value: Any) -> Any:
    # 128-bit generator states do not survive JSON numbers everywhere: use strings.
    if isinstance(value, Mapping):
        return {str(k): _encode_rng_state(v) for k, v in value.items()}
    if isinstance(value, np.ndarray):
        return {
            "__array__": [str(int(v)) for v in value.ravel()],
            "dtype": str(value.dtype),
        }
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    return value


def _decode_rng_state(value: Any) -> Any:
    if isinstance(value, Mapping):
        if "__array__" in value:
            return np.array([int(v) for v in value["__array__"]], dtype=value["dtype"])
        return {k: _decode_rng_state(v) for k, v in value.items()}
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return value


def _rng_to_dict(rng: np.random.Generator | None) -> dict[str, Any] | None:
    return None if rng is None else _encode_rng_state(rng.bit_generator.state)


def _rng_from_dict(data: Mapping[str, Any] | None) -> np.random.Generator | None:
    if data is None:
        return None
    state = _decode_rng_state(data)
    bit_generator = getattr(np.random, state["bit_generator"])()
    bit_generator.state = state
    return np.random.Generator(bit_generator)


def _json_floats(values: FloatArray) -> Any:
    # JSON has no inf/nan: padding and missing values become null.
    cleaned = np.where(np.isfinite(values), values, np.nan).astype(object)
    cleaned[np.isnan(values) | ~np.isfinite(values)] = None
    return cleaned.tolist()


def _bank_fingerprint(a: FloatArray, b: FloatArray) -> str:
    digest = hashlib.sha256()
    for array in (a, np.where(np.isfinite(b), b, np.nan)):
        digest.update(str(array.shape).encode())
        digest.update(np.ascontiguousarray(array, dtype="<f8").tobytes())
    return digest.hexdigest()[:32]


class AdaptiveTest:
    """Run an adaptive classification test against increasing cut points.

    Use :class:`MasteryTest` for one cut and :class:`LevelTest` for several; both share
    this engine and its settings.

    Parameters
    ----------
    discrimination : array_like
        ``(n_items,)`` positive item discriminations.
    difficulty : array_like
        ``(n_items,)`` 2PL difficulties, or ``(n_items, n_thresholds)`` GRM thresholds
        (``nan``-padded) for items scored in ordered categories.
    cuts : sequence of float
        Increasing cut points on the ability scale.
    rng : numpy.random.Generator, optional
        Source of all randomness; required when exposure control draws at random.
    select_at : {"estimate", "cut"}
        Maximise information at the EAP estimate or at the cut nearest to it.
    stop_rule : {"glr", "sprt", "se"}
        Generalized likelihood ratio, Wald's SPRT, or posterior SD (placement).
    indifference : float
        Half-width ``d`` of the indifference region ``cut +- d``.
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
    exclude : sequence of int
        Items never to give (e.g. seen in earlier attempts).
    prior_mean, prior_sd : float
        Normal prior for EAP.
    grid_bounds : tuple of float
        Ability grid limits; cut points +- ``indifference`` must lie inside.
    grid_points : int
        Number of grid points.
    undetermined_llr : float
        A test that ends without reaching a boundary is undetermined at a cut when
        ``log L(cut + d) / L(cut - d)`` is within this of the boundaries' midpoint.
    curtail : bool
        Stop as soon as the remaining items cannot change the result.
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
        stop_rule: str = StopRule.GLR,
        indifference: float = 0.3,
        alpha: float = 0.05,
        beta: float = 0.05,
        min_items: int = 5,
        max_items: int = 40,
        se_target: float = 0.3,
        randomesque: int = 5,
        exposure_parameters: ArrayLike | None = None,
        exclude: Sequence[int] = (),
        prior_mean: float = 0.0,
        prior_sd: float = 1.0,
        grid_bounds: tuple[float, float] = (-5.0, 5.0),
        grid_points: int = 101,
        undetermined_llr: float = 0.7,
        curtail: bool = True,
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
        self.exclude = exclude
        self.prior_mean = prior_mean
        self.prior_sd = prior_sd
        self.grid_bounds = grid_bounds
        self.grid_points = grid_points
        self.undetermined_llr = undetermined_llr
        self.curtail = curtail
        self._prepare()

    # ------------------------------------------------------------------ setup
    def _prepare(self) -> None:
        a = np.asarray(self.discrimination, dtype=float)
        if a.ndim != 1 or a.size == 0:
            raise ValueError("discrimination must be a non-empty 1-D array")
        if not (np.isfinite(a).all() and (a > 0).all()):
            raise ValueError("discrimination must be finite and positive")
        raw = np.asarray(self.difficulty, dtype=float)
        if raw.shape[:1] != a.shape or raw.ndim not in (1, 2):
            raise ValueError(
                f"difficulty must be (n_items,) or (n_items, n_thresholds) with "
                f"{a.size} items, got shape {raw.shape}"
            )
        if raw.ndim == 1:
            if not np.isfinite(raw).all():
                raise ValueError("difficulty must be finite")
            self._b: FloatArray = raw
        else:
            self._b = irt.as_thresholds(raw, a.size)
        self._a = a
        self._a2 = a * a
        self._polytomous = raw.ndim == 2
        self._n_items = a.size
        self._n_categories = (
            np.isfinite(self._b).sum(axis=1) + 1
            if self._polytomous
            else np.full(a.size, 2)
        )

        self._select_at = SelectAt(self.select_at)
        self._stop_rule = StopRule(self.stop_rule)
        cuts = np.asarray(self.cuts, dtype=float)
        if cuts.ndim != 1 or cuts.size == 0 or not np.isfinite(cuts).all():
            raise ValueError("cuts must be a non-empty sequence of finite numbers")
        if (np.diff(cuts) <= 0).any():
            raise ValueError("cuts must be strictly increasing")
        if not self.indifference > 0:
            raise ValueError("indifference must be positive")
        if not (0 < self.alpha < 0.5 and 0 < self.beta < 0.5):
            raise ValueError("alpha and beta must lie in (0, 0.5)")
        if not 1 <= self.min_items <= self.max_items:
            raise ValueError("need 1 <= min_items <= max_items")
        if not self.se_target > 0 or not self.prior_sd > 0:
            raise ValueError("se_target and prior_sd must be positive")
        if not (isinstance(self.randomesque, int) and self.randomesque >= 1):
            raise ValueError("randomesque must be an integer >= 1")
        if self.undetermined_llr < 0:
            raise ValueError("undetermined_llr must be non-negative")
        low, high = (float(v) for v in self.grid_bounds)
        if not (low < high and self.grid_points >= 11):
            raise ValueError("grid_bounds must be increasing and grid_points >= 11")
        lower = cuts - self.indifference
        upper = cuts + self.indifference
        if lower[0] <= low or upper[-1] >= high:
            raise ValueError(
                f"cut points +- indifference ({lower[0]:g} .. {upper[-1]:g}) must lie "
                f"inside the ability grid ({low:g} .. {high:g})"
            )
        self._cuts = cuts
        self._grid = np.linspace(low, high, self.grid_points)
        self._step = float(self._grid[1] - self._grid[0])
        # One evaluation per response covers the grid and the SPRT points.
        self._points = np.concatenate([self._grid, lower, upper])
        self._log_prior = -0.5 * ((self._grid - self.prior_mean) / self.prior_sd) ** 2
        self._above_upper = self._grid[np.newaxis, :] > upper[:, np.newaxis]
        self._below_lower = self._grid[np.newaxis, :] < lower[:, np.newaxis]
        self._upper_bound = math.log((1 - self.beta) / self.alpha)
        self._lower_bound = math.log(self.beta / (1 - self.alpha))
        # A truncated SPRT decides for the nearer boundary; near the midpoint it
        # leaves the result open.
        midpoint = (self._upper_bound + self._lower_bound) / 2
        band = max(float(self.undetermined_llr), 1e-12)
        self._truncation_high = midpoint + band
        self._truncation_low = midpoint - band

        if self.exposure_parameters is None:
            self._exposure: FloatArray | None = None
        else:
            k = np.asarray(self.exposure_parameters, dtype=float)
            if k.shape != a.shape or not ((k >= 0) & (k <= 1)).all():
                raise ValueError(
                    "exposure_parameters must be (n_items,) values in [0, 1]"
                )
            self._exposure = k
        if (self.randomesque > 1 or self._exposure is not None) and not isinstance(
            self.rng, np.random.Generator
        ):
            raise ValueError(
                "randomesque > 1 and exposure_parameters draw at random: pass "
                "rng=numpy.random.default_rng(...)"
            )
        self._available = np.ones(self._n_items, dtype=bool)
        excluded = np.asarray(list(self.exclude), dtype=np.int64)
        if excluded.size and (excluded.min() < 0 or excluded.max() >= self._n_items):
            raise ValueError("exclude holds an item index outside the bank")
        self._available[excluded] = False

        self._info_at_cuts = self._information(cuts)
        increments = irt.category_log_probability(upper, a, self._b) - (
            irt.category_log_probability(lower, a, self._b)
        )
        exists = np.arange(increments.shape[-1]) < self._n_categories[:, np.newaxis]
        gains = np.where(exists, increments, -np.inf).max(axis=-1)
        losses = np.where(exists, increments, np.inf).min(axis=-1)
        zero = np.zeros((cuts.size, 1))
        self._max_gain = np.hstack([zero, np.cumsum(-np.sort(-gains, axis=1), axis=1)])
        self._max_loss = np.hstack([zero, np.cumsum(np.sort(losses, axis=1), axis=1)])

        self._administered: list[int] = []
        self._scores: list[int] = []
        self._pending: int | None = None
        self._log_posterior = self._log_prior.copy()
        self._log_lik_lower = np.zeros(cuts.size)
        self._log_lik_upper = np.zeros(cuts.size)
        self._level: int | None = None
        self._stop_reason: StopReason | None = None
        self._update_estimate()
        if not self._available.any():
            self._finish(StopReason.BANK_EXHAUSTED)

    def _information(self, theta: ArrayLike) -> FloatArray:
        if self._polytomous:
            return irt.grm_information(theta, self._a, self._b)
        p = expit(self._a * (np.asarray(theta, dtype=float)[..., np.newaxis] - self._b))
        return np.asarray(self._a2 * p * (1.0 - p))

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
            nearest = int(np.abs(self._cuts - self._theta).argmin())
            info = self._info_at_cuts[nearest]
        else:
            info = self._information(self._theta)
        eligible = self._available
        if self._exposure is not None:
            assert self.rng is not None
            lottery = eligible & (self.rng.random(self._n_items) < self._exposure)
            eligible = lottery if lottery.any() else eligible
        score = np.where(eligible, info, -np.inf)
        k = min(self.randomesque, int(eligible.sum()))
        if k <= 1:
            return int(score.argmax())
        best = np.argpartition(score, -k)[-k:]
        assert self.rng is not None
        return int(best[self.rng.integers(k)])

    def record(self, item: int, score: int | float) -> None:
        """Record the score of an administered item and update the test.

        Raises
        ------
        ValueError
            If the test has stopped, the item is outside the bank, was already
            recorded or is excluded, or the score is not one of the item's categories.
        """
        if self._stop_reason is not None:
            raise ValueError("the test has stopped; no more responses can be recorded")
        try:
            index = operator.index(item)
        except TypeError:
            raise ValueError(f"item must be an integer index, got {item!r}") from None
        if not 0 <= index < self._n_items:
            raise ValueError(
                f"item {index} is outside the bank of {self._n_items} items"
            )
        if not self._available[index]:
            if index in self._administered:
                raise ValueError(f"item {index} was already recorded in this test")
            raise ValueError(f"item {index} is excluded from this test")
        category = float(score)
        top = int(self._n_categories[index]) - 1
        if category != round(category) or not 0 <= category <= top:
            raise ValueError(
                f"score for item {index} must be an integer 0..{top}, got {score!r}"
            )
        self._apply(index, int(category))
        self._evaluate()

    def _apply(self, item: int, category: int) -> None:
        b = self._b[item : item + 1]
        log_prob = irt.category_log_probability(
            self._points, self._a[item : item + 1], b
        )
        contribution = log_prob[:, 0, category]
        n_grid, n_cuts = self._grid.size, self._cuts.size
        self._log_posterior += contribution[:n_grid]
        self._log_lik_lower += contribution[n_grid : n_grid + n_cuts]
        self._log_lik_upper += contribution[n_grid + n_cuts :]
        self._administered.append(item)
        self._scores.append(category)
        self._available[item] = False
        self._pending = None
        self._update_estimate()

    def _update_estimate(self) -> None:
        weights = np.exp(self._log_posterior - self._log_posterior.max())
        weights /= weights.sum()
        self._posterior = weights
        self._theta = float(weights @ self._grid)
        self._se = float(math.sqrt(max(weights @ (self._grid - self._theta) ** 2, 0.0)))

    # --------------------------------------------------------------- stopping
    def _llr(self) -> FloatArray:
        return self._log_lik_upper - self._log_lik_lower

    def _glr(self) -> FloatArray:
        log_lik = self._log_posterior - self._log_prior
        best_upper = np.where(self._above_upper, log_lik, -np.inf).max(axis=1)
        best_lower = np.where(self._below_lower, log_lik, -np.inf).max(axis=1)
        return np.maximum(best_upper, self._log_lik_upper) - np.maximum(
            best_lower, self._log_lik_lower
        )

    @staticmethod
    def _level_from(signs: NDArray[np.int64]) -> int | None:
        # signs[i] = +1 above cut i, -1 below, 0 open; level k needs +1 at k-1, -1 at k.
        for k in range(signs.size + 1):
            if (k == 0 or signs[k - 1] > 0) and (k == signs.size or signs[k] < 0):
                return k
        return None

    def _evaluate(self) -> None:
        n = len(self._administered)
        if n >= self.min_items:
            if self._stop_rule is StopRule.STANDARD_ERROR:
                if self._se <= self.se_target:
                    self._finish(StopReason.STANDARD_ERROR)
                    return
            else:
                stat = self._llr() if self._stop_rule is StopRule.SPRT else self._glr()
                signs = (stat >= self._upper_bound).astype(np.int64) - (
                    stat <= self._lower_bound
                )
                level = self._level_from(signs)
                if level is not None:
                    self._finish(StopReason.BOUNDARY, level)
                    return
        remaining = min(self.max_items - n, int(self._available.sum()))
        if n >= self.max_items:
            self._finish(StopReason.MAX_ITEMS)
        elif remaining == 0:
            self._finish(StopReason.BANK_EXHAUSTED)
        elif (
            self.curtail
            and n >= self.min_items
            and self._stop_rule is not StopRule.STANDARD_ERROR
        ):
            llr = self._llr()
            lowest = llr + self._max_loss[:, remaining]
            highest = llr + self._max_gain[:, remaining]
            # Certain only if no boundary of the other side can be reached either:
            # the GLR has the sign of the SPRT ratio, so clear zero as well.
            signs = (lowest >= max(self._truncation_high, 1e-12)).astype(np.int64) - (
                highest <= min(self._truncation_low, -1e-12)
            )
            level = self._level_from(signs)
            if level is not None:
                self._finish(StopReason.CURTAILED, level)

    def _finish(self, reason: StopReason, level: int | None = None) -> None:
        if reason is not StopReason.BOUNDARY and reason is not StopReason.CURTAILED:
            llr = self._llr()
            signs = (llr >= self._truncation_high).astype(np.int64) - (
                llr <= self._truncation_low
            )
            level = self._level_from(signs)
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
        return self._grid.copy()

    @property
    def posterior(self) -> FloatArray:
        """Posterior probabilities on :attr:`grid`."""
        return self._posterior.copy()

    @property
    def log_likelihood_ratio(self) -> FloatArray:
        """``log L(cut + d) - log L(cut - d)`` at each cut."""
        return self._llr()

    def probability_above(self, cut: float) -> float:
        """Return the posterior probability that ability is at or above ``cut``."""
        # Each grid point stands for a cell of one step; split the cell at the cut.
        share = np.clip((self._grid + self._step / 2 - cut) / self._step, 0.0, 1.0)
        return float(self._posterior @ share)

    # ---------------------------------------------------------- persistence
    def _settings(self) -> dict[str, Any]:
        return {
            "select_at": str(SelectAt(self.select_at)),
            "stop_rule": str(StopRule(self.stop_rule)),
            "indifference": float(self.indifference),
            "alpha": float(self.alpha),
            "beta": float(self.beta),
            "min_items": int(self.min_items),
            "max_items": int(self.max_items),
            "se_target": float(self.se_target),
            "randomesque": int(self.randomesque),
            "prior_mean": float(self.prior_mean),
            "prior_sd": float(self.prior_sd),
            "grid_bounds": [float(v) for v in self.grid_bounds],
            "grid_points": int(self.grid_points),
            "undetermined_llr": float(self.undetermined_llr),
            "curtail": bool(self.curtail),
        }

    def _cut_arguments(self) -> dict[str, Any]:
        return {"cuts": [float(c) for c in self._cuts]}

    def to_dict(self, *, include_bank: bool = True) -> dict[str, Any]:
        """Return the whole state as plain JSON-able data.

        Parameters
        ----------
        include_bank : bool
            Include item and exposure parameters. Without them the dict holds a
            fingerprint, and :meth:`from_dict` needs the same bank passed back.
        """
        state: dict[str, Any] = {
            "kind": self.kind,
            "version": STATE_VERSION,
            **self._cut_arguments(),
            "settings": self._settings(),
            "bank_fingerprint": _bank_fingerprint(self._a, self._b),
            "exclude": sorted(int(i) for i in self.exclude),
            "administered": list(self._administered),
            "scores": list(self._scores),
            "pending": self._pending,
            "rng": _rng_to_dict(self.rng),
        }
        if include_bank:
            state["discrimination"] = self._a.tolist()
            state["difficulty"] = _json_floats(self._b)
            state["exposure_parameters"] = (
                None if self._exposure is None else self._exposure.tolist()
            )
        return state

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        *,
        discrimination: ArrayLike | None = None,
        difficulty: ArrayLike | None = None,
        exposure_parameters: ArrayLike | None = None,
    ) -> Self:
        """Rebuild a test saved by :meth:`to_dict`, ready to continue.

        Raises
        ------
        ValueError
            If the data is for another kind of test or version, or the item bank
            passed does not match the one the test was built on.
        """
        if data.get("kind") != cls.kind or data.get("version") != STATE_VERSION:
            raise ValueError(
                f"state is a {data.get('kind')!r} v{data.get('version')}, "
                f"expected {cls.kind!r} v{STATE_VERSION}"
            )
        if discrimination is None or difficulty is None:
            if "discrimination" not in data:
                raise ValueError(
                    "state has no item bank: pass discrimination and difficulty"
                )
            discrimination = data["discrimination"]
            difficulty = np.array(data["difficulty"], dtype=float)
            exposure_parameters = data.get("exposure_parameters")
        settings = dict(data["settings"])
        settings["grid_bounds"] = tuple(settings["grid_bounds"])
        test = cls._build(
            discrimination,
            difficulty,
            data,
            rng=_rng_from_dict(data.get("rng")),
            exposure_parameters=exposure_parameters,
            exclude=tuple(data.get("exclude", ())),
            **settings,
        )
        if _bank_fingerprint(test._a, test._b) != data["bank_fingerprint"]:
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


class MasteryTest(AdaptiveTest):
    """Decide whether a person's ability reaches one cut point.

    Takes the settings of :class:`AdaptiveTest`, with a single ``cut``.

    Examples
    --------
    >>> test = MasteryTest(discrimination=a, difficulty=b, cut=0.5,
    ...                    rng=numpy.random.default_rng(7))   # doctest: +SKIP
    >>> while (item := test.next_item()) is not None:          # doctest: +SKIP
    ...     test.record(item, score_of(item))
    >>> test.decision, test.theta, test.se, test.p_mastery    # doctest: +SKIP
    """

    kind: ClassVar[str] = "MasteryTest"

    def __init__(
        self,
        discrimination: ArrayLike,
        difficulty: ArrayLike,
        cut: float,
        **settings: Any,
    ) -> None:
        self.cut = cut
        super().__init__(discrimination, difficulty, [float(cut)], **settings)

    @property
    def decision(self) -> Decision | None:
        """``mastered``, ``not_mastered`` or ``undetermined``; None while running."""
        if self._stop_reason is None:
            return None
        if self._level is None:
            return Decision.UNDETERMINED
        return Decision.MASTERED if self._level == 1 else Decision.NOT_MASTERED

    @property
    def p_mastery(self) -> float:
        """Posterior probability that ability is at or above the cut."""
        return self.probability_above(float(self.cut))

    def _cut_arguments(self) -> dict[str, Any]:
        return {"cut": float(self.cut)}

    @classmethod
    def _build(
        cls,
        discrimination: Any,
        difficulty: Any,
        data: Mapping[str, Any],
        **kwargs: Any,
    ) -> Self:
        return cls(discrimination, difficulty, data["cut"], **kwargs)

    @classmethod
    def for_retake(
        cls,
        previous: MasteryTest,
        *,
        rng: np.random.Generator | None,
        learning_sd: float = 0.5,
        **overrides: Any,
    ) -> MasteryTest:
        """Return a new test on the same bank that starts from a previous attempt.

        The prior is centred on the previous EAP with its SD widened by
        ``learning_sd`` (:func:`retake_prior`), and every item the person has seen
        or that was excluded before stays excluded.
        """
        mean, sd = retake_prior(previous.theta, previous.se, learning_sd=learning_sd)
        settings = previous._settings()
        settings["grid_bounds"] = tuple(settings["grid_bounds"])
        settings.update(prior_mean=mean, prior_sd=sd)
        settings.update(overrides)
        seen = {int(i) for i in previous.exclude} | set(previous._administered)
        return cls(
            previous._a,
            previous.difficulty,
            float(previous.cut),
            rng=rng,
            exposure_parameters=previous.exposure_parameters,
            exclude=tuple(sorted(seen)),
            **settings,
        )


class LevelTest(AdaptiveTest):
    """Find the proficiency level a person demonstrates against several cuts.

    Takes the settings of :class:`AdaptiveTest`. Level ``k`` means ability between
    ``cuts[k-1]`` and ``cuts[k]`` (0 below the first cut, ``len(cuts)`` above the
    last). The test stops when the likelihood-ratio rules at the two cuts around a
    level agree (Eggen's multiple-cut SPRT).
    """

    kind: ClassVar[str] = "LevelTest"

    @property
    def level(self) -> int | None:
        """Demonstrated level; None while running or when undetermined."""
        return self._level if self._stop_reason is not None else None

    @property
    def level_probabilities(self) -> FloatArray:
        """Posterior probability of each level ``0..len(cuts)``."""
        above = np.array([self.probability_above(c) for c in self._cuts])
        bounds = np.concatenate([[1.0], above, [0.0]])
        return np.asarray(bounds[:-1] - bounds[1:])
