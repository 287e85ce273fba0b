"""Tests of small-cell suppression: the two rules by LP audit, minimality, edges."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from skillpath.core.disclosure import (
    UnprotectableTableError,
    feasible_range,
    suppress,
    suppress_with_margins,
)


def _assert_rules(counts: np.ndarray, hidden: np.ndarray, threshold: int) -> None:
    small = (counts >= 1) & (counts < threshold)
    assert hidden[small].all()
    lowest, highest = feasible_range(counts, hidden)
    assert (lowest[hidden] < highest[hidden]).all()


def _report_table(rng: np.random.Generator) -> np.ndarray:
    m, n = int(rng.integers(2, 9)), int(rng.integers(2, 13))
    scale = rng.choice([3.0, 8.0, 20.0])
    return rng.poisson(scale * rng.gamma(1.0, 1.0, (m, 1)), (m, n))


def _baseline(counts: np.ndarray, threshold: int) -> np.ndarray:
    """Hide, in each row and column with one hidden cell, its smallest other cell."""
    hidden = (counts >= 1) & (counts < threshold)
    changed = True
    while changed:
        changed = False
        for lines, view in ((hidden, counts), (hidden.T, counts.T)):
            for k in range(lines.shape[0]):
                if lines[k].sum() == 1:
                    free = np.where(lines[k], np.inf, view[k].astype(float))
                    free[view[k] == 0] = np.inf
                    if np.isfinite(free.min()):
                        lines[k, int(np.argmin(free))] = True
                        changed = True
    return hidden


def test_suppression_is_safe_on_seeded_report_tables() -> None:
    rng = np.random.default_rng(2026)
    for _ in range(150):
        counts = _report_table(rng)
        try:
            hidden = suppress(counts)
        except UnprotectableTableError:
            continue
        _assert_rules(counts, hidden, 10)


@settings(max_examples=80, deadline=None)
@given(
    arrays(
        np.int64,
        st.tuples(st.integers(2, 5), st.integers(2, 6)),
        elements=st.integers(0, 25),
    ),
    st.integers(1, 12),
)
def test_suppression_is_safe_on_any_table(counts: np.ndarray, threshold: int) -> None:
    try:
        hidden = suppress(counts, threshold=threshold)
    except UnprotectableTableError:
        # Then even hiding every cell leaves some small cell exact.
        lowest, highest = feasible_range(counts, np.ones_like(counts, dtype=bool))
        small = (counts >= 1) & (counts < threshold)
        assert (lowest[small] == highest[small]).any()
        return
    _assert_rules(counts, hidden, threshold)


def _fewest_people(counts: np.ndarray, threshold: int) -> int:
    small = (counts >= 1) & (counts < threshold)
    others = np.argwhere(~small)
    best = None
    for size in range(len(others) + 1):
        for chosen in itertools.combinations(range(len(others)), size):
            hidden = small.copy()
            for k in chosen:
                hidden[tuple(others[k])] = True
            people = int(counts[hidden].sum())
            if best is not None and people >= best:
                continue
            lowest, highest = feasible_range(counts, hidden)
            if (lowest[hidden] < highest[hidden]).all():
                best = people
    assert best is not None
    return best


def test_suppression_is_close_to_the_fewest_people_on_small_tables() -> None:
    rng = np.random.default_rng(7)
    gaps = []
    for _ in range(12):
        m, n = int(rng.integers(2, 4)), int(rng.integers(2, 4))
        counts = rng.integers(0, 25, (m, n))
        counts[rng.random((m, n)) < 0.3] = int(rng.integers(1, 9))
        try:
            hidden = suppress(counts)
        except UnprotectableTableError:
            continue
        mine = int(counts[hidden].sum())
        best = _fewest_people(counts, 10)
        assert mine >= best
        gaps.append(mine - best)
    assert gaps and np.mean(gaps) <= 10


def test_suppression_hides_fewer_people_than_the_baseline() -> None:
    rng = np.random.default_rng(11)
    mine = base = 0
    for _ in range(150):
        counts = _report_table(rng)
        try:
            hidden = suppress(counts)
        except UnprotectableTableError:
            continue
        mine += int(counts[hidden].sum())
        base += int(counts[_baseline(counts, 10)].sum())
    assert mine < base


def test_zeros_are_shown_and_all_zero_rows_are_fine() -> None:
    counts = np.array([[0, 0, 0], [3, 20, 30], [15, 25, 40]])
    hidden = suppress(counts)
    assert not hidden[0].any()
    _assert_rules(counts, hidden, 10)


def test_table_without_small_cells_hides_nothing() -> None:
    assert not suppress(np.full((3, 3), 12)).any()


def test_one_row_table_is_refused_and_margins_can_be_hidden() -> None:
    counts = np.array([[3, 40, 50]])
    with pytest.raises(UnprotectableTableError, match="suppress_with_margins"):
        suppress(counts)
    result = suppress_with_margins(counts)
    assert result.cells[0, 0] and result.column_totals[0]


@pytest.mark.parametrize(
    ("counts", "threshold", "message"),
    [
        ([[1.5, 2], [3, 4]], 10, "whole numbers"),
        ([[-1, 2], [3, 4]], 10, "non-negative"),
        ([1, 2, 3], 10, "2-D"),
        ([[1, 2], [3, 4]], 0, "at least 1"),
    ],
)
def test_bad_input_is_rejected_with_a_clear_message(
    counts: list[list[float]], threshold: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        suppress(counts, threshold=threshold)
