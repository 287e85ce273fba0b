"""Rank many seekers against many postings with the rules of :func:`match`.

:class:`MatchIndex` is built once from every seeker's evidence and every posting's
requirements. Both are stored as compressed sparse rows: a seeker is the slice of
competencies it has evidence for, a posting the slice of its resolved requirements,
and each requirement the slice of competencies whose evidence counts for it (itself
and its aligned equivalents). A query only touches the evidence that meets a
requirement: for one seeker, the few hundred requirements its competencies answer;
for one posting, the seekers holding one of its competencies. Credits are reduced
per requirement (best evidence), summed per posting or seeker with ``bincount`` in
the order :func:`match` sums them, so each score equals ``match(...).score``
exactly, and the top ``k`` come from ``argpartition`` with ties broken by the
lower index.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Self

import numpy as np

from skillpath.core.matching.model import (
    ESSENTIAL_DEMOTION,
    BoolArray,
    Evidence,
    FloatArray,
    IntArray,
    Requirement,
    band_of,
    check_demotion,
    check_equivalents,
    check_requirements,
    check_source_weights,
)

__all__ = ["MatchIndex", "Ranking"]


@dataclass(frozen=True)
class Ranking:
    """Hold the best matches of one seeker or one posting, best first.

    Attributes
    ----------
    ids : list of str
        Posting ids (for a seeker) or seeker ids (for a posting).
    scores : ndarray of float
        Their scores, non-increasing; ties in the order the index was built.
    bands : list of str
        Their bands.
    """

    ids: list[str]
    scores: FloatArray
    bands: list[str]


def _ranges(starts: IntArray, stops: IntArray) -> IntArray:
    """Return the concatenation of ``arange(start, stop)`` for every pair."""
    lengths = stops - starts
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return offsets + np.arange(total, dtype=np.int64)


def _csr(rows: IntArray, n_rows: int) -> tuple[IntArray, IntArray]:
    """Return the stable order sorting ``rows`` and the row pointer of that order."""
    order = np.argsort(rows, kind="stable")
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
    return order.astype(np.int64), indptr


class MatchIndex:
    """Rank postings for a seeker and seekers for a posting, as :func:`match` scores.

    Parameters
    ----------
    source_weights : Mapping[str, float], optional
        Share of credit per evidence source, as in :func:`match`.
    essential_demotion : float
        Share of the score taken away when no essential requirement is met.

    Attributes
    ----------
    seeker_ids_, posting_ids_ : list of str
        Ids in the order given to :meth:`fit`.
    nbytes_ : int
        Memory held by the index's arrays, in bytes.
    """

    def __init__(
        self,
        *,
        source_weights: Mapping[str, float] | None = None,
        essential_demotion: float = ESSENTIAL_DEMOTION,
    ) -> None:
        self.source_weights = source_weights
        self.essential_demotion = essential_demotion

    def fit(
        self,
        *,
        seekers: Mapping[str, Mapping[str, Evidence]],
        postings: Mapping[str, Sequence[Requirement]],
        equivalents: Mapping[str, Collection[str]] | None = None,
    ) -> Self:
        """Build the index from every seeker's evidence and every posting.

        Parameters
        ----------
        seekers : Mapping[str, Mapping[str, Evidence]]
            Seeker id -> competency -> evidence.
        postings : Mapping[str, Sequence[Requirement]]
            Posting id -> requirements.
        equivalents : Mapping[str, Collection[str]], optional
            Required competency -> aligned competencies, as in :func:`match`.

        Returns
        -------
        MatchIndex
            ``self``.
        """
        weights = check_source_weights(self.source_weights)
        self.demotion_ = check_demotion(self.essential_demotion)
        aligned = check_equivalents(equivalents)
        self.seeker_ids_ = list(seekers)
        self.posting_ids_ = list(postings)
        vocabulary: dict[str, int] = {}

        posting_of: list[int] = []
        required: list[float] = []
        weight: list[float] = []
        essential: list[bool] = []
        licence: list[bool] = []
        entry_of_pair: list[int] = []
        competency_of_pair: list[int] = []
        n_postings = len(self.posting_ids_)
        total_weight = np.zeros(n_postings)
        essential_total = np.zeros(n_postings)
        licence_total = np.zeros(n_postings)
        for number, requirements in enumerate(postings.values()):
            check_requirements(requirements)
            posting_weight = 0.0
            for requirement in requirements:
                if not requirement.resolved:
                    continue
                entry = len(posting_of)
                posting_of.append(number)
                required.append(float(requirement.level))
                weight.append(float(requirement.weight))
                essential.append(requirement.essential and not requirement.licence)
                licence.append(requirement.licence)
                if requirement.licence:
                    licence_total[number] += 1
                else:
                    posting_weight += requirement.weight
                    essential_total[number] += requirement.essential
                own = requirement.competency
                for candidate in (own, *aligned.get(own, ())):
                    entry_of_pair.append(entry)
                    competency_of_pair.append(
                        vocabulary.setdefault(candidate, len(vocabulary))
                    )
            total_weight[number] = posting_weight

        self.posting_ = np.asarray(posting_of, dtype=np.int64)
        self.required_ = np.asarray(required, dtype=np.float64)
        self.weight_ = np.asarray(weight, dtype=np.float64)
        self.essential_ = np.asarray(essential, dtype=np.bool_)
        self.licence_ = np.asarray(licence, dtype=np.bool_)
        self.total_weight_ = total_weight
        self.essential_total_ = essential_total
        self.licence_total_ = licence_total
        self.known_ = total_weight > 0
        self.entry_start_ = np.searchsorted(
            self.posting_, np.arange(n_postings + 1), side="left"
        ).astype(np.int64)

        pair_entry = np.asarray(entry_of_pair, dtype=np.int64)
        pair_competency = np.asarray(competency_of_pair, dtype=np.int64)
        n_competencies = len(vocabulary)
        # Pairs are built entry by entry, so they are already rows of "by entry".
        self.pair_competency_ = pair_competency
        self.pair_start_ = np.searchsorted(
            pair_entry, np.arange(len(posting_of) + 1), side="left"
        ).astype(np.int64)
        order, self.answers_start_ = _csr(pair_competency, n_competencies)
        self.answers_entry_ = pair_entry[order]

        seeker_of: list[int] = []
        competency_of: list[int] = []
        level: list[float] = []
        worth: list[float] = []
        for number, evidence in enumerate(seekers.values()):
            for competency, found in evidence.items():
                if not isinstance(found, Evidence):
                    raise ValueError(
                        f"The evidence for {competency!r} must be an Evidence, not "
                        f"{found!r}."
                    )
                index = vocabulary.get(competency)
                if index is None:
                    continue  # no requirement asks for it: it cannot score
                seeker_of.append(number)
                competency_of.append(index)
                level.append(float(found.level))
                worth.append(weights[found.source] * found.probability)
        seeker_rows = np.asarray(seeker_of, dtype=np.int64)
        self.evidence_competency_ = np.asarray(competency_of, dtype=np.int64)
        self.evidence_level_ = np.asarray(level, dtype=np.float64)
        self.evidence_worth_ = np.asarray(worth, dtype=np.float64)
        self.evidence_start_ = np.searchsorted(
            seeker_rows, np.arange(len(self.seeker_ids_) + 1), side="left"
        ).astype(np.int64)
        order, self.holders_start_ = _csr(self.evidence_competency_, n_competencies)
        self.holder_seeker_ = seeker_rows[order]
        self.holder_level_ = self.evidence_level_[order]
        self.holder_worth_ = self.evidence_worth_[order]
        self.nbytes_ = sum(
            value.nbytes
            for value in vars(self).values()
            if isinstance(value, np.ndarray)
        )
        return self

    def posting_scores(self, seeker: int) -> tuple[FloatArray, FloatArray, BoolArray]:
        """Return the score of every posting for one seeker.

        Parameters
        ----------
        seeker : int
            Position of the seeker in :attr:`seeker_ids_`.

        Returns
        -------
        scores : ndarray of float
            One per posting (0 for unknown postings).
        essential_met : ndarray of float
            Essential requirements met, per posting.
        eligible : ndarray of bool
            Every licence held, per posting.
        """
        rows = slice(self.evidence_start_[seeker], self.evidence_start_[seeker + 1])
        competencies = self.evidence_competency_[rows]
        starts = self.answers_start_[competencies]
        stops = self.answers_start_[competencies + 1]
        pairs = _ranges(starts, stops)
        entries = self.answers_entry_[pairs]
        lengths = stops - starts
        level = np.repeat(self.evidence_level_[rows], lengths)
        worth = np.repeat(self.evidence_worth_[rows], lengths)
        unique, credit, met = self._best(entries, entries, level, worth)
        posting = self.posting_[unique]
        return self._totals(
            posting,
            unique,
            credit,
            met,
            total_weight=self.total_weight_,
            essential_total=self.essential_total_,
            licence_total=self.licence_total_,
            known=self.known_,
        )

    def seeker_scores(self, posting: int) -> tuple[FloatArray, FloatArray, BoolArray]:
        """Return the score of every seeker for one posting.

        Parameters
        ----------
        posting : int
            Position of the posting in :attr:`posting_ids_`.

        Returns
        -------
        scores : ndarray of float
            One per seeker (all 0 when the posting is unknown).
        essential_met : ndarray of float
            Essential requirements met, per seeker.
        eligible : ndarray of bool
            Every licence held, per seeker.
        """
        first, last = self.entry_start_[posting], self.entry_start_[posting + 1]
        entries = np.arange(first, last, dtype=np.int64)
        pair_starts = self.pair_start_[entries]
        pair_stops = self.pair_start_[entries + 1]
        pairs = _ranges(pair_starts, pair_stops)
        pair_entry = np.repeat(entries, pair_stops - pair_starts)
        competencies = self.pair_competency_[pairs]
        starts = self.holders_start_[competencies]
        stops = self.holders_start_[competencies + 1]
        holders = _ranges(starts, stops)
        entry = np.repeat(pair_entry, stops - starts)
        seeker = self.holder_seeker_[holders]
        # One key per (seeker, requirement), ordered by seeker then requirement, so
        # that each seeker's credits are summed in the posting's order.
        key = seeker * max(int(last - first), 1) + (entry - first)
        unique_key, credit, met = self._best(
            key, entry, self.holder_level_[holders], self.holder_worth_[holders]
        )
        span = max(int(last - first), 1)
        n_seekers = len(self.seeker_ids_)
        return self._totals(
            unique_key // span,
            first + unique_key % span,
            credit,
            met,
            total_weight=np.full(n_seekers, self.total_weight_[posting]),
            essential_total=np.full(n_seekers, self.essential_total_[posting]),
            licence_total=np.full(n_seekers, self.licence_total_[posting]),
            known=np.full(n_seekers, self.known_[posting]),
        )

    def top_postings(self, seeker: str, k: int) -> Ranking:
        """Return the ``k`` best postings for a seeker, unknown postings left out.

        Parameters
        ----------
        seeker : str
            Seeker id.
        k : int
            How many postings, at least 1.

        Returns
        -------
        Ranking
            Posting ids, scores and bands, best first.
        """
        number = self._position(self._seeker_positions(), seeker, "seeker")
        scores, essential_met, eligible = self.posting_scores(number)
        return self._top(
            scores,
            k,
            self.known_,
            self.posting_ids_,
            essentials=essential_met == self.essential_total_,
            eligible=eligible,
        )

    def top_seekers(self, posting: str, k: int) -> Ranking:
        """Return the ``k`` best seekers for a posting (none if it is unknown).

        Parameters
        ----------
        posting : str
            Posting id.
        k : int
            How many seekers, at least 1.

        Returns
        -------
        Ranking
            Seeker ids, scores and bands, best first.
        """
        number = self._position(self._posting_positions(), posting, "posting")
        scores, essential_met, eligible = self.seeker_scores(number)
        rankable = np.full(len(self.seeker_ids_), self.known_[number])
        return self._top(
            scores,
            k,
            rankable,
            self.seeker_ids_,
            essentials=essential_met == self.essential_total_[number],
            eligible=eligible,
        )

    def _best(
        self, key: IntArray, entry: IntArray, level: FloatArray, worth: FloatArray
    ) -> tuple[IntArray, FloatArray, BoolArray]:
        """Return each distinct key with its best credit and whether any evidence met."""
        if len(key) == 0:
            return key, np.zeros(0), np.zeros(0, dtype=np.bool_)
        required = self.required_[entry]
        credit = worth * np.minimum(1.0, level / required)
        met = level >= required
        order = np.argsort(key, kind="stable")
        key = key[order]
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        return (
            key[starts],
            np.maximum.reduceat(credit[order], starts),
            np.logical_or.reduceat(met[order], starts),
        )

    def _totals(
        self,
        row: IntArray,
        entry: IntArray,
        credit: FloatArray,
        met: BoolArray,
        *,
        total_weight: FloatArray,
        essential_total: FloatArray,
        licence_total: FloatArray,
        known: BoolArray,
    ) -> tuple[FloatArray, FloatArray, BoolArray]:
        """Return scores, essentials met and eligibility per row, from best credits."""
        n_rows = len(total_weight)
        licence = self.licence_[entry]
        scored = ~licence
        earned = np.bincount(
            row[scored],
            weights=self.weight_[entry[scored]] * credit[scored],
            minlength=n_rows,
        )
        essential_met = np.bincount(
            row, weights=met & self.essential_[entry], minlength=n_rows
        )
        licences_met = np.bincount(row, weights=met & licence, minlength=n_rows)
        eligible = licences_met == licence_total
        factor = np.ones(n_rows)
        has_essentials = essential_total > 0
        factor[has_essentials] = 1.0 - self.demotion_ * (
            1.0 - essential_met[has_essentials] / essential_total[has_essentials]
        )
        counted = known & eligible
        scores = np.zeros(n_rows)
        scores[counted] = earned[counted] / total_weight[counted] * factor[counted]
        return (
            scores,
            essential_met.astype(np.float64),
            np.asarray(eligible, dtype=np.bool_),
        )

    def _top(
        self,
        scores: FloatArray,
        k: int,
        rankable: BoolArray,
        ids: Sequence[str],
        *,
        essentials: BoolArray,
        eligible: BoolArray,
    ) -> Ranking:
        """Return the ``k`` best rankable rows, ties broken by the lower position."""
        if not isinstance(k, int) or isinstance(k, bool) or k < 1:
            raise ValueError(f"k must be a positive integer, not {k!r}.")
        ranked = np.where(rankable, scores, -np.inf)
        k = min(k, int(rankable.sum()))
        if k == 0:
            return Ranking(ids=[], scores=np.zeros(0), bands=[])
        if k < len(ranked):
            kth = ranked[np.argpartition(-ranked, k - 1)[k - 1]]
            above = np.flatnonzero(ranked > kth)
            tied = np.flatnonzero(ranked == kth)[: k - len(above)]
            chosen = np.concatenate([above, tied])
        else:
            chosen = np.arange(len(ranked))
        chosen = chosen[np.lexsort((chosen, -ranked[chosen]))]
        top = scores[chosen]
        return Ranking(
            ids=[ids[i] for i in chosen],
            scores=top,
            bands=[
                band_of(
                    float(top[n]),
                    known=True,
                    essentials_met=bool(essentials[i]),
                    eligible=bool(eligible[i]),
                )
                for n, i in enumerate(chosen)
            ],
        )

    def _seeker_positions(self) -> dict[str, int]:
        if not hasattr(self, "_seekers_at"):
            self._seekers_at = {sid: n for n, sid in enumerate(self.seeker_ids_)}
        return self._seekers_at

    def _posting_positions(self) -> dict[str, int]:
        if not hasattr(self, "_postings_at"):
            self._postings_at = {pid: n for n, pid in enumerate(self.posting_ids_)}
        return self._postings_at

    @staticmethod
    def _position(positions: Mapping[str, int], key: str, kind: str) -> int:
        if key not in positions:
            raise ValueError(f"Unknown {kind} {key!r}: it was not given to fit().")
        return positions[key]
