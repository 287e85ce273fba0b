"""Property: nothing a protected table shows is a count of 1 to 9 people."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.optimize import linprog

from skillpath.common.protected_tables import (
    THRESHOLD,
    Statistic,
    median_of,
    protect,
)

SMALL = range(1, THRESHOLD)

tables = st.tuples(st.integers(1, 6), st.integers(1, 6)).flatmap(
    lambda shape: arrays(np.int64, shape, elements=st.integers(0, 40))
)


def _protected(counts: np.ndarray):  # type: ignore[no-untyped-def]
    m, n = counts.shape
    return protect(
        key="t",
        title="t",
        columns=[f"c{j}" for j in range(n)],
        rows=[(f"r{i}", f"r{i}") for i in range(m)],
        counts=counts,
        all_label="All",
    )


@settings(max_examples=150, deadline=None)
@given(tables)
def test_no_shown_cell_total_sum_or_rate_is_one_to_nine(counts: np.ndarray) -> None:
    table = _protected(counts)
    n = counts.shape[1]
    for row in (*table.rows, table.all):
        for value in (*row.cells, row.total):
            assert value is None or value not in SMALL
        for first in range(n):
            reached = row.reached(first)
            assert reached is None or reached not in SMALL
        for split in range(1, n + 1):
            rate = row.rate(range(split), range(n))
            if rate is not None:
                assert rate.numerator not in SMALL
                assert rate.denominator not in SMALL


@settings(max_examples=100, deadline=None)
@given(tables)
def test_every_small_cell_is_hidden_and_cannot_be_worked_out(
    counts: np.ndarray,
) -> None:
    table = _protected(counts)
    kept = counts[counts.sum(axis=1) > 0]
    if kept.size == 0:
        return
    hidden = np.array([[v is None for v in row.cells] for row in table.rows])
    assert not ((kept >= 1) & (kept < THRESHOLD) & ~hidden).any()
    # The attacker's audit with the totals that are hidden unknown too.
    shown_all = np.array(
        [
            [v is None for v in (*row.cells, row.total)]
            for row in (*table.rows, table.all)
        ]
    )
    full = _extended(kept)
    lowest, highest = _audit(full, shown_all)
    assert (highest[shown_all] - lowest[shown_all] > 0.5).all()


def _extended(kept: np.ndarray) -> np.ndarray:
    m, n = kept.shape
    full = np.zeros((m + 1, n + 1), dtype=np.int64)
    full[:m, :n] = kept
    full[:m, n] = kept.sum(axis=1)
    full[m, :n] = kept.sum(axis=0)
    full[m, n] = kept.sum()
    return full


def _audit(full: np.ndarray, hidden: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return each entry's smallest and largest value given what is shown.

    Unknowns: the hidden cells and hidden totals of ``full`` (cells with a last
    column of row totals and a last row of column totals, the grand total in the
    corner), all non-negative; every row and every column of cells sums to its
    total. Solved as linear programs (HiGHS), one pair per unknown.
    """
    m1, n1 = full.shape
    index = {cell: k for k, cell in enumerate(zip(*np.nonzero(hidden), strict=True))}
    equations = []
    for i in range(m1):  # row i: cells - total = 0
        equations.append([((i, j), 1.0) for j in range(n1 - 1)] + [((i, n1 - 1), -1.0)])
    for j in range(n1):  # column j: cells - total = 0
        equations.append([((i, j), 1.0) for i in range(m1 - 1)] + [((m1 - 1, j), -1.0)])
    a_eq = np.zeros((len(equations), len(index)))
    b_eq = np.zeros(len(equations))
    for row, terms in enumerate(equations):
        for cell, sign in terms:
            if cell in index:
                a_eq[row, index[cell]] += sign
            else:
                b_eq[row] -= sign * full[cell]
    lowest, highest = full.astype(float).copy(), full.astype(float).copy()
    for cell, k in index.items():
        for direction, out in ((1.0, lowest), (-1.0, highest)):
            objective = np.zeros(len(index))
            objective[k] = direction
            result = linprog(objective, A_eq=a_eq, b_eq=b_eq, bounds=(0, None))
            assert result.status in (0, 3), result.message
            out[cell] = np.inf if result.status == 3 else direction * result.fun
    return lowest, highest


def test_median_needs_ten_people() -> None:
    assert median_of([1] * 9) == Statistic(9, None)
    assert median_of(list(range(10))).value == 4.5
