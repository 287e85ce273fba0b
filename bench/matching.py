"""Benchmark: ranking seekers and postings with the match index, against two baselines.

100,000 seekers x 10,000 postings (``--quick``: 10,000 x 1,000). Each posting has
6 to 10 requirements out of 2,000 competencies (a third essential), each seeker 8
to 12 competencies with evidence from a credential, an assessment (with its
probability) or self-declared. Three engines answer the same two questions, "the
20 best postings for this seeker" and "the 50 best seekers for this posting":

- ``MatchIndex``: :class:`skillpath.core.matching.MatchIndex`, fitted once;
- ``per-pair loop``: :func:`skillpath.core.matching.match` called for every pair,
  then sorted (what a view would do without the index). It is slow, so it is timed
  on fewer queries; its answers are checked all the same;
- ``SQL``: the evidence and requirement tables in a database (SQLite in memory,
  or PostgreSQL when ``DATABASE_URL`` names one), with indexes on seeker, posting
  and competency and each posting's totals precomputed, one query computing the
  same score (importance-weighted credit times the essential demotion).

Every answer of every engine is compared with the index's (same scores to 1e-9,
best first). Reported: median and p99 per query, the ratio of each baseline's
median to the index's, fit or load time, and memory (the index's arrays and the
process's peak RSS). Run ``python bench/matching.py [--quick]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import _common  # noqa: F401  (one BLAS thread, before numpy)
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _common import Progress, quantile, table  # noqa: E402

from skillpath.core.matching import (  # noqa: E402
    ESSENTIAL_DEMOTION,
    SOURCE_WEIGHTS,
    Evidence,
    MatchIndex,
    Requirement,
    match,
)

SOURCES = ("credential", "assessed", "self")
COMPETENCIES = 2_000
TARGET_MS = 50.0
TOLERANCE = 1e-9

Seekers = dict[str, dict[str, Evidence]]
Postings = dict[str, list[Requirement]]


def world(n_seekers: int, n_postings: int, seed: int = 0) -> tuple[Seekers, Postings]:
    """Return seeded synthetic seekers and postings."""
    rng = np.random.default_rng(seed)
    pool = [f"k{i:04d}" for i in range(COMPETENCIES)]
    postings: Postings = {}
    for n in range(n_postings):
        chosen = rng.choice(COMPETENCIES, size=int(rng.integers(6, 11)), replace=False)
        postings[f"p{n:05d}"] = [
            Requirement(
                competency=pool[c],
                level=int(rng.integers(1, 5)),
                weight=float(rng.integers(1, 6)),
                essential=bool(rng.random() < 0.3),
            )
            for c in chosen
        ]
    seekers: Seekers = {}
    for n in range(n_seekers):
        chosen = rng.choice(COMPETENCIES, size=int(rng.integers(8, 13)), replace=False)
        evidence = {}
        for c in chosen:
            source = SOURCES[int(rng.integers(0, 3))]
            probability = float(rng.uniform(0.6, 1.0)) if source == "assessed" else 1.0
            evidence[pool[c]] = Evidence(
                level=int(rng.integers(1, 6)), source=source, probability=probability
            )
        seekers[f"s{n:06d}"] = evidence
    return seekers, postings


# --- the per-pair loop -------------------------------------------------------------


def loop_top_postings(
    seekers: Seekers, postings: Postings, seeker: str, k: int
) -> list[tuple[str, float]]:
    """Score the seeker against every posting with ``match`` and keep the best."""
    evidence = seekers[seeker]
    scored = [
        (posting, match(requirements=requirements, evidence=evidence).score)
        for posting, requirements in postings.items()
    ]
    return best_first([pair for pair in scored if pair[1] > 0], k)


def loop_top_seekers(
    seekers: Seekers, postings: Postings, posting: str, k: int
) -> list[tuple[str, float]]:
    """Score every seeker against the posting with ``match`` and keep the best."""
    requirements = postings[posting]
    scored = [
        (seeker, match(requirements=requirements, evidence=evidence).score)
        for seeker, evidence in seekers.items()
    ]
    return best_first([pair for pair in scored if pair[1] > 0], k)


def best_first(pairs: Sequence[tuple[str, float]], k: int) -> list[tuple[str, float]]:
    """Return the ``k`` highest-scoring pairs, ties by id."""
    return sorted(pairs, key=lambda pair: (-pair[1], pair[0]))[:k]


# --- the SQL baseline --------------------------------------------------------------

SCHEMA = (
    "CREATE TABLE bench_ev (seeker INTEGER NOT NULL, competency INTEGER NOT NULL, "
    "level DOUBLE PRECISION NOT NULL, worth DOUBLE PRECISION NOT NULL)",
    "CREATE TABLE bench_req (posting INTEGER NOT NULL, competency INTEGER NOT NULL, "
    "level DOUBLE PRECISION NOT NULL, weight DOUBLE PRECISION NOT NULL, "
    "essential INTEGER NOT NULL)",
    "CREATE TABLE bench_posting (posting INTEGER PRIMARY KEY, "
    "total_weight DOUBLE PRECISION NOT NULL, essentials INTEGER NOT NULL)",
)
INDEXES = (
    "CREATE INDEX bench_ev_seeker ON bench_ev (seeker, competency)",
    "CREATE INDEX bench_ev_competency ON bench_ev (competency, seeker)",
    "CREATE INDEX bench_req_posting ON bench_req (posting, competency)",
    "CREATE INDEX bench_req_competency ON bench_req (competency, posting)",
)
# credit = worth * min(1, level / required); score = sum(weight * credit) / total
# weight * (1 - demotion * (1 - essentials met / essentials)), 1 without essentials.
SCORE = (
    "SUM(r.weight * e.worth * {least}(1.0, e.level / r.level)) / p.total_weight"
    " * CASE WHEN p.essentials = 0 THEN 1.0 ELSE 1.0 - {demotion} * (1.0 - "
    "SUM(CASE WHEN r.essential = 1 AND e.level >= r.level THEN 1 ELSE 0 END)"
    " * 1.0 / p.essentials) END"
)
TOP_POSTINGS = (
    "SELECT r.posting, {score} AS score FROM bench_ev e"
    " JOIN bench_req r ON r.competency = e.competency"
    " JOIN bench_posting p ON p.posting = r.posting"
    " WHERE e.seeker = {param} GROUP BY r.posting, p.total_weight, p.essentials"
    " ORDER BY score DESC, r.posting LIMIT {param}"
)
TOP_SEEKERS = (
    "SELECT e.seeker, {score} AS score FROM bench_req r"
    " JOIN bench_ev e ON e.competency = r.competency"
    " JOIN bench_posting p ON p.posting = r.posting"
    " WHERE r.posting = {param} GROUP BY e.seeker, p.total_weight, p.essentials"
    " ORDER BY score DESC, e.seeker LIMIT {param}"
)


class SqlBaseline:
    """The same ranking as one SQL query per question, on SQLite or PostgreSQL."""

    def __init__(self, database_url: str | None) -> None:
        self.postgres = bool(database_url and database_url.startswith("postgres"))
        if self.postgres:
            import psycopg  # noqa: PLC0415  (only when PostgreSQL is asked for)

            self.connection: Any = psycopg.connect(database_url, autocommit=True)
            param, least = "%s", "LEAST"
            self.name = "SQL (PostgreSQL)"
        else:
            self.connection = sqlite3.connect(":memory:")
            param, least = "?", "MIN"
            self.name = "SQL (SQLite)"
        score = SCORE.format(least=least, demotion=ESSENTIAL_DEMOTION)
        self.top_postings_sql = TOP_POSTINGS.format(score=score, param=param)
        self.top_seekers_sql = TOP_SEEKERS.format(score=score, param=param)

    def load(self, seekers: Seekers, postings: Postings) -> None:
        """Create the tables, insert every row, index them and gather statistics."""
        cursor = self.connection.cursor()
        for name in ("bench_ev", "bench_req", "bench_posting"):
            cursor.execute(f"DROP TABLE IF EXISTS {name}")
        for statement in SCHEMA:
            cursor.execute(statement)
        evidence_rows = [
            (
                number(seeker),
                number(competency),
                float(found.level),
                SOURCE_WEIGHTS[found.source] * found.probability,
            )
            for seeker, evidence in seekers.items()
            for competency, found in evidence.items()
        ]
        requirement_rows = [
            (
                number(posting),
                number(r.competency),
                float(r.level),
                r.weight,
                int(r.essential),
            )
            for posting, requirements in postings.items()
            for r in requirements
        ]
        totals = [
            (
                number(posting),
                sum(r.weight for r in requirements),
                sum(r.essential for r in requirements),
            )
            for posting, requirements in postings.items()
        ]
        self._insert(cursor, "bench_ev", 4, evidence_rows)
        self._insert(cursor, "bench_req", 5, requirement_rows)
        self._insert(cursor, "bench_posting", 3, totals)
        for statement in INDEXES:
            cursor.execute(statement)
        cursor.execute("ANALYZE")
        if not self.postgres:
            self.connection.commit()

    def _insert(self, cursor: Any, name: str, width: int, rows: list[tuple]) -> None:
        if self.postgres:
            columns = {
                "bench_ev": "(seeker, competency, level, worth)",
                "bench_req": "(posting, competency, level, weight, essential)",
                "bench_posting": "(posting, total_weight, essentials)",
            }[name]
            with cursor.copy(f"COPY {name} {columns} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" * width)
            cursor.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)

    def top_postings(self, seeker: str, k: int) -> list[tuple[str, float]]:
        cursor = self.connection.cursor()
        cursor.execute(self.top_postings_sql, (number(seeker), k))
        return [(f"p{posting:05d}", float(score)) for posting, score in cursor]

    def top_seekers(self, posting: str, k: int) -> list[tuple[str, float]]:
        cursor = self.connection.cursor()
        cursor.execute(self.top_seekers_sql, (number(posting), k))
        return [(f"s{seeker:06d}", float(score)) for seeker, score in cursor]

    def close(self) -> None:
        if self.postgres:
            cursor = self.connection.cursor()
            for name in ("bench_ev", "bench_req", "bench_posting"):
                cursor.execute(f"DROP TABLE IF EXISTS {name}")
        self.connection.close()


def number(key: str) -> int:
    """Return the number in an id such as ``s000042`` or ``k0007``."""
    return int(key[1:])


# --- the run -----------------------------------------------------------------------


def same_answer(
    reference: Sequence[tuple[str, float]], other: Sequence[tuple[str, float]]
) -> bool:
    """Tell whether two rankings give the same scores, best first (ties may swap)."""
    if len(reference) != len(other):
        return False
    return all(
        abs(a[1] - b[1]) <= TOLERANCE for a, b in zip(reference, other, strict=True)
    )


def timed(
    query: Callable[[str, int], Sequence[tuple[str, float]]],
    ids: Sequence[str],
    k: int,
    progress: Progress,
    label: str,
) -> tuple[list[float], list[Sequence[tuple[str, float]]]]:
    """Run ``query`` on each id; return milliseconds and answers."""
    times: list[float] = []
    answers: list[Sequence[tuple[str, float]]] = []
    for done, key in enumerate(ids):
        started = time.perf_counter()
        answers.append(query(key, k))
        times.append(1000 * (time.perf_counter() - started))
        progress.update(done + 1, label)
    return times, answers


def index_query(
    method: Callable[[str, int], Any],
) -> Callable[[str, int], list[tuple[str, float]]]:
    """Wrap a MatchIndex query so it answers (id, score) pairs like the others."""

    def query(key: str, k: int) -> list[tuple[str, float]]:
        ranking = method(key, k)
        return [
            (found, float(score))
            for found, score in zip(ranking.ids, ranking.scores, strict=True)
            if score > 0
        ]

    return query


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 x 1,000")
    args = parser.parse_args()
    n_seekers, n_postings = (10_000, 1_000) if args.quick else (100_000, 10_000)
    queries = 50 if args.quick else 200
    loop_queries = 5 if args.quick else 10

    started = time.perf_counter()
    seekers, postings = world(n_seekers, n_postings)
    made = time.perf_counter() - started
    rss_before = peak_rss_mib()

    started = time.perf_counter()
    index = MatchIndex().fit(seekers=seekers, postings=postings)
    fitted = time.perf_counter() - started
    rss_index = peak_rss_mib()

    sql = SqlBaseline(os.environ.get("DATABASE_URL"))
    started = time.perf_counter()
    sql.load(seekers, postings)
    loaded = time.perf_counter() - started

    rng = np.random.default_rng(1)
    seeker_ids = [list(seekers)[i] for i in rng.choice(n_seekers, queries, False)]
    posting_ids = [list(postings)[i] for i in rng.choice(n_postings, queries, False)]
    questions = (
        (
            "top 20 postings for a seeker",
            20,
            seeker_ids,
            index_query(index.top_postings),
            lambda key, k: loop_top_postings(seekers, postings, key, k),
            sql.top_postings,
        ),
        (
            "top 50 seekers for a posting",
            50,
            posting_ids,
            index_query(index.top_seekers),
            lambda key, k: loop_top_seekers(seekers, postings, key, k),
            sql.top_seekers,
        ),
    )
    rows = []
    ratios = []
    disagreements = 0
    total = sum(2 * len(ids) + loop_queries for _, _, ids, *_ in questions)
    progress = Progress(total, "queries")
    done = 0
    for question, k, ids, by_index, by_loop, by_sql in questions:
        engines = [
            ("MatchIndex", by_index, ids),
            (sql.name, by_sql, ids),
            ("per-pair loop", by_loop, ids[:loop_queries]),
        ]
        reference: list[Sequence[tuple[str, float]]] = []
        medians: dict[str, float] = {}
        for name, query, keys in engines:
            times, answers = timed(query, keys, k, progress, f"{question}: {name}")
            done += len(keys)
            if name == "MatchIndex":
                reference = answers
            else:
                disagreements += sum(
                    not same_answer(reference[i], answers[i])
                    for i in range(len(answers))
                )
            medians[name] = quantile(times, 0.5)
            rows.append(
                (
                    question,
                    name,
                    len(keys),
                    quantile(times, 0.5),
                    quantile(times, 0.99),
                    medians[name] / medians["MatchIndex"],
                )
            )
        ratios.append((question, medians))
    progress.close()
    sql.close()

    print(
        f"{n_seekers:,} seekers x {n_postings:,} postings "
        f"({sum(len(e) for e in seekers.values()):,} evidence rows, "
        f"{sum(len(r) for r in postings.values()):,} requirements); data {made:.1f} s"
    )
    print(
        f"MatchIndex fit {fitted:.1f} s; {sql.name} load and index {loaded:.1f} s; "
        f"per-pair loop timed on {loop_queries} queries per question"
    )
    print(
        table(["question", "engine", "queries", "median ms", "p99 ms", "x index"], rows)
    )
    print(
        f"memory: index arrays {index.nbytes_ / 2**20:.1f} MiB; peak RSS "
        f"{rss_before:.0f} MiB with the data, {rss_index:.0f} MiB with the index, "
        f"{peak_rss_mib():.0f} MiB at the end"
    )
    print(f"answers that differ from the index's: {disagreements}")
    for question, medians in ratios:
        index_ms = medians["MatchIndex"]
        verdict = "under" if index_ms < TARGET_MS else "OVER"
        others = ", ".join(
            f"{name} {ms / index_ms:.2f}x the index's time"
            for name, ms in medians.items()
            if name != "MatchIndex"
        )
        print(
            f"{question}: index median {index_ms:.2f} ms ({verdict} the "
            f"{TARGET_MS:.0f} ms target); {others}"
        )
    if disagreements:
        sys.exit("The engines disagree: see above.")


def peak_rss_mib() -> float:
    """Return the process's peak resident memory in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
