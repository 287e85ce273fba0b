"""Protected count tables: what a report may show of a table of people.

Every table of counts a report publishes goes through `protect`, which asks the
core's `suppress_with_margins` which cells and totals to hide (a cell of 1 to 9
people, and enough others that none of them can be worked out from the totals).
Every figure the report derives from a table (a sum of cells, a rate) comes from
here too, and is hidden when it would use a hidden cell: nothing shown is ever a
count of 1 to 9 people, or a rate over one.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from skillpath.core.disclosure import suppress_with_margins

#: Cells of 1 to ``THRESHOLD - 1`` people are hidden; so are medians over fewer.
THRESHOLD = 10


def is_small(count: int | None) -> bool:
    """Return whether ``count`` is a number of people too small to publish."""
    return count is not None and 1 <= count < THRESHOLD


@dataclass(frozen=True)
class Rate:
    """A share with the count it is a share of (both safe to publish)."""

    numerator: int
    denominator: int

    @property
    def value(self) -> float:
        return self.numerator / self.denominator

    @property
    def percent(self) -> int:
        return round(100 * self.numerator / self.denominator)


@dataclass(frozen=True)
class Row:
    """One row of a protected table: its label, cells and total (None = hidden)."""

    key: str
    label: str
    cells: tuple[int | None, ...]
    total: int | None

    def sum(self, columns: Sequence[int]) -> int | None:
        """Return the sum of ``columns``, or None when one of them is hidden."""
        values = [self.cells[column] for column in columns]
        if any(value is None for value in values):
            return None
        total = sum(value for value in values if value is not None)
        # Shown cells are 0 or at least THRESHOLD, so their sum is too; belt and braces.
        return None if is_small(total) else total

    def reached(self, first: int) -> int | None:
        """Return the people in column ``first`` or any later one (a funnel stage)."""
        if first == 0:
            return self.total
        return self.sum(range(first, len(self.cells)))

    def rate(self, numerator: Sequence[int], denominator: Sequence[int]) -> Rate | None:
        """Return the share of ``numerator`` columns in ``denominator`` columns."""
        top = self.sum(numerator)
        bottom = self.sum(denominator)
        if top is None or not bottom:
            return None
        return Rate(top, bottom)


@dataclass(frozen=True)
class ProtectedTable:
    """A table of counts as it may be published: rows, then the row of all people."""

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    all: Row

    @property
    def hidden_cells(self) -> int:
        every = [*self.rows, self.all]
        return sum(
            (value is None) for row in every for value in (*row.cells, row.total)
        )

    @property
    def all_hidden(self) -> tuple[bool, ...]:
        """Return which of the totals row's cells, then its total, are hidden."""
        return (*(value is None for value in self.all.cells), self.all.total is None)

    def with_all_hidden(self, hidden: Sequence[bool]) -> ProtectedTable:
        """Return the table with more of its totals row hidden (never fewer).

        The totals row is the same people in every breakdown of a report; hiding
        there whatever any breakdown hides keeps one table from showing what
        another's protection hid.
        """
        *cells_hidden, total_hidden = hidden
        cells = tuple(
            None if hide else value
            for value, hide in zip(self.all.cells, cells_hidden, strict=True)
        )
        total = None if total_hidden else self.all.total
        return ProtectedTable(
            key=self.key,
            title=self.title,
            columns=self.columns,
            rows=self.rows,
            all=Row(self.all.key, self.all.label, cells, total),
        )


def protect(
    *,
    key: str,
    title: str,
    columns: Sequence[str],
    rows: Sequence[tuple[str, str]],
    counts: np.ndarray,
    all_label: str,
) -> ProtectedTable:
    """Return the table of ``counts`` (rows x columns) with small cells hidden.

    ``rows`` gives each row's key and label. Rows of all zeros are left out (they
    say nothing and would only lengthen the table).
    """
    table = np.asarray(counts, dtype=np.int64).reshape(len(rows), len(columns))
    keep = table.sum(axis=1) > 0
    table = table[keep]
    kept = [row for row, wanted in zip(rows, keep, strict=True) if wanted]
    if table.size == 0:
        empty = Row("all", all_label, tuple(0 for _ in columns), 0)
        return ProtectedTable(key, title, tuple(columns), (), empty)
    hidden = suppress_with_margins(table, threshold=THRESHOLD)
    out = []
    for index, (row_key, label) in enumerate(kept):
        out.append(
            Row(
                row_key,
                label,
                tuple(
                    None if hidden.cells[index, column] else int(table[index, column])
                    for column in range(len(columns))
                ),
                None if hidden.row_totals[index] else int(table[index].sum()),
            )
        )
    totals = table.sum(axis=0)
    all_row = Row(
        "all",
        all_label,
        tuple(
            None if hidden.column_totals[column] else int(totals[column])
            for column in range(len(columns))
        ),
        None if hidden.grand_total else int(table.sum()),
    )
    return ProtectedTable(key, title, tuple(columns), tuple(out), all_row)


@dataclass(frozen=True)
class Statistic:
    """A median or mean over ``count`` people, shown only when they are enough."""

    count: int
    value: float | None

    @property
    def shown(self) -> bool:
        return self.count >= THRESHOLD and self.value is not None

    @property
    def shown_count(self) -> int | None:
        return None if is_small(self.count) else self.count


def median_of(values: Sequence[float]) -> Statistic:
    """Return the median of ``values``, hidden when fewer than THRESHOLD people."""
    if len(values) < THRESHOLD:
        return Statistic(len(values), None)
    return Statistic(len(values), statistics.median(values))


def mean_of(values: Sequence[float]) -> Statistic:
    """Return the mean of ``values``, hidden when fewer than THRESHOLD people.

    ``math.fsum`` is exactly rounded, so the mean does not depend on the order.
    """
    if len(values) < THRESHOLD:
        return Statistic(len(values), None)
    return Statistic(len(values), math.fsum(values) / len(values))
