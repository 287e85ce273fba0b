"""Benchmark: 2PL calibration by marginal maximum likelihood, skillpath against girth 0.8.

2,000 simulated persons (theta ~ N(0, 1)) answer 50 2PL items (a ~ U(0.6, 2.2),
b ~ N(0, 1)); the same data are fitted dense and with 70 % of the cells missing
completely at random, over several replications (new items, persons and masks each
time).

* ``skillpath``: :class:`skillpath.core.calibrate.TwoPL` with its defaults (EM to
  a parameter change below 1e-4, 41 nodes), once with standard errors (the
  default) and once without.
* ``girth``: ``girth.twopl_mml`` with its defaults (arrays are items x persons). It
  supports missing data itself: missing cells are set to
  ``girth.utilities.INVALID_RESPONSE`` and left out of its likelihood; nothing is
  imputed.

Reported: RMSE of a and b against the generating values, mean bias of a, and the
median fit time. BLAS runs on one thread for both (see ``bench/_common.py``).

Run ``python bench/calibrate.py [--quick]``; the last line gives skillpath's ratios
to girth.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

# isort: off
from _common import Progress, table  # noqa: E402  (pins BLAS threads before numpy)

import numpy as np  # noqa: E402

from skillpath.core.calibrate import TwoPL  # noqa: E402
from skillpath.core.exposure import simulate_responses  # noqa: E402

# isort: on

N_PERSONS = 2000
N_ITEMS = 50
MISSING = 0.7
SEED = 7


def simulate(
    replication: int, missing: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (a, b, responses) of one replication, nan where not administered."""
    rng = np.random.default_rng([SEED, replication])
    a = rng.uniform(0.6, 2.2, N_ITEMS)
    b = rng.normal(0.0, 1.0, N_ITEMS)
    theta = rng.normal(0.0, 1.0, N_PERSONS)
    x = simulate_responses(theta, a, b, rng=rng)
    x[rng.random(x.shape) < missing] = np.nan
    return a, b, x


def fit_girth(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return girth's (a, b) for persons x items data with nan."""
    from girth import twopl_mml
    from girth.utilities import INVALID_RESPONSE

    data = np.where(np.isnan(x), INVALID_RESPONSE, x).T.astype(int)
    result = twopl_mml(data)
    return np.asarray(result["Discrimination"]), np.asarray(result["Difficulty"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one replication")
    args = parser.parse_args()
    replications = 1 if args.quick else 5

    engines = ("skillpath", "skillpath (no SE)", "girth")
    conditions = (("dense", 0.0), (f"{MISSING:.0%} missing", MISSING))
    records: dict[tuple[str, str], list[tuple[float, float, float, float]]] = {}
    iterations: dict[str, list[int]] = {name: [] for name, _ in conditions}
    progress = Progress(replications * len(conditions) * len(engines), "fitting")
    done = 0
    for name, missing in conditions:
        for replication in range(replications):
            a, b, x = simulate(replication, missing)
            for engine in engines:
                progress.update(
                    done, f"{name}, replication {replication + 1}, {engine}"
                )
                start = time.perf_counter()
                if engine == "girth":
                    a_hat, b_hat = fit_girth(x)
                else:
                    model = TwoPL(standard_errors=engine == "skillpath").fit(x)
                    a_hat, b_hat = model.discrimination_, model.difficulty_
                    if engine == "skillpath":
                        iterations[name].append(model.n_iter_)
                seconds = time.perf_counter() - start
                records.setdefault((name, engine), []).append(
                    (
                        float(np.sqrt(np.mean((a_hat - a) ** 2))),
                        float(np.sqrt(np.mean((b_hat - b) ** 2))),
                        float(np.mean(a_hat - a)),
                        seconds,
                    )
                )
                done += 1
    progress.close()

    print(
        f"2PL calibration: {N_PERSONS:,} persons x {N_ITEMS} items, {replications} "
        f"replication(s) per condition; means over replications, median time."
    )
    rows = []
    for name, _ in conditions:
        for engine in engines:
            values = np.array(records[(name, engine)])
            rows.append(
                [
                    name,
                    engine,
                    float(values[:, 0].mean()),
                    float(values[:, 1].mean()),
                    float(values[:, 2].mean()),
                    float(statistics.median(values[:, 3])),
                ]
            )
    print(table(["data", "engine", "RMSE a", "RMSE b", "bias a", "time s"], rows))
    print(
        "skillpath EM iterations: "
        + "; ".join(f"{k} {min(v)}-{max(v)}" for k, v in iterations.items())
    )

    def ratio(name: str, column: int) -> float:
        mine = np.array(records[(name, "skillpath")])[:, column]
        theirs = np.array(records[(name, "girth")])[:, column]
        if column == 3:
            return float(statistics.median(mine) / statistics.median(theirs))
        return float(mine.mean() / theirs.mean())

    print(
        "ratios skillpath/girth (dense; missing): "
        + "; ".join(
            f"{label} {ratio(conditions[0][0], c):.2f} {ratio(conditions[1][0], c):.2f}"
            for label, c in (("RMSE a", 0), ("RMSE b", 1), ("time (with SE)", 3))
        )
    )


if __name__ == "__main__":
    main()
