"""A framework read from files, as plain data, and the checks every format shares."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _

from skillpath.frameworks.exceptions import FrameworkImportError
from skillpath.frameworks.interchange.files import line_label

# A progress callback: (stage, done, total).
Progress = Callable[[str, int, int], None]
NAMESPACE = uuid.UUID("5f0c1a9e-3d52-4a7e-9b1e-8c7f2f6a4b10")


def no_progress(stage: str, done: int, total: int) -> None:
    """Ignore progress reports."""


def stable_uuid(*parts: str) -> str:
    """Return a UUID that is always the same for the same ``parts``."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(parts)))


def uuid_or_none(text: str) -> str | None:
    """Return ``text`` as a canonical UUID string, or ``None`` if it is not one."""
    try:
        return str(uuid.UUID(text))
    except (ValueError, AttributeError, TypeError):
        return None


@dataclass
class ParsedLevel:
    level: int
    label_en: str
    label_fr: str = ""
    descriptor_en: str = ""
    descriptor_fr: str = ""


@dataclass
class ParsedItemType:
    identifier: str
    uri: str
    title: str
    description: str = ""
    hierarchy_code: str = ""
    source_modified_at: datetime | None = None
    source_data: dict[str, Any] = field(default_factory=dict)


@dataclass
class ParsedCompetency:
    identifier: str
    title_en: str = ""
    title_fr: str = ""
    description_en: str = ""
    description_fr: str = ""
    uri: str = ""
    code: str = ""
    kind: str = "skill"
    item_type: str | None = None  # identifier of a ParsedItemType
    parent: str | None = None  # identifier of the parent competency
    position: int = 0
    alt_labels_en: str = ""
    alt_labels_fr: str = ""
    source_modified_at: datetime | None = None
    source_data: dict[str, Any] = field(default_factory=dict)
    record: str = ""  # where it was read, for error messages
    line: int = 0  # its line in a CSV file (formatted only for an error message)


@dataclass
class ParsedAssociation:
    identifier: str
    association_type: str
    origin_identifier: str
    destination_identifier: str
    uri: str = ""
    origin_uri: str = ""
    origin_title: str = ""
    destination_uri: str = ""
    destination_title: str = ""
    sequence_number: int | None = None
    source_modified_at: datetime | None = None
    source_data: dict[str, Any] = field(default_factory=dict)


@dataclass
class ParsedOccupation:
    identifier: str
    title_en: str = ""
    title_fr: str = ""
    description_en: str = ""
    description_fr: str = ""
    uri: str = ""
    code: str = ""
    alt_labels_en: str = ""
    alt_labels_fr: str = ""
    source_data: dict[str, Any] = field(default_factory=dict)


@dataclass
class ParsedLink:
    occupation: str  # occupation identifier
    competency: str  # competency identifier
    relation: str
    importance: float | None = None
    level: float | None = None


@dataclass
class ParsedFramework:
    identifier: str
    title: str
    source_format: str
    uri: str = ""
    version: str = ""
    publisher: str = ""
    creator: str = ""
    language: str = "en"
    description: str = ""
    source_modified_at: datetime | None = None
    source_data: dict[str, Any] = field(default_factory=dict)
    scale_title_en: str = "Proficiency"
    scale_title_fr: str = "Maîtrise"
    levels: list[ParsedLevel] = field(default_factory=list)
    item_types: list[ParsedItemType] = field(default_factory=list)
    competencies: list[ParsedCompetency] = field(default_factory=list)
    associations: list[ParsedAssociation] = field(default_factory=list)
    occupations: list[ParsedOccupation] = field(default_factory=list)
    links: list[ParsedLink] = field(default_factory=list)


def default_levels() -> list[ParsedLevel]:
    """Return skillpath's default four-level proficiency scale."""
    return [
        ParsedLevel(
            1,
            "Awareness",
            "Notions",
            "Knows the basics and does simple tasks with close guidance.",
            "Connaît les notions de base et réalise des tâches simples avec un encadrement étroit.",
        ),
        ParsedLevel(
            2,
            "Working",
            "Fonctionnel",
            "Does routine tasks on their own and asks for help with new situations.",
            "Réalise seul les tâches courantes et demande de l’aide devant une situation nouvelle.",
        ),
        ParsedLevel(
            3,
            "Proficient",
            "Autonome",
            "Handles new and difficult situations on their own, to the standard of the job.",
            "Gère seul les situations nouvelles ou difficiles, selon les normes du métier.",
        ),
        ParsedLevel(
            4,
            "Expert",
            "Expert",
            "Improves how the work is done and guides others.",
            "Améliore les façons de faire et guide les autres.",
        ),
    ]


def check_levels(levels: list[ParsedLevel], *, file: str, record: str) -> None:
    """Refuse a scale whose levels are not numbered 1, 2, … N without gaps."""
    if not levels:
        raise FrameworkImportError(
            file, record, _("the proficiency scale has no level.")
        )
    numbers = [level.level for level in levels]
    if sorted(numbers) != list(range(1, len(numbers) + 1)):
        raise FrameworkImportError(
            file,
            record,
            _(
                "unknown level: the levels of a proficiency scale are numbered 1, 2, 3… "
                "without gaps or repeats, and these are %(levels)s."
            )
            % {"levels": ", ".join(str(n) for n in numbers)},
        )
    for level in levels:
        if not (level.label_en or level.label_fr):
            raise FrameworkImportError(
                file, record, _("level %(level)d has no name.") % {"level": level.level}
            )


def find_cycle(edges: Iterable[tuple[str, str]]) -> list[str] | None:
    """Return a cycle of child→parent ``edges`` as a list of nodes, or ``None``.

    Iterative depth-first search, so deep hierarchies do not hit the recursion limit.
    """
    parents: dict[str, list[str]] = {}
    for child, parent in edges:
        parents.setdefault(child, []).append(parent)
    white, grey, black = 0, 1, 2
    colour: dict[str, int] = {}
    for start in parents:
        if colour.get(start, white) != white:
            continue
        path = [start]
        stack = [iter(parents.get(start, ()))]
        colour[start] = grey
        while stack:
            following = next(stack[-1], None)
            if following is None:
                colour[path.pop()] = black
                stack.pop()
                continue
            state = colour.get(following, white)
            if state == grey:
                return path[path.index(following) :] + [following]
            if state == white:
                colour[following] = grey
                path.append(following)
                stack.append(iter(parents.get(following, ())))
    return None


def depth_order(competencies: list[ParsedCompetency]) -> list[list[ParsedCompetency]]:
    """Group competencies by depth (roots first), keeping file order in each group."""
    by_id = {c.identifier: c for c in competencies}
    depth: dict[str, int] = {}
    for competency in competencies:
        chain = []
        node: ParsedCompetency | None = competency
        while node is not None and node.identifier not in depth:
            chain.append(node)
            node = by_id.get(node.parent) if node.parent else None
        base = depth[node.identifier] + 1 if node is not None else 0
        for offset, member in enumerate(reversed(chain)):
            depth[member.identifier] = base + offset
    groups: dict[int, list[ParsedCompetency]] = {}
    for competency in competencies:
        groups.setdefault(depth[competency.identifier], []).append(competency)
    return [groups[d] for d in sorted(groups)]


def check_hierarchy(parsed: ParsedFramework, *, file: str) -> None:
    """Refuse missing parents and cycles among competencies."""
    known = {c.identifier for c in parsed.competencies}
    for competency in parsed.competencies:
        if competency.parent is not None and competency.parent not in known:
            raise FrameworkImportError(
                file,
                f"{competency.record}, {line_label(competency.line)}"
                if competency.line
                else competency.record,
                _("its parent %(parent)s does not exist in this file.")
                % {"parent": competency.parent},
            )
    cycle = find_cycle(
        (c.identifier, c.parent) for c in parsed.competencies if c.parent
    )
    if cycle:
        raise FrameworkImportError(
            file,
            "",
            _(
                "the hierarchy has a cycle: %(cycle)s. A competency cannot be part of itself."
            )
            % {"cycle": " → ".join(cycle)},
        )
