"""The two adaptive tests, MasteryTest and LevelTest, and their decision helpers."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any, ClassVar, Self

import numpy as np
from numpy.typing import ArrayLike, NDArray

from skillpath.core.cat.engine import AdaptiveTest
from skillpath.core.irt import FloatArray

__all__ = [
    "Decision",
    "LevelTest",
    "MasteryTest",
    "proficiency_level",
    "retake_prior",
]


class Decision(StrEnum):
    """Outcome of a mastery test."""

    MASTERED = "mastered"
    NOT_MASTERED = "not_mastered"
    UNDETERMINED = "undetermined"


def proficiency_level(theta: ArrayLike, cuts: Sequence[float]) -> NDArray[np.intp]:
    """Return the level of each ability: how many cuts lie at or below it.

    Parameters
    ----------
    theta : array_like
        Abilities, any shape.
    cuts : sequence of float
        Strictly increasing cut points; level ``k`` means
        ``cuts[k-1] <= theta < cuts[k]``.

    Returns
    -------
    numpy.ndarray
        Integer levels ``0..len(cuts)``, shaped like ``theta``.
    """
    c = np.asarray(cuts, dtype=float)
    if c.ndim != 1 or c.size == 0 or (np.diff(c) <= 0).any():
        raise ValueError("cuts must be a non-empty, strictly increasing sequence")
    return np.searchsorted(c, np.asarray(theta, dtype=float), side="right")


def retake_prior(
    theta: float, se: float, *, learning_sd: float = 0.5
) -> tuple[float, float]:
    """Return the prior mean and SD for a retake, from the previous EAP and SE.

    The mean stays at the previous estimate; the SD is the previous SE widened in
    quadrature by ``learning_sd``, for what the person may have learned since.
    """
    if not math.isfinite(theta) or se < 0 or learning_sd < 0:
        raise ValueError("theta must be finite; se and learning_sd non-negative")
    return float(theta), float(math.hypot(se, learning_sd))


class MasteryTest(AdaptiveTest):
    """Decide whether a person's ability reaches one cut point.

    Takes the keyword settings of :class:`AdaptiveTest`, with a single ``cut``.

    Examples
    --------
    >>> test = MasteryTest(discrimination=a, difficulty=b, cut=0.5,
    ...                    rng=numpy.random.default_rng(7))  # doctest: +SKIP
    >>> while (item := test.next_item()) is not None:        # doctest: +SKIP
    ...     test.record(item, score_of(item))
    >>> test.decision, test.theta, test.se, test.p_mastery  # doctest: +SKIP
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
    ) -> Self:
        """Return a new test on the same bank that starts from a previous attempt.

        The prior is centred on the previous EAP with the SD widened by
        ``learning_sd`` (:func:`retake_prior`); every item seen or excluded before
        stays excluded. Other settings are carried over unless overridden.
        """
        mean, sd = retake_prior(previous.theta, previous.se, learning_sd=learning_sd)
        settings = previous.settings()
        settings["grid_bounds"] = tuple(settings["grid_bounds"])
        settings.update(prior_mean=mean, prior_sd=sd)
        settings.update(
            exposure_parameters=previous.exposure_parameters,
            exposure_rates=previous.exposure_rates,
            exclude=tuple(
                sorted({int(i) for i in previous.exclude} | set(previous._administered))
            ),
        )
        settings.update(overrides)
        return cls(
            previous.discrimination,
            previous.difficulty,
            float(previous.cut),
            rng=rng,
            **settings,
        )


class LevelTest(AdaptiveTest):
    """Find the proficiency level a person demonstrates against several cuts.

    Takes the keyword settings of :class:`AdaptiveTest`. Level ``k`` means ability
    between ``cuts[k-1]`` and ``cuts[k]`` (0 below the first cut, ``len(cuts)`` above
    the last). The test stops when the rules at the two cuts around one level have
    both decided (Eggen's multiple-cut SPRT).
    """

    kind: ClassVar[str] = "LevelTest"

    @property
    def level(self) -> int | None:
        """Demonstrated level; None while running or when undetermined."""
        return self._level if self._stop_reason is not None else None

    @property
    def level_probabilities(self) -> FloatArray:
        """Posterior probability of each level ``0..len(cuts)``."""
        above = np.array([self.probability_above(c) for c in self._rules.cuts])
        bounds = np.concatenate([[1.0], above, [0.0]])
        return np.asarray(bounds[:-1] - bounds[1:])
