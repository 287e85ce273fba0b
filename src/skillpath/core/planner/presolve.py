"""Pre-solve the planner's program: keep the modules that matter, drop dominated ones.

Needs grow from the gaps: a module is kept when it teaches a needed (competency,
level) pair, and its own open requirements become needs in turn. Among the kept
modules, one that another can always replace in a plan is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from skillpath.core.planner.model import (
    BoolArray,
    Catalogue,
    FloatArray,
    IntArray,
    Situation,
)


@dataclass(frozen=True)
class Reduction:
    """Hold the pre-solved problem: kept modules and the (competency, level) pairs.

    Attributes
    ----------
    modules : ndarray of int
        Catalogue positions of the modules kept as MIP columns.
    pair_competency, pair_level : ndarray
        The (competency, level) pairs some constraint needs, sorted.
    cover : scipy.sparse.csr_matrix
        Kept module x pair, 1 when the module teaches the competency to that level.
    gap_pairs : ndarray of int
        Pair of each gap, in the order of the gaps given.
    need_module, need_pair : ndarray of int
        Open requirements of kept modules: local module index and pair.
    """

    modules: IntArray
    pair_competency: IntArray
    pair_level: FloatArray
    cover: sp.csr_matrix
    gap_pairs: IntArray
    need_module: IntArray
    need_pair: IntArray


def reduce(
    situation: Situation,
    usable: BoolArray,
    gap_competency: IntArray,
    gap_level: FloatArray,
    weights: FloatArray,
    tie_break: FloatArray,
    *,
    capped: bool,
) -> Reduction:
    """Return the pre-solved problem for gaps every one of which some module closes.

    Keeps only the modules that teach a needed (competency, level) pair, where the
    needs grow from the gaps through the requirements of kept modules, then drops
    modules another kept module dominates.

    Parameters
    ----------
    situation : Situation
        The learner against the catalogue.
    usable : ndarray of bool
        Modules that pass the constraints and can be ordered from the current levels.
    gap_competency, gap_level : ndarray
        Catalogue column and required level of each gap to close.
    weights : ndarray of float
        Objective weight of each catalogue module.
    tie_break : ndarray of float
        What decides between modules of equal weight (hours when minimising cost,
        else cost).
    capped : bool
        Whether the plan's total cost is capped, so that a module can dominate
        another only if it costs no more.

    Returns
    -------
    Reduction
        The reduced problem.
    """
    catalogue = situation.catalogue
    need = np.full(catalogue.width, np.inf)
    np.minimum.at(need, gap_competency, gap_level)
    kept = np.zeros(catalogue.size, dtype=bool)
    while True:
        teaches_need = catalogue.teach_level >= need[catalogue.teach_competency]
        relevant = np.zeros(catalogue.size, dtype=bool)
        relevant[catalogue.teach_module[teaches_need]] = True
        fresh = relevant & usable & ~kept
        if not fresh.any():
            break
        kept |= fresh
        opened = fresh[situation.need_module]
        np.minimum.at(
            need, situation.need_competency[opened], situation.need_level[opened]
        )

    opened = kept[situation.need_module]
    scale = (
        float(max(catalogue.teach_level.max(initial=0.0), gap_level.max(initial=0.0)))
        + 1.0
    )
    pair_key = np.unique(
        np.concatenate(
            [
                gap_competency * scale + gap_level,
                situation.need_competency[opened] * scale
                + situation.need_level[opened],
            ]
        )
    )
    pair_competency = np.floor(pair_key / scale).astype(np.int64)
    pair_level = pair_key - pair_competency * scale

    cover = _cover(catalogue, kept, pair_key, scale)
    positions = np.flatnonzero(kept)
    local = np.full(catalogue.size, -1, dtype=np.int64)
    local[positions] = np.arange(positions.size)
    need_module = local[situation.need_module[opened]]
    need_pair = np.searchsorted(
        pair_key,
        situation.need_competency[opened] * scale + situation.need_level[opened],
    )
    gap_pairs = np.searchsorted(pair_key, gap_competency * scale + gap_level)
    reduction = Reduction(
        positions, pair_competency, pair_level, cover, gap_pairs, need_module, need_pair
    )
    if positions.size > 1:
        reduction = _drop_dominated(reduction, catalogue, weights, tie_break, capped)
    return reduction


def _cover(
    catalogue: Catalogue, kept: BoolArray, pair_key: FloatArray, scale: float
) -> sp.csr_matrix:
    positions = np.flatnonzero(kept)
    local = np.full(catalogue.size, -1, dtype=np.int64)
    local[positions] = np.arange(positions.size)
    entries = kept[catalogue.teach_module]
    module = local[catalogue.teach_module[entries]]
    competency = catalogue.teach_competency[entries]
    level = catalogue.teach_level[entries]
    # Pairs are sorted by (competency, level): a module covers a prefix of its
    # competency's pairs, those of level up to the one it teaches.
    first = np.searchsorted(pair_key, competency * scale, side="left")
    last = np.searchsorted(pair_key, competency * scale + level, side="right")
    counts = np.maximum(last - first, 0)
    total = int(counts.sum())
    rows = np.repeat(module, counts)
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    cols = np.repeat(first, counts) + offsets
    return sp.csr_matrix(
        (np.ones(total), (rows, cols)), shape=(positions.size, pair_key.size)
    )


def _drop_dominated(
    reduction: Reduction,
    catalogue: Catalogue,
    weights: FloatArray,
    tie_break: FloatArray,
    capped: bool,
) -> Reduction:
    """Drop modules that another kept module dominates.

    Module a dominates b when a weighs no more in the objective, ties broken by
    ``tie_break`` (and, under a cost cap, costs no more), covers every pair b covers, and requires nothing b does
    not require at least as high: in any plan a can take b's place. Among
    equivalent modules the first one stays.
    """
    cover = reduction.cover
    size = cover.shape[0]
    covered = np.asarray(cover.sum(axis=1)).ravel()
    overlap = (cover @ cover.T).tocoo()
    better, worse = overlap.row.astype(np.int64), overlap.col.astype(np.int64)
    weight = weights[reduction.modules]
    second = tie_break[reduction.modules]
    cost = catalogue.cost[reduction.modules]
    keep = (
        (better != worse)
        & (overlap.data >= covered[worse])
        & (
            (weight[better] < weight[worse])
            | ((weight[better] == weight[worse]) & (second[better] <= second[worse]))
        )
    )
    if capped:
        keep &= cost[better] <= cost[worse]
    better, worse = better[keep], worse[keep]
    if better.size == 0:
        return reduction

    # Requirements of `better` must each be met by a requirement of `worse` on the
    # same competency, at least as high.
    competency = reduction.pair_competency[reduction.need_pair]
    level = reduction.pair_level[reduction.need_pair]
    order = np.lexsort((competency, reduction.need_module))
    need_module, competency, level = (
        reduction.need_module[order],
        competency[order],
        level[order],
    )
    start = np.searchsorted(need_module, np.arange(size), side="left")
    count = np.bincount(need_module, minlength=size)
    requirement_key = need_module * catalogue.width + competency
    repeats = count[better]
    candidate = np.repeat(np.arange(better.size), repeats)
    offsets = np.arange(int(repeats.sum())) - np.repeat(
        np.cumsum(repeats) - repeats, repeats
    )
    entry = np.repeat(start[better], repeats) + offsets
    wanted = worse[candidate] * catalogue.width + competency[entry]
    found = np.minimum(np.searchsorted(requirement_key, wanted), max(level.size - 1, 0))
    met = (requirement_key[found] == wanted) & (level[found] >= level[entry])
    failing = np.bincount(candidate, weights=~met, minlength=better.size)
    weak = failing == 0
    better, worse = better[weak], worse[weak]

    # Equivalent modules dominate each other: only the earlier one may drop the
    # other. Given the checks above, equal counts and sums mean equivalence; when
    # in doubt, call them equivalent, which only drops less.
    total = np.bincount(need_module, weights=level, minlength=size)
    mutual = (
        (covered[better] == covered[worse])
        & (weight[better] == weight[worse])
        & (second[better] == second[worse])
        & (count[better] == count[worse])
        & np.isclose(total[better], total[worse], rtol=0.0, atol=1e-9)
    )
    if capped:
        mutual &= cost[better] == cost[worse]
    strict = ~mutual | (better < worse)
    dominated = np.zeros(size, dtype=bool)
    dominated[worse[strict]] = True
    if not dominated.any():
        return reduction
    stay = ~dominated
    local = np.full(size, -1, dtype=np.int64)
    local[stay] = np.arange(int(stay.sum()))
    needs = stay[reduction.need_module]
    return Reduction(
        reduction.modules[stay],
        reduction.pair_competency,
        reduction.pair_level,
        cover[stay],
        reduction.gap_pairs,
        local[reduction.need_module[needs]],
        reduction.need_pair[needs],
    )
