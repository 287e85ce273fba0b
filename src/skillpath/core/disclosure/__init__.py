"""Small-cell protection for published count tables (complementary suppression).

A table of counts is published with its row and column totals. Every cell with
``1 <= n < threshold`` is hidden; zeros are not sensitive and stay shown. Enough
other cells are hidden that no hidden cell can be worked out exactly from what is
shown: for every hidden cell the smallest and largest value it could take, over
all tables of non-negative integers agreeing with the shown cells and totals, differ.

Why it is safe. Hidden cells are chosen so that each lies on an alternating cycle
of hidden cells (row, column, row, ...) along which ``+1, -1, +1, ...`` keeps every
cell non-negative (a zero cell may only be on a ``+1`` step). Adding that cycle
gives a second valid table, so the cell has two possible values. The converse also
holds (the difference of two valid tables splits into such cycles), so the check
is exact. Integrality does not matter: the constraint matrix of a two-way table is
totally unimodular, so the linear-programming bounds of `feasible_range` are
attained by integer tables.

Algorithm: sensitive cells, largest first, each get the cheapest such cycle
(Dijkstra on the row/column graph; a cell already hidden costs nothing, another
costs its people, then one per cell), then complementary cells are shown again
where the set stays safe. It is a heuristic: it hides few people, not provably the
fewest (see docs/disclosure.md for the measured gap on small tables).

A table with one row or one column cannot be protected with its totals shown (a
cell equals its total): `suppress` raises `UnprotectableTableError`, and
`suppress_with_margins` also hides totals.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike
from scipy.optimize import linprog

from skillpath.core.disclosure.cycles import (
    BoolArray,
    IntArray,
    cycle_cover,
    unsafe_cells,
)

__all__ = [
    "MarginSuppression",
    "UnprotectableTableError",
    "feasible_range",
    "suppress",
    "suppress_with_margins",
    "unsafe_cells",
]


class UnprotectableTableError(ValueError):
    """Raised when a small cell cannot be hidden safely while the totals are shown."""


@dataclass(frozen=True)
class MarginSuppression:
    """Hold the cells and totals to hide.

    Attributes
    ----------
    cells : ndarray of bool
        ``(m, n)`` hidden cells.
    row_totals, column_totals : ndarray of bool
        ``(m,)`` and ``(n,)`` hidden totals.
    grand_total : bool
        Whether the grand total is hidden.
    """

    cells: BoolArray
    row_totals: BoolArray
    column_totals: BoolArray
    grand_total: bool


def _counts(counts: ArrayLike) -> IntArray:
    table = np.asarray(counts)
    if table.ndim != 2:
        raise ValueError(f"counts must be a 2-D table, got {table.ndim} dimension(s)")
    if table.dtype == bool or not (
        np.issubdtype(table.dtype, np.integer)
        or np.issubdtype(table.dtype, np.floating)
    ):
        raise ValueError(f"counts must be whole numbers, got dtype {table.dtype}")
    if not np.all(np.isfinite(table)) or np.any(table != np.round(table)):
        raise ValueError("counts must be whole numbers of people; round them first")
    if np.any(table < 0):
        where = tuple(int(k) for k in np.argwhere(table < 0)[0])
        raise ValueError(f"counts must be non-negative; cell {where} is negative")
    return table.astype(np.int64)


def _check_threshold(threshold: int) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, int | np.integer):
        raise ValueError(f"threshold must be an integer, got {threshold!r}")
    if threshold < 1:
        raise ValueError(f"threshold must be at least 1, got {threshold}")


def suppress(counts: ArrayLike, threshold: int = 10) -> BoolArray:
    """Return which cells to hide so that no small cell can be worked out.

    Parameters
    ----------
    counts : array_like of int
        ``(m, n)`` non-negative counts, published with their row and column totals.
    threshold : int, default 10
        Cells with ``1 <= n < threshold`` are hidden.

    Returns
    -------
    ndarray of bool
        ``(m, n)``, True where the cell is not shown.

    Raises
    ------
    ValueError
        If ``counts`` is not a 2-D table of non-negative whole numbers, or
        ``threshold < 1``.
    UnprotectableTableError
        If a small cell cannot be protected while the totals are shown (for
        example a table with one row); use `suppress_with_margins`.
    """
    _check_threshold(threshold)
    table = _counts(counts)
    sensitive = (table >= 1) & (table < threshold)
    if not sensitive.any():
        return sensitive
    hidden, impossible = cycle_cover(table, np.ones_like(table), sensitive)
    if impossible.any():
        where = tuple(int(k) for k in np.argwhere(impossible)[0])
        raise UnprotectableTableError(
            f"cell {where} (value {table[where]}) can be worked out from the totals "
            "however many cells are hidden; hide totals too (suppress_with_margins) "
            "or merge rows or columns"
        )
    return hidden


def suppress_with_margins(counts: ArrayLike, threshold: int = 10) -> MarginSuppression:
    """Return which cells and totals to hide; small totals are hidden too.

    The table is extended by its totals (a last column of row totals, a last row
    of column totals, the grand total in the corner), which obey the same
    row-and-column relations, and protected as one table.

    Parameters
    ----------
    counts : array_like of int
        ``(m, n)`` non-negative counts.
    threshold : int, default 10
        Cells and totals with ``1 <= n < threshold`` are hidden.

    Returns
    -------
    MarginSuppression
        The hidden cells and totals.
    """
    _check_threshold(threshold)
    table = _counts(counts)
    m, n = table.shape
    full = np.zeros((m + 1, n + 1), dtype=np.int64)
    full[:m, :n] = table
    full[:m, n] = table.sum(axis=1)
    full[m, :n] = table.sum(axis=0)
    full[m, n] = table.sum()
    signs = -np.ones_like(full)
    signs[:m, :n] = 1
    signs[m, n] = 1
    sensitive = (full >= 1) & (full < threshold)
    hidden, impossible = cycle_cover(full, signs, sensitive)
    if impossible.any():
        # Only a table with a single non-empty cell gets here.
        hidden = full > 0
    return MarginSuppression(
        cells=hidden[:m, :n],
        row_totals=hidden[:m, n],
        column_totals=hidden[m, :n],
        grand_total=bool(hidden[m, n]),
    )


def feasible_range(counts: ArrayLike, hidden: ArrayLike) -> tuple[IntArray, IntArray]:
    """Return, per cell, the smallest and largest value it could have.

    The audit an attacker would run: over all non-negative tables agreeing with
    the shown cells and the row and column totals, minimise and maximise each
    hidden cell with a linear program (HiGHS). The bounds are integers because
    the two-way constraint matrix is totally unimodular.

    Parameters
    ----------
    counts : array_like of int
        ``(m, n)`` the true counts.
    hidden : array_like of bool
        ``(m, n)`` True where the cell is not shown.

    Returns
    -------
    lowest, highest : ndarray of int
        ``(m, n)``; a shown cell's bounds are its value. A hidden cell is safe
        when ``lowest < highest``.
    """
    table = _counts(counts)
    mask = np.asarray(hidden, dtype=bool)
    if mask.shape != table.shape:
        raise ValueError(f"hidden has shape {mask.shape}, counts {table.shape}")
    m, n = table.shape
    lowest, highest = table.copy(), table.copy()
    rows, cols = np.nonzero(mask)
    size = rows.size
    if size == 0:
        return lowest, highest
    variable = np.arange(size)
    a_eq = sp.vstack(
        [
            sp.csr_array((np.ones(size), (rows, variable)), shape=(m, size)),
            sp.csr_array((np.ones(size), (cols, variable)), shape=(n, size)),
        ]
    ).tocsr()
    hidden_values = table[rows, cols].astype(float)
    b_eq = np.concatenate(
        [
            np.bincount(rows, hidden_values, minlength=m),
            np.bincount(cols, hidden_values, minlength=n),
        ]
    )
    for k in range(size):
        for direction, out in ((1.0, lowest), (-1.0, highest)):
            objective = np.zeros(size)
            objective[k] = direction
            result = linprog(objective, A_eq=a_eq, b_eq=b_eq, bounds=(0, None))
            if result.status != 0:
                raise RuntimeError(f"audit LP failed: {result.message}")
            out[rows[k], cols[k]] = round(direction * result.fun)
    return lowest, highest
