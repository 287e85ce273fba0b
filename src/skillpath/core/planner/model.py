"""Compile a module catalogue into arrays, and reason on it without a solver.

A module's ``requires_modules`` become requirements on a pseudo-competency that only
that module teaches (to level 1), so one mechanism handles every prerequisite: the
closure (which modules can ever be taken, and in which order), the relevance and
dominance pre-solve, and the coverage matrix of the mixed-integer program.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Module:
    """Describe one learning module of the catalogue.

    Parameters
    ----------
    id : str
        Unique identifier of the module.
    hours : float
        Learning time, non-negative.
    cost : float
        Price paid by or for the learner, non-negative.
    teaches : Mapping[str, int]
        Competency -> level the module brings the learner to.
    requires : Mapping[str, int]
        Competency -> level the learner must hold before starting.
    requires_modules : tuple of str
        Modules that must be taken before this one.
    language, format, region : str or None
        Delivery attributes; ``None`` means the module suits every language, format
        or region.
    name : str
        Display name, for messages.
    """

    id: str
    hours: float
    cost: float = 0.0
    teaches: Mapping[str, int] = field(default_factory=dict)
    requires: Mapping[str, int] = field(default_factory=dict)
    requires_modules: tuple[str, ...] = ()
    language: str | None = None
    format: str | None = None
    region: str | None = None
    name: str = ""


def _number(value: object) -> float:
    """Return ``value`` (int, float, Decimal, numpy number) as a float, else NaN."""
    if isinstance(value, str | bytes | bool):
        return math.nan
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan


def check_amount(value: float, what: str) -> float:
    """Return an amount as a float, or raise ValueError if it is negative or not finite.

    Parameters
    ----------
    value : float
        Hours, cost or maximum cost (int, float, Decimal or numpy number).
    what : str
        What the amount is, for the error message.

    Returns
    -------
    float
        The amount.
    """
    amount = _number(value)
    if not math.isfinite(amount) or amount < 0:
        raise ValueError(
            f"{what} is {value!r}: it must be a finite number of zero or more."
        )
    return amount


def check_level(value: float, what: str) -> float:
    """Return a level as a float, or raise ValueError if it is negative or not finite.

    Parameters
    ----------
    value : float
        The level to check.
    what : str
        Where the level comes from, for the error message.

    Returns
    -------
    float
        The level.
    """
    level = _number(value)
    if not math.isfinite(level) or level < 0:
        raise ValueError(
            f"{what} has level {value!r}: levels are numbers of 0 or more."
        )
    return level


def _codes(values: Sequence[str | None]) -> tuple[IntArray, dict[str, int]]:
    vocabulary: dict[str, int] = {}
    codes = np.array(
        [
            -1 if v is None else vocabulary.setdefault(v, len(vocabulary))
            for v in values
        ],
        dtype=np.int64,
    )
    return codes, vocabulary


class Catalogue:
    """Validate a module catalogue once and hold it as arrays for many plans.

    Parameters
    ----------
    modules : sequence of Module
        The catalogue.

    Raises
    ------
    ValueError
        On a duplicate id, a negative or non-finite amount or level, or a
        ``requires_modules`` entry naming an unknown module or the module itself.
    """

    def __init__(self, modules: Sequence[Module]) -> None:
        self.modules: tuple[Module, ...] = tuple(modules)
        self.index: dict[str, int] = {}
        for position, module in enumerate(self.modules):
            if not isinstance(module, Module):
                raise ValueError(f"Catalogue entry {position} is not a Module.")
            if module.id in self.index:
                raise ValueError(f"Two modules share the id {module.id!r}.")
            self.index[module.id] = position
        size = len(self.modules)
        self.hours = np.array(
            [check_amount(m.hours, f"Module {m.id!r}: hours") for m in self.modules],
            dtype=float,
        )
        self.cost = np.array(
            [check_amount(m.cost, f"Module {m.id!r}: cost") for m in self.modules],
            dtype=float,
        )

        self.competency_index: dict[str, int] = {}
        teach: list[tuple[int, int, float]] = []
        need: list[tuple[int, int, float]] = []
        for position, module in enumerate(self.modules):
            for competency, level in module.teaches.items():
                column = self.competency_index.setdefault(
                    competency, len(self.competency_index)
                )
                where = f"Module {module.id!r} (teaches {competency!r})"
                teach.append((position, column, check_level(level, where)))
            for competency, level in module.requires.items():
                column = self.competency_index.setdefault(
                    competency, len(self.competency_index)
                )
                where = f"Module {module.id!r} (requires {competency!r})"
                need.append((position, column, check_level(level, where)))
        self.n_competencies = len(self.competency_index)

        # One pseudo-competency per module that another module requires by id.
        pseudo: dict[int, int] = {}
        for position, module in enumerate(self.modules):
            if isinstance(module.requires_modules, str):
                raise ValueError(
                    f"Module {module.id!r}: requires_modules must be a tuple of ids, "
                    "not a string."
                )
            for other in dict.fromkeys(module.requires_modules):
                if other not in self.index:
                    raise ValueError(
                        f"Module {module.id!r} requires unknown module {other!r}."
                    )
                if other == module.id:
                    raise ValueError(f"Module {module.id!r} requires itself.")
                target = self.index[other]
                if target not in pseudo:
                    pseudo[target] = self.n_competencies + len(pseudo)
                    teach.append((target, pseudo[target], 1.0))
                need.append((position, pseudo[target], 1.0))
        self.size = size
        self.width = self.n_competencies + len(pseudo)

        def columns(rows: list[tuple[int, int, float]]) -> tuple[IntArray, ...]:
            if not rows:
                empty = np.zeros(0, dtype=np.int64)
                return empty, empty.copy()
            array = np.array([(m, c) for m, c, _ in rows], dtype=np.int64)
            return array[:, 0], array[:, 1]

        self.teach_module, self.teach_competency = columns(teach)
        self.teach_level = np.array([lvl for *_, lvl in teach], dtype=float)
        self.need_module, self.need_competency = columns(need)
        self.need_level = np.array([lvl for *_, lvl in need], dtype=float)
        self.language, self.languages = _codes([m.language for m in self.modules])
        self.format, self.formats = _codes([m.format for m in self.modules])
        self.region, self.regions = _codes([m.region for m in self.modules])

    def accepts(
        self,
        *,
        languages: Collection[str] | None,
        formats: Collection[str] | None,
        region: str | None,
        max_cost: float | None,
    ) -> dict[str, BoolArray]:
        """Return, per active constraint, which modules it lets through.

        Parameters
        ----------
        languages, formats : collection of str or None
            Accepted languages and formats; ``None`` accepts all.
        region : str or None
            The learner's region; ``None`` accepts all.
        max_cost : float or None
            Maximum total cost; a module dearer than this alone is excluded.

        Returns
        -------
        dict of str to ndarray of bool
            Keys among ``"language"``, ``"format"``, ``"region"``, ``"max_cost"``.
        """
        masks: dict[str, BoolArray] = {}

        def allowed(
            codes: IntArray, vocabulary: dict[str, int], wanted: Collection[str]
        ) -> BoolArray:
            known = [vocabulary[v] for v in wanted if v in vocabulary]
            return (codes < 0) | np.isin(codes, np.array(known, dtype=np.int64))

        if languages is not None:
            masks["language"] = allowed(self.language, self.languages, languages)
        if formats is not None:
            masks["format"] = allowed(self.format, self.formats, formats)
        if region is not None:
            masks["region"] = allowed(self.region, self.regions, (region,))
        if max_cost is not None:
            masks["max_cost"] = self.cost <= max_cost
        return masks


class Situation:
    """Hold one learner's current levels against a catalogue.

    Requirements the learner already meets are dropped here, so everything
    downstream only sees the requirements that some module must satisfy.

    Parameters
    ----------
    catalogue : Catalogue
        The compiled catalogue.
    current : ndarray of float
        Current level per catalogue column (competencies, then pseudo-competencies).
    """

    def __init__(self, catalogue: Catalogue, current: FloatArray) -> None:
        self.catalogue = catalogue
        self.current = current
        open_ = catalogue.need_level > current[catalogue.need_competency]
        self.need_module = catalogue.need_module[open_]
        self.need_competency = catalogue.need_competency[open_]
        self.need_level = catalogue.need_level[open_]
        self.need_count = np.bincount(self.need_module, minlength=catalogue.size)

    def closure(self, allowed: BoolArray) -> tuple[IntArray, FloatArray]:
        """Return the round in which each module can first be taken, and the levels.

        Modules are taken in rounds: a module joins as soon as every requirement is
        met by the current levels or by modules of earlier rounds. Modules that never
        join are those no order can reach, which is how circular prerequisites are
        told apart from real ones.

        Parameters
        ----------
        allowed : ndarray of bool
            Modules that may be taken.

        Returns
        -------
        rounds : ndarray of int
            Round per module, -1 for modules never taken.
        reached : ndarray of float
            Level reached per catalogue column when every taken module is done.
        """
        catalogue = self.catalogue
        reached = self.current.copy()
        rounds = np.full(catalogue.size, -1, dtype=np.int64)
        waiting = allowed.copy()
        step = 0
        while True:
            met = reached[self.need_competency] >= self.need_level
            met_count = np.bincount(
                self.need_module, weights=met, minlength=catalogue.size
            )
            ready = waiting & (met_count >= self.need_count)
            if not ready.any():
                return rounds, reached
            rounds[ready] = step
            waiting &= ~ready
            taught = ready[catalogue.teach_module]
            np.maximum.at(
                reached,
                catalogue.teach_competency[taught],
                catalogue.teach_level[taught],
            )
            step += 1
