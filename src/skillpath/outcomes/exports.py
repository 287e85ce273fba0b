"""The report's CSV: the same protected tables, one figure a line.

Hidden figures are written as ``hidden``; a count of 1 to 9 people is never
written, nor a rate over one (the rows come from the protected tables only).
Text cells that a spreadsheet would run as a formula get a protective quote, as in
the module export.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from skillpath.common.csvcells import csv_cell_safe
from skillpath.common.protected_tables import Rate, Statistic
from skillpath.outcomes.selectors.facts import STAGES
from skillpath.outcomes.selectors.reports import STAGE_REACHED, Breakdown, OutcomeReport

HEADER = ("breakdown", "group", "table", "measure", "value", "out_of")


def _safe(value: Any) -> str:
    return csv_cell_safe(value)


def _count(value: int | None) -> tuple[str, str]:
    return ("hidden" if value is None else str(value)), ""


def _rate(rate: Rate | None) -> tuple[str, str]:
    if rate is None:
        return "hidden", ""
    return f"{rate.value:.4f}", str(rate.denominator)


def _statistic(statistic: Statistic) -> tuple[str, str]:
    if not statistic.shown or statistic.value is None:
        return "hidden", "" if statistic.shown_count is None else str(statistic.count)
    return f"{statistic.value:.2f}", str(statistic.count)


def _breakdown_rows(breakdown: Breakdown) -> Iterator[tuple[str, ...]]:
    by = breakdown.dimension.key
    for line in breakdown.funnel_lines:
        group = line.row.label
        for column, value in zip(breakdown.funnel.columns, line.row.cells, strict=True):
            yield (by, group, "funnel", column, *_count(value))
        yield (by, group, "funnel", "learners", *_count(line.row.total))
        for stage, reached in zip(STAGES, line.reached, strict=True):
            yield (
                by,
                group,
                "funnel",
                f"reached: {STAGE_REACHED[stage]}",
                *_count(reached),
            )
        yield (
            by,
            group,
            "funnel",
            "credential attainment rate",
            *_rate(line.attainment),
        )
    for entry in breakdown.follow_ups:
        table = f"follow-up {entry.kind}"
        for fl in entry.lines:
            group = fl.row.label
            for column, value in zip(entry.table.columns, fl.row.cells, strict=True):
                yield (by, group, table, column, *_count(value))
            yield (by, group, table, "surveys closed", *_count(fl.row.total))
            yield (
                by,
                group,
                table,
                "response rate (AAPOR RR1)",
                *_rate(fl.response_rate),
            )
            yield (by, group, table, "employment rate", *_rate(fl.employment))
            yield (by, group, table, "in-field rate", *_rate(fl.in_field))
    for rl in breakdown.retention_lines:
        for column, value in zip(
            breakdown.retention.columns, rl.row.cells, strict=True
        ):
            yield (by, rl.row.label, "retention", column, *_count(value))
        yield (by, rl.row.label, "retention", "retention rate", *_rate(rl.rate))
    for rl in breakdown.satisfaction_lines:
        for column, value in zip(
            breakdown.satisfaction.columns, rl.row.cells, strict=True
        ):
            yield (by, rl.row.label, "employer satisfaction", column, *_count(value))
        yield (
            by,
            rl.row.label,
            "employer satisfaction",
            "satisfied rate",
            *_rate(rl.rate),
        )
        yield (
            by,
            rl.row.label,
            "employer satisfaction",
            "response rate (AAPOR RR1)",
            *_rate(rl.response_rate),
        )
    for fig in breakdown.figures:
        yield (
            by,
            fig.label,
            "figures",
            "median days to credential",
            *_statistic(fig.days_to_credential),
        )
        yield (
            by,
            fig.label,
            "figures",
            "mean hours saved against the full program",
            *_statistic(fig.hours_saved),
        )
        yield (
            by,
            fig.label,
            "figures",
            "mean cost of the plan (CAD)",
            *_statistic(fig.plan_cost),
        )
        yield (
            by,
            fig.label,
            "figures",
            "median hourly wage before (baseline)",
            *_statistic(fig.wage_before),
        )
        yield (
            by,
            fig.label,
            "figures",
            "median hourly wage at Q2",
            *_statistic(fig.wage_after),
        )


def report_csv(report: OutcomeReport, breakdown_keys: list[str]) -> str:
    """Return the protected report's breakdowns ``breakdown_keys`` as CSV text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for key in breakdown_keys:
        for row in _breakdown_rows(report.breakdown(key)):
            writer.writerow([_safe(cell) for cell in row])
    for line in report.competencies:
        for measure, value in (
            ("ratings", "hidden" if line.ratings is None else str(line.ratings)),
            (
                "mean preparation",
                "hidden" if line.preparation is None else f"{line.preparation:.2f}",
            ),
            (
                "mean performance",
                "hidden" if line.performance is None else f"{line.performance:.2f}",
            ),
        ):
            writer.writerow(
                [
                    _safe(c)
                    for c in (
                        "competency",
                        line.competency,
                        "employer ratings",
                        measure,
                        value,
                        "",
                    )
                ]
            )
    return buffer.getvalue()
