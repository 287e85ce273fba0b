"""Benchmark: adaptive mastery decisions, skillpath against catsim 0.21 and a fixed form.

5,000 simulated examinees with theta ~ N(0, 1) take mastery tests at cuts -1, 0 and
0.5 on a 2PL bank of 500 items (a ~ N(1.2, 0.25), b ~ N(0, 1), catsim's own
generating distributions), at most 40 items each. A persons x items response matrix
is drawn once; every engine reads its answers from it.

Engines
-------
* ``skillpath``: :class:`skillpath.core.cat.MasteryTest` with its default settings,
  the same for every cut: the Bayes stopping rule (``item_cost`` 0.003), 4 to 40
  items, maximum information at the EAP estimate. Exposure control is the
  platform's: each test receives the share of earlier examinees who were given each
  item (``exposure_rates``) and skips items at or above ``max_exposure`` (default
  0.25) while others remain. Variants show other settings: a lower item cost, a
  false master counted twice as costly, the generalized likelihood-ratio rule, and
  no exposure control.
* ``catsim SE``: catsim's ``MaxInfoSelector`` (maximum information at the estimate),
  ``NumericalSearchEstimator`` (maximum likelihood, Dodd's rule for constant
  patterns), ``MinErrorStopper(0.3, max_items=40)``, start at theta = 0; decision
  theta-hat >= cut.
* ``catsim CI``: the same with ``ConfidenceIntervalStopper([cut], 0.95,
  max_items=40)``: stop when the 95 % interval excludes the cut.
* ``Bayes-optimal reference``: the most informative items at the cut in a fixed
  order, stopped by the exact Bayes rule for the true population, with its item
  cost set so that its mean length is catsim CI's, or 60 % of it
  (``bench/_bayes_reference.py``). No stopping rule on those items is more accurate
  on average at that length, so the 60 % row shows what the targets allow.
* ``fixed form``: the most informative items at the cut, decided by EAP >= cut, at
  40 items and at skillpath's mean length.

Every engine runs on all examinees; ``--quick`` runs catsim and the variants on a
subsample (the first examinees, said in the output) and adds "skillpath (sample)".

Metrics: accuracy = share of decisions equal to ``theta >= cut``, counting an
undetermined result as wrong; ``undet`` = share undetermined; ``FM|non`` =
false-master rate among true non-masters; ``FM|all`` = false masters among all
examinees; ``MM|mas`` = share of true masters decided not mastered; items mean and
95th percentile; max exposure = largest share of examinees given one item; time to
select an item (median, p99, ms) on the 500-item bank and on a 5,000-item bank.

Run ``python bench/cat.py [--quick]``. Progress goes to stderr, tables to stdout;
the last line gives skillpath's ratios to catsim's CI engine.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from multiprocessing import Pool, TimeoutError, Value
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

# isort: off
from _common import Progress, quantile, table  # noqa: E402  (pins BLAS threads before numpy)
from _bayes_reference import references_at_lengths  # noqa: E402

import numpy as np  # noqa: E402
from scipy.special import expit  # noqa: E402

from skillpath.core import irt  # noqa: E402
from skillpath.core.cat import MasteryTest  # noqa: E402

# isort: on

CUTS = (-1.0, 0.0, 0.5)
MAX_ITEMS = 40
BANK_SIZE = 500
BIG_BANK = 5000
SEED = 20251129
# Other settings of skillpath, shown on the catsim subsample to place the default
# on the trade-off between items and accuracy: (settings, exposure cap on).
VARIANTS: dict[str, tuple[dict[str, Any], bool]] = {
    "skillpath item_cost=0.001": ({"item_cost": 0.001}, True),
    "skillpath false_master_cost=2": ({"false_master_cost": 2.0}, True),
    "skillpath GLR rule": ({"stop_rule": "glr"}, True),
    "skillpath no exposure control": ({}, False),
}

# Set in the parent before the pool forks; workers read them.
A: np.ndarray = np.empty(0)
B: np.ndarray = np.empty(0)
RESPONSES: np.ndarray = np.empty((0, 0), dtype=bool)
DONE: Any = None


def make_bank(size: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Return discriminations and difficulties drawn as catsim draws a 2PL bank."""
    b = rng.normal(0.0, 1.0, size)
    a = np.clip(rng.normal(1.2, 0.25, size), 0.1, None)
    return a, b


def tick() -> None:
    with DONE.get_lock():
        DONE.value += 1


def run_skillpath(
    cut: float, persons: np.ndarray, settings: dict[str, Any], capped: bool = True
) -> dict[str, Any]:
    """Run skillpath's mastery test for each person, in order."""
    counts = np.zeros(A.size)
    decisions: list[str] = []
    lengths: list[int] = []
    times: list[float] = []
    given: list[list[int]] = []
    reasons: Counter[str] = Counter()
    for k, person in enumerate(persons):
        test = MasteryTest(
            A,
            B,
            cut,
            exposure_rates=counts / max(k, 1) if capped else None,
            rng=np.random.default_rng([SEED, int(person)]),
            **settings,
        )
        while True:
            start = time.perf_counter_ns()
            item = test.next_item()
            if item is None:
                break
            times.append((time.perf_counter_ns() - start) / 1e6)
            test.record(item, int(RESPONSES[person, item]))
            counts[item] += 1
        decisions.append(str(test.decision))
        lengths.append(test.n_items)
        given.append(test.administered)
        reasons[str(test.stop_reason)] += 1
        tick()
    return {
        "decisions": decisions,
        "lengths": lengths,
        "counts": counts,
        "times": times,
        "reasons": reasons,
        "given": given,
    }


def catsim_select(selector: Any, bank: Any, given: list[int], theta: float) -> int:
    """Return catsim's next item (it returns None only when the bank is empty)."""
    item = selector.select(item_bank=bank, administered_items=given, est_theta=theta)
    assert item is not None
    return int(item)


def run_catsim(cut: float, stopper_kind: str, persons: np.ndarray) -> dict[str, Any]:
    """Run catsim's maximum-information CAT with ML estimation for each person."""
    from catsim.estimation import NumericalSearchEstimator
    from catsim.item_bank import ItemBank
    from catsim.selection import MaxInfoSelector
    from catsim.stopping import ConfidenceIntervalStopper, MinErrorStopper

    bank = ItemBank(np.column_stack([A, B, np.zeros(A.size), np.ones(A.size)]))
    selector = MaxInfoSelector()
    estimator = NumericalSearchEstimator()
    if stopper_kind == "se":
        stopper: Any = MinErrorStopper(0.3, max_items=MAX_ITEMS)
    else:
        stopper = ConfidenceIntervalStopper([cut], confidence=0.95, max_items=MAX_ITEMS)
    counts = np.zeros(A.size)
    decisions, lengths, times = [], [], []
    for person in persons:
        given: list[int] = []
        answers: list[bool] = []
        theta = 0.0
        while not stopper.stop(
            administered_items=bank.get_items(given), theta=theta, _item_bank=bank
        ):
            start = time.perf_counter_ns()
            item = catsim_select(selector, bank, given, theta)
            times.append((time.perf_counter_ns() - start) / 1e6)
            given.append(item)
            answers.append(bool(RESPONSES[person, item]))
            counts[item] += 1
            theta = float(
                estimator.estimate(
                    item_bank=bank,
                    administered_items=given,
                    response_vector=answers,
                    est_theta=theta,
                )
            )
        decisions.append("mastered" if theta >= cut else "not_mastered")
        lengths.append(len(given))
        tick()
    return {
        "decisions": decisions,
        "lengths": lengths,
        "counts": counts,
        "times": times,
    }


def time_big_bank(engine: str, n_people: int) -> list[float]:
    """Return selection times (ms) on a 5,000-item bank at cut 0."""
    rng = np.random.default_rng(SEED + 1)
    a, b = make_bank(BIG_BANK, rng)
    theta = rng.normal(0, 1, n_people)
    answers = rng.random((n_people, BIG_BANK)) < expit(a * (theta[:, None] - b))
    times: list[float] = []
    if engine == "skillpath":
        counts = np.zeros(BIG_BANK)
        for k in range(n_people):
            test = MasteryTest(
                a,
                b,
                0.0,
                exposure_rates=counts / max(k, 1),
                rng=np.random.default_rng(k),
            )
            while True:
                start = time.perf_counter_ns()
                item = test.next_item()
                if item is None:
                    break
                times.append((time.perf_counter_ns() - start) / 1e6)
                test.record(item, int(answers[k, item]))
                counts[item] += 1
            tick()
        return times
    from catsim.estimation import NumericalSearchEstimator
    from catsim.item_bank import ItemBank
    from catsim.selection import MaxInfoSelector
    from catsim.stopping import ConfidenceIntervalStopper

    bank = ItemBank(np.column_stack([a, b, np.zeros(BIG_BANK), np.ones(BIG_BANK)]))
    selector, estimator = MaxInfoSelector(), NumericalSearchEstimator()
    stopper = ConfidenceIntervalStopper([0.0], confidence=0.95, max_items=MAX_ITEMS)
    for k in range(n_people):
        given: list[int] = []
        answers_k: list[bool] = []
        theta_k = 0.0
        while not stopper.stop(
            administered_items=bank.get_items(given), theta=theta_k, _item_bank=bank
        ):
            start = time.perf_counter_ns()
            item = catsim_select(selector, bank, given, theta_k)
            times.append((time.perf_counter_ns() - start) / 1e6)
            given.append(item)
            answers_k.append(bool(answers[k, item]))
            theta_k = float(
                estimator.estimate(
                    item_bank=bank,
                    administered_items=given,
                    response_vector=answers_k,
                    est_theta=theta_k,
                )
            )
        tick()
    return times


def fixed_form(cut: float, length: int, persons: np.ndarray) -> dict[str, Any]:
    """Score a fixed form of the most informative items at the cut by EAP."""
    items = np.argsort(-irt.information(cut, A, B))[:length]
    grid = np.linspace(-5, 5, 101)
    responses = RESPONSES[np.ix_(persons, items)].astype(float)
    log_post = irt.log_likelihood(grid, A[items], B[items], responses) - grid**2 / 2
    weights = np.exp(log_post - log_post.max(axis=1, keepdims=True))
    theta = (weights @ grid) / weights.sum(axis=1)
    counts = np.zeros(A.size)
    counts[items] = persons.size
    decisions = np.where(theta >= cut, "mastered", "not_mastered").tolist()
    return {
        "decisions": decisions,
        "lengths": [length] * persons.size,
        "counts": counts,
        "times": [],
    }


def dispatch(job: tuple[Any, ...]) -> tuple[tuple[Any, ...], Any, float]:
    start = time.perf_counter()
    if job[0] == "skillpath":
        result = run_skillpath(job[1], job[2], {})
    elif job[0] == "variant":
        label = job[2]
        result = run_skillpath(job[1], job[3], VARIANTS[label][0], VARIANTS[label][1])
    else:
        result = run_catsim(job[1], job[2], job[3])
    return job, result, time.perf_counter() - start


def summary(result: dict[str, Any], theta: np.ndarray, cut: float) -> dict[str, float]:
    """Return the metrics of one engine at one cut."""
    decided = np.asarray(result["decisions"])
    truth = theta >= cut
    correct = np.where(truth, decided == "mastered", decided == "not_mastered")
    lengths = np.asarray(result["lengths"])
    times = result["times"]
    return {
        "accuracy": float(correct.mean()),
        "undetermined": float(np.mean(decided == "undetermined")),
        "fm_rate": float(np.mean(decided[~truth] == "mastered")),
        "fm_all": float(np.mean((decided == "mastered") & ~truth)),
        "mm_rate": float(np.mean(decided[truth] == "not_mastered")),
        "mean_items": float(lengths.mean()),
        "p95_items": float(np.percentile(lengths, 95)),
        "max_exposure": float(result["counts"].max() / theta.size),
        "select_median": quantile(times, 0.5),
        "select_p99": quantile(times, 0.99),
    }


def restrict(result: dict[str, Any], n: int) -> dict[str, Any]:
    """Return a skillpath result restricted to the first ``n`` examinees."""
    counts = np.zeros(result["counts"].size)
    for items in result["given"][:n]:
        counts[items] += 1
    return {
        **result,
        "decisions": result["decisions"][:n],
        "lengths": result["lengths"][:n],
        "counts": counts,
    }


def main() -> None:
    global A, B, RESPONSES, DONE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small, fast run")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    n_people, n_catsim, n_big, n_big_catsim = (
        (600, 150, 30, 10) if args.quick else (5000, 5000, 300, 40)
    )

    rng = np.random.default_rng(SEED)
    A, B = make_bank(BANK_SIZE, rng)
    theta = rng.normal(0.0, 1.0, n_people)
    RESPONSES = rng.random((n_people, BANK_SIZE)) < expit(A * (theta[:, None] - B))
    DONE = Value("i", 0)
    everyone = np.arange(n_people)
    sample = everyone[:n_catsim]

    jobs: list[tuple[Any, ...]] = [
        ("catsim", c, s, sample) for c in CUTS for s in ("ci", "se")
    ]
    jobs += [("skillpath", c, everyone) for c in CUTS]
    jobs += [("variant", c, label, sample) for c in CUTS for label in VARIANTS]
    total = (6 + 3 * len(VARIANTS)) * n_catsim + 3 * n_people + n_big + n_big_catsim
    progress = Progress(total, "simulating")
    results: dict[tuple[Any, ...], Any] = {}
    seconds: dict[str, float] = {"skillpath": 0.0, "catsim": 0.0, "variant": 0.0}
    started = time.perf_counter()
    with Pool(args.workers) as pool:
        pending = pool.imap_unordered(dispatch, jobs)
        remaining = len(jobs)
        while remaining:
            try:
                job, value, spent = pending.next(timeout=0.5)
            except TimeoutError:
                pass  # nothing finished yet: just redraw the bar
            else:
                results[job[:2] if job[0] == "skillpath" else job[:3]] = value
                seconds[job[0]] += spent
                remaining -= 1
            progress.update(DONE.value)
    # Selection times on the big bank are taken alone, with no other job running.
    progress.update(DONE.value, "timing selection on 5,000 items")
    big_mine = time_big_bank("skillpath", n_big)
    big_theirs = time_big_bank("catsim", n_big_catsim)
    progress.close()
    wall = time.perf_counter() - started
    per_item = {
        engine: 1000
        * seconds[engine]
        / sum(sum(r["lengths"]) for k, r in results.items() if k[0] == engine)
        for engine in ("skillpath", "catsim")
    }

    print(
        f"Mastery tests: {n_people:,} examinees, theta ~ N(0, 1), 2PL bank of "
        f"{BANK_SIZE} items, at most {MAX_ITEMS} items, {wall:.0f} s on "
        f"{args.workers} workers."
    )
    partial = sample.size < everyone.size
    tag = " (sample)" if partial else ""
    print(
        (
            f"catsim engines and the variants run on the first {n_catsim:,} "
            f"examinees; 'skillpath (sample)' is skillpath on the same ones. "
            if partial
            else "Every engine runs on every examinee. "
        )
        + f"A test costs {per_item['catsim']:.2f} ms per item with catsim against "
        f"{per_item['skillpath']:.2f} ms with skillpath (selection, estimation and "
        f"stopping). Undetermined results count as wrong in 'accuracy'. The "
        f"Bayes-optimal references stop the most informative items at the cut, in a "
        f"fixed order, by the exact Bayes rule for the true population "
        f"(bench/_bayes_reference.py), at catsim CI's mean length and at 60 % of "
        f"it: no stopping rule on those items does better on average.\n"
    )
    headers = [
        "engine",
        "accuracy",
        "undet",
        "FM|non",
        "FM|all",
        "MM|mas",
        "items",
        "p95",
        "max exp",
        "sel med ms",
        "sel p99 ms",
    ]
    ratios: dict[str, list[float]] = {
        k: [] for k in ("accuracy", "fm_rate", "mean_items", "max_exposure")
    }
    for cut in CUTS:
        mine = results[("skillpath", cut)]
        mine_all = summary(mine, theta, cut)
        mine_sample = summary(restrict(mine, sample.size), theta[sample], cut)
        catsim_ci = summary(results[("catsim", cut, "ci")], theta[sample], cut)
        rows = {"skillpath": mine_all}
        if partial:
            rows["skillpath (sample)"] = mine_sample
        rows[f"catsim CI{tag}"] = catsim_ci
        rows[f"catsim SE{tag}"] = summary(
            results[("catsim", cut, "se")], theta[sample], cut
        )
        for label in VARIANTS:
            rows[f"{label}{tag}"] = summary(
                results[("variant", cut, label)], theta[sample], cut
            )
        shares = (1.0, 0.6)
        references = references_at_lengths(
            A,
            B,
            cut,
            RESPONSES[sample],
            [share * catsim_ci["mean_items"] for share in shares],
            MAX_ITEMS,
        )
        for share, (decided, lengths) in zip(shares, references, strict=True):
            rows[f"Bayes-optimal reference, {share:.0%} of catsim CI's items{tag}"] = (
                summary(
                    {
                        "decisions": np.where(decided, "mastered", "not_mastered"),
                        "lengths": lengths,
                        "counts": np.full(A.size, float(sample.size)),
                        "times": [],
                    },
                    theta[sample],
                    cut,
                )
            )
        rows[f"fixed form {MAX_ITEMS}"] = summary(
            fixed_form(cut, MAX_ITEMS, everyone), theta, cut
        )
        equal = int(round(mine_all["mean_items"]))
        rows[f"fixed form {equal}"] = summary(
            fixed_form(cut, equal, everyone), theta, cut
        )
        print(
            f"cut = {cut:+.1f}  (masters: {np.mean(theta >= cut):.1%}; skillpath stops: "
            + ", ".join(f"{k} {v}" for k, v in sorted(mine["reasons"].items()))
            + ")"
        )
        print(
            table(
                headers,
                [
                    [
                        name,
                        m["accuracy"],
                        m["undetermined"],
                        m["fm_rate"],
                        m["fm_all"],
                        m["mm_rate"],
                        m["mean_items"],
                        m["p95_items"],
                        m["max_exposure"],
                        m["select_median"],
                        m["select_p99"],
                    ]
                    for name, m in rows.items()
                ],
            )
        )
        print()
        for key in ratios:
            ratios[key].append(
                mine_sample[key] / catsim_ci[key] if catsim_ci[key] else np.nan
            )

    print(
        f"Selection time on a {BIG_BANK:,}-item bank (cut 0, {n_big} skillpath tests, "
        f"{n_big_catsim} catsim tests):"
    )
    print(
        table(
            ["engine", "selections", "median ms", "p99 ms"],
            [
                [
                    "skillpath",
                    len(big_mine),
                    quantile(big_mine, 0.5),
                    quantile(big_mine, 0.99),
                ],
                [
                    "catsim MaxInfoSelector",
                    len(big_theirs),
                    quantile(big_theirs, 0.5),
                    quantile(big_theirs, 0.99),
                ],
            ],
        )
    )
    big_ratio = quantile(big_mine, 0.99) / quantile(big_theirs, 0.99)
    per_cut = " ".join
    print(
        f"ratios skillpath/catsim-CI at cuts -1/0/+0.5{tag}: "
        f"accuracy {per_cut(f'{r:.3f}' for r in ratios['accuracy'])}; "
        f"false-master {per_cut(f'{r:.2f}' for r in ratios['fm_rate'])}; "
        f"mean items {per_cut(f'{r:.2f}' for r in ratios['mean_items'])}; "
        f"max exposure {per_cut(f'{r:.2f}' for r in ratios['max_exposure'])}; "
        f"p99 selection on {BIG_BANK} items {big_ratio:.3f}"
    )


if __name__ == "__main__":
    main()
