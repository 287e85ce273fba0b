"""Small helpers shared by the benchmarks: progress on stderr, tables, quantiles.

Import this module before numpy: it limits BLAS to one thread per process (unless
the environment already says otherwise), because multi-threaded BLAS on small
matrices spins against the other processes of a busy two-core machine and makes
timings meaningless. Every engine in a benchmark runs under the same setting.
"""

from __future__ import annotations

import math
import os
import sys
import time
from collections.abc import Sequence

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

__all__ = ["Progress", "quantile", "table"]


class Progress:
    """Draw a one-line progress bar on stderr when it is a terminal."""

    def __init__(self, total: int, label: str = "") -> None:
        self.total = max(total, 1)
        self.label = label
        self.started = time.perf_counter()
        self.enabled = sys.stderr.isatty()

    def update(self, done: int, label: str | None = None) -> None:
        """Redraw the bar at ``done`` of ``total``."""
        if label is not None:
            self.label = label
        if not self.enabled:
            return
        share = min(done / self.total, 1.0)
        bar = "#" * int(30 * share)
        elapsed = time.perf_counter() - self.started
        line = f"\r[{bar:<30}] {100 * share:5.1f}% {elapsed:6.0f}s {self.label}"
        print(f"{line:<100}", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        """Clear the bar."""
        if self.enabled:
            print("\r" + " " * 100 + "\r", end="", file=sys.stderr, flush=True)


def quantile(values: Sequence[float], q: float) -> float:
    """Return the ``q`` quantile (nearest rank) of ``values``, or nan if empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Return a plain-text table with right-aligned columns (first column left)."""
    cells = [[str(h) for h in headers]] + [[_cell(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        first = row[0].ljust(widths[0])
        rest = (
            cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)
        )
        return "  ".join([first, *rest])

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def _cell(value: object) -> str:
    if isinstance(value, float):
        if math.isnan(value):
            return "-"
        return f"{value:.3f}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)
