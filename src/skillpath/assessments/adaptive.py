"""The adaptive test of one competency: a thin wrapper around ``core.cat.MasteryTest``.

A sitting runs one mastery test per competency, at the cut of the level the
micro-credential requires. The whole state (bank parameters included, so a later
re-calibration cannot break a running test) is saved as JSON after every response,
so a learner can close the browser and resume.

Exposure is kept down two ways: the next item is drawn among the ``RANDOMESQUE`` most
informative, and items given in ``MAX_EXPOSURE`` or more of the competency's tests
are set aside while others remain. The observed rates are read when a test
starts and saved with it, so a resumed test selects as it would have.

The test decides by a Bayes rule whose loss for crediting someone below the cut,
against 1 for missing someone above it, follows the policy's caution
(``FALSE_MASTER_COST``). It is saved with the test like every setting, so a policy
changed later leaves the tests already started as they were.

A first attempt starts from the prior N(0, 1); a retake starts from the last
estimate of the same competency, its spread widened for what may have been learned
since (``core.cat.retake_prior``).

Proficiency levels map to the ability scale by evenly spaced cuts between
``LOWEST_CUT`` and ``HIGHEST_CUT``: on a scale of levels 1..5, reaching level 2 needs
ability -1.5, level 3 needs -0.5, level 4 needs 0.5 and level 5 needs 1.5. Item
difficulties are calibrated on the same scale.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from skillpath.core.cat import Decision, MasteryTest, proficiency_level, retake_prior

LOWEST_CUT = -1.5
HIGHEST_CUT = 1.5
MIN_ITEMS = 4
MAX_ITEMS = 12
RANDOMESQUE = 3  # pick among the 3 most informative items, to spread exposure
MAX_EXPOSURE = 0.25  # set aside items given in this share of tests or more
FIRST_PRIOR = (0.0, 1.0)  # mean and SD of the prior of a first attempt
# The loss of a false master relative to a missed master, by the policy's caution
# (``models.Caution``): balanced, cautious, strict.
FALSE_MASTER_COST = {"balanced": 1.0, "cautious": 2.0, "strict": 4.0}


@dataclass(frozen=True)
class BankSnapshot:
    """The operational items of one competency, with their parameters."""

    item_ids: list[int]
    discrimination: list[float]
    thresholds: list[list[float]]  # one list per item; a 2PL item has one
    # Share of the competency's tests that gave each item; None before any test.
    exposure_rates: list[float] | None = None

    @property
    def size(self) -> int:
        return len(self.item_ids)

    def difficulty(self) -> np.ndarray:
        """Return 2PL difficulties, or nan-padded GRM thresholds if any item has more."""
        widest = max((len(t) for t in self.thresholds), default=1)
        if widest == 1:
            return np.array([t[0] for t in self.thresholds], dtype=float)
        table = np.full((self.size, widest), np.nan)
        for row, values in enumerate(self.thresholds):
            table[row, : len(values)] = values
        return table


def level_cuts(levels: Sequence[int]) -> dict[int, float]:
    """Return the ability needed to reach each level above the lowest of ``levels``."""
    ordered = sorted({int(level) for level in levels})
    above = ordered[1:]
    if not above:
        return {}
    if len(above) == 1:
        return {above[0]: 0.0}
    values = np.linspace(LOWEST_CUT, HIGHEST_CUT, len(above))
    return {level: float(value) for level, value in zip(above, values, strict=True)}


def level_of(theta: float, levels: Sequence[int]) -> int:
    """Return the level an ability estimate reaches on a scale of ``levels``."""
    ordered = sorted({int(level) for level in levels})
    cuts = level_cuts(ordered)
    if not cuts:
        return ordered[0] if ordered else 0
    reached = int(proficiency_level(theta, list(cuts.values())))
    return ordered[reached]


def cut_for(required_level: int, levels: Sequence[int]) -> float | None:
    """Return the cut of ``required_level``, or None when it is the lowest level."""
    return level_cuts(levels).get(int(required_level))


def exposure_rates(counts: Sequence[int], tests: int) -> list[float] | None:
    """Return each item's share of ``tests`` given the times it was given.

    None when no test has started yet: there is no rate to observe.
    """
    if tests <= 0:
        return None
    return [int(count) / tests for count in counts]


def prior_for(previous: tuple[float, float] | None) -> tuple[float, float]:
    """Return the prior (mean, SD) of a test from the last (theta, SE), if any."""
    if previous is None:
        return FIRST_PRIOR
    theta, se = previous
    return retake_prior(theta, se)


def new_test(
    bank: BankSnapshot,
    *,
    cut: float,
    seed: int,
    exclude: Sequence[int] = (),
    max_items: int = MAX_ITEMS,
    prior: tuple[float, float] = FIRST_PRIOR,
    false_master_cost: float = 1.0,
) -> MasteryTest:
    """Return a fresh mastery test of ``bank`` at ``cut``, starting from ``prior``.

    ``false_master_cost`` is the loss of crediting someone below the cut, relative
    to 1 for missing someone above it (see ``FALSE_MASTER_COST``).
    """
    usable = bank.size - len(set(exclude))
    return MasteryTest(
        np.array(bank.discrimination, dtype=float),
        bank.difficulty(),
        cut,
        rng=np.random.default_rng(seed),
        min_items=max(1, min(MIN_ITEMS, usable, max_items)),
        max_items=max(1, min(max_items, bank.size)),
        randomesque=RANDOMESQUE,
        exposure_rates=bank.exposure_rates,
        max_exposure=MAX_EXPOSURE,
        exclude=tuple(exclude),
        prior_mean=prior[0],
        prior_sd=prior[1],
        false_master_cost=false_master_cost,
    )


def load(state: dict[str, Any]) -> MasteryTest:
    """Return the test saved in ``state``."""
    return MasteryTest.from_dict(state)


def save(test: MasteryTest) -> dict[str, Any]:
    """Return the test's state as JSON-able data, bank included."""
    return test.to_dict(include_bank=True)


@dataclass(frozen=True)
class Outcome:
    """What a finished test says about one competency."""

    decision: str  # a core Decision value
    theta: float
    se: float
    p_mastery: float
    demonstrated_level: int


def outcome(
    test: MasteryTest, *, required_level: int, levels: Sequence[int]
) -> Outcome:
    """Return the decision and the level shown by a finished test.

    A mastered test shows at least the required level (more if the estimate goes
    further); any other result shows at most the level below the required one.
    """
    estimate = level_of(test.theta, levels)
    decision = test.decision or Decision.UNDETERMINED
    if decision == Decision.MASTERED:
        shown = max(required_level, estimate)
    else:
        shown = max(0, min(estimate, required_level - 1))
    return Outcome(
        decision=str(decision),
        theta=float(test.theta),
        se=float(test.se),
        p_mastery=float(test.p_mastery),
        demonstrated_level=int(shown),
    )
