"""Put a solved plan in order and say what each module brings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from skillpath.core.planner.model import FloatArray, IntArray, Situation


@dataclass(frozen=True)
class PlanStep:
    """Describe one module of a plan and what it brings.

    Attributes
    ----------
    module : str
        Module id.
    hours, cost : float
        The module's hours and cost.
    closes : dict of str to (from, to)
        Required competencies the module raises, from the level reached before it
        to the level it teaches.
    raises : dict of str to (from, to)
        Every competency it raises, required or needed by a later module.
    prepares : tuple of str
        Later modules of the plan whose requirements it meets.
    """

    module: str
    hours: float
    cost: float
    closes: dict[str, tuple[float, float]]
    raises: dict[str, tuple[float, float]]
    prepares: tuple[str, ...]


def without_idle_modules(
    situation: Situation,
    chosen: IntArray,
    weights: FloatArray,
    gap_competency: IntArray,
    gap_level: FloatArray,
) -> IntArray:
    """Return the chosen modules less those that weigh nothing and serve no purpose.

    A module of zero weight (free, under the cost objective) leaves the optimum
    unchanged whether taken or not; drop each one, longest first, when the plan
    still closes the same gaps in some order without it.

    Parameters
    ----------
    situation : Situation
        The learner against the catalogue.
    chosen : ndarray of int
        Catalogue positions of the plan's modules.
    weights : ndarray of float
        Objective weight of each chosen module.
    gap_competency, gap_level : ndarray
        Catalogue column and required level of each gap.

    Returns
    -------
    ndarray of int
        The chosen positions that stay.
    """
    catalogue = situation.catalogue
    keep = np.ones(chosen.size, dtype=bool)
    allowed = np.zeros(catalogue.size, dtype=bool)
    allowed[chosen] = True
    _, reached = situation.closure(allowed)
    closed = reached[gap_competency] >= gap_level
    idle = np.flatnonzero(weights <= 0)
    for position in idle[np.argsort(-catalogue.hours[chosen[idle]], kind="stable")]:
        allowed[chosen[position]] = False
        rounds, reached = situation.closure(allowed)
        if np.all(rounds[allowed] >= 0) and np.all(
            reached[gap_competency][closed] >= gap_level[closed]
        ):
            keep[position] = False
        else:
            allowed[chosen[position]] = True
    return chosen[keep]


def ordered_steps(
    situation: Situation,
    chosen: IntArray,
    current: Mapping[str, float],
    required: Mapping[str, float],
) -> list[PlanStep]:
    """Return the chosen modules in rounds, each with what it brings.

    A module comes after every module of an earlier round, so each one's
    requirements are met by the learner or by modules before it; within a round,
    catalogue order.

    Parameters
    ----------
    situation : Situation
        The learner against the catalogue.
    chosen : ndarray of int
        Catalogue positions of the plan's modules.
    current, required : Mapping[str, float]
        The learner's levels and the required ones.

    Returns
    -------
    list of PlanStep
        The plan in order.
    """
    catalogue = situation.catalogue
    allowed = np.zeros(catalogue.size, dtype=bool)
    allowed[chosen] = True
    rounds, _ = situation.closure(allowed)
    order = chosen[np.lexsort((chosen, rounds[chosen]))]
    taken = [catalogue.modules[int(i)] for i in order]
    levels: dict[str, float] = dict(current)
    steps = []
    for position, module in enumerate(taken):
        raises: dict[str, tuple[float, float]] = {}
        for competency, level in module.teaches.items():
            before = levels.get(competency, 0)
            if level > before:
                raises[competency] = (before, level)
                levels[competency] = level
        prepares = tuple(
            later.id
            for later in taken[position + 1 :]
            if module.id in later.requires_modules
            or any(
                module.teaches.get(c, -1) >= level > current.get(c, 0)
                for c, level in later.requires.items()
            )
        )
        closes = {
            c: span
            for c, span in raises.items()
            if required.get(c, 0) > current.get(c, 0)
        }
        position_in_catalogue = int(order[position])
        steps.append(
            PlanStep(
                module.id,
                float(catalogue.hours[position_in_catalogue]),
                float(catalogue.cost[position_in_catalogue]),
                closes,
                raises,
                prepares,
            )
        )
    return steps
