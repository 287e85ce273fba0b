"""Adaptive classification tests: mastery against one cut, levels against several.

A test is a small state object: a request loads it (:meth:`AdaptiveTest.from_dict`),
asks for the next item, records one response and saves it (:meth:`AdaptiveTest.to_dict`).

* Ability is estimated by EAP on a fixed grid; the posterior gives ``P(theta >= cut)``.
* The next item has maximum Fisher information at the estimate, or at the cut nearest
  the estimate, among items neither given nor excluded (seen in earlier attempts).
  Exposure is limited by a random choice among the best few items (randomesque),
  Sympson-Hetter parameters (:mod:`skillpath.core.exposure`) and/or a cap on the
  items' observed exposure rates.
* By default the test stops by a Bayes decision rule: after each response it weighs
  the posterior probability of deciding right now against the best that more items
  could add, found by backward induction over the remaining items (taken as copies
  of an item as informative at the cut as the best ones left), and stops when one
  more item is worth less than ``item_cost``. Each cut is decided on its own, so a
  level test gives the posterior median level and a level off by two costs twice
  one off by one. A false master can be made costlier than a missed one
  (``false_master_cost``). Each decision's posterior probability
  of being wrong is its error rate, and the rates are calibrated in simulation.
* The rule can instead be a sequential likelihood-ratio test against the cut:
  Wald's SPRT of ``cut - d`` against ``cut + d``, or the generalized likelihood ratio
  of ``theta >= cut + d`` against ``theta <= cut - d``, with error rates ``alpha``
  and ``beta`` and indifference half-width ``d``; these do not depend on the prior.
  For placement, the rule can be a target posterior SD. Minimum and maximum lengths
  apply; the likelihood-ratio tests also stop when the remaining items cannot
  change the result (curtailment), or, with ``curtail_risk > 0``, when they change
  it with at most that posterior-predictive probability (stochastic curtailment).
* A test that ends at its maximum length is decided by the side of the decision
  threshold on which the posterior (Bayes rule) or the midpoint of the
  likelihood-ratio boundaries (truncated SPRT) lies; within ``undetermined_p`` of
  the threshold, or ``undetermined_llr`` of the midpoint, it is undetermined.
"""

from skillpath.core.cat.classification import (
    Decision,
    LevelTest,
    MasteryTest,
    proficiency_level,
    retake_prior,
)
from skillpath.core.cat.engine import AdaptiveTest, SelectAt, StopReason, StopRule

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
