"""Plan the least learning that closes a learner's gaps: an exact optimisation."""

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
