"""Explain why a gap cannot be closed, in structured data and in plain English.

The Django layer should translate from the structured fields (``reason``,
``constraints``, ``relax``, ``min_budget``); ``message`` and ``suggestion`` are the
English rendering of the same data.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from skillpath.core.planner.model import BoolArray, FloatArray, Situation

#: Learner constraints a gap can be blocked by, in the order messages name them.
CONSTRAINTS = ("language", "format", "region", "max_cost")

#: Why a gap cannot be closed.
#: ``not_taught``: no module in the catalogue teaches the competency to that level.
#: ``excluded``: modules teach it, but the learner's constraints exclude all of them.
#: ``prerequisites``: modules that teach it pass the constraints, but their
#: prerequisites cannot be met (under the constraints listed, or at all).
#: ``budget``: it can be reached alone, but not together with the other gaps within
#: the maximum cost.
REASONS = ("not_taught", "excluded", "prerequisites", "budget")


@dataclass(frozen=True)
class Constraints:
    """Hold the learner's constraints on modules.

    Attributes
    ----------
    languages, formats : frozenset of str or None
        Accepted languages and formats; ``None`` accepts every one.
    region : str or None
        The learner's region; ``None`` accepts every region.
    max_cost : float or None
        Maximum total cost of the plan.
    """

    languages: frozenset[str] | None = None
    formats: frozenset[str] | None = None
    region: str | None = None
    max_cost: float | None = None


@dataclass(frozen=True)
class BlockedGap:
    """Describe a gap no plan can close, why, and what would unblock it.

    Attributes
    ----------
    competency : str
        Competency id.
    current, level : int
        The learner's level and the required level.
    reason : str
        One of :data:`REASONS`.
    constraints : tuple of str
        Constraints (among :data:`CONSTRAINTS`) that block the gap.
    relax : tuple of tuple of str
        Alternatives: relaxing every constraint of any one of them unblocks the gap.
    min_budget : float or None
        For ``budget``: the least maximum cost that closes every reachable gap.
    message, suggestion : str
        The same, in plain English.
    """

    competency: str
    current: float
    level: float
    reason: str
    constraints: tuple[str, ...]
    relax: tuple[tuple[str, ...], ...]
    min_budget: float | None
    message: str
    suggestion: str


class Diagnosis:
    """Find what blocks gaps, relaxing the learner's constraints one set at a time.

    Parameters
    ----------
    situation : Situation
        The learner against the catalogue.
    masks : dict of str to ndarray of bool
        Modules each active constraint lets through.
    constraints : Constraints
        The constraints' values, for messages.
    names : Mapping[str, str]
        Display names of competencies and of language, format and region codes.
    """

    def __init__(
        self,
        situation: Situation,
        masks: Mapping[str, BoolArray],
        constraints: Constraints,
        names: Mapping[str, str],
    ) -> None:
        self.situation = situation
        self.masks = masks
        self.constraints = constraints
        self.names = names
        self._reached: dict[frozenset[str], FloatArray] = {}

    def reached(self, relaxed: frozenset[str]) -> FloatArray:
        """Return the levels reachable when the constraints in ``relaxed`` are lifted.

        Parameters
        ----------
        relaxed : frozenset of str
            Constraints to lift.

        Returns
        -------
        ndarray of float
            Reachable level per catalogue column.
        """
        if relaxed not in self._reached:
            allowed = np.ones(self.situation.catalogue.size, dtype=bool)
            for name, mask in self.masks.items():
                if name not in relaxed:
                    allowed &= mask
            self._reached[relaxed] = self.situation.closure(allowed)[1]
        return self._reached[relaxed]

    def explain(self, competency: str, current: float, level: float) -> BlockedGap:
        """Return why ``competency`` cannot reach ``level`` under the constraints.

        Parameters
        ----------
        competency : str
            Competency id.
        current, level : float
            The learner's level and the required level.

        Returns
        -------
        BlockedGap
            The reason, the blocking constraints and the way out.
        """
        catalogue = self.situation.catalogue
        column = catalogue.competency_index.get(competency)
        teachers = np.zeros(catalogue.size, dtype=bool)
        if column is not None:
            entries = (catalogue.teach_competency == column) & (
                catalogue.teach_level >= level
            )
            teachers[catalogue.teach_module[entries]] = True
        if column is None or not teachers.any():
            return self._blocked(competency, current, level, "not_taught", ())
        active = [name for name in CONSTRAINTS if name in self.masks]
        if self.reached(frozenset(active))[column] < level:
            return self._blocked(competency, current, level, "prerequisites", ())
        options: list[tuple[str, ...]] = []
        for size in range(1, len(active) + 1):
            for subset in itertools.combinations(active, size):
                if any(set(option) <= set(subset) for option in options):
                    continue
                if self.reached(frozenset(subset))[column] >= level:
                    options.append(subset)
        passing = teachers.copy()
        for mask in self.masks.values():
            passing &= mask
        reason = "prerequisites" if passing.any() else "excluded"
        return self._blocked(competency, current, level, reason, tuple(options))

    def over_budget(
        self, competency: str, current: float, level: float, min_budget: float
    ) -> BlockedGap:
        """Return a gap left open because the maximum cost cannot pay for it too.

        Parameters
        ----------
        competency : str
            Competency id.
        current, level : float
            The learner's level and the required level.
        min_budget : float
            The least maximum cost that closes every reachable gap.

        Returns
        -------
        BlockedGap
            The gap, blocked by ``max_cost``.
        """
        return self._blocked(
            competency, current, level, "budget", (("max_cost",),), min_budget
        )

    def _blocked(
        self,
        competency: str,
        current: float,
        level: float,
        reason: str,
        relax: tuple[tuple[str, ...], ...],
        min_budget: float | None = None,
    ) -> BlockedGap:
        blocking = tuple(name for name in CONSTRAINTS if any(name in o for o in relax))
        name = self.names.get(competency, competency)
        target = f"{name} to level {_level(level)}"
        where = " ".join(self._phrase(c) for c in blocking)
        if reason == "not_taught":
            message = f"Nothing in the catalogue teaches {target}."
            suggestion = f"Add a module that teaches {target} to the catalogue."
        elif reason == "excluded":
            message = f"Nothing teaches {target} {where}."
            suggestion = _relax_text(relax)
        elif reason == "prerequisites" and relax:
            message = (
                f"The modules that teach {target} have prerequisites that nothing "
                f"teaches {where}."
            )
            suggestion = _relax_text(relax)
        elif reason == "prerequisites":
            message = (
                f"The modules that teach {target} have prerequisites no plan can "
                "meet: they are circular or nothing teaches them."
            )
            suggestion = f"Review the prerequisites of the modules that teach {name}."
        else:
            message = (
                f"Closing {target} along with the other gaps costs more than the "
                f"maximum of {_money(self.constraints.max_cost or 0.0)}."
            )
            suggestion = (
                f"Raise the maximum cost to {_money(min_budget or 0.0)} "
                "to close every gap."
            )
        return BlockedGap(
            competency=competency,
            current=_level(current),
            level=_level(level),
            reason=reason,
            constraints=blocking,
            relax=relax,
            min_budget=min_budget,
            message=message,
            suggestion=suggestion,
        )

    def _phrase(self, constraint: str) -> str:
        limits = self.constraints
        if constraint == "language":
            return f"in {self._either(limits.languages or ())}"
        if constraint == "format":
            return f"in the {self._either(limits.formats or ())} format"
        if constraint == "region":
            return f"in {self.names.get(limits.region or '', limits.region)}"
        return f"within the maximum cost of {_money(limits.max_cost or 0.0)}"

    def _either(self, codes: Sequence[str] | frozenset[str]) -> str:
        shown = sorted(self.names.get(code, code) for code in codes)
        if not shown:
            return "none of the accepted ones"
        if len(shown) == 1:
            return shown[0]
        return f"{', '.join(shown[:-1])} or {shown[-1]}"


_RELAXED = {
    "language": "other languages",
    "format": "other formats",
    "region": "other regions",
    "max_cost": "a higher maximum cost",
}


def _relax_text(relax: tuple[tuple[str, ...], ...]) -> str:
    options = [" and ".join(_RELAXED[name] for name in option) for option in relax]
    return "Allow " + ", or allow ".join(options) + "."


def _level(value: float) -> float:
    """Return a level as an int when it is whole, so messages read "level 3"."""
    number = float(value)
    return int(number) if number.is_integer() else number


def _money(amount: float) -> str:
    return f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
