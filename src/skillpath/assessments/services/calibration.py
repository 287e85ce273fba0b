"""Re-estimate item parameters from the responses collected (``core.calibrate``).

Each sitting is one person; every recorded response counts, pilot items included
(that is what pilot items are for). Items of one competency are calibrated
together; items with too few responses keep their parameters (and say so).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.db import transaction
from django.utils import timezone

from skillpath.assessments import scoring
from skillpath.assessments.models import Item, ItemStatus, Response
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.core.calibrate import GradedResponse, TwoPL


@dataclass(frozen=True)
class ItemChange:
    code: str
    status: str
    responses: int
    old_discrimination: float
    old_thresholds: list[float]
    new_discrimination: float | None  # None: not estimated (too few responses)
    new_thresholds: list[float] | None


@dataclass
class CalibrationReport:
    competencies: int = 0
    changes: list[ItemChange] = field(default_factory=list)

    @property
    def updated(self) -> list[ItemChange]:
        return [c for c in self.changes if c.new_discrimination is not None]


def _rounded(values: list[float]) -> list[float]:
    return [round(float(v), 4) for v in values]


def items_calibrate(
    *,
    competency_ids: list[int] | None = None,
    min_responses: int = 20,
    dry_run: bool = False,
    actor: object = None,
) -> CalibrationReport:
    """Re-estimate the 2PL (or GRM) parameters of pilot and operational items.

    Returns what changed; with ``dry_run`` nothing is saved.
    """
    items = Item.objects.filter(
        kind__in=scoring.AUTO_SCORED,
        status__in=(ItemStatus.PILOT, ItemStatus.OPERATIONAL),
    )
    if competency_ids is not None:
        items = items.filter(competency_id__in=competency_ids)
    by_competency: dict[int, list[Item]] = defaultdict(list)
    for item in items.order_by("competency_id", "pk"):
        by_competency[item.competency_id].append(item)
    report = CalibrationReport()
    for bank in by_competency.values():
        report.competencies += 1
        report.changes += _calibrate_bank(
            bank, min_responses=min_responses, dry_run=dry_run
        )
    if not dry_run and report.updated:
        with transaction.atomic():
            for change in report.updated:
                item = Item.objects.get(code=change.code)
                audit_record(
                    actor=actor,
                    verb=AuditVerb.ITEM_CALIBRATE,
                    target=item,
                    responses=change.responses,
                    discrimination=change.new_discrimination,
                    thresholds=change.new_thresholds,
                )
    return report


def _calibrate_bank(
    bank: list[Item], *, min_responses: int, dry_run: bool
) -> list[ItemChange]:
    column = {item.pk: j for j, item in enumerate(bank)}
    rows: dict[int, int] = {}
    cells: list[tuple[int, int, int]] = []
    for sitting_id, item_id, score in Response.objects.filter(
        item_id__in=list(column)
    ).values_list("sitting_id", "item_id", "score"):
        row = rows.setdefault(sitting_id, len(rows))
        cells.append((row, column[item_id], score))
    counts = np.zeros(len(bank), dtype=int)
    for _row, j, _score in cells:
        counts[j] += 1
    if not cells:
        return [_unchanged(item, 0) for item in bank]
    matrix = np.full((len(rows), len(bank)), np.nan)
    for row, j, score in cells:
        matrix[row, j] = score
    graded = any(item.n_thresholds > 1 for item in bank)
    widest = max(item.n_thresholds for item in bank)
    init_a = np.array(
        [item.discrimination if item.thresholds else np.nan for item in bank]
    )
    model: GradedResponse | TwoPL
    if graded:
        init_b = np.full((len(bank), widest), np.nan)
        for j, item in enumerate(bank):
            init_b[j, : len(item.thresholds)] = item.thresholds
        model = GradedResponse(
            min_responses=min_responses,
            init_discrimination=init_a,
            init_difficulty=init_b,
            standard_errors=False,
        )
    else:
        init_b = np.array(
            [item.thresholds[0] if item.thresholds else np.nan for item in bank]
        )
        model = TwoPL(
            min_responses=min_responses,
            init_discrimination=init_a,
            init_difficulty=init_b,
            standard_errors=False,
        )
    model.fit(matrix)
    changes = []
    now = timezone.now()
    for j, item in enumerate(bank):
        if not model.calibrated_[j]:
            changes.append(_unchanged(item, int(counts[j])))
            continue
        a = float(model.discrimination_[j])
        raw = model.difficulty_[j]
        thresholds = [float(v) for v in np.atleast_1d(raw) if np.isfinite(v)]
        if not (np.isfinite(a) and a > 0 and thresholds):
            changes.append(_unchanged(item, int(counts[j])))
            continue
        change = ItemChange(
            code=item.code,
            status=item.status,
            responses=int(counts[j]),
            old_discrimination=float(item.discrimination),
            old_thresholds=_rounded(item.thresholds or []),
            new_discrimination=round(a, 4),
            new_thresholds=_rounded(thresholds),
        )
        changes.append(change)
        if not dry_run:
            Item.objects.filter(pk=item.pk).update(
                discrimination=change.new_discrimination,
                thresholds=change.new_thresholds,
                calibrated_at=now,
                calibration_sample=change.responses,
            )
    return changes


def _unchanged(item: Item, responses: int) -> ItemChange:
    return ItemChange(
        code=item.code,
        status=item.status,
        responses=responses,
        old_discrimination=float(item.discrimination),
        old_thresholds=_rounded(item.thresholds or []),
        new_discrimination=None,
        new_thresholds=None,
    )
