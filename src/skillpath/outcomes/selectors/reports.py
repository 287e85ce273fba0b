"""The evaluation report: protected tables per breakdown, from the cube of facts.

Definitions of every figure are in docs/reports.md. In short: each table counts
people in mutually exclusive columns (so its row and column totals mean something),
goes through `skillpath.common.protected_tables.protect`, and every rate is taken from shown
cells only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from skillpath.accounts.models import Organisation, Province, SelfIdentification
from skillpath.common.protected_tables import (
    THRESHOLD,
    ProtectedTable,
    Rate,
    Row,
    Statistic,
    mean_of,
    protect,
)
from skillpath.common.text import localised
from skillpath.credentials.models import MicroCredential
from skillpath.frameworks.models import Competency
from skillpath.outcomes.models import FollowUpKind
from skillpath.outcomes.selectors.facts import (
    ANSWERED,
    EMPLOYED,
    GROUPS,
    OUTCOMES,
    STAGES,
    Facts,
    facts_for,
)


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str | Promise
    index: int


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("credential", gettext_lazy("Micro-credential"), 0),
    Dimension("organisation", gettext_lazy("Issuing organisation"), 1),
    Dimension("cohort", gettext_lazy("Cohort (month of enrolment)"), 2),
    Dimension("province", gettext_lazy("Province or territory"), 3),
    Dimension("newcomer", gettext_lazy("Newcomer to Canada"), 4),
    Dimension("indigenous", gettext_lazy("Indigenous person"), 5),
    Dimension("woman", gettext_lazy("Woman"), 6),
    Dimension("youth", gettext_lazy("Youth (15 to 30)"), 7),
    Dimension("disability", gettext_lazy("Person with a disability"), 8),
)
DIMENSION_KEYS = tuple(dimension.key for dimension in DIMENSIONS)

STAGE_LABELS = {
    "assessed": gettext_lazy("Assessed only"),
    "plan": gettext_lazy("Learning plan"),
    "credential": gettext_lazy("Credential, not applied"),
    "applied": gettext_lazy("Applied, not hired"),
    "hired": gettext_lazy("Hired"),
}
STAGE_REACHED = {
    "assessed": gettext_lazy("Assessed"),
    "plan": gettext_lazy("Plan or further"),
    "credential": gettext_lazy("Credential"),
    "applied": gettext_lazy("Applied for a job"),
    "hired": gettext_lazy("Hired"),
}
OUTCOME_LABELS = {
    "employed_in_field": gettext_lazy("Employed in the field"),
    "employed_other": gettext_lazy("Employed, other or unknown field"),
    "not_employed": gettext_lazy("Not employed"),
    "declined": gettext_lazy("Declined"),
    "bounced": gettext_lazy("Bounced"),
    "no_answer": gettext_lazy("No answer"),
}
KIND_LABELS = {
    FollowUpKind.MONTH_3: gettext_lazy("3 months after the award"),
    FollowUpKind.MONTH_6: gettext_lazy("6 months after the award"),
    FollowUpKind.MONTH_12: gettext_lazy("12 months after the award"),
    FollowUpKind.QUARTER_2: gettext_lazy("2nd quarter after the award (WIOA Q2)"),
    FollowUpKind.QUARTER_4: gettext_lazy("4th quarter after the award (WIOA Q4)"),
}
RETENTION_LABELS = (
    gettext_lazy("Same employer as before"),
    gettext_lazy("Another employer"),
)
SATISFACTION_LABELS = (
    gettext_lazy("Satisfied (4 or 5 of 5)"),
    gettext_lazy("Less satisfied (1 to 3)"),
    gettext_lazy("No answer"),
)
CREDENTIAL_COLUMN = STAGES.index("credential")


@dataclass(frozen=True)
class FunnelLine:
    row: Row
    reached: tuple[int | None, ...]
    attainment: Rate | None


@dataclass(frozen=True)
class FollowUpLine:
    row: Row
    answered: int | None
    response_rate: Rate | None
    employment: Rate | None
    in_field: Rate | None


@dataclass(frozen=True)
class RateLine:
    row: Row
    rate: Rate | None
    response_rate: Rate | None = None


@dataclass(frozen=True)
class FigureLine:
    key: str
    label: str
    days_to_credential: Statistic
    hours_saved: Statistic
    plan_cost: Statistic
    wage_before: Statistic
    wage_after: Statistic


@dataclass(frozen=True)
class FollowUpTable:
    kind: str
    label: str
    table: ProtectedTable

    @property
    def lines(self) -> list[FollowUpLine]:
        return [_follow_up_line(row) for row in (*self.table.rows, self.table.all)]


@dataclass(frozen=True)
class Breakdown:
    dimension: Dimension
    funnel: ProtectedTable
    follow_ups: tuple[FollowUpTable, ...]
    retention: ProtectedTable
    satisfaction: ProtectedTable
    figures: tuple[FigureLine, ...]

    @property
    def tables(self) -> list[ProtectedTable]:
        return [
            self.funnel,
            *(entry.table for entry in self.follow_ups),
            self.retention,
            self.satisfaction,
        ]

    @property
    def funnel_lines(self) -> list[FunnelLine]:
        return [_funnel_line(row) for row in (*self.funnel.rows, self.funnel.all)]

    @property
    def retention_lines(self) -> list[RateLine]:
        return [
            RateLine(row, row.rate((0,), (0, 1)))
            for row in (*self.retention.rows, self.retention.all)
        ]

    @property
    def satisfaction_lines(self) -> list[RateLine]:
        return [
            RateLine(row, row.rate((0,), (0, 1)), row.rate((0, 1), (0, 1, 2)))
            for row in (*self.satisfaction.rows, self.satisfaction.all)
        ]


@dataclass(frozen=True)
class CompetencyLine:
    competency: str
    ratings: int | None
    preparation: Decimal | None
    performance: Decimal | None


@dataclass(frozen=True)
class OutcomeReport:
    credentials: tuple[MicroCredential, ...]
    breakdowns: dict[str, Breakdown]
    competencies: tuple[CompetencyLine, ...]

    def breakdown(self, key: str) -> Breakdown:
        return self.breakdowns[key]

    @property
    def summary(self) -> Breakdown:
        return self.breakdowns["credential"]


def _funnel_line(row: Row) -> FunnelLine:
    reached = tuple(row.reached(index) for index in range(len(STAGES)))
    attainment = None
    if reached[CREDENTIAL_COLUMN] is not None and row.total:
        attainment = Rate(reached[CREDENTIAL_COLUMN] or 0, row.total)
    return FunnelLine(row, reached, attainment)


def _follow_up_line(row: Row) -> FollowUpLine:
    return FollowUpLine(
        row=row,
        answered=row.sum(ANSWERED),
        response_rate=row.rate(ANSWERED, range(len(OUTCOMES))),
        employment=row.rate(EMPLOYED, ANSWERED),
        in_field=row.rate((0,), EMPLOYED),
    )


def _labels(dimension: Dimension, keys: Iterable[Any]) -> dict[Any, str]:
    """Return the shown label of each row key of ``dimension``."""
    keys = set(keys)
    if dimension.key == "credential":
        return {
            c.pk: c.title
            for c in MicroCredential.objects.filter(pk__in=keys).only(
                "pk", "title_en", "title_fr"
            )
        }
    if dimension.key == "organisation":
        return dict(Organisation.objects.filter(pk__in=keys).values_list("pk", "name"))
    if dimension.key == "cohort":
        return {key: key or _("Unknown") for key in keys}
    if dimension.key == "province":
        provinces = dict(Province.choices)
        return {key: str(provinces.get(key, _("Not said"))) for key in keys}
    answers = {
        SelfIdentification.YES.value: _("Yes"),
        SelfIdentification.NO.value: _("No"),
    }
    return {key: answers.get(key, _("Not said")) for key in keys}


def _codes(facts: Facts, dimension: Dimension) -> tuple[np.ndarray, list[Any]]:
    """Return each pair's row number in ``dimension``'s table, and the row keys."""
    row_keys, codes = facts.codes(dimension.index)
    return codes, row_keys


def _sums(codes: np.ndarray, groups: int, counts: np.ndarray) -> np.ndarray:
    """Return the column sums of ``counts`` per group (a GROUP BY in numpy)."""
    out = np.zeros((groups, counts.shape[1]), dtype=np.int64)
    if len(codes):
        np.add.at(out, codes, counts)
    return out


def _table(
    *,
    key: str,
    title: str,
    columns: Sequence[str],
    counts: np.ndarray,
    codes: np.ndarray,
    row_keys: list[Any],
    labels: dict[Any, str],
) -> ProtectedTable:
    sums = _sums(codes, len(row_keys), counts)
    order = sorted(
        range(len(row_keys)),
        key=lambda i: (
            labels.get(row_keys[i], str(row_keys[i])).casefold(),
            str(row_keys[i]),
        ),
    )
    return protect(
        key=key,
        title=title,
        columns=columns,
        rows=[
            (str(row_keys[i]), labels.get(row_keys[i], str(row_keys[i]))) for i in order
        ],
        counts=sums[order].reshape(len(order), len(columns)),
        all_label=str(_("All")),
    )


def _grouped(
    source: list[tuple[int, float]], codes: np.ndarray
) -> tuple[dict[int, np.ndarray], np.ndarray]:
    """Return the values of ``source`` per table row, and all of them."""
    if not source:
        return {}, np.zeros(0)
    at = np.fromiter((pair for pair, _v in source), dtype=np.int64, count=len(source))
    values = np.fromiter((v for _p, v in source), dtype=float, count=len(source))
    rows = codes[at]
    order = np.argsort(rows, kind="stable")
    rows, sorted_values = rows[order], values[order]
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    ends = np.r_[starts[1:], len(rows)]
    return (
        {int(rows[a]): sorted_values[a:b] for a, b in zip(starts, ends, strict=True)},
        values,
    )


def _median(values: np.ndarray) -> Statistic:
    if len(values) < THRESHOLD:
        return Statistic(len(values), None)
    return Statistic(len(values), float(np.median(values)))


def _mean(values: np.ndarray) -> Statistic:
    return mean_of(values.tolist())


def _figures(
    facts: Facts, codes: np.ndarray, row_keys: list[Any], labels: dict[Any, str]
) -> tuple[FigureLine, ...]:
    sources = (
        facts.days_to_credential,
        facts.hours_saved,
        facts.plan_cost,
        facts.wage_before,
        facts.wage_after,
    )
    grouped = [_grouped(source, codes) for source in sources]
    empty = np.zeros(0)
    present = sorted(
        {row for per_row, _all in grouped for row in per_row},
        key=lambda i: (
            labels.get(row_keys[i], str(row_keys[i])).casefold(),
            str(row_keys[i]),
        ),
    )

    def line(key: str, label: str, values: list[np.ndarray]) -> FigureLine:
        days, saved, cost, before, after = values
        return FigureLine(
            key=key,
            label=label,
            days_to_credential=_median(days),
            hours_saved=_mean(saved),
            plan_cost=_mean(cost),
            wage_before=_median(before),
            wage_after=_median(after),
        )

    lines = [
        line(
            str(row_keys[i]),
            labels.get(row_keys[i], str(row_keys[i])),
            [per_row.get(i, empty) for per_row, _all in grouped],
        )
        for i in present
    ]
    lines.append(line("all", str(_("All")), [everyone for _r, everyone in grouped]))
    return tuple(lines)


def _breakdown(facts: Facts, dimension: Dimension) -> Breakdown:
    codes, row_keys = _codes(facts, dimension)
    labels = _labels(dimension, row_keys)
    common: dict[str, Any] = {"codes": codes, "row_keys": row_keys, "labels": labels}
    return Breakdown(
        dimension=dimension,
        funnel=_table(
            key="funnel",
            title=str(_("Furthest stage reached")),
            columns=[str(STAGE_LABELS[s]) for s in STAGES],
            counts=facts.funnel,
            **common,
        ),
        follow_ups=tuple(
            FollowUpTable(
                kind=kind,
                label=str(KIND_LABELS[FollowUpKind(kind)]),
                table=_table(
                    key=f"follow_up_{kind}",
                    title=str(KIND_LABELS[FollowUpKind(kind)]),
                    columns=[str(OUTCOME_LABELS[o]) for o in OUTCOMES],
                    counts=counts,
                    **common,
                ),
            )
            for kind, counts in facts.follow_ups.items()
        ),
        retention=_table(
            key="retention",
            title=str(_("Retention: employed at Q4, and with whom")),
            columns=[str(label) for label in RETENTION_LABELS],
            counts=facts.retention,
            **common,
        ),
        satisfaction=_table(
            key="satisfaction",
            title=str(_("Employer satisfaction with the hire's preparation")),
            columns=[str(label) for label in SATISFACTION_LABELS],
            counts=facts.satisfaction,
            **common,
        ),
        figures=_figures(facts, codes, row_keys, labels),
    )


def _align_totals(breakdowns: dict[str, Breakdown]) -> dict[str, Breakdown]:
    """Hide in every breakdown's totals row what any breakdown hides there."""
    first = next(iter(breakdowns.values()))
    hidden = []
    for position in range(len(first.tables)):
        masks = [b.tables[position].all_hidden for b in breakdowns.values()]
        hidden.append(tuple(any(flags) for flags in zip(*masks, strict=True)))

    def fix(table: ProtectedTable, position: int) -> ProtectedTable:
        return table.with_all_hidden(hidden[position])

    aligned = {}
    for key, b in breakdowns.items():
        kinds = len(b.follow_ups)
        aligned[key] = Breakdown(
            dimension=b.dimension,
            funnel=fix(b.funnel, 0),
            follow_ups=tuple(
                FollowUpTable(entry.kind, entry.label, fix(entry.table, 1 + i))
                for i, entry in enumerate(b.follow_ups)
            ),
            retention=fix(b.retention, 1 + kinds),
            satisfaction=fix(b.satisfaction, 2 + kinds),
            figures=b.figures,
        )
    return aligned


def _competencies(facts: Facts) -> tuple[CompetencyLine, ...]:
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for _credential, competency, n, preparation, performance in facts.competencies:
        entry = totals[competency]
        entry[0] += n
        entry[1] += preparation
        entry[2] += performance
    titles = {
        c.pk: localised(c, "title")
        for c in Competency.objects.filter(pk__in=totals).only(
            "pk", "title_en", "title_fr"
        )
    }
    lines = []
    for competency, (n, preparation, performance) in totals.items():
        count = int(n)
        shown = count >= THRESHOLD
        lines.append(
            CompetencyLine(
                competency=titles.get(competency, str(competency)),
                ratings=count if shown or count == 0 else None,
                preparation=Decimal(preparation) / count if shown else None,
                performance=Decimal(performance) / count if shown else None,
            )
        )
    return tuple(sorted(lines, key=lambda line: line.competency.casefold()))


def outcome_report(
    credentials: Sequence[MicroCredential],
    *,
    load: Callable[[Iterable[int]], Facts] = facts_for,
) -> OutcomeReport:
    """Return the protected report over ``credentials`` (every breakdown)."""
    facts = load([credential.pk for credential in credentials])
    breakdowns = {
        dimension.key: _breakdown(facts, dimension) for dimension in DIMENSIONS
    }
    return OutcomeReport(
        credentials=tuple(credentials),
        breakdowns=_align_totals(breakdowns),
        competencies=_competencies(facts),
    )


__all__ = [
    "DIMENSIONS",
    "DIMENSION_KEYS",
    "GROUPS",
    "Breakdown",
    "OutcomeReport",
    "outcome_report",
]
