"""Store a ParsedFramework: bulk inserts in batches, parents before children."""

from __future__ import annotations

from typing import Any

from django.db import connection, models

from skillpath.frameworks.interchange.document import (
    ParsedFramework,
    Progress,
    depth_order,
    no_progress,
)
from skillpath.frameworks.models import (
    Competency,
    CompetencyAssociation,
    Framework,
    ItemType,
    Occupation,
    OccupationCompetency,
    ProficiencyLevel,
    ProficiencyScale,
)

BATCH = 2000


def _insert(
    model: type[models.Model],
    rows: list[Any],
    *,
    stage: str,
    progress: Progress,
    done: int,
    total: int,
) -> int:
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        model.objects.bulk_create(batch, batch_size=BATCH)  # type: ignore[attr-defined]
        done += len(batch)
        progress(stage, done, total)
    return done


def _insert_rows(
    model: type[models.Model],
    columns: list[str],
    rows: list[tuple[Any, ...]],
    *,
    stage: str,
    progress: Progress,
    done: int,
    total: int,
) -> int:
    """Insert plain rows with multi-row INSERT statements, in batches."""
    quote = connection.ops.quote_name
    per_statement = max(
        1, min(500, (connection.features.max_query_params or 999) // len(columns))
    )
    placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    # Table and column names come from the model, never from the file.
    head = f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) VALUES "  # noqa: S608 (names from the model)  # nosec B608
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            for offset in range(0, len(batch), per_statement):
                chunk = batch[offset : offset + per_statement]
                sql = head + ", ".join([placeholders] * len(chunk))
                cursor.execute(sql, [value for row in chunk for value in row])
            done += len(batch)
            progress(stage, done, total)
    return done


def write_framework(
    parsed: ParsedFramework,
    *,
    owner: Any = None,
    created_by: Any = None,
    progress: Progress = no_progress,
) -> Framework:
    """Create the framework and everything in it; the caller holds the transaction."""
    total = (
        len(parsed.competencies)
        + len(parsed.associations)
        + len(parsed.occupations)
        + len(parsed.links)
    )
    framework = _create_framework(parsed, owner=owner, created_by=created_by)
    type_pk = _write_item_types(framework, parsed)
    progress("competencies", 0, total)
    competency_pk, done = _write_competencies(
        framework, parsed, type_pk, progress=progress, total=total
    )
    done = _write_associations(
        framework, parsed, competency_pk, progress=progress, done=done, total=total
    )
    occupation_pk, done = _write_occupations(
        framework, parsed, progress=progress, done=done, total=total
    )
    _write_links(
        parsed,
        occupation_pk,
        competency_pk,
        progress=progress,
        done=done,
        total=total,
    )
    return framework


def _create_framework(
    parsed: ParsedFramework, *, owner: Any, created_by: Any
) -> Framework:
    """Create the framework row, with its proficiency scale and levels."""
    framework = Framework.objects.create(
        identifier=parsed.identifier,
        uri=parsed.uri,
        title=parsed.title[:300],
        version=parsed.version[:50],
        publisher=parsed.publisher[:200],
        creator=parsed.creator[:200],
        language=parsed.language[:12],
        description=parsed.description,
        source_format=parsed.source_format,
        source_modified_at=parsed.source_modified_at,
        source_data=parsed.source_data,
        owner=owner,
        created_by=created_by
        if getattr(created_by, "is_authenticated", False)
        else None,
    )
    scale = ProficiencyScale.objects.create(
        framework=framework,
        title_en=parsed.scale_title_en,
        title_fr=parsed.scale_title_fr,
    )
    ProficiencyLevel.objects.bulk_create(
        ProficiencyLevel(
            scale=scale,
            level=level.level,
            label_en=level.label_en,
            label_fr=level.label_fr,
            descriptor_en=level.descriptor_en,
            descriptor_fr=level.descriptor_fr,
        )
        for level in parsed.levels
    )
    return framework


def _write_item_types(framework: Framework, parsed: ParsedFramework) -> dict[str, int]:
    """Insert the item types; return their row ids by identifier."""
    types = ItemType.objects.bulk_create(
        ItemType(
            framework=framework,
            identifier=item_type.identifier,
            uri=item_type.uri,
            title=item_type.title[:200],
            description=item_type.description,
            hierarchy_code=item_type.hierarchy_code[:50],
            source_modified_at=item_type.source_modified_at,
            source_data=item_type.source_data,
        )
        for item_type in parsed.item_types
    )
    return {t.identifier: t.pk for t in types}


def _write_competencies(
    framework: Framework,
    parsed: ParsedFramework,
    type_pk: dict[str, int],
    *,
    progress: Progress,
    total: int,
) -> tuple[dict[str, int], int]:
    """Insert the competencies, parents first; return their row ids and the count."""
    done = 0
    competency_pk: dict[str, int] = {}
    for group in depth_order(parsed.competencies):
        rows = [
            Competency(
                framework=framework,
                parent_id=competency_pk[c.parent] if c.parent else None,
                position=c.position,
                identifier=c.identifier,
                uri=c.uri,
                code=c.code[:100],
                title_en=c.title_en,
                title_fr=c.title_fr,
                description_en=c.description_en,
                description_fr=c.description_fr,
                kind=c.kind,
                item_type_id=type_pk.get(c.item_type) if c.item_type else None,
                alt_labels_en=c.alt_labels_en,
                alt_labels_fr=c.alt_labels_fr,
                source_modified_at=c.source_modified_at,
                source_data=c.source_data,
            )
            for c in group
        ]
        done = _insert(
            Competency,
            rows,
            stage="competencies",
            progress=progress,
            done=done,
            total=total,
        )
        competency_pk.update((row.identifier, row.pk) for row in rows)
    return competency_pk, done


def _write_associations(
    framework: Framework,
    parsed: ParsedFramework,
    competency_pk: dict[str, int],
    *,
    progress: Progress,
    done: int,
    total: int,
) -> int:
    """Insert the associations kept as they came; return the running count."""
    associations = [
        CompetencyAssociation(
            framework=framework,
            identifier=a.identifier,
            uri=a.uri,
            association_type=a.association_type,
            origin_id=competency_pk.get(a.origin_identifier),
            origin_identifier=a.origin_identifier,
            origin_uri=a.origin_uri,
            origin_title=a.origin_title,
            destination_id=competency_pk.get(a.destination_identifier),
            destination_identifier=a.destination_identifier,
            destination_uri=a.destination_uri,
            destination_title=a.destination_title,
            sequence_number=a.sequence_number,
            source_modified_at=a.source_modified_at,
            source_data=a.source_data,
        )
        for a in parsed.associations
    ]
    return _insert(
        CompetencyAssociation,
        associations,
        stage="associations",
        progress=progress,
        done=done,
        total=total,
    )


def _write_occupations(
    framework: Framework,
    parsed: ParsedFramework,
    *,
    progress: Progress,
    done: int,
    total: int,
) -> tuple[dict[str, int], int]:
    """Insert the occupations; return their row ids and the running count."""
    occupations = [
        Occupation(
            framework=framework,
            identifier=o.identifier,
            uri=o.uri,
            code=o.code[:40],
            title_en=o.title_en,
            title_fr=o.title_fr,
            description_en=o.description_en,
            description_fr=o.description_fr,
            alt_labels_en=o.alt_labels_en,
            alt_labels_fr=o.alt_labels_fr,
            source_data=o.source_data,
        )
        for o in parsed.occupations
    ]
    done = _insert(
        Occupation,
        occupations,
        stage="occupations",
        progress=progress,
        done=done,
        total=total,
    )
    return {o.identifier: o.pk for o in occupations}, done


def _write_links(
    parsed: ParsedFramework,
    occupation_pk: dict[str, int],
    competency_pk: dict[str, int],
    *,
    progress: Progress,
    done: int,
    total: int,
) -> None:
    """Insert the occupation-competency links.

    The largest table (ESCO: 130,000 rows) is written without model instances:
    plain parameter tuples, many rows per statement.
    """
    links = [
        (
            occupation_pk[link.occupation],
            competency_pk[link.competency],
            link.relation,
            link.importance,
            link.level,
        )
        for link in parsed.links
    ]
    _insert_rows(
        OccupationCompetency,
        ["occupation_id", "competency_id", "relation", "importance", "level"],
        links,
        stage="relations",
        progress=progress,
        done=done,
        total=total,
    )
