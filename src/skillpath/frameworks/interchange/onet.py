"""Read O*NET text files: occupations, and skills or knowledge with their ratings.

PATH is a directory holding O*NET's tab-separated files, or one of them:

* ``Occupation Data.txt`` — ``O*NET-SOC Code``, ``Title``, ``Description``;
* ``Skills.txt``, ``Knowledge.txt`` (and ``Abilities.txt``, ``Work Styles.txt``) —
  ``O*NET-SOC Code``, ``Element ID``, ``Element Name``, ``Scale ID``, ``Data Value``…;
  scale ``IM`` is importance (1–5), ``LV`` level (0–7);
* optionally ``Content Model Reference.txt`` — ``Element ID``, ``Element Name``,
  ``Description``: descriptions of the elements, and their groups as parents.

The kind of a competency follows O*NET's content model: elements 2.C are knowledge,
1.C (work styles) attitudes, the others skills. Level 0 of O*NET's LV scale means
"not needed", as skillpath's level 0 does; the framework's scale has levels 1–7.
"""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext as _

from skillpath.frameworks.exceptions import FrameworkImportError
from skillpath.frameworks.interchange.document import (
    ParsedCompetency,
    ParsedFramework,
    ParsedLevel,
    ParsedLink,
    ParsedOccupation,
    Progress,
    check_hierarchy,
    no_progress,
    stable_uuid,
)
from skillpath.frameworks.interchange.files import Table, line_label, read_table
from skillpath.frameworks.models import CompetencyKind, RelationType, SourceFormat

SOC = "O*NET-SOC Code"
OCCUPATION_COLUMNS = {SOC, "Title", "Description"}
RATING_COLUMNS = {SOC, "Element ID", "Element Name", "Scale ID", "Data Value"}
REFERENCE_COLUMNS = {"Element ID", "Element Name", "Description"}
SCALES = {"IM": (1.0, 5.0), "LV": (0.0, 7.0)}
LEVEL_NAMES = [
    ("Basic", "De base"),
    ("Basic, with some practice", "De base, avec un peu de pratique"),
    ("Developing", "En développement"),
    ("Intermediate", "Intermédiaire"),
    ("Advanced", "Avancé"),
    ("Highly advanced", "Très avancé"),
    ("Expert", "Expert"),
]


def element_uri(element_id: str) -> str:
    return f"https://www.onetonline.org/find/descriptor/result/{element_id}"


def _kind(element_id: str) -> str:
    if element_id.startswith("2.C"):
        return CompetencyKind.KNOWLEDGE
    if element_id.startswith("1.C"):
        return CompetencyKind.ATTITUDE
    return CompetencyKind.SKILL


def _classify(table: Table) -> str:
    columns = set(table.header)
    if columns >= RATING_COLUMNS:
        return "ratings"
    if columns >= OCCUPATION_COLUMNS:
        return "occupations"
    if columns >= REFERENCE_COLUMNS:
        return "reference"
    raise FrameworkImportError(
        table.name,
        _("line 1"),
        _(
            "these columns are not an O*NET file. Occupation Data has %(occupations)s; "
            "Skills and Knowledge have %(ratings)s. Fields are separated by TAB."
        )
        % {
            "occupations": ", ".join(sorted(OCCUPATION_COLUMNS)),
            "ratings": ", ".join(sorted(RATING_COLUMNS)),
        },
    )


def _tables(path: Path, max_bytes: int) -> list[tuple[Table, str]]:
    if path.is_dir():
        found = []
        for candidate in sorted(
            p for p in path.iterdir() if p.suffix.lower() == ".txt"
        ):
            table = read_table(candidate, max_bytes, delimiter="\t")
            try:
                found.append((table, _classify(table)))
            except FrameworkImportError:
                continue  # another O*NET file
        if not any(kind == "occupations" for _table, kind in found):
            raise FrameworkImportError(
                path.name,
                "",
                _("the folder holds no O*NET “Occupation Data.txt” file."),
            )
        return found
    table = read_table(path, max_bytes, delimiter="\t")
    return [(table, _classify(table))]


def parse_onet(
    path: Path,
    *,
    max_bytes: int,
    identifier: str = "",
    version: str = "",
    progress: Progress = no_progress,
) -> ParsedFramework:
    """Read O*NET files at ``path`` (a folder or one file)."""
    tables = _tables(path, max_bytes)
    order = {"occupations": 0, "reference": 1, "ratings": 2}
    tables.sort(key=lambda pair: order[pair[1]])
    occupations: dict[str, ParsedOccupation] = {}
    reference: dict[str, tuple[str, str]] = {}
    elements: dict[str, ParsedCompetency] = {}
    links: dict[tuple[str, str], ParsedLink] = {}
    for table, kind in tables:
        if kind == "occupations":
            _read_occupations(table, occupations)
        elif kind == "reference":
            _read_reference(table, reference)
        else:
            _read_ratings(table, occupations, reference, elements, links)
            progress("reading", len(links), 0)
    _add_groups(elements, reference)
    ordered = sorted(
        elements.values(),
        key=lambda c: [int(p) if p.isdigit() else p for p in c.code.split(".")],
    )
    for position, competency in enumerate(ordered, start=1):
        competency.position = position

    parsed = ParsedFramework(
        identifier=identifier or "onet",
        title="O*NET skills and knowledge",
        source_format=SourceFormat.ONET,
        uri="https://www.onetcenter.org/database.html",
        version=version,
        publisher="U.S. Department of Labor, Employment and Training Administration",
        creator="O*NET Resource Center",
        language="en",
        description=(
            "O*NET data by the U.S. Department of Labor, Employment and Training "
            "Administration (USDOL/ETA), used under the CC BY 4.0 licence."
        ),
        scale_title_en="O*NET level",
        scale_title_fr="Niveau O*NET",
        levels=[
            ParsedLevel(
                number,
                en,
                fr,
                f"O*NET level {number} of 7.",
                f"Niveau O*NET {number} sur 7.",
            )
            for number, (en, fr) in enumerate(LEVEL_NAMES, start=1)
        ],
        competencies=ordered,
        occupations=list(occupations.values()),
        links=list(links.values()),
    )
    check_hierarchy(parsed, file=path.name)
    return parsed


def _read_occupations(table: Table, occupations: dict[str, ParsedOccupation]) -> None:
    """Add the occupations of ``Occupation Data.txt`` to ``occupations``."""
    for line, cells in table.records():
        code = cells[table.column(SOC)].strip()
        title = cells[table.column("Title")].strip()
        if not code or not title:
            raise FrameworkImportError(
                table.name,
                line_label(line),
                _("the required cells “O*NET-SOC Code” and “Title” must not be empty."),
            )
        if code in occupations:
            raise FrameworkImportError(
                table.name,
                line_label(line),
                _("duplicate identifier %(id)s.") % {"id": code},
            )
        occupations[code] = ParsedOccupation(
            identifier=code,
            code=code,
            uri=f"https://www.onetonline.org/link/summary/{code}",
            title_en=title,
            description_en=cells[table.column("Description")].strip(),
        )


def _read_reference(table: Table, reference: dict[str, tuple[str, str]]) -> None:
    """Add each element's name and description from the content model reference."""
    for _line, cells in table.records():
        element_id = cells[table.column("Element ID")].strip()
        reference[element_id] = (
            cells[table.column("Element Name")].strip(),
            cells[table.column("Description")].strip(),
        )


def _read_ratings(
    table: Table,
    occupations: dict[str, ParsedOccupation],
    reference: dict[str, tuple[str, str]],
    elements: dict[str, ParsedCompetency],
    links: dict[tuple[str, str], ParsedLink],
) -> None:
    """Add a ratings file's elements, and its importance and level ratings as links."""
    columns = {name: table.column(name) for name in RATING_COLUMNS}
    for line, cells in table.records():
        code, element_id, scale, value = _rating(
            table, columns, line, cells, occupations
        )
        if element_id not in elements:
            name = cells[columns["Element Name"]].strip()
            elements[element_id] = ParsedCompetency(
                identifier=stable_uuid("onet", element_id),
                uri=element_uri(element_id),
                code=element_id,
                title_en=name or element_id,
                description_en=reference.get(element_id, ("", ""))[1],
                kind=_kind(element_id),
                record=table.name,
                line=line,
            )
        link = links.get((code, element_id))
        if link is None:
            link = links[(code, element_id)] = ParsedLink(
                occupation=code,
                competency=elements[element_id].identifier,
                relation=RelationType.RATED,
            )
        if scale == "IM":
            link.importance = value
        else:
            not_relevant = (
                "Not Relevant" in table.header
                and cells[table.column("Not Relevant")].strip().upper() == "Y"
            )
            link.level = None if not_relevant else value


def _rating(
    table: Table,
    columns: dict[str, int],
    line: int,
    cells: list[str],
    occupations: dict[str, ParsedOccupation],
) -> tuple[str, str, str, float]:
    """Return a checked rating row's occupation, element, scale and value."""
    code = cells[columns[SOC]].strip()
    element_id = cells[columns["Element ID"]].strip()
    scale = cells[columns["Scale ID"]].strip()
    where = line  # named in the message only when the record is refused
    if code not in occupations:
        raise FrameworkImportError(
            table.name,
            line_label(where),
            _(
                "the occupation %(code)s does not exist: import “Occupation "
                "Data.txt” in the same folder."
            )
            % {"code": code or "—"},
        )
    if not element_id:
        raise FrameworkImportError(
            table.name,
            line_label(where),
            _("the required cell “Element ID” is empty."),
        )
    if scale not in SCALES:
        raise FrameworkImportError(
            table.name,
            line_label(where),
            _(
                "unknown scale “%(scale)s”: skillpath reads IM (importance) and LV (level)."
            )
            % {"scale": scale},
        )
    raw = cells[columns["Data Value"]].strip()
    low, high = SCALES[scale]
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:
        raise FrameworkImportError(
            table.name,
            line_label(where),
            _(
                "unknown level: %(value)s is not on O*NET's %(scale)s scale (%(low)g to %(high)g)."
            )
            % {
                "value": raw or "—",
                "scale": scale,
                "low": low,
                "high": high,
            },
        )
    return code, element_id, scale, value


def _add_groups(
    elements: dict[str, ParsedCompetency], reference: dict[str, tuple[str, str]]
) -> None:
    """Make the content model's groups (2.A Basic Skills…) parents when described."""
    for element_id in list(elements):
        parts = element_id.split(".")
        child = elements[element_id]
        for size in range(len(parts) - 1, 1, -1):
            group_id = ".".join(parts[:size])
            if group_id not in reference and group_id not in elements:
                continue
            if group_id not in elements:
                name, description = reference[group_id]
                elements[group_id] = ParsedCompetency(
                    identifier=stable_uuid("onet", group_id),
                    uri=element_uri(group_id),
                    code=group_id,
                    title_en=name or group_id,
                    description_en=description,
                    kind=_kind(group_id),
                    record=group_id,
                )
            child.parent = elements[group_id].identifier
            break
