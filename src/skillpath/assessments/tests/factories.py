"""Factories for assessment tests: item banks and tasks for a credential's competencies.

The credential itself comes from ``credentials.testing.micro_credential``.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

from skillpath.assessments.models import Item, ItemKind, ItemStatus

_counter = itertools.count(1)

RUBRIC = {
    "levels": [
        {"level": 1, "en": "Beginning", "fr": "Débutant"},
        {"level": 2, "en": "Developing", "fr": "En progrès"},
        {"level": 3, "en": "Competent", "fr": "Compétent"},
        {"level": 4, "en": "Expert", "fr": "Expert"},
    ],
    "criteria": [
        {
            "id": "safety",
            "en": "Safety",
            "fr": "Sécurité",
            "descriptors": {
                str(n): {"en": f"Safety at level {n}", "fr": f"Sécurité niveau {n}"}
                for n in range(1, 5)
            },
        },
        {
            "id": "communication",
            "en": "Communication",
            "fr": "Communication",
            "descriptors": {
                str(n): {"en": f"Communicates at level {n}", "fr": f"Niveau {n}"}
                for n in range(1, 5)
            },
        },
    ],
}


def competencies(credential: Any) -> list[Any]:
    return [
        r.competency
        for r in credential.requirements.select_related("competency").order_by(
            "position"
        )
    ]


def bank(
    competency: Any,
    *,
    size: int = 15,
    status: str = ItemStatus.OPERATIONAL,
    prefix: str = "",
) -> list[Item]:
    """Create ``size`` single-choice items with 2PL parameters spread over -2..2."""
    prefix = prefix or f"c{competency.pk}"
    items = []
    for index, difficulty in enumerate(np.linspace(-2.0, 2.0, size)):
        items.append(
            Item.objects.create(
                competency=competency,
                code=f"{prefix}-q{index + 1:02d}-{next(_counter)}",
                kind=ItemKind.SINGLE_CHOICE,
                status=status,
                stem_en=f"Question {index + 1} about {competency.title_en}?",
                stem_fr=f"Question {index + 1} sur {competency.title_fr} ?",
                content={
                    "options": [
                        {"id": "a", "en": "Right answer", "fr": "Bonne réponse"},
                        {"id": "b", "en": "Wrong answer", "fr": "Mauvaise réponse"},
                        {"id": "c", "en": "Another wrong answer", "fr": "Autre"},
                    ]
                },
                answer_key={"correct": "a"},
                discrimination=1.6,
                thresholds=[round(float(difficulty), 3)],
            )
        )
    return items


def task(competency: Any, *, kind: str = ItemKind.PERFORMANCE_TASK) -> Item:
    """Create an operational performance task (or evidence request) with a rubric."""
    return Item.objects.create(
        competency=competency,
        code=f"task-{competency.pk}-{next(_counter)}",
        kind=kind,
        status=ItemStatus.OPERATIONAL,
        stem_en="Plan a safe outdoor activity for six toddlers and explain your choices.",
        stem_fr="Planifiez une activité extérieure sécuritaire pour six tout-petits.",
        rubric=RUBRIC,
    )
