"""Write a framework as a 1EdTech CASE 1.1 CFPackage (the inverse of case_import)."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from skillpath.frameworks.interchange.case_import import EXTENSION, kind_from_type
from skillpath.frameworks.interchange.document import stable_uuid
from skillpath.frameworks.interchange.files import format_when
from skillpath.frameworks.models import (
    AssociationType,
    Competency,
    CompetencyAssociation,
    Framework,
    ItemType,
)


def platform_uri(kind: str, identifier: str) -> str:
    """Return the URI skillpath gives a CASE node it created itself."""
    return f"{settings.SKILLPATH_BASE_URL}/frameworks/case/{kind}/{identifier}/"


def _link(title: str, identifier: str, uri: str) -> dict[str, str]:
    return {"title": title, "identifier": identifier, "uri": uri}


def _statements(title: str, description: str) -> dict[str, str]:
    if description:
        return {"fullStatement": description, "abbreviatedStatement": title}
    return {"fullStatement": title}


def _document(framework: Framework) -> dict[str, Any]:
    extra = dict(framework.source_data.get("CFDocument") or {})
    extensions = dict(extra.pop("extensions", None) or {})
    document: dict[str, Any] = {
        "identifier": framework.identifier,
        "uri": framework.uri or platform_uri("CFDocuments", framework.identifier),
        "creator": framework.creator or framework.publisher or "skillpath",
        "title": framework.title,
        "lastChangeDateTime": format_when(
            framework.source_modified_at or framework.updated_at
        ),
    }
    for name in ("publisher", "version", "description"):
        if getattr(framework, name):
            document[name] = getattr(framework, name)
    if framework.language:
        document["language"] = framework.language
    if framework.source_format != "case" and "caseVersion" not in extra:
        extra["caseVersion"] = "1.1"
    document.update(extra)
    scale = getattr(framework, "scale", None)
    if scale is not None:
        extensions[EXTENSION] = {
            "proficiencyScale": {
                "title": {"en": scale.title_en, "fr": scale.title_fr},
                "levels": [
                    {
                        "level": level.level,
                        "label": {"en": level.label_en, "fr": level.label_fr},
                        "descriptor": {
                            "en": level.descriptor_en,
                            "fr": level.descriptor_fr,
                        },
                    }
                    for level in scale.levels.order_by("level")
                ],
            }
        }
    if extensions:
        document["extensions"] = extensions
    return document


def _primary(framework: Framework) -> tuple[str, str]:
    return ("fr", "en") if framework.language.lower().startswith("fr") else ("en", "fr")


def export_case(framework: Framework) -> dict[str, Any]:
    """Return the framework as a CASE CFPackage (a JSON-able dict)."""
    primary, other = _primary(framework)
    document = _document(framework)
    document_link = _link(framework.title, document["identifier"], document["uri"])
    item_types = {t.pk: t for t in ItemType.objects.filter(framework=framework)}
    competencies = list(
        Competency.objects.filter(framework=framework).order_by("position", "pk")
    )
    by_pk = {c.pk: c for c in competencies}

    items: list[dict[str, Any]] = []
    associations: list[dict[str, Any]] = []
    for competency in _tree_order(competencies):
        extra = dict(competency.source_data or {})
        hierarchy = dict(extra.pop("isChildOf", None) or {})
        translation = extra.pop("translation", None)
        items.append(_item(competency, extra, item_types, primary, other))
        parent = by_pk.get(competency.parent_id) if competency.parent_id else None
        associations.append(
            _child_association(
                framework, competency, parent, hierarchy, document_link, primary
            )
        )
        if getattr(competency, f"title_{other}"):
            translated_item, translation_association = _translation(
                framework, competency, translation or {}, primary, other
            )
            items.append(translated_item)
            associations.append(translation_association)
    associations.extend(_kept_associations(framework))

    package: dict[str, Any] = {
        "CFDocument": document,
        "CFItems": items,
        "CFAssociations": associations,
        "CFDefinitions": _definitions(framework, item_types),
    }
    for name in ("CFRubrics", "extensions"):
        if framework.source_data.get(name):
            package[name] = framework.source_data[name]
    return package


def _tree_order(competencies: list[Competency]) -> list[Competency]:
    """Return the competencies depth first, each parent before its children."""
    children: dict[int | None, list[Competency]] = {}
    for competency in competencies:
        children.setdefault(competency.parent_id, []).append(competency)
    ordered: list[Competency] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        node = stack.pop()
        ordered.append(node)
        stack.extend(reversed(children.get(node.pk, [])))
    return ordered


def _uri_of(competency: Competency) -> str:
    return competency.uri or platform_uri("CFItems", competency.identifier)


def _title_of(competency: Competency, primary: str) -> str:
    return (
        competency.code or getattr(competency, f"title_{primary}") or competency.title
    )


def _item(
    competency: Competency,
    extra: dict[str, Any],
    item_types: dict[int, ItemType],
    primary: str,
    other: str,
) -> dict[str, Any]:
    """Return the competency's ``CFItem``, with the fields it kept from its import."""
    item: dict[str, Any] = {
        "identifier": competency.identifier,
        "uri": _uri_of(competency),
        "lastChangeDateTime": format_when(
            competency.source_modified_at or competency.updated_at
        ),
        **_statements(
            getattr(competency, f"title_{primary}")
            or getattr(competency, f"title_{other}"),
            getattr(competency, f"description_{primary}"),
        ),
    }
    if competency.code:
        item["humanCodingScheme"] = competency.code
    item_type = (
        item_types.get(competency.item_type_id) if competency.item_type_id else None
    )
    if item_type is not None:
        item["CFItemType"] = item_type.title
        item["CFItemTypeURI"] = _link(
            item_type.title, item_type.identifier, item_type.uri
        )
    extensions = dict(extra.pop("extensions", None) or {})
    if competency.kind != kind_from_type(item_type.title if item_type else ""):
        extensions[EXTENSION] = {"kind": competency.kind}
    item.update(extra)
    if extensions:
        item["extensions"] = extensions
    return item


def _child_association(
    framework: Framework,
    competency: Competency,
    parent: Competency | None,
    hierarchy: dict[str, Any],
    document_link: dict[str, str],
    primary: str,
) -> dict[str, Any]:
    """Return the ``isChildOf`` that places the competency under its parent."""
    destination = (
        _link(_title_of(parent, primary), parent.identifier, _uri_of(parent))
        if parent
        else document_link
    )
    association_id = hierarchy.pop("identifier", None)
    if association_id is None or hierarchy.pop("destination", None) != (
        parent.identifier if parent else framework.identifier
    ):
        # A new or moved competency: a new association, with a stable identity.
        association_id = stable_uuid(
            framework.identifier,
            "isChildOf",
            competency.identifier,
            destination["identifier"],
        )
        hierarchy = {}
    association = {
        "identifier": association_id,
        "uri": hierarchy.pop("uri", None)
        or platform_uri("CFAssociations", association_id),
        "lastChangeDateTime": hierarchy.pop("lastChangeDateTime", None)
        or format_when(competency.updated_at),
        "associationType": AssociationType.IS_CHILD_OF.value,
        "originNodeURI": _link(
            _title_of(competency, primary), competency.identifier, _uri_of(competency)
        ),
        "destinationNodeURI": destination,
        "sequenceNumber": competency.position,
    }
    association.update(hierarchy)
    return association


def _translation(
    framework: Framework,
    competency: Competency,
    translation: dict[str, Any],
    primary: str,
    other: str,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return the item in ``other`` and its ``isTranslationOf`` the competency."""
    translated_item = dict(translation.get("item") or {})
    translated_id = translated_item.pop("identifier", None) or stable_uuid(
        framework.identifier, "translation", competency.identifier
    )
    translated_uri = translated_item.pop("uri", None) or platform_uri(
        "CFItems", translated_id
    )
    item = {
        "identifier": translated_id,
        "uri": translated_uri,
        "lastChangeDateTime": translated_item.pop("lastChangeDateTime", None)
        or format_when(competency.updated_at),
        **_statements(
            getattr(competency, f"title_{other}"),
            getattr(competency, f"description_{other}"),
        ),
        "language": translated_item.pop("language", other),
        **translated_item,
    }
    link_info = dict(translation.get("association") or {})
    link_id = link_info.pop("identifier", None) or stable_uuid(
        framework.identifier, "isTranslationOf", competency.identifier
    )
    title = _title_of(competency, primary)
    association = {
        "identifier": link_id,
        "uri": link_info.pop("uri", None) or platform_uri("CFAssociations", link_id),
        "lastChangeDateTime": link_info.pop("lastChangeDateTime", None)
        or format_when(competency.updated_at),
        "associationType": AssociationType.IS_TRANSLATION_OF.value,
        "originNodeURI": _link(title, translated_id, translated_uri),
        "destinationNodeURI": _link(title, competency.identifier, _uri_of(competency)),
        **link_info,
    }
    return item, association


def _kept_associations(framework: Framework) -> list[dict[str, Any]]:
    """Return the framework's other associations, as they were imported."""
    associations: list[dict[str, Any]] = []
    for kept in CompetencyAssociation.objects.filter(framework=framework).order_by(
        "pk"
    ):
        association: dict[str, Any] = {
            "identifier": kept.identifier,
            "uri": kept.uri or platform_uri("CFAssociations", kept.identifier),
            "lastChangeDateTime": format_when(
                kept.source_modified_at or framework.updated_at
            ),
            "associationType": kept.association_type,
            "originNodeURI": _link(
                kept.origin_title, kept.origin_identifier, kept.origin_uri
            ),
            "destinationNodeURI": _link(
                kept.destination_title,
                kept.destination_identifier,
                kept.destination_uri,
            ),
        }
        if kept.sequence_number is not None:
            association["sequenceNumber"] = kept.sequence_number
        extra = dict(kept.source_data or {})
        for end in ("originNodeURI", "destinationNodeURI"):
            association[end].update(extra.pop(end, None) or {})
        association.update(extra)
        associations.append(association)
    return associations


def _definitions(
    framework: Framework, item_types: dict[int, ItemType]
) -> dict[str, Any]:
    """Return the package's ``CFDefinitions``: its item types, and what was kept."""
    definitions: dict[str, Any] = {
        "CFConcepts": [],
        "CFSubjects": [],
        "CFLicenses": [],
        "CFItemTypes": [],
        "CFAssociationGroupings": [],
    }
    definitions.update(framework.source_data.get("CFDefinitions") or {})
    definitions["CFItemTypes"] = [
        {
            "identifier": t.identifier,
            "uri": t.uri or platform_uri("CFItemTypes", t.identifier),
            "title": t.title,
            "description": t.description,
            "hierarchyCode": t.hierarchy_code,
            "lastChangeDateTime": format_when(
                t.source_modified_at or framework.updated_at
            ),
            **(t.source_data or {}),
        }
        for t in sorted(item_types.values(), key=lambda t: (t.hierarchy_code, t.pk))
    ]
    return definitions
