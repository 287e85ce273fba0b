"""Read ESCO CSV files: skills, occupations, occupation–skill relations.

PATH is a directory holding ESCO's CSV files, or one CSV file. Each file is recognised
by its columns, not its name:

* skills — ``skills_en.csv`` or a ``*SkillsCollection_en.csv``: ``conceptUri``,
  ``preferredLabel``, ``skillType``;
* occupations — ``occupations_en.csv``: ``conceptUri``, ``preferredLabel``, ``iscoGroup``;
* relations — ``occupationSkillRelations_en.csv``: ``occupationUri``, ``relationType``,
  ``skillUri``;
* optionally the skill hierarchy — ``broaderRelationsSkillPillar_en.csv``:
  ``conceptUri``, ``broaderUri``.

A name ending in ``_fr.csv`` gives the French labels and descriptions of the same
concepts (matched by URI); any other name is read as English. Multi-valued cells
(alternative labels) are separated by line breaks or by `` | ``. Other files in the
directory (ISCO groups, skill groups…) are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from skillpath.frameworks.exceptions import FrameworkImportError
from skillpath.frameworks.interchange.document import (
    ParsedCompetency,
    ParsedFramework,
    ParsedLink,
    ParsedOccupation,
    Progress,
    check_hierarchy,
    default_levels,
    no_progress,
    stable_uuid,
    uuid_or_none,
)
from skillpath.frameworks.interchange.files import (
    Table,
    line_label,
    parse_when,
    read_table,
)
from skillpath.frameworks.models import CompetencyKind, RelationType, SourceFormat

SKILL_COLUMNS = {"conceptUri", "preferredLabel", "skillType"}
OCCUPATION_COLUMNS = {"conceptUri", "preferredLabel", "iscoGroup"}
RELATION_COLUMNS = {"occupationUri", "relationType", "skillUri"}
BROADER_COLUMNS = {"conceptUri", "broaderUri"}
LANGUAGE_SUFFIX = re.compile(r"_(en|fr)\.csv$", re.IGNORECASE)
SEPARATORS = re.compile(r"\s*\|\s*|\n")


@dataclass
class _File:
    table: Table
    kind: str
    language: str


def identifier_of(uri: str) -> str:
    """Return the UUID at the end of an ESCO URI, or a stable UUID made from it."""
    tail = uri.rstrip("/").rsplit("/", 1)[-1]
    return uuid_or_none(tail) or stable_uuid("esco", uri)


def _values(cell: str) -> list[str]:
    return [value.strip() for value in SEPARATORS.split(cell or "") if value.strip()]


def _kind(skill_type: str, file: str, line: int) -> str:
    text = skill_type.strip().lower()
    if not text or text in {"skill/competence", "skill", "competence"}:
        return CompetencyKind.SKILL
    if text == "knowledge":
        return CompetencyKind.KNOWLEDGE
    if "attitude" in text:
        return CompetencyKind.ATTITUDE
    raise FrameworkImportError(
        file,
        _("line %(line)d") % {"line": line},
        _("unknown skill type “%(type)s”: ESCO uses “skill/competence” or “knowledge”.")
        % {"type": skill_type},
    )


def _classify(table: Table) -> str:
    columns = set(table.header)
    if columns >= RELATION_COLUMNS:
        return "relations"
    if columns >= SKILL_COLUMNS:
        return "skills"
    if columns >= OCCUPATION_COLUMNS:
        return "occupations"
    if columns >= BROADER_COLUMNS:
        return "broader"
    raise FrameworkImportError(
        table.name,
        _("line 1"),
        _(
            "these columns are not an ESCO skills, occupations or relations file. A skills "
            "file has %(skills)s; an occupations file %(occupations)s; a relations file "
            "%(relations)s."
        )
        % {
            "skills": ", ".join(sorted(SKILL_COLUMNS)),
            "occupations": ", ".join(sorted(OCCUPATION_COLUMNS)),
            "relations": ", ".join(sorted(RELATION_COLUMNS)),
        },
    )


def _files(path: Path, max_bytes: int) -> list[_File]:
    if path.is_dir():
        candidates = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv")
        found = []
        for candidate in candidates:
            table = read_table(candidate, max_bytes)
            try:
                kind = _classify(table)
            except FrameworkImportError:
                continue  # another ESCO file (ISCO groups, concept schemes…)
            found.append(_File(table, kind, _language(candidate)))
        if not any(f.kind in ("skills", "occupations") for f in found):
            raise FrameworkImportError(
                path.name,
                "",
                _("the folder holds no ESCO skills or occupations CSV file."),
            )
        return found
    table = read_table(path, max_bytes)
    return [_File(table, _classify(table), _language(path))]


def _language(path: Path) -> str:
    match = LANGUAGE_SUFFIX.search(path.name)
    return match.group(1).lower() if match else "en"


def _cell(cells: list[str], table: Table, name: str) -> str:
    try:
        return cells[table.column(name)].strip()
    except ValueError:
        return ""


def _require(value: str, table: Table, line: int, name: str) -> str:
    if not value:
        raise FrameworkImportError(
            table.name,
            _("line %(line)d") % {"line": line},
            _("the required cell “%(column)s” is empty.") % {"column": name},
        )
    return value


def parse_esco(
    path: Path,
    *,
    max_bytes: int,
    identifier: str = "",
    version: str = "",
    progress: Progress = no_progress,
) -> ParsedFramework:
    """Read ESCO CSV files at ``path`` (a folder or one file)."""
    files = _files(path, max_bytes)
    # English first, so French rows complete English records.
    files.sort(
        key=lambda f: (f.kind == "relations", f.kind == "broader", f.language != "en")
    )
    skills: dict[str, ParsedCompetency] = {}
    occupations: dict[str, ParsedOccupation] = {}
    broader: dict[str, list[str]] = {}
    links: dict[tuple[str, str], ParsedLink] = {}
    for file in files:
        if file.kind == "relations":
            continue
        if file.kind == "broader":
            _read_broader(file.table, broader)
            continue
        _read_concepts(file, skills, occupations, broader)
        progress("reading", len(skills) + len(occupations), 0)
    for file in files:
        if file.kind == "relations":
            _read_relations(file.table, skills, occupations, links)
    _place_skills(skills, broader)

    parsed = ParsedFramework(
        identifier=identifier or "esco",
        title="ESCO — European Skills, Competences, Qualifications and Occupations",
        source_format=SourceFormat.ESCO,
        uri="http://data.europa.eu/esco",
        version=version,
        publisher="European Commission",
        creator="European Commission",
        language="en",
        description=(
            "ESCO classification of the European Commission "
            "(https://esco.ec.europa.eu/), imported from its CSV download."
        ),
        levels=default_levels(),
        competencies=list(skills.values()),
        occupations=list(occupations.values()),
        links=list(links.values()),
    )
    check_hierarchy(parsed, file=path.name)
    return parsed


def _read_broader(table: Table, broader: dict[str, list[str]]) -> None:
    """Add the skill hierarchy file's broader concepts to ``broader``."""
    for _line, cells in table.records():
        child = _cell(cells, table, "conceptUri")
        parent = _cell(cells, table, "broaderUri")
        if child and parent:
            broader.setdefault(child, []).append(parent)


def _read_concepts(
    file: _File,
    skills: dict[str, ParsedCompetency],
    occupations: dict[str, ParsedOccupation],
    broader: dict[str, list[str]],
) -> None:
    """Read a skills or occupations file, completing records an earlier file began."""
    table = file.table
    lang = file.language
    seen: set[str] = set()
    for line, cells in table.records():
        uri = _require(_cell(cells, table, "conceptUri"), table, line, "conceptUri")
        if uri in seen:
            raise FrameworkImportError(
                table.name,
                line_label(line),
                _("duplicate identifier %(uri)s.") % {"uri": uri},
            )
        seen.add(uri)
        label = _cell(cells, table, "preferredLabel")
        if lang == "en" or not label:
            _require(label, table, line, "preferredLabel")
        description = _cell(cells, table, "description") or _cell(
            cells, table, "definition"
        )
        alt_labels = "\n".join(_values(_cell(cells, table, "altLabels")))
        concept: ParsedCompetency | ParsedOccupation
        if file.kind == "skills":
            concept = skills.get(uri) or _new_skill(
                cells, table, line, uri, skills, broader
            )
        else:
            concept = occupations.get(uri) or _new_occupation(
                cells, table, uri, occupations
            )
        setattr(concept, f"title_{lang}", label)
        setattr(concept, f"description_{lang}", description)
        setattr(concept, f"alt_labels_{lang}", alt_labels)


def _new_skill(
    cells: list[str],
    table: Table,
    line: int,
    uri: str,
    skills: dict[str, ParsedCompetency],
    broader: dict[str, list[str]],
) -> ParsedCompetency:
    """Add to ``skills`` the skill a row first names, and its broader concepts."""
    skill = skills[uri] = ParsedCompetency(
        identifier=identifier_of(uri),
        uri=uri,
        kind=_kind(_cell(cells, table, "skillType"), table.name, line),
        source_modified_at=parse_when(_cell(cells, table, "modifiedDate")),
        record=table.name,
        line=line,
    )
    reuse = _cell(cells, table, "reuseLevel")
    if reuse:
        skill.source_data["reuseLevel"] = reuse
    for parent in _values(_cell(cells, table, "broaderConceptUri")):
        broader.setdefault(uri, []).append(parent)
    return skill


def _new_occupation(
    cells: list[str],
    table: Table,
    uri: str,
    occupations: dict[str, ParsedOccupation],
) -> ParsedOccupation:
    """Add to ``occupations`` the occupation a row first names."""
    occupation = occupations[uri] = ParsedOccupation(
        identifier=identifier_of(uri),
        uri=uri,
        code=_cell(cells, table, "code") or _cell(cells, table, "iscoGroup"),
    )
    isco = _cell(cells, table, "iscoGroup")
    if isco:
        occupation.source_data["iscoGroup"] = isco
    return occupation


def _read_relations(
    table: Table,
    skills: dict[str, ParsedCompetency],
    occupations: dict[str, ParsedOccupation],
    links: dict[tuple[str, str], ParsedLink],
) -> None:
    """Add a relations file's occupation-skill links to ``links``."""
    occupation_column = table.column("occupationUri")
    skill_column = table.column("skillUri")
    relation_column = table.column("relationType")
    for line, cells in table.records():
        occupation_uri = cells[occupation_column].strip()
        skill_uri = cells[skill_column].strip()
        relation = cells[relation_column].strip().lower()
        where = line  # named in the message only when the record is refused
        if occupation_uri not in occupations:
            raise FrameworkImportError(
                table.name,
                line_label(where),
                _(
                    "the occupation %(uri)s does not exist: import the occupations file "
                    "with the relations (put both in one folder)."
                )
                % {"uri": occupation_uri or "—"},
            )
        if skill_uri not in skills:
            raise FrameworkImportError(
                table.name,
                line_label(where),
                _(
                    "the skill %(uri)s does not exist: import the skills file with the "
                    "relations (put both in one folder)."
                )
                % {"uri": skill_uri or "—"},
            )
        if relation not in (RelationType.ESSENTIAL, RelationType.OPTIONAL):
            raise FrameworkImportError(
                table.name,
                line_label(where),
                _(
                    "unknown relation type “%(type)s”: ESCO uses “essential” or “optional”."
                )
                % {"type": relation},
            )
        key = (occupation_uri, skill_uri)
        if key in links:
            raise FrameworkImportError(
                table.name,
                line_label(where),
                _("duplicate relation between %(occupation)s and %(skill)s.")
                % {"occupation": occupation_uri, "skill": skill_uri},
            )
        links[key] = ParsedLink(
            occupation=occupations[occupation_uri].identifier,
            competency=skills[skill_uri].identifier,
            relation=relation,
        )


def _place_skills(
    skills: dict[str, ParsedCompetency], broader: dict[str, list[str]]
) -> None:
    """Make a broader concept that is itself a skill here the skill's parent."""
    positions: dict[str | None, int] = {}
    for uri, skill in skills.items():
        broader_skill = next(
            (skills[p] for p in broader.get(uri, ()) if p in skills), None
        )
        skill.parent = broader_skill.identifier if broader_skill else None
        positions[skill.parent] = positions.get(skill.parent, 0) + 1
        skill.position = positions[skill.parent]
