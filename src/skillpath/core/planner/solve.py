"""The entry point of the planner: :func:`plan`, its :class:`Plan`, and the objective."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from skillpath.core.planner.explain import (
    BlockedGap,
    Constraints,
    Diagnosis,
)
from skillpath.core.planner.mip import PlanProgram
from skillpath.core.planner.model import (
    BoolArray,
    Catalogue,
    IntArray,
    Module,
    Situation,
    check_amount,
    check_level,
)
from skillpath.core.planner.order import PlanStep, ordered_steps, without_idle_modules
from skillpath.core.planner.presolve import reduce

__all__ = ["Plan", "objective_weights", "plan"]

#: What :func:`plan` minimises: ``"hours"``, ``"cost"``, ``("mix", a)`` for
#: ``a * hours + (1 - a) * cost``, or a mapping ``{"hours": w_h, "cost": w_c}``.
Objective = str | tuple[str, float] | Mapping[str, float]


@dataclass(frozen=True)
class Plan:
    """Hold a learning plan.

    Attributes
    ----------
    modules : list of str
        Module ids in an order that respects every prerequisite.
    steps : list of PlanStep
        The same modules with the gaps each closes.
    hours, cost : float
        Totals.
    objective : float
        The minimised value (hours, cost, or the weighted mix).
    unmet : dict of str to int
        Competency -> required level that no plan can reach under the constraints.
    blocked : list of BlockedGap
        The unmet gaps, with reason, blocking constraints and suggestion.
    """

    modules: list[str]
    steps: list[PlanStep]
    hours: float
    cost: float
    objective: float
    unmet: dict[str, float]
    blocked: list[BlockedGap]


def objective_weights(objective: Objective) -> tuple[float, float]:
    """Return the weights of hours and cost for an objective.

    Parameters
    ----------
    objective : Objective
        ``"hours"``, ``"cost"``, ``("mix", a)`` with ``0 <= a <= 1`` meaning
        ``a * hours + (1 - a) * cost``, or ``{"hours": w_h, "cost": w_c}`` with
        non-negative weights, not both zero.

    Returns
    -------
    tuple of float
        Weight of hours, weight of cost.

    Raises
    ------
    ValueError
        On any other objective.
    """
    if objective == "hours":
        return 1.0, 0.0
    if objective == "cost":
        return 0.0, 1.0
    if isinstance(objective, tuple) and len(objective) == 2 and objective[0] == "mix":
        share = objective[1]
        if isinstance(share, int | float) and 0.0 <= share <= 1.0:
            return float(share), 1.0 - float(share)
        raise ValueError(f"In ('mix', a), a must be between 0 and 1, not {share!r}.")
    if (
        isinstance(objective, Mapping)
        and objective
        and set(objective) <= {"hours", "cost"}
    ):
        hours = objective.get("hours", 0.0)
        cost = objective.get("cost", 0.0)
        weights = (float(hours), float(cost))
        if all(math.isfinite(w) and w >= 0 for w in weights) and any(weights):
            return weights
    raise ValueError(
        f"Unknown objective {objective!r}: use 'hours', 'cost', ('mix', a) with a in "
        "[0, 1], or {'hours': w_h, 'cost': w_c} with non-negative weights."
    )


def _accepted(values: Collection[str] | str | None, what: str) -> frozenset[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        return frozenset({values})
    if not all(isinstance(v, str) for v in values):
        raise ValueError(f"{what} must be strings.")
    return frozenset(values)


def plan(
    current: Mapping[str, float],
    required: Mapping[str, float],
    modules: Sequence[Module] | Catalogue,
    objective: Objective = "hours",
    *,
    languages: Collection[str] | str | None = None,
    formats: Collection[str] | str | None = None,
    region: str | None = None,
    max_cost: float | None = None,
    names: Mapping[str, str] | None = None,
) -> Plan:
    """Return the plan of least hours (or cost, or mix) that closes every gap it can.

    Parameters
    ----------
    current : Mapping[str, int]
        Competency -> the learner's level; absent competencies are at 0.
    required : Mapping[str, int]
        Competency -> required level.
    modules : sequence of Module, or Catalogue
        The catalogue; pass a :class:`Catalogue` to validate and compile it once
        for many plans.
    objective : Objective
        What to minimise; see :func:`objective_weights`.
    languages, formats : collection of str, str, or None
        Accepted languages and formats (modules whose attribute is ``None`` always
        pass); ``None`` accepts all.
    region : str or None
        The learner's region (modules whose region is ``None`` always pass).
    max_cost : float or None
        Maximum total cost of the plan.
    names : Mapping[str, str] or None
        Display names of competencies, languages, formats and regions for messages.

    Returns
    -------
    Plan
        The ordered modules, their totals, and the gaps no plan can close.

    Raises
    ------
    ValueError
        On an unknown objective, a negative or non-finite level, hours or cost, a
        duplicate module id, or ``requires_modules`` naming an unknown module.
    RuntimeError
        If HiGHS stops without an answer (it has no time limit here), or circular
        prerequisites need more than 500 rounds of cuts; neither happens in the
        tests or benchmarks.
    """
    weight_hours, weight_cost = objective_weights(objective)
    catalogue = modules if isinstance(modules, Catalogue) else Catalogue(modules)
    if max_cost is not None:
        max_cost = check_amount(max_cost, "max_cost")
    constraints = Constraints(
        _accepted(languages, "languages"),
        _accepted(formats, "formats"),
        region,
        max_cost,
    )
    levels = {
        c: check_level(v, f"Current competency {c!r}") for c, v in current.items()
    }
    targets = {
        c: check_level(v, f"Required competency {c!r}") for c, v in required.items()
    }
    gaps = [(c, levels.get(c, 0.0), target) for c, target in targets.items()]
    gaps = [gap for gap in gaps if gap[2] > gap[1]]
    if not gaps:
        return Plan(
            modules=[],
            steps=[],
            hours=0.0,
            cost=0.0,
            objective=0.0,
            unmet={},
            blocked=[],
        )

    index = catalogue.competency_index
    current_levels = np.zeros(catalogue.width)
    for competency, level in levels.items():
        if competency in index:
            current_levels[index[competency]] = level
    situation = Situation(catalogue, current_levels)
    masks = catalogue.accepts(
        languages=constraints.languages,
        formats=constraints.formats,
        region=region,
        max_cost=max_cost,
    )
    allowed = np.ones(catalogue.size, dtype=bool)
    for mask in masks.values():
        allowed &= mask
    rounds, reached = situation.closure(allowed)
    diagnosis = Diagnosis(situation, masks, constraints, names or {})

    open_gaps: list[tuple[str, float, float]] = []
    blocked: list[BlockedGap] = []
    for competency, level, target in gaps:
        if competency in index and reached[index[competency]] >= target:
            open_gaps.append((competency, level, target))
        else:
            blocked.append(diagnosis.explain(competency, level, target))

    chosen: IntArray = np.zeros(0, dtype=np.int64)
    if open_gaps:
        chosen, dropped = _solve(
            situation,
            open_gaps,
            rounds >= 0,
            (weight_hours, weight_cost),
            max_cost,
        )
        blocked += [
            diagnosis.over_budget(competency, level, target, min_budget)
            for competency, level, target, min_budget in dropped
        ]
    position = {competency: i for i, competency in enumerate(targets)}
    blocked.sort(key=lambda gap: position[gap.competency])
    steps = ordered_steps(situation, chosen, current, targets)
    hours = float(sum(step.hours for step in steps))
    cost = float(sum(step.cost for step in steps))
    return Plan(
        modules=[step.module for step in steps],
        steps=steps,
        hours=hours,
        cost=cost,
        objective=weight_hours * hours + weight_cost * cost,
        unmet={gap.competency: gap.level for gap in blocked},
        blocked=blocked,
    )


def _solve(
    situation: Situation,
    gaps: list[tuple[str, float, float]],
    usable: BoolArray,
    objective: tuple[float, float],
    max_cost: float | None,
) -> tuple[IntArray, list[tuple[str, float, float, float]]]:
    """Return the optimal modules for gaps some module closes, and those left open.

    When the maximum cost cannot pay for every gap, the plan closes as many as it
    can, at least weight; each gap left open comes back with the least maximum
    cost that would close them all.
    """
    catalogue = situation.catalogue
    competency = np.array(
        [catalogue.competency_index[c] for c, _, _ in gaps], dtype=np.int64
    )
    level = np.array([target for _, _, target in gaps], dtype=float)
    weight_hours, weight_cost = objective
    weights = weight_hours * catalogue.hours + weight_cost * catalogue.cost
    reduction = reduce(
        situation,
        usable,
        competency,
        level,
        weights,
        catalogue.hours if weight_hours == 0 else catalogue.cost,
        capped=max_cost is not None,
    )
    program = PlanProgram(situation, reduction, max_cost)
    kept = reduction.modules
    weights = weights[kept]
    dropped: list[tuple[str, float, float, float]] = []
    solution = program.minimise(weights)
    if solution is None:
        solution = program.maximise_closed(weights)
        cheapest = program.minimise(catalogue.cost[kept], capped=False)
        assert cheapest is not None  # every gap here is reachable without a cap
        min_budget = float(catalogue.cost[kept][cheapest.chosen].sum())
        dropped = [
            (*gap, min_budget)
            for gap, closed in zip(gaps, solution.closed, strict=True)
            if not closed
        ]
    chosen = without_idle_modules(
        situation, kept[solution.chosen], weights[solution.chosen], competency, level
    )
    return chosen, dropped
