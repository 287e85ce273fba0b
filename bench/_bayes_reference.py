"""A reference for ``bench/cat.py``: the best a stopping rule can do on a fixed sequence.

Give every examinee the items most informative at the cut, in that order, and stop
by the Bayes-optimal rule for the true N(0, 1) population: the rule that maximises
the expected share of right decisions minus ``cost`` per item, found exactly by
backward induction. For a fixed sequence of 2PL items the posterior depends on the
responses only through the weighted score ``S = sum(a_i * x_i)`` (the remaining
factor of the likelihood does not depend on ability), so the state after ``n``
items is ``(n, S)``; ``S`` is kept on a fine lattice.

No rule that stops on the evidence of these items, given in this order, can be more
accurate on average over the population for the same mean length. Sweeping ``cost`` traces the
frontier; :func:`references_at_lengths` finds the points of the frontier at given
mean lengths and replays their policies on the benchmark's own examinees and
responses, so they can be compared with the engines in the same run.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import expit

STEP = 0.01  # lattice of the weighted score
GRID = np.linspace(-5.0, 5.0, 501)


@dataclass(frozen=True)
class Policy:
    """A solved stopping problem on one item sequence."""

    items: np.ndarray
    steps: np.ndarray  # lattice steps of each item's weight a_i
    go_on: list[np.ndarray]  # go_on[n][s]: give item n in state (n, s)
    p_mastery: list[np.ndarray]  # p_mastery[n][s]


class _Problem:
    def __init__(self, a: np.ndarray, b: np.ndarray, cut: float, length: int) -> None:
        share = a**2 * expit(a * (cut - b)) * expit(-a * (cut - b))
        self.items = np.argsort(-share)[:length]
        a_seq, b_seq = a[self.items], b[self.items]
        self.steps = np.rint(a_seq / STEP).astype(int)
        n_states = int(self.steps.sum()) + 1
        score = np.arange(n_states) * STEP
        log_prior = -0.5 * GRID**2
        z = a_seq[:, None] * (GRID - b_seq[:, None])
        log_norm = np.vstack(
            [np.zeros(GRID.size), np.cumsum(np.logaddexp(0.0, z), axis=0)]
        )
        mastered = (cut <= GRID).astype(float)
        right = expit(z)
        self.p_mastery: list[np.ndarray] = []
        self.p_right: list[np.ndarray] = []
        for n in range(length + 1):
            log_post = log_prior + np.outer(score, GRID) - log_norm[n]
            weights = np.exp(log_post - log_post.max(axis=1, keepdims=True))
            weights /= weights.sum(axis=1, keepdims=True)
            self.p_mastery.append(weights @ mastered)
            if n < length:
                self.p_right.append(weights @ right[n])
        self.length = length

    def solve(self, cost: float, min_items: int = 1) -> Policy:
        value = np.maximum(self.p_mastery[-1], 1 - self.p_mastery[-1])
        go_on: list[np.ndarray] = [np.zeros(value.size, dtype=bool)]
        for n in range(self.length - 1, -1, -1):
            shift = self.steps[n]
            after_right = np.concatenate([value[shift:], np.full(shift, value[-1])])
            keep = -cost + self.p_right[n] * after_right + (1 - self.p_right[n]) * value
            stop = np.maximum(self.p_mastery[n], 1 - self.p_mastery[n])
            more = keep > stop if n >= min_items else np.ones(keep.size, dtype=bool)
            go_on.insert(0, more)
            value = np.where(more, keep, stop)
        return Policy(self.items, self.steps, go_on, self.p_mastery)


def replay(policy: Policy, responses: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return each examinee's decision (True = mastered) and test length."""
    people = responses.shape[0]
    state = np.zeros(people, dtype=int)
    length = np.zeros(people, dtype=int)
    decided = np.zeros(people, dtype=bool)
    active = np.ones(people, dtype=bool)
    for n, more in enumerate(policy.go_on):
        stopping = active & ~more[state]
        decided[stopping] = policy.p_mastery[n][state[stopping]] >= 0.5
        length[stopping] = n
        active &= ~stopping
        if not active.any():
            break
        answers = responses[active, policy.items[n]]
        state[active] += policy.steps[n] * answers
    return decided, length


def references_at_lengths(
    a: np.ndarray,
    b: np.ndarray,
    cut: float,
    responses: np.ndarray,
    target_means: list[float],
    max_items: int,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Return decisions and lengths of the Bayes-optimal rule at each mean length.

    The sequence's posterior tables are built once; for each target the item cost is
    found by bisection (on a log scale) so that the policy's mean length on
    ``responses`` (persons x all bank items) is at most the target.
    """
    problem = _Problem(a, b, cut, max_items)
    found = []
    for target in target_means:
        low, high = 1e-6, 0.2  # cost: long tests .. very short tests
        best = replay(problem.solve(high), responses)
        for _ in range(30):
            middle = float(np.sqrt(low * high))
            decided, length = replay(problem.solve(middle), responses)
            if length.mean() <= target:
                high, best = middle, (decided, length)
            else:
                low = middle
        found.append(best)
    return found
