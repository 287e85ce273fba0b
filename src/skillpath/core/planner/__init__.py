"""Plan the least learning that closes a learner's gaps: an exact optimisation.

Given current levels, required levels, a module catalogue and the learner's
constraints, :func:`plan` finds the set of modules of least total hours (or cost, or
a weighted mix) such that every required level is reached, every chosen module's
requirements are met by the learner or by modules taken before it, and the total
cost stays within the maximum. It solves a mixed-integer program with HiGHS
(``scipy.optimize.milp``) after a pre-solve, and cuts off plans whose prerequisites
are circular (see :mod:`skillpath.core.planner.mip`).

Gaps no plan can close are reported with the constraint that blocks them (language,
format, region, maximum cost, circular or missing prerequisites, or nothing teaches
them), and everything else is still planned. When the maximum cost cannot pay for
every gap, the plan closes as many gaps as it can, with the least weight among such
plans, and names the least maximum cost that would close them all::

    from skillpath.core.planner import Module, plan

    result = plan(
        current={"c1": 0, "c2": 1},
        required={"c1": 2, "c2": 3},
        modules=[Module(id="m1", hours=6.0, cost=120.0, teaches={"c1": 2})],
        objective="hours",
        languages={"fr"},
    )
    result.modules  # ordered ids
    result.unmet  # {"c2": 3}
    result.blocked[0].reason  # "not_taught"
"""

from skillpath.core.planner.explain import CONSTRAINTS, REASONS, BlockedGap, Constraints
from skillpath.core.planner.model import Catalogue, Module
from skillpath.core.planner.order import PlanStep
from skillpath.core.planner.solve import Plan, objective_weights, plan

__all__ = [
    "CONSTRAINTS",
    "REASONS",
    "BlockedGap",
    "Catalogue",
    "Constraints",
    "Module",
    "Plan",
    "PlanStep",
    "objective_weights",
    "plan",
]
