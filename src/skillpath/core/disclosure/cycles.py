"""Choose complementary cells by cheapest alternating cycles, and check a hidden set.

A table is a bipartite graph: one node per line (row or column), one edge per cell.
Moving a hidden cell's value by ``+1`` is an arc row -> column, by ``-1`` an arc
column -> row. A move is allowed unless it would make a cell negative: a zero cell
(shown as a published count, ``sign = +1``) can only go up; a zero *total* that is
treated as a cell (``sign = -1``) can only go down in the signed space. Every
hidden cell is safe exactly when it lies on a directed cycle of allowed arcs of
hidden cells: adding ``+1``/``-1`` around that cycle gives another table of
non-negative integers with the same shown cells and totals.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.sparse.csgraph import breadth_first_order, dijkstra

BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


def allowed_moves(values: IntArray, signs: IntArray) -> tuple[BoolArray, BoolArray]:
    """Return, per cell, whether it may move up and whether it may move down.

    Parameters
    ----------
    values : ndarray of int
        ``(p, q)`` cell values (all non-negative).
    signs : ndarray of int
        ``(p, q)`` ``+1`` for a count, ``-1`` for a total treated as a cell.

    Returns
    -------
    up, down : ndarray of bool
        Whether the signed value may move by ``+1`` (arc row -> column) and by
        ``-1`` (arc column -> row) without making the cell negative.
    """
    positive = values > 0
    return positive | (signs > 0), positive | (signs < 0)


def _graph(
    weights_up: FloatArray, weights_down: FloatArray, up: BoolArray, down: BoolArray
) -> sp.csr_array:
    p, q = up.shape
    rows_up, cols_up = np.nonzero(up)
    rows_down, cols_down = np.nonzero(down)
    source = np.concatenate([rows_up, p + cols_down])
    target = np.concatenate([p + cols_up, rows_down])
    weight = np.concatenate([weights_up[up], weights_down[down]])
    return sp.csr_array((weight, (source, target)), shape=(p + q, p + q))


def cycle_cover(
    values: IntArray, signs: IntArray, sensitive: BoolArray
) -> tuple[BoolArray, BoolArray]:
    """Return a safe hidden set built by cheapest cycles, and the cells left unsafe.

    Sensitive cells are taken from the largest down; for each, the cheapest cycle
    through it is found by Dijkstra on the line graph, where an arc costs nothing
    if its cell is already hidden and otherwise its people (then one per cell, to
    break ties). The cycle's cells are hidden. A pass then tries to show each
    complementary cell again, the most people first, keeping the set safe.

    Parameters
    ----------
    values, signs : ndarray of int
        See `allowed_moves`.
    sensitive : ndarray of bool
        Cells that must be hidden.

    Returns
    -------
    hidden : ndarray of bool
        Hidden cells; safe except for the cells in ``impossible``.
    impossible : ndarray of bool
        Sensitive cells on no cycle at all, even with every cell hidden.
    """
    p, q = values.shape
    up, down = allowed_moves(values, signs)
    hidden = sensitive.copy()
    impossible = np.zeros_like(sensitive)
    # One hidden arc costs 1; a new cell costs more than any cycle of hidden arcs,
    # and a person more than any number of new cells.
    unit = float(p + q + 1)
    new_cell = unit * (values.astype(float) * (p * q + 1) + 1)
    order = np.argsort(-values[sensitive], kind="stable")
    cells = np.argwhere(sensitive)[order]
    for i, j in cells:
        cost = np.where(hidden, 1.0, new_cell)
        keep_up, keep_down = up.copy(), down.copy()
        keep_up[i, j] = keep_down[i, j] = False
        graph = _graph(cost, cost, keep_up, keep_down)
        distance, previous = dijkstra(
            graph, indices=[i, p + j], return_predecessors=True
        )
        # Cell as -1: arc column -> row, then a path row i -> column j; as +1: arc
        # row -> column, then a path column j -> row i.
        options = []
        if down[i, j]:
            options.append((distance[0, p + j], 0, p + j))
        if up[i, j]:
            options.append((distance[1, i], 1, i))
        options = [option for option in options if np.isfinite(option[0])]
        if not options:
            impossible[i, j] = True
            continue
        _, which, node = min(options)
        while previous[which, node] >= 0:
            before = previous[which, node]
            row, col = (before, node - p) if before < p else (node, before - p)
            hidden[row, col] = True
            node = before
    _prune(values, up, down, hidden, sensitive, impossible)
    return hidden, impossible


def unsafe_cells(values: IntArray, signs: IntArray, hidden: BoolArray) -> BoolArray:
    """Return the hidden cells that lie on no allowed cycle of hidden cells.

    Parameters
    ----------
    values, signs : ndarray of int
        See `allowed_moves`.
    hidden : ndarray of bool
        Hidden cells.

    Returns
    -------
    ndarray of bool
        True where a hidden cell could be worked out exactly.
    """
    up, down = allowed_moves(values, signs)
    return _unsafe(up, down, hidden)


def _unsafe(up: BoolArray, down: BoolArray, hidden: BoolArray) -> BoolArray:
    p, q = hidden.shape
    unsafe = np.zeros_like(hidden)
    ones = np.ones(hidden.shape)
    for i, j in np.argwhere(hidden):
        keep_up, keep_down = up & hidden, down & hidden
        keep_up[i, j] = keep_down[i, j] = False
        graph = _graph(ones, ones, keep_up, keep_down)
        safe = False
        if up[i, j]:
            safe = i in breadth_first_order(graph, p + j, return_predecessors=False)
        if not safe and down[i, j]:
            safe = p + j in breadth_first_order(graph, i, return_predecessors=False)
        unsafe[i, j] = not safe
    return unsafe


# Above this many (candidate x hidden) checks the pruning pass is skipped.
_PRUNE_BUDGET = 40_000


def _prune(
    values: IntArray,
    up: BoolArray,
    down: BoolArray,
    hidden: BoolArray,
    sensitive: BoolArray,
    impossible: BoolArray,
) -> None:
    extra = hidden & ~sensitive
    if extra.sum() * hidden.sum() > _PRUNE_BUDGET:
        return
    candidates = np.argwhere(extra)
    order = np.argsort(-values[extra], kind="stable")
    for i, j in candidates[order]:
        hidden[i, j] = False
        if (_unsafe(up, down, hidden) & ~impossible).any():
            hidden[i, j] = True
