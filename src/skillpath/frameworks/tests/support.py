"""Helpers of the frameworks tests: fixture files and a framework's full snapshot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import models

from skillpath.frameworks.models import (
    Competency,
    CompetencyAssociation,
    Framework,
    ItemType,
    Occupation,
    OccupationCompetency,
    ProficiencyLevel,
)

DATA = Path(__file__).resolve().parent / "data"
IGNORED = {"id", "created_at", "updated_at", "framework", "scale", "created_by"}


def _row(obj: models.Model, **replace: Any) -> dict[str, Any]:
    row = {
        field.attname: getattr(obj, field.attname)
        for field in obj._meta.concrete_fields
        if field.name not in IGNORED and not field.attname.endswith("_id")
    }
    row.update(replace)
    return row


def snapshot(framework: Framework) -> dict[str, Any]:
    """Return everything a framework holds, keyed by identifiers instead of row ids."""
    competencies = {c.pk: c for c in Competency.objects.filter(framework=framework)}
    types = {t.pk: t.identifier for t in ItemType.objects.filter(framework=framework)}
    occupations = {
        o.pk: o.identifier for o in Occupation.objects.filter(framework=framework)
    }
    return {
        "framework": _row(framework, owner_id=framework.owner_id),
        "scale": (framework.scale.title_en, framework.scale.title_fr),
        "levels": sorted(
            (
                _row(level)
                for level in ProficiencyLevel.objects.filter(scale__framework=framework)
            ),
            key=lambda row: row["level"],
        ),
        "item_types": sorted(
            (_row(t) for t in ItemType.objects.filter(framework=framework)),
            key=lambda row: row["identifier"],
        ),
        "competencies": sorted(
            (
                _row(
                    c,
                    parent=competencies[c.parent_id].identifier
                    if c.parent_id
                    else None,
                    item_type=types.get(c.item_type_id),
                )
                for c in competencies.values()
            ),
            key=lambda row: row["identifier"],
        ),
        "associations": sorted(
            (
                _row(
                    a,
                    origin=competencies[a.origin_id].identifier
                    if a.origin_id
                    else None,
                    destination=competencies[a.destination_id].identifier
                    if a.destination_id
                    else None,
                )
                for a in CompetencyAssociation.objects.filter(framework=framework)
            ),
            key=lambda row: row["identifier"],
        ),
        "occupations": sorted(
            (_row(o) for o in Occupation.objects.filter(framework=framework)),
            key=lambda row: row["identifier"],
        ),
        "links": sorted(
            (
                occupations[link.occupation_id],
                competencies[link.competency_id].identifier,
                link.relation,
                link.importance,
                link.level,
            )
            for link in OccupationCompetency.objects.filter(
                occupation__framework=framework
            )
        ),
    }


def database_counts() -> tuple[int, ...]:
    """Return row counts of every frameworks table, to prove nothing was written."""
    return tuple(
        model.objects.count()
        for model in (
            Framework,
            Competency,
            CompetencyAssociation,
            ItemType,
            Occupation,
            OccupationCompetency,
            ProficiencyLevel,
        )
    )
