"""Benchmark the matching index: 100,000 seekers x 10,000 postings (core only).

Each posting has ~8 requirements out of 2,000 competencies, each seeker ~10
competencies. Times ``top_postings(seeker, 20)`` and ``top_seekers(posting, 50)``
over random queries (median, p99) and reports the index's memory. Run
``python bench/_matching_core.py [--quick]``.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import _common  # noqa: F401  (one BLAS thread, before numpy)
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _common import quantile, table  # noqa: E402

from skillpath.core.matching import Evidence, MatchIndex, Requirement  # noqa: E402

SOURCES = ("credential", "assessed", "self")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    n_seekers, n_postings = (10_000, 1_000) if args.quick else (100_000, 10_000)
    rng = np.random.default_rng(0)
    pool = [f"k{i:04d}" for i in range(2_000)]
    postings = {
        f"p{n}": [
            Requirement(
                competency=pool[c],
                level=int(rng.integers(1, 5)),
                weight=float(rng.integers(1, 4)),
                essential=bool(rng.random() < 0.3),
            )
            for c in rng.choice(2_000, size=int(rng.integers(6, 11)), replace=False)
        ]
        for n in range(n_postings)
    }
    seekers = {
        f"s{n}": {
            pool[c]: Evidence(level=int(rng.integers(1, 6)), source=SOURCES[n % 3])
            for c in rng.choice(2_000, size=int(rng.integers(8, 13)), replace=False)
        }
        for n in range(n_seekers)
    }
    started = time.perf_counter()
    index = MatchIndex().fit(seekers=seekers, postings=postings)
    built = time.perf_counter() - started
    rows = []
    for label, query, ids, k in (
        ("top_postings", index.top_postings, list(seekers), 20),
        ("top_seekers", index.top_seekers, list(postings), 50),
    ):
        times = []
        for i in rng.choice(len(ids), size=300, replace=False):
            t = time.perf_counter()
            query(ids[i], k)
            times.append(1000 * (time.perf_counter() - t))
        rows.append((label, k, quantile(times, 0.5), quantile(times, 0.99)))
    print(f"{n_seekers:,} seekers x {n_postings:,} postings; fit {built:.1f} s")
    print(table(["query", "k", "median ms", "p99 ms"], rows))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"index arrays {index.nbytes_ / 2**20:.1f} MiB; process peak RSS {peak:.0f} MiB"
    )


if __name__ == "__main__":
    main()
