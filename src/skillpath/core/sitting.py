"""Several competencies assessed in one sitting, interleaved under a blueprint.

Each competency keeps its own adaptive test and its own stopping rule. The sitting
decides only which competency asks next: the running one whose share of the items
given so far lies furthest below its blueprint share (Kingsbury and Zara's
constrained CAT), so the competencies stay balanced while they run, and a
competency that has stopped hands its turns to the others.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

import numpy as np
from numpy.typing import ArrayLike

from skillpath.core.cat import LevelTest, MasteryTest
from skillpath.core.cat.engine import STATE_VERSION, AdaptiveTest

__all__ = ["Sitting"]

_KINDS: dict[str, type[AdaptiveTest]] = {
    MasteryTest.kind: MasteryTest,
    LevelTest.kind: LevelTest,
    AdaptiveTest.kind: AdaptiveTest,
}


class Sitting:
    """Interleave the adaptive tests of several competencies under a blueprint.

    Parameters
    ----------
    tests : mapping of str to AdaptiveTest
        One test per competency key; each with its own random generator (e.g. from
        ``numpy.random.Generator.spawn``), so that a saved sitting continues exactly.
    blueprint : mapping of str to float, optional
        Target share of items per competency (any positive weights; normalised).
        Equal shares by default.

    Raises
    ------
    ValueError
        If there are no tests, the blueprint names other competencies or has a
        non-positive weight, or two tests share one generator.
    """

    kind = "Sitting"

    def __init__(
        self,
        tests: Mapping[str, AdaptiveTest],
        *,
        blueprint: Mapping[str, float] | None = None,
    ) -> None:
        self.tests = dict(tests)
        self.blueprint = blueprint
        if not self.tests:
            raise ValueError("a sitting needs at least one competency test")
        weights = (
            dict.fromkeys(self.tests, 1.0) if blueprint is None else dict(blueprint)
        )
        if set(weights) != set(self.tests):
            raise ValueError(
                "blueprint and tests must name the same competencies: "
                f"{sorted(weights)} vs {sorted(self.tests)}"
            )
        if any(not w > 0 for w in weights.values()):
            raise ValueError("blueprint weights must be positive")
        generators = [id(t.rng) for t in self.tests.values() if t.rng is not None]
        if len(set(generators)) != len(generators):
            raise ValueError(
                "give each competency test its own generator (numpy.random.Generator.spawn)"
            )
        self._keys = list(self.tests)
        total = sum(weights.values())
        self._share = np.array([weights[k] / total for k in self._keys])
        self._pending: tuple[str, int] | None = None

    # --------------------------------------------------------------- protocol
    def _next_competency(self) -> str | None:
        running = np.array([not self.tests[k].stopped for k in self._keys])
        if not running.any():
            return None
        given = np.array([self.tests[k].n_items for k in self._keys], dtype=float)
        target = np.where(running, self._share, 0.0)
        target /= target.sum()
        # Deficit against the blueprint share, over the items given so far plus one.
        deficit = target * (given.sum() + 1) - given
        deficit[~running] = -np.inf
        return self._keys[int(deficit.argmax())]

    def next_item(self) -> tuple[str, int] | None:
        """Return ``(competency, item)`` to give next, or None when all have stopped.

        Calling it again before :meth:`record` returns the same pair.
        """
        if self._pending is not None:
            return self._pending
        competency = self._next_competency()
        if competency is None:
            return None
        item = self.tests[competency].next_item()
        assert item is not None
        self._pending = (competency, item)
        return self._pending

    def record(self, competency: str, item: int, score: float) -> None:
        """Record the score of an item of one competency.

        Raises
        ------
        ValueError
            If the competency is unknown, or its test rejects the response.
        """
        if competency not in self.tests:
            raise ValueError(f"unknown competency {competency!r}")
        self.tests[competency].record(item, score)
        self._pending = None

    # ------------------------------------------------------------- read-outs
    @property
    def stopped(self) -> bool:
        """Whether every competency's test has ended."""
        return all(t.stopped for t in self.tests.values())

    @property
    def n_items(self) -> int:
        """Items given in the sitting."""
        return sum(t.n_items for t in self.tests.values())

    def results(self) -> dict[str, dict[str, Any]]:
        """Return, per competency, the outcome so far as plain data."""
        out: dict[str, dict[str, Any]] = {}
        for key, test in self.tests.items():
            result: dict[str, Any] = {
                "stopped": test.stopped,
                "n_items": test.n_items,
                "theta": test.theta,
                "se": test.se,
            }
            if isinstance(test, MasteryTest):
                result["decision"] = (
                    None if test.decision is None else str(test.decision)
                )
                result["p_mastery"] = test.p_mastery
            if isinstance(test, LevelTest):
                result["level"] = test.level
            out[key] = result
        return out

    # ---------------------------------------------------------- persistence
    def to_dict(self, *, include_bank: bool = True) -> dict[str, Any]:
        """Return the whole sitting as plain JSON-able data."""
        return {
            "kind": self.kind,
            "version": STATE_VERSION,
            "blueprint": None if self.blueprint is None else dict(self.blueprint),
            "tests": {
                key: test.to_dict(include_bank=include_bank)
                for key, test in self.tests.items()
            },
            "pending": None if self._pending is None else list(self._pending),
        }

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        *,
        banks: Mapping[str, tuple[ArrayLike, ArrayLike]] | None = None,
    ) -> Self:
        """Rebuild a sitting saved by :meth:`to_dict`.

        Parameters
        ----------
        data : mapping
            Saved state.
        banks : mapping of str to (discrimination, difficulty), optional
            Item banks per competency, needed when the state was saved without them.

        Raises
        ------
        ValueError
            If the data is not a sitting of this version or a test cannot be rebuilt.
        """
        if data.get("kind") != cls.kind or data.get("version") != STATE_VERSION:
            raise ValueError(f"state is not a {cls.kind} v{STATE_VERSION}")
        tests: dict[str, AdaptiveTest] = {}
        for key, state in data["tests"].items():
            test_class = _KINDS.get(state.get("kind"))
            if test_class is None:
                raise ValueError(f"unknown test kind {state.get('kind')!r} for {key!r}")
            if banks is not None and key in banks:
                a, b = banks[key]
                tests[key] = test_class.from_dict(state, discrimination=a, difficulty=b)
            else:
                tests[key] = test_class.from_dict(state)
        sitting = cls(tests, blueprint=data.get("blueprint"))
        pending = data.get("pending")
        if pending is not None:
            sitting._pending = (str(pending[0]), int(pending[1]))
        return sitting

    @classmethod
    def for_retake(
        cls,
        previous: Sitting,
        *,
        rng: np.random.Generator | None,
        learning_sd: float = 0.5,
    ) -> Self:
        """Return a sitting for the competencies not mastered in a previous one.

        Each open competency's test starts from its previous posterior, widened
        (:meth:`MasteryTest.for_retake`), without the items seen before.

        Raises
        ------
        ValueError
            If the previous sitting has not finished, holds non-mastery tests, or
            every competency was mastered.
        """
        if not previous.stopped:
            raise ValueError("the previous sitting has not finished")
        open_keys = []
        for key, test in previous.tests.items():
            if not isinstance(test, MasteryTest):
                raise ValueError(f"competency {key!r} is not a mastery test")
            if test.decision != "mastered":
                open_keys.append(key)
        if not open_keys:
            raise ValueError("every competency was mastered; nothing to retake")
        streams: list[np.random.Generator | None] = (
            list(rng.spawn(len(open_keys)))
            if rng is not None
            else [None] * len(open_keys)
        )
        tests: dict[str, AdaptiveTest] = {}
        for key, stream in zip(open_keys, streams, strict=True):
            previous_test = previous.tests[key]
            assert isinstance(previous_test, MasteryTest)
            tests[key] = MasteryTest.for_retake(
                previous_test, rng=stream, learning_sd=learning_sd
            )
        blueprint = None
        if previous.blueprint is not None:
            blueprint = {k: previous.blueprint[k] for k in open_keys}
        return cls(tests, blueprint=blueprint)
