"""Benchmark: exact learning plans against a greedy baseline, 100 to 5,000 modules.

Each catalogue (seeded) has 60 competencies on a 0-4 scale, modules that raise one
competency (sometimes a second one a little), chains of requirements (level L of a
competency usually requires level L - 1; some modules require another competency,
some name a module they require), hours growing with the level, and a price per
hour. Each repetition draws a learner with 40 gaps and plans them with
:func:`skillpath.core.planner.plan`, timing the whole call (catalogue compiled each
time; wall clock, and CPU time, which other processes on the machine disturb less)
and the call on a pre-compiled :class:`~skillpath.core.planner.Catalogue`. Hours
are compared with greedy ones on the learners where both close the same number of
gaps ("compared"); at 100 modules the catalogue cannot teach every gap.

The baseline is greedy: repeatedly take the module with the most gaps closed per
hour, counting the hours of the cheapest chain of prerequisites it needs, and add
that chain first.

Run ``python bench/planner.py [--quick]``; progress goes to stderr, the table to
stdout, and the last line gives the ratios.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from skillpath.core.planner import Catalogue, Module, plan  # noqa: E402

COMPETENCIES = [f"k{i:02d}" for i in range(60)]
GAPS = 40
TARGET_MS = 200.0


def progress(message: str) -> None:
    """Write a progress line to stderr, over the previous one."""
    print(f"\r{message:<70}", end="", file=sys.stderr, flush=True)


def pin_to_one_core() -> str:
    """Pin this process to one CPU so that the times are per core."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned"


def catalogue(size: int, rng: np.random.Generator) -> list[Module]:
    """Return a seeded catalogue of ``size`` modules with chains of requirements."""
    modules: list[Module] = []
    by_level: dict[tuple[str, int], list[str]] = {}
    for number in range(size):
        competency = str(rng.choice(COMPETENCIES))
        level = int(rng.integers(1, 5))
        teaches = {competency: level}
        if rng.random() < 0.3:
            teaches[str(rng.choice(COMPETENCIES))] = int(rng.integers(1, 3))
        requires: dict[str, int] = {}
        if level > 1 and rng.random() < 0.7:
            requires[competency] = level - 1
        if rng.random() < 0.3:
            other = str(rng.choice(COMPETENCIES))
            requires.setdefault(other, int(rng.integers(1, 3)))
        requires_modules: tuple[str, ...] = ()
        earlier = by_level.get((competency, level - 1), [])
        if earlier and rng.random() < 0.1:
            requires_modules = (str(rng.choice(earlier)),)
        module_id = f"m{number:05d}"
        hours = float(round(level * rng.uniform(3.0, 10.0), 1))
        modules.append(
            Module(
                id=module_id,
                hours=hours,
                cost=float(round(hours * rng.uniform(10.0, 30.0))),
                teaches=teaches,
                requires=requires,
                requires_modules=requires_modules,
            )
        )
        by_level.setdefault((competency, level), []).append(module_id)
    return modules


def learner(rng: np.random.Generator) -> tuple[dict[str, int], dict[str, int]]:
    """Return current and required levels with 40 gaps."""
    current = {c: int(rng.integers(0, 2)) for c in COMPETENCIES}
    targets = rng.choice(COMPETENCIES, size=GAPS, replace=False)
    required = {str(c): int(rng.integers(current[str(c)] + 1, 5)) for c in targets}
    return current, required


def greedy(
    current: Mapping[str, int], required: Mapping[str, int], modules: Sequence[Module]
) -> tuple[list[str], float]:
    """Return a greedy plan: best gaps closed per hour, prerequisites first.

    Each step prices every module at its hours plus the cheapest way to meet its
    open requirements (a fixed point over (competency, level) pairs), takes the
    module with the most open gaps closed per priced hour, and adds the modules its
    price was built from, prerequisites first.
    """
    levels = dict(current)
    taken: set[str] = set()
    order: list[str] = []
    by_id = {m.id: m for m in modules}
    while gaps := {c: lvl for c, lvl in required.items() if levels.get(c, 0) < lvl}:
        price: dict[str, float] = {}
        cheapest: dict[tuple[str, int], tuple[float, str]] = {}
        changed = True
        while changed:
            changed = False
            for module in modules:
                if module.id in taken:
                    continue
                total = module.hours
                for competency, level in module.requires.items():
                    if levels.get(competency, 0) < level:
                        total += cheapest.get((competency, level), (np.inf, ""))[0]
                for other in module.requires_modules:
                    if other not in taken:
                        total += price.get(other, np.inf)
                if total >= price.get(module.id, np.inf) - 1e-9:
                    continue
                price[module.id] = total
                changed = True
                for competency, taught in module.teaches.items():
                    for level in range(levels.get(competency, 0) + 1, taught + 1):
                        if total < cheapest.get((competency, level), (np.inf, ""))[0]:
                            cheapest[(competency, level)] = (total, module.id)
        best, best_ratio = "", 0.0
        for module_id, total in price.items():
            teaches = by_id[module_id].teaches
            closes = sum(teaches.get(c, -1) >= lvl for c, lvl in gaps.items())
            if closes and np.isfinite(total):
                ratio = closes / max(total, 1e-9)
                if ratio > best_ratio:
                    best, best_ratio = module_id, ratio
        if not best:
            break
        package = _with_prerequisites(best, by_id, taken, levels, cheapest)
        for module_id in package:
            if module_id in taken:
                continue
            taken.add(module_id)
            order.append(module_id)
            for competency, level in by_id[module_id].teaches.items():
                levels[competency] = max(levels.get(competency, 0), level)
    return order, sum(by_id[m].hours for m in order)


def _with_prerequisites(
    chosen: str,
    by_id: Mapping[str, Module],
    taken: set[str],
    levels: Mapping[str, int],
    cheapest: Mapping[tuple[str, int], tuple[float, str]],
) -> list[str]:
    """Return ``chosen`` after the modules its price was built from, deepest first."""
    package: list[str] = []
    seen: set[str] = set()
    stack: list[tuple[str, bool]] = [(chosen, False)]
    while stack:
        module_id, expanded = stack.pop()
        if expanded:
            package.append(module_id)
            continue
        if module_id in taken or module_id in seen:
            continue
        seen.add(module_id)
        stack.append((module_id, True))
        module = by_id[module_id]
        stack.extend((other, False) for other in module.requires_modules)
        stack.extend(
            (cheapest[(competency, level)][1], False)
            for competency, level in module.requires.items()
            if levels.get(competency, 0) < level
        )
    return package


def percentile(values: Sequence[float], share: float) -> float:
    """Return the ``share`` percentile of ``values`` (nearest rank)."""
    ranked = sorted(values)
    return ranked[min(len(ranked) - 1, int(np.ceil(share * len(ranked))) - 1)]


def run(size: int, repetitions: int, seed: int) -> dict[str, float]:
    """Time exact plans on one catalogue size and compare them with greedy ones."""
    rng = np.random.default_rng(seed)
    modules = catalogue(size, rng)
    compiled = Catalogue(modules)
    plan(*learner(np.random.default_rng(0)), compiled)  # warm imports and caches
    whole, cpu, warm, exact_hours, greedy_hours, unmet = [], [], [], [], [], []
    for repetition in range(repetitions):
        progress(f"{size:>5} modules: learner {repetition + 1}/{repetitions}")
        current, required = learner(rng)
        start, start_cpu = time.perf_counter(), time.process_time()
        result = plan(current, required, modules)
        whole.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        start = time.perf_counter()
        again = plan(current, required, compiled)
        warm.append((time.perf_counter() - start) * 1000)
        assert again.hours == result.hours
        order, hours = greedy(current, required, modules)
        taken_by_greedy = set(order)
        reached = dict(current)
        for module in modules:
            if module.id in taken_by_greedy:
                for competency, level in module.teaches.items():
                    reached[competency] = max(reached.get(competency, 0), level)
        closed_by_greedy = sum(reached.get(c, 0) >= lvl for c, lvl in required.items())
        if closed_by_greedy == len(required) - len(result.unmet):
            exact_hours.append(result.hours)
            greedy_hours.append(hours)
        unmet.append(len(result.unmet))
    return {
        "size": size,
        "repetitions": repetitions,
        "median": statistics.median(whole),
        "p99": percentile(whole, 0.99),
        "cpu_p99": percentile(cpu, 0.99),
        "warm_median": statistics.median(warm),
        "exact": statistics.mean(exact_hours),
        "greedy": statistics.mean(greedy_hours),
        "ratio": statistics.mean(
            g / e for g, e in zip(greedy_hours, exact_hours, strict=True)
        ),
        "compared": len(exact_hours),
        "unmet": statistics.mean(unmet),
    }


def main() -> None:
    """Run the benchmark and print the table and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run")
    arguments = parser.parse_args()
    pinned = pin_to_one_core()
    plan_repetitions = {100: 200, 1000: 100, 5000: 30}
    if arguments.quick:
        plan_repetitions = {100: 20, 1000: 10, 5000: 3}
    rows = [run(size, reps, seed=size) for size, reps in plan_repetitions.items()]
    progress("")
    print(file=sys.stderr)
    print(f"Planner: 40 gaps, 60 competencies, one core ({pinned}); times in ms.")
    columns = [
        ("modules", "size", "{:,.0f}"),
        ("learners", "repetitions", "{:.0f}"),
        ("median ms", "median", "{:.1f}"),
        ("p99 ms", "p99", "{:.1f}"),
        ("p99 CPU ms", "cpu_p99", "{:.1f}"),
        ("median ms, compiled catalogue", "warm_median", "{:.1f}"),
        ("exact h", "exact", "{:.1f}"),
        ("greedy h", "greedy", "{:.1f}"),
        ("greedy/exact", "ratio", "{:.3f}"),
        ("compared", "compared", "{:.0f}"),
        ("unmet gaps", "unmet", "{:.1f}"),
    ]
    print("| " + " | ".join(title for title, _, _ in columns) + " |")
    print("|" + "|".join("-" * (len(title) + 2) for title, _, _ in columns) + "|")
    for row in rows:
        cells = [
            form.format(row[key]).rjust(len(title)) for title, key, form in columns
        ]
        print("| " + " | ".join(cells) + " |")
    at_1000 = next(row for row in rows if row["size"] == 1000)
    print(
        "ratios: greedy/exact hours "
        + " ".join(f"{row['size']}={row['ratio']:.3f}" for row in rows)
        + f"; p99 ms at 1,000 modules / {TARGET_MS:.0f} ms target = "
        + f"{at_1000['p99'] / TARGET_MS:.2f}"
        + "; median ms "
        + " ".join(f"{row['size']}={row['median']:.1f}" for row in rows)
    )


if __name__ == "__main__":
    main()
