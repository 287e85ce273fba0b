"""Item exposure control: Sympson-Hetter parameters found by simulation.

An adaptive test that always picks the most informative item shows the same few
items to almost everyone. Sympson and Hetter's method gives each item a parameter
``K_j``: when the item comes up it is given with probability ``K_j``, otherwise the
next best item comes up. The ``K_j`` are found offline by simulating the test on a
population, as in Sympson and Hetter (1985):

    repeat: simulate; P(selected_j) = exposure_j / K_j;
            K_j = max_exposure / P(selected_j) if P(selected_j) > max_exposure else 1

The result is stored with the item bank and passed to a test as
``exposure_parameters``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from skillpath.core import irt
from skillpath.core.cat import AdaptiveTest, LevelTest, MasteryTest
from skillpath.core.irt import FloatArray

__all__ = ["simulate_responses", "simulate_exposure", "sympson_hetter_parameters"]


def simulate_responses(
    theta: ArrayLike,
    discrimination: ArrayLike,
    difficulty: ArrayLike,
    *,
    rng: np.random.Generator,
) -> FloatArray:
    """Return simulated scores of every person on every item.

    Parameters
    ----------
    theta : array_like
        ``(n_persons,)`` abilities.
    discrimination, difficulty : array_like
        2PL parameters, or discrimination and GRM thresholds.
    rng : numpy.random.Generator
        Source of randomness.

    Returns
    -------
    numpy.ndarray
        ``(n_persons, n_items)`` integer scores stored as floats.
    """
    d = np.asarray(difficulty, dtype=float)
    t = np.asarray(theta, dtype=float)
    if d.ndim == 1:
        p = irt.probability(t, discrimination, d)
        return (rng.random(p.shape) < p).astype(float)
    star = irt.grm_cumulative_probability(t, discrimination, d)
    # Score = number of boundaries passed, one shared uniform per person and item.
    u = rng.random(star.shape[:-1])[..., np.newaxis]
    return np.asarray((u < star).sum(axis=-1), dtype=float)


def _make_test(
    discrimination: ArrayLike,
    difficulty: ArrayLike,
    cut: float | Sequence[float],
    settings: dict[str, Any],
) -> AdaptiveTest:
    if isinstance(cut, (int, float)):
        return MasteryTest(discrimination, difficulty, float(cut), **settings)
    return LevelTest(discrimination, difficulty, list(cut), **settings)


def simulate_exposure(
    discrimination: ArrayLike,
    difficulty: ArrayLike,
    cut: float | Sequence[float],
    *,
    theta: ArrayLike,
    rng: np.random.Generator,
    **test_settings: Any,
) -> FloatArray:
    """Return the share of simulated people who were given each item.

    Parameters
    ----------
    discrimination, difficulty : array_like
        Item parameters.
    cut : float or sequence of float
        One cut (a :class:`MasteryTest`) or several (a :class:`LevelTest`).
    theta : array_like
        Abilities of the simulated people.
    rng : numpy.random.Generator
        Draws the responses and the tests' own random choices.
    **test_settings
        Passed to the test.

    Returns
    -------
    numpy.ndarray
        ``(n_items,)`` exposure rates.
    """
    abilities = np.asarray(theta, dtype=float)
    responses = simulate_responses(abilities, discrimination, difficulty, rng=rng)
    counts = np.zeros(responses.shape[1])
    for person in range(abilities.size):
        test = _make_test(
            discrimination, difficulty, cut, {**test_settings, "rng": rng}
        )
        while (item := test.next_item()) is not None:
            test.record(item, responses[person, item])
            counts[item] += 1
    return counts / abilities.size


def sympson_hetter_parameters(
    discrimination: ArrayLike,
    difficulty: ArrayLike,
    cut: float | Sequence[float],
    *,
    max_exposure: float,
    rng: np.random.Generator,
    n_simulees: int = 1000,
    iterations: int = 8,
    population: tuple[float, float] = (0.0, 1.0),
    **test_settings: Any,
) -> FloatArray:
    """Return Sympson-Hetter exposure parameters that keep exposure near a cap.

    Parameters
    ----------
    discrimination, difficulty : array_like
        Item parameters.
    cut : float or sequence of float
        Cut point(s) of the tests the parameters are for.
    max_exposure : float
        Target maximum share of people who see any one item, in (0, 1].
    rng : numpy.random.Generator
        Source of all randomness.
    n_simulees : int
        Simulated people per iteration, drawn from ``N(population)``.
    iterations : int
        Simulation rounds.
    population : tuple of float
        Mean and SD of the simulated abilities.
    **test_settings
        Settings of the tests (other than ``exposure_parameters`` and ``rng``).

    Returns
    -------
    numpy.ndarray
        ``(n_items,)`` parameters in (0, 1].
    """
    if not 0 < max_exposure <= 1:
        raise ValueError("max_exposure must lie in (0, 1]")
    if n_simulees < 1 or iterations < 1:
        raise ValueError("n_simulees and iterations must be positive")
    n_items = np.asarray(discrimination).size
    k = np.ones(n_items)
    for _ in range(iterations):
        theta = rng.normal(population[0], population[1], n_simulees)
        exposure = simulate_exposure(
            discrimination,
            difficulty,
            cut,
            theta=theta,
            rng=rng,
            exposure_parameters=k,
            **test_settings,
        )
        selected = exposure / np.maximum(k, 1e-3)
        k = np.where(
            selected > max_exposure, max_exposure / np.maximum(selected, 1e-12), 1.0
        )
        k = np.clip(k, 1e-3, 1.0)
    return k
