"""Calibration: parameters re-estimated from responses, reported, and saved."""

from __future__ import annotations

from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command

from skillpath.accounts import testing
from skillpath.assessments.models import (
    Item,
    ItemStatus,
    Response,
    Sitting,
    SittingPart,
)
from skillpath.assessments.services.calibration import items_calibrate
from skillpath.assessments.tests import factories
from skillpath.credentials.testing import micro_credential

pytestmark = pytest.mark.django_db


def simulate(
    credential, items, *, persons: int, true_b: np.ndarray, seed: int = 5
) -> None:
    rng = np.random.default_rng(seed)
    theta = rng.normal(size=persons)
    p = 1 / (1 + np.exp(-1.5 * (theta[:, None] - true_b[None, :])))
    scores = (rng.random(p.shape) < p).astype(int)
    learner = testing.learner()
    competency = items[0].competency
    responses = []
    for person in range(persons):
        sitting = Sitting.objects.create(
            learner=learner, credential=credential, status="completed"
        )
        part = SittingPart.objects.create(
            sitting=sitting,
            competency=competency,
            position=1,
            required_level=2,
            cut_theta=0,
        )
        for j, item in enumerate(items):
            responses.append(
                Response(
                    sitting=sitting,
                    part=part,
                    sequence=j + 1,
                    item=item,
                    credit=float(scores[person, j]),
                    score=int(scores[person, j]),
                    counted=item.status == ItemStatus.OPERATIONAL,
                )
            )
    Response.objects.bulk_create(responses)


def test_calibration_moves_parameters_towards_the_truth_and_reports() -> None:
    credential = micro_credential(levels=(2,))
    competency = factories.competencies(credential)[0]
    items = factories.bank(competency, size=6)
    pilot = factories.bank(competency, size=1, status=ItemStatus.PILOT, prefix="pilot")[
        0
    ]
    Item.objects.filter(pk=pilot.pk).update(
        thresholds=[]
    )  # a pilot with no estimate yet
    rare = factories.bank(competency, size=1, prefix="rare")[0]
    items = [*items, Item.objects.get(pk=pilot.pk)]
    true_b = np.array([-1.5, -1.0, -0.2, 0.3, 0.9, 1.4, 0.5])
    simulate(credential, items, persons=300, true_b=true_b)

    dry = items_calibrate(competency_ids=[competency.pk], dry_run=True)
    assert len(dry.updated) == 7
    assert Item.objects.get(pk=pilot.pk).thresholds == []

    report = items_calibrate(competency_ids=[competency.pk])
    by_code = {c.code: c for c in report.changes}
    assert by_code[rare.code].new_discrimination is None  # no responses: kept
    estimated = np.array([by_code[i.code].new_thresholds[0] for i in items])
    assert np.abs(estimated - true_b).max() < 0.45
    pilot.refresh_from_db()
    assert pilot.thresholds and pilot.calibration_sample == 300 and pilot.calibrated_at

    out = StringIO()
    call_command(
        "items_calibrate",
        "--competency",
        competency.identifier,
        "--dry-run",
        stdout=out,
    )
    assert "re-estimated" in out.getvalue() and "too few responses" in out.getvalue()
