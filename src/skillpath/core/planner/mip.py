"""Solve the planner's mixed-integer program with HiGHS, cutting circular plans.

Variables are one binary per kept module (and, when the budget cannot close every
gap, one binary per gap saying it is closed). Write ``Q(P)`` for the modules that
teach some (competency, level) pair of a set ``P`` to that level or above. Any plan
that takes a module of ``Q(P)`` takes a first one, ``f``; the modules before ``f``
lie outside ``Q(P)``, so ``f`` has no requirement *locked* in ``Q(P)`` (one that
only modules of ``Q(P)`` meet). Calling ``Q0(P)`` the modules of ``Q(P)`` without
a locked requirement, every orderable plan satisfies::

    x_m <= sum of x_k over k in Q0(P),   for every m in Q(P).

Rows:

* gap ``p``: ``sum of x_k over Q0({p}) >= 1``;
* open requirement ``p`` of module ``m``: ``x_m <= sum of x_k over Q0({p})``
  (``requires_modules`` are requirements on a pseudo-competency that only the named
  module teaches); a module teaching ``c`` to 3 and requiring ``c`` at 2 is never in
  ``Q0`` of ``(c, 2)``, so such modules cannot justify each other;
* total cost at most the maximum cost.

Cycles across competencies (A teaches c1 and requires c2, B teaches c2 and requires
c1) can still slip through, so each solution is checked by taking its modules in
rounds. Modules left over each have a requirement no earlier module meets; with
``P`` the set of those requirements, the solution breaks the rows above for ``P``,
which are added before solving again.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

from skillpath.core.planner.model import BoolArray, FloatArray, IntArray, Situation
from skillpath.core.planner.presolve import Reduction

_OPTIONS = {"mip_rel_gap": 1e-9, "presolve": True}
_MAX_ROUNDS = 500


@dataclass(frozen=True)
class Solution:
    """Hold a solved program.

    Attributes
    ----------
    chosen : ndarray of bool
        Per kept module, whether the plan takes it.
    closed : ndarray of bool
        Per gap, whether the plan closes it.
    """

    chosen: BoolArray
    closed: BoolArray


class PlanProgram:
    """Build the planner's program once, then solve it for one or more objectives.

    Parameters
    ----------
    situation : Situation
        The learner against the catalogue.
    reduction : Reduction
        The pre-solved problem.
    max_cost : float or None
        Maximum total cost of the plan.
    """

    def __init__(
        self, situation: Situation, reduction: Reduction, max_cost: float | None
    ) -> None:
        self.situation = situation
        self.reduction = reduction
        self.max_cost = max_cost
        self.size = reduction.modules.size
        self.first = _first_teachers(reduction)
        self.teachers = self.first.T.tocsr()
        self.gap_rows = self.teachers[reduction.gap_pairs]
        count = reduction.need_module.size
        pick = sp.csr_matrix(
            (np.ones(count), (np.arange(count), reduction.need_module)),
            shape=(count, self.size),
        )
        self.need_rows = (pick - self.teachers[reduction.need_pair]).tocsr()
        self.cost = situation.catalogue.cost[reduction.modules]
        self.cuts: list[sp.csr_matrix] = []
        self.rounds = 0

    def minimise(self, weights: FloatArray, *, capped: bool = True) -> Solution | None:
        """Return the cheapest plan closing every gap, or None if none fits the budget.

        Parameters
        ----------
        weights : ndarray of float
            Objective weight per kept module.
        capped : bool
            Whether the maximum cost applies.

        Returns
        -------
        Solution or None
            The optimal plan, or None when the maximum cost makes it infeasible.
        """
        budget = self.max_cost if capped else None
        chosen = self._optimise(
            weights, self.gap_rows, np.ones(self.gap_rows.shape[0]), budget
        )
        if chosen is None:
            return None
        return Solution(
            chosen[: self.size], np.ones(self.gap_rows.shape[0], dtype=bool)
        )

    def maximise_closed(self, weights: FloatArray) -> Solution:
        """Return the plan closing the most gaps within the budget, cheapest among them.

        Parameters
        ----------
        weights : ndarray of float
            Objective weight per kept module.

        Returns
        -------
        Solution
            The plan, and which gaps it closes.
        """
        gaps = self.gap_rows.shape[0]
        # y_g <= sum of teachers: gap g counts as closed only if some module closes it.
        rows = sp.hstack([self.gap_rows, -sp.identity(gaps)]).tocsr()
        # First, the most gaps (module weights would make this step as hard as
        # the whole problem); then the least weight that closes that many.
        objective = np.concatenate([np.zeros(self.size), -np.ones(gaps)])
        first = self._optimise(objective, rows, np.zeros(gaps), self.max_cost, gaps)
        assert first is not None  # the empty plan is always feasible
        most = float(first[self.size :].sum())
        count_row = sp.csr_matrix(
            np.concatenate([np.zeros(self.size), np.ones(gaps)])[None, :]
        )
        objective = np.concatenate([weights, np.zeros(gaps)])
        second = self._optimise(
            objective,
            sp.vstack([rows, count_row]).tocsr(),
            np.concatenate([np.zeros(gaps), [most - 0.5]]),
            self.max_cost,
            gaps,
        )
        assert second is not None  # the first solution is feasible
        return Solution(second[: self.size], second[self.size :])

    def _optimise(
        self,
        objective: FloatArray,
        gap_rows: sp.csr_matrix,
        gap_lower: FloatArray,
        budget: float | None,
        extra: int = 0,
    ) -> BoolArray | None:
        width = self.size + extra
        while True:
            blocks = [gap_rows, self._pad(self.need_rows, extra)]
            lower = [gap_lower, np.full(self.need_rows.shape[0], -np.inf)]
            upper = [
                np.full(gap_rows.shape[0], np.inf),
                np.zeros(self.need_rows.shape[0]),
            ]
            for cut in self.cuts:
                blocks.append(self._pad(cut, extra))
                lower.append(np.full(cut.shape[0], -np.inf))
                upper.append(np.zeros(cut.shape[0]))
            if budget is not None:
                blocks.append(
                    sp.csr_matrix(np.concatenate([self.cost, np.zeros(extra)])[None, :])
                )
                lower.append(np.array([-np.inf]))
                upper.append(np.array([budget]))
            result = milp(
                objective,
                integrality=np.ones(width),
                bounds=Bounds(0.0, 1.0),
                constraints=LinearConstraint(
                    sp.vstack(blocks).tocsr(),
                    np.concatenate(lower),
                    np.concatenate(upper),
                ),
                options=_OPTIONS,
            )
            self.rounds += 1
            if result.status == 2:
                return None
            if result.status != 0 or result.x is None:
                raise RuntimeError(
                    f"The plan's program was not solved: {result.message}"
                )
            values: BoolArray = result.x > 0.5
            cut = self._cut(values[: self.size])
            if cut is None:
                return values
            if self.rounds >= _MAX_ROUNDS:
                raise RuntimeError("Circular prerequisites: too many cutting rounds.")
            self.cuts.append(cut)

    @staticmethod
    def _pad(rows: sp.csr_matrix, extra: int) -> sp.csr_matrix:
        if extra == 0:
            return rows
        return sp.hstack([rows, sp.csr_matrix((rows.shape[0], extra))]).tocsr()

    def _cut(self, chosen: BoolArray) -> sp.csr_matrix | None:
        """Return rows cutting off a plan no order can follow, or None if it is fine."""
        reduction = self.reduction
        catalogue = self.situation.catalogue
        allowed = np.zeros(catalogue.size, dtype=bool)
        allowed[reduction.modules[chosen]] = True
        rounds, reached = self.situation.closure(allowed)
        stuck = chosen & (rounds[reduction.modules] < 0)
        if not stuck.any():
            return None
        pair_competency = reduction.pair_competency[reduction.need_pair]
        pair_level = reduction.pair_level[reduction.need_pair]
        blocking = stuck[reduction.need_module] & (
            reached[pair_competency] < pair_level
        )
        pairs = np.zeros(reduction.pair_level.size, dtype=bool)
        pairs[reduction.need_pair[blocking]] = True
        members, first = _first_of(reduction, pairs)
        rows = members[~first[members]]
        helpers = np.flatnonzero(first)
        return _rows(rows, helpers, self.size)


def _rows(members: IntArray, helpers: IntArray, size: int) -> sp.csr_matrix:
    """Return the rows ``x_m - sum of x_k over helpers <= 0`` for each member ``m``."""
    rows = np.concatenate(
        [np.arange(members.size), np.repeat(np.arange(members.size), helpers.size)]
    )
    cols = np.concatenate([members, np.tile(helpers, members.size)])
    data = np.concatenate(
        [np.ones(members.size), -np.ones(members.size * helpers.size)]
    )
    return sp.csr_matrix((data, (rows, cols)), shape=(members.size, size))


def _first_of(reduction: Reduction, pairs: BoolArray) -> tuple[IntArray, BoolArray]:
    """Return the modules of Q(P) for the pairs P, and which of them are in Q0(P)."""
    cover = reduction.cover
    inside = np.asarray(cover[:, np.flatnonzero(pairs)].sum(axis=1)).ravel() > 0
    outside = np.asarray(cover[~inside].sum(axis=0)).ravel()
    locked = inside[reduction.need_module] & (outside[reduction.need_pair] == 0)
    first = inside.copy()
    first[reduction.need_module[locked]] = False
    return np.flatnonzero(inside), first


def _first_teachers(reduction: Reduction) -> sp.csr_matrix:
    """Return, per kept module and pair p, 1 when the module is in Q0({p})."""
    cover = reduction.cover.tocsc()
    count = np.diff(cover.indptr)
    overlap = (cover.T @ cover).tocoo()
    # Requirement r is locked in Q({p}) when every module meeting r teaches p.
    locks = overlap.data >= count[overlap.row]
    locked = sp.csr_matrix(
        (np.ones(int(locks.sum())), (overlap.row[locks], overlap.col[locks])),
        shape=overlap.shape,
    )
    needs = sp.csr_matrix(
        (
            np.ones(reduction.need_module.size),
            (reduction.need_module, reduction.need_pair),
        ),
        shape=cover.shape,
    )
    blocked = (needs @ locked).tocsr()
    blocked.data[:] = 1.0
    first = reduction.cover - reduction.cover.multiply(blocked)
    first.eliminate_zeros()
    return first.tocsr()
