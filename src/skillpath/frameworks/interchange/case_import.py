"""Read a 1EdTech CASE 1.1 (or 1.0) CFPackage JSON file into a ParsedFramework.

Mapping:

* ``CFDocument`` → the framework; fields skillpath does not use are kept verbatim.
* ``CFItems`` → competencies. ``abbreviatedStatement`` (if any) is the title and
  ``fullStatement`` the description; otherwise ``fullStatement`` is the title.
* An item in the other language (English/French) that ``isTranslationOf`` an item
  of the package gives that item's French (or English) title and description.
* The first ``isChildOf`` of an item places it in the hierarchy, in the order of the
  ``sequenceNumber``; every other association is kept as it is.
* ``CFDefinitions.CFItemTypes`` → item types; the other definitions and ``CFRubrics``
  are kept verbatim.
* The proficiency scale travels in ``CFDocument.extensions.skillpath``; a package
  without it gets skillpath's default four-level scale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from skillpath.common.jsontext import JsonTooDeep, json_load_bounded
from skillpath.frameworks.exceptions import FrameworkImportError
from skillpath.frameworks.interchange.case_schema import check_case_types
from skillpath.frameworks.interchange.document import (
    ParsedAssociation,
    ParsedCompetency,
    ParsedFramework,
    ParsedItemType,
    ParsedLevel,
    check_hierarchy,
    check_levels,
    default_levels,
    find_cycle,
    stable_uuid,
    uuid_or_none,
)
from skillpath.frameworks.interchange.files import parse_when, read_text
from skillpath.frameworks.models import AssociationType, CompetencyKind, SourceFormat

TOP_LEVEL = {
    "CFDocument",
    "CFItems",
    "CFAssociations",
    "CFDefinitions",
    "CFRubrics",
    "extensions",
}
DOCUMENT_REQUIRED = ("identifier", "uri", "creator", "title", "lastChangeDateTime")
ITEM_REQUIRED = ("identifier", "fullStatement", "uri", "lastChangeDateTime")
ASSOCIATION_REQUIRED = (
    "identifier",
    "associationType",
    "uri",
    "originNodeURI",
    "destinationNodeURI",
    "lastChangeDateTime",
)
ITEM_TYPE_REQUIRED = (
    "identifier",
    "uri",
    "title",
    "description",
    "hierarchyCode",
    "lastChangeDateTime",
)
DOCUMENT_MAPPED = {
    "identifier",
    "uri",
    "creator",
    "title",
    "lastChangeDateTime",
    "publisher",
    "version",
    "language",
    "description",
}
ITEM_MAPPED = {
    "identifier",
    "uri",
    "fullStatement",
    "abbreviatedStatement",
    "humanCodingScheme",
    "CFItemType",
    "CFItemTypeURI",
    "lastChangeDateTime",
}
NONBLANK = {"identifier", "uri", "creator", "title", "fullStatement", "associationType"}
EXTENSION = "skillpath"


class _Reader:
    """Parse one package; ``file`` names it in every error message."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, record: str, rule: str) -> FrameworkImportError:
        return FrameworkImportError(self.file, record, rule)

    def require(self, obj: Any, fields: tuple[str, ...], record: str) -> dict[str, Any]:
        if not isinstance(obj, dict):
            raise self.fail(record, _("this record should be a JSON object."))
        for name in fields:
            value = obj.get(name)
            blank = name in NONBLANK and isinstance(value, str) and not value.strip()
            if value is None or blank:
                raise self.fail(
                    record,
                    _("the required field “%(field)s” is missing.") % {"field": name},
                )
        return obj

    def uuid(self, value: Any, record: str, name: str = "identifier") -> str:
        text = uuid_or_none(str(value))
        if text is None:
            raise self.fail(
                record,
                _("“%(field)s” must be a UUID, and “%(value)s” is not one.")
                % {"field": name, "value": value},
            )
        return str(value)

    def when(self, value: Any, record: str) -> Any:
        when = parse_when(str(value))
        if when is None:
            raise self.fail(
                record,
                _("lastChangeDateTime “%(value)s” is not an ISO 8601 date and time.")
                % {"value": value},
            )
        return when

    def link(self, value: Any, record: str, name: str) -> dict[str, str]:
        if not isinstance(value, dict):
            raise self.fail(
                record, _("“%(field)s” should be an object.") % {"field": name}
            )
        for part in ("identifier", "uri"):
            if not str(value.get(part) or "").strip():
                raise self.fail(
                    record,
                    _("the required field “%(field)s.%(part)s” is missing.")
                    % {"field": name, "part": part},
                )
        return {k: str(v) for k, v in value.items() if v is not None}


def _list(reader: _Reader, package: dict[str, Any], name: str) -> list[Any]:
    value = package.get(name, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise reader.fail(name, _("“%(field)s” should be a list.") % {"field": name})
    return value


def _kind_of(type_title: str) -> str:
    title = type_title.lower()
    if "knowledge" in title or title.startswith("savoir") and "être" not in title:
        return CompetencyKind.KNOWLEDGE
    if "attitude" in title or "savoir-être" in title or "behaviour" in title:
        return CompetencyKind.ATTITUDE
    return CompetencyKind.SKILL


def kind_from_type(type_title: str) -> str:
    """Return the competency kind that an item type's title implies."""
    return str(_kind_of(type_title or ""))


LINK_FIELDS = {"title", "identifier", "uri"}
ASSOCIATION_MAPPED = {
    "identifier",
    "uri",
    "associationType",
    "originNodeURI",
    "destinationNodeURI",
    "sequenceNumber",
    "lastChangeDateTime",
}


def _association_extra(association: dict[str, Any]) -> dict[str, Any]:
    """Return the fields of an association (and of its two links) not modelled."""
    extra = {k: v for k, v in association.items() if k not in ASSOCIATION_MAPPED}
    for end in ("originNodeURI", "destinationNodeURI"):
        link_extra = {k: v for k, v in association[end].items() if k not in LINK_FIELDS}
        if link_extra:
            extra[end] = link_extra
    return extra


def _statements(item: dict[str, Any]) -> tuple[str, str]:
    full = str(item.get("fullStatement") or "")
    short = str(item.get("abbreviatedStatement") or "")
    return (short, full) if short else (full, "")


def _scale(
    reader: _Reader, document: dict[str, Any]
) -> tuple[str, str, list[ParsedLevel]]:
    extension = (document.get("extensions") or {}).get(EXTENSION) or {}
    scale = extension.get("proficiencyScale") if isinstance(extension, dict) else None
    if not scale:
        return "Proficiency", "Maîtrise", default_levels()
    record = "CFDocument.extensions.skillpath.proficiencyScale"
    if not isinstance(scale, dict) or not isinstance(scale.get("levels"), list):
        raise reader.fail(
            record,
            _("the proficiency scale should be an object with a list of levels."),
        )
    levels = []
    for index, entry in enumerate(scale["levels"]):
        where = f"{record}.levels[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("level"), int):
            raise reader.fail(
                where, _("unknown level: each level needs a whole number “level”.")
            )
        label = entry.get("label") or {}
        descriptor = entry.get("descriptor") or {}
        levels.append(
            ParsedLevel(
                level=entry["level"],
                label_en=str(label.get("en", "")),
                label_fr=str(label.get("fr", "")),
                descriptor_en=str(descriptor.get("en", "")),
                descriptor_fr=str(descriptor.get("fr", "")),
            )
        )
    check_levels(levels, file=reader.file, record=record)
    title = scale.get("title") or {}
    return str(title.get("en", "Proficiency")), str(title.get("fr", "Maîtrise")), levels


def parse_case_file(path: Path, *, max_bytes: int) -> ParsedFramework:
    """Read the CASE package at ``path``; raise ``FrameworkImportError`` if it is bad."""
    text = read_text(path, max_bytes)
    return parse_case_text(text, file=path.name)


def parse_case_text(text: str, *, file: str) -> ParsedFramework:
    """Read a CASE package from its JSON text."""
    reader = _Reader(file)
    package = _load_package(reader, text)
    document = reader.require(package["CFDocument"], DOCUMENT_REQUIRED, "CFDocument")
    parsed = _framework(reader, document)
    document_id = parsed.identifier
    definitions = package.get("CFDefinitions") or {}
    if not isinstance(definitions, dict):
        raise reader.fail("CFDefinitions", _("“CFDefinitions” should be an object."))
    types_by_id = _item_types(reader, definitions)
    _keep_unmodelled(parsed, package, definitions, document)
    items = _items(reader, package, document_id)
    associations = _associations(reader, package, items, document_id)
    _check_no_cycle(reader, associations)

    primary = "fr" if parsed.language.lower().startswith("fr") else "en"
    other = "fr" if primary == "en" else "en"
    translations = _translations(associations, items, other)
    translation_ids = {origin_id for origin_id, _a in translations.values()}
    parent_of = _parents(associations, translation_ids)
    for order, (identifier, (item, record)) in enumerate(items.items(), start=1):
        if identifier in translation_ids:
            continue
        type_id = _item_type_for(reader, item, record, types_by_id, parsed)
        competency = _competency(
            reader, identifier, item, record, types_by_id, type_id, primary
        )
        _place(competency, parent_of.get(identifier), order, document_id)
        if identifier in translations:
            _translate(reader, competency, translations[identifier], items, other)
        parsed.competencies.append(competency)

    skipped = {a["identifier"] for a in parent_of.values()} | {
        a["identifier"] for _i, a in translations.values()
    }
    parsed.associations.extend(_kept_associations(reader, associations, skipped))
    parsed.item_types = list(types_by_id.values())
    check_hierarchy(parsed, file=file)
    return parsed


def _load_package(reader: _Reader, text: str) -> dict[str, Any]:
    """Return the package's JSON object, with only CASE's top-level fields."""
    try:
        package = json_load_bounded(text)
    except JsonTooDeep as error:
        raise reader.fail(
            "",
            _(
                "the JSON is nested deeper than %(limit)d levels; no CASE package "
                "needs that many."
            )
            % {"limit": error.limit},
        ) from None
    except json.JSONDecodeError as error:
        raise reader.fail(
            _("line %(line)d, column %(column)d")
            % {"line": error.lineno, "column": error.colno},
            _("the file is not JSON (%(error)s).") % {"error": error.msg},
        ) from error
    if not isinstance(package, dict):
        raise reader.fail("", _("a CASE package is a JSON object with a CFDocument."))
    unknown = sorted(set(package) - TOP_LEVEL)
    if unknown:
        raise reader.fail(
            "",
            _("unknown field “%(field)s”: a CASE 1.1 package holds only %(known)s.")
            % {"field": unknown[0], "known": ", ".join(sorted(TOP_LEVEL))},
        )
    if "CFDocument" not in package:
        raise reader.fail("", _("the required field “CFDocument” is missing."))
    check_case_types(package, fail=reader.fail)
    return package


def _framework(reader: _Reader, document: dict[str, Any]) -> ParsedFramework:
    """Return the framework that the ``CFDocument`` describes, without its content."""
    document_id = reader.uuid(document["identifier"], "CFDocument")
    scale_en, scale_fr, levels = _scale(reader, document)
    return ParsedFramework(
        identifier=document_id,
        uri=str(document["uri"]),
        title=str(document["title"]),
        version=str(document.get("version") or ""),
        publisher=str(document.get("publisher") or ""),
        creator=str(document["creator"]),
        language=str(document.get("language") or "en"),
        description=str(document.get("description") or ""),
        source_format=SourceFormat.CASE,
        source_modified_at=reader.when(document["lastChangeDateTime"], "CFDocument"),
        scale_title_en=scale_en,
        scale_title_fr=scale_fr,
        levels=levels,
    )


def _item_types(
    reader: _Reader, definitions: dict[str, Any]
) -> dict[str, ParsedItemType]:
    """Return the package's ``CFItemTypes`` by identifier."""
    types_by_id: dict[str, ParsedItemType] = {}
    for index, entry in enumerate(definitions.get("CFItemTypes") or []):
        record = f"CFDefinitions.CFItemTypes[{index}]"
        reader.require(entry, ITEM_TYPE_REQUIRED, record)
        if entry["identifier"] in types_by_id:
            raise reader.fail(
                record, _("duplicate identifier %(id)s.") % {"id": entry["identifier"]}
            )
        types_by_id[entry["identifier"]] = ParsedItemType(
            identifier=str(entry["identifier"]),
            uri=str(entry["uri"]),
            title=str(entry["title"]),
            description=str(entry.get("description") or ""),
            hierarchy_code=str(entry.get("hierarchyCode") or ""),
            source_modified_at=reader.when(entry["lastChangeDateTime"], record),
            source_data={
                k: v
                for k, v in entry.items()
                if k
                not in {
                    "identifier",
                    "uri",
                    "title",
                    "description",
                    "hierarchyCode",
                    "lastChangeDateTime",
                }
            },
        )
    return types_by_id


def _keep_unmodelled(
    parsed: ParsedFramework,
    package: dict[str, Any],
    definitions: dict[str, Any],
    document: dict[str, Any],
) -> None:
    """Keep, in the framework's source data, what the package holds and we do not model."""
    other_definitions = {
        k: v for k, v in definitions.items() if k != "CFItemTypes" and v
    }
    if other_definitions:
        parsed.source_data["CFDefinitions"] = other_definitions
    for name in ("CFRubrics", "extensions"):
        if package.get(name):
            parsed.source_data[name] = package[name]
    document_extra = {
        k: v for k, v in document.items() if k not in DOCUMENT_MAPPED | {"extensions"}
    }
    extensions = {
        k: v for k, v in (document.get("extensions") or {}).items() if k != EXTENSION
    }
    if extensions:
        document_extra["extensions"] = extensions
    parsed.source_data["CFDocument"] = document_extra


def _items(
    reader: _Reader, package: dict[str, Any], document_id: str
) -> dict[str, tuple[dict[str, Any], str]]:
    """Return each ``CFItem`` and the record that names it, by identifier."""
    items: dict[str, tuple[dict[str, Any], str]] = {}
    for index, item in enumerate(_list(reader, package, "CFItems")):
        record = f"CFItems[{index}]"
        reader.require(item, ITEM_REQUIRED, record)
        identifier = reader.uuid(item["identifier"], record)
        record = f"{record} ({identifier})"
        if identifier in items or identifier == document_id:
            raise reader.fail(
                record, _("duplicate identifier %(id)s.") % {"id": identifier}
            )
        items[identifier] = (item, record)
    return items


def _associations(
    reader: _Reader,
    package: dict[str, Any],
    items: dict[str, tuple[dict[str, Any], str]],
    document_id: str,
) -> list[tuple[dict[str, Any], str]]:
    """Return each checked ``CFAssociation`` with the record that names it."""
    associations: list[tuple[dict[str, Any], str]] = []
    seen: set[str] = set()
    in_package = set(items) | {document_id}
    for index, association in enumerate(_list(reader, package, "CFAssociations")):
        record = f"CFAssociations[{index}]"
        reader.require(association, ASSOCIATION_REQUIRED, record)
        identifier = reader.uuid(association["identifier"], record)
        record = f"{record} ({identifier})"
        if identifier in seen:
            raise reader.fail(
                record, _("duplicate identifier %(id)s.") % {"id": identifier}
            )
        seen.add(identifier)
        _check_association(reader, association, record, in_package, document_id)
        associations.append((association, record))
    return associations


def _check_association(
    reader: _Reader,
    association: dict[str, Any],
    record: str,
    in_package: set[str],
    document_id: str,
) -> None:
    """Check an association's type, its two ends and its sequence number."""
    known_types = set(AssociationType.values)
    kind = str(association["associationType"])
    if kind not in known_types and not kind.startswith("ext:"):
        raise reader.fail(
            record,
            _(
                "unknown association type “%(type)s”; CASE 1.1 knows %(known)s, or “ext:…”."
            )
            % {"type": kind, "known": ", ".join(sorted(known_types))},
        )
    origin = reader.link(association["originNodeURI"], record, "originNodeURI")
    destination = reader.link(
        association["destinationNodeURI"], record, "destinationNodeURI"
    )
    if kind == AssociationType.IS_CHILD_OF:
        for end, name in ((origin, "origin"), (destination, "destination")):
            if end["identifier"] not in in_package:
                raise reader.fail(
                    record,
                    _(
                        "the %(end)s node %(id)s does not exist in this package; an isChildOf "
                        "association joins two nodes of the package."
                    )
                    % {"end": name, "id": end["identifier"]},
                )
        if origin["identifier"] == document_id:
            raise reader.fail(record, _("the document cannot be the child of an item."))
    elif (
        origin["identifier"] not in in_package
        and destination["identifier"] not in in_package
    ):
        raise reader.fail(
            record,
            _(
                "neither end of the association (%(origin)s, %(destination)s) exists in this package."
            )
            % {
                "origin": origin["identifier"],
                "destination": destination["identifier"],
            },
        )
    sequence = association.get("sequenceNumber")
    if sequence is not None and not isinstance(sequence, int):
        raise reader.fail(record, _("“sequenceNumber” must be a whole number."))


def _check_no_cycle(
    reader: _Reader, associations: list[tuple[dict[str, Any], str]]
) -> None:
    """Refuse an ``isChildOf`` hierarchy in which an item is part of itself."""
    cycle = find_cycle(
        (a["originNodeURI"]["identifier"], a["destinationNodeURI"]["identifier"])
        for a, _record in associations
        if a["associationType"] == AssociationType.IS_CHILD_OF
    )
    if cycle:
        raise reader.fail(
            "CFAssociations",
            _(
                "the isChildOf hierarchy has a cycle: %(cycle)s. An item cannot be part of itself."
            )
            % {"cycle": " → ".join(cycle)},
        )


def _translations(
    associations: list[tuple[dict[str, Any], str]],
    items: dict[str, tuple[dict[str, Any], str]],
    other: str,
) -> dict[str, tuple[str, dict[str, Any]]]:
    """Return, by item id, the id of its translation in ``other`` and the association.

    A translation is an item in the other language that ``isTranslationOf`` an item
    of the package; the first one of each item counts.
    """
    translations: dict[str, tuple[str, dict[str, Any]]] = {}
    for association, _record in associations:
        if association["associationType"] != AssociationType.IS_TRANSLATION_OF:
            continue
        origin_id = association["originNodeURI"]["identifier"]
        target_id = association["destinationNodeURI"]["identifier"]
        if (
            origin_id not in items
            or target_id not in items
            or target_id in translations
        ):
            continue
        language_of = str(items[origin_id][0].get("language") or "").lower()
        if not language_of.startswith(other):
            continue
        translations[target_id] = (origin_id, association)
    return translations


def _parents(
    associations: list[tuple[dict[str, Any], str]], translation_ids: set[str]
) -> dict[str, dict[str, Any]]:
    """Return, by item id, the item's first ``isChildOf`` (its place in the hierarchy)."""
    parent_of: dict[str, dict[str, Any]] = {}
    for association, _record in associations:
        if association["associationType"] != AssociationType.IS_CHILD_OF:
            continue
        child = association["originNodeURI"]["identifier"]
        if child in translation_ids or child in parent_of:
            continue
        parent_of[child] = association
    return parent_of


def _item_type_for(
    reader: _Reader,
    item: dict[str, Any],
    record: str,
    types_by_id: dict[str, ParsedItemType],
    parsed: ParsedFramework,
) -> str | None:
    """Return the id of the item's type, adding to ``types_by_id`` a type it names only."""
    link = item.get("CFItemTypeURI")
    title = str(item.get("CFItemType") or "")
    if link:
        link = reader.link(link, record, "CFItemTypeURI")
        if link["identifier"] not in types_by_id:
            types_by_id[link["identifier"]] = ParsedItemType(
                identifier=link["identifier"],
                uri=link["uri"],
                title=link.get("title") or title or link["identifier"],
                source_modified_at=parsed.source_modified_at,
            )
        return link["identifier"]
    if not title:
        return None
    for existing in types_by_id.values():
        if existing.title == title:
            return existing.identifier
    identifier = stable_uuid(parsed.identifier, "CFItemType", title)
    types_by_id[identifier] = ParsedItemType(
        identifier=identifier,
        uri=f"urn:uuid:{identifier}",
        title=title,
        source_modified_at=parsed.source_modified_at,
    )
    return identifier


def _competency(
    reader: _Reader,
    identifier: str,
    item: dict[str, Any],
    record: str,
    types_by_id: dict[str, ParsedItemType],
    type_id: str | None,
    primary: str,
) -> ParsedCompetency:
    """Return the competency of one item, in the package's language, not yet placed."""
    title, description = _statements(item)
    extra = {k: v for k, v in item.items() if k not in ITEM_MAPPED}
    extensions = dict(extra.pop("extensions", None) or {})
    ours = extensions.pop(EXTENSION, None) or {}
    if extensions:
        extra["extensions"] = extensions
    type_title = types_by_id[type_id].title if type_id else ""
    kind = str(ours.get("kind") or kind_from_type(type_title))
    if kind not in CompetencyKind.values:
        raise reader.fail(
            record,
            _("unknown competency kind “%(kind)s” (knowledge, skill or attitude).")
            % {"kind": kind},
        )
    competency = ParsedCompetency(
        identifier=identifier,
        uri=str(item["uri"]),
        code=str(item.get("humanCodingScheme") or ""),
        kind=kind,
        item_type=type_id,
        source_modified_at=reader.when(item["lastChangeDateTime"], record),
        source_data=extra,
        record=record,
    )
    setattr(competency, f"title_{primary}", title)
    setattr(competency, f"description_{primary}", description)
    return competency


def _place(
    competency: ParsedCompetency,
    association: dict[str, Any] | None,
    order: int,
    document_id: str,
) -> None:
    """Put the competency under its parent at its position (``order`` without one)."""
    if association is None:
        competency.position = order
        return
    parent = association["destinationNodeURI"]["identifier"]
    competency.parent = None if parent == document_id else parent
    sequence = association.get("sequenceNumber")
    competency.position = sequence if sequence is not None else order
    # Kept so that an export reuses the association's identity while the
    # competency stays under the same parent.
    competency.source_data["isChildOf"] = {
        k: v
        for k, v in association.items()
        if k
        not in {
            "associationType",
            "originNodeURI",
            "destinationNodeURI",
            "sequenceNumber",
        }
    }
    competency.source_data["isChildOf"]["destination"] = parent


def _translate(
    reader: _Reader,
    competency: ParsedCompetency,
    translation: tuple[str, dict[str, Any]],
    items: dict[str, tuple[dict[str, Any], str]],
    other: str,
) -> None:
    """Give the competency its title and description in ``other`` from its translation."""
    translation_id, translation_association = translation
    translated, translated_record = items[translation_id]
    other_title, other_description = _statements(translated)
    setattr(competency, f"title_{other}", other_title)
    setattr(competency, f"description_{other}", other_description)
    competency.source_data["translation"] = {
        "item": {
            k: v
            for k, v in translated.items()
            if k not in {"fullStatement", "abbreviatedStatement"}
        },
        "association": {
            k: v
            for k, v in translation_association.items()
            if k not in {"associationType", "originNodeURI", "destinationNodeURI"}
        },
    }
    reader.when(translated["lastChangeDateTime"], translated_record)


def _kept_associations(
    reader: _Reader,
    associations: list[tuple[dict[str, Any], str]],
    skipped: set[str],
) -> list[ParsedAssociation]:
    """Return every association not read as hierarchy or translation, as it came."""
    kept = []
    for association, record in associations:
        if association["identifier"] in skipped:
            continue
        origin = association["originNodeURI"]
        destination = association["destinationNodeURI"]
        kept.append(
            ParsedAssociation(
                identifier=str(association["identifier"]),
                uri=str(association["uri"]),
                association_type=str(association["associationType"]),
                origin_identifier=str(origin["identifier"]),
                origin_uri=str(origin["uri"]),
                origin_title=str(origin.get("title") or ""),
                destination_identifier=str(destination["identifier"]),
                destination_uri=str(destination["uri"]),
                destination_title=str(destination.get("title") or ""),
                sequence_number=association.get("sequenceNumber"),
                source_modified_at=reader.when(
                    association["lastChangeDateTime"], record
                ),
                source_data=_association_extra(association),
            )
        )
    return kept
