"""The CASE 1.1 CFPackage JSON schema's types, checked before a package is read.

No copy of the official schema (``case_v1p1_cfpackage-jsonschema1.json``) is on
this machine, and ``jsonschema`` is not installed, so this module writes out, by
hand, the type of every field the schema defines for the records the importer reads
(CFDocument, CFItem, CFAssociation, the CFDefinitions and CFRubrics lists, and
``extensions``), following the schema's field list. Required fields, UUIDs and dates
are checked by the importer itself, with messages of their own; here a value of the
wrong JSON type (a number where ``fullStatement`` needs a string, ``"extensions": 5``)
is refused with the record and the field named. ``null`` counts as absent, as in
the importer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.utils.translation import gettext as _

STRING, INTEGER, OBJECT, LINK = "string", "integer", "object", "link"
STRINGS, LINKS, OBJECTS = "strings", "links", "objects"

DOCUMENT: dict[str, str] = {
    "identifier": STRING,
    "uri": STRING,
    "creator": STRING,
    "title": STRING,
    "lastChangeDateTime": STRING,
    "frameworkType": STRING,
    "caseVersion": STRING,
    "officialSourceURL": STRING,
    "publisher": STRING,
    "description": STRING,
    "subject": STRINGS,
    "subjectURI": LINKS,
    "language": STRING,
    "version": STRING,
    "adoptionStatus": STRING,
    "statusStartDate": STRING,
    "statusEndDate": STRING,
    "licenseURI": LINK,
    "notes": STRING,
    "CFPackageURI": LINK,
    "extensions": OBJECT,
}
ITEM: dict[str, str] = {
    "identifier": STRING,
    "fullStatement": STRING,
    "uri": STRING,
    "lastChangeDateTime": STRING,
    "alternativeLabel": STRING,
    "CFItemType": STRING,
    "humanCodingScheme": STRING,
    "listEnumeration": STRING,
    "abbreviatedStatement": STRING,
    "conceptKeywords": STRINGS,
    "conceptKeywordsURI": LINK,
    "notes": STRING,
    "subject": STRINGS,
    "subjectURI": LINKS,
    "language": STRING,
    "educationLevel": STRINGS,
    "CFItemTypeURI": LINK,
    "licenseURI": LINK,
    "statusStartDate": STRING,
    "statusEndDate": STRING,
    "CFDocumentURI": LINK,
    "extensions": OBJECT,
}
ASSOCIATION: dict[str, str] = {
    "identifier": STRING,
    "associationType": STRING,
    "uri": STRING,
    "originNodeURI": LINK,
    "destinationNodeURI": LINK,
    "lastChangeDateTime": STRING,
    "sequenceNumber": INTEGER,
    "CFAssociationGroupingURI": LINK,
    "CFDocumentURI": LINK,
    "notes": STRING,
    "extensions": OBJECT,
}
DEFINITION: dict[str, str] = {
    "identifier": STRING,
    "uri": STRING,
    "title": STRING,
    "description": STRING,
    "hierarchyCode": STRING,
    "typeCode": STRING,
    "keywords": STRING,
    "licenseText": STRING,
    "lastChangeDateTime": STRING,
    "extensions": OBJECT,
}
DEFINITION_LISTS = (
    "CFConcepts",
    "CFSubjects",
    "CFLicenses",
    "CFItemTypes",
    "CFAssociationGroupings",
)
LINK_FIELDS: dict[str, str] = {
    "title": STRING,
    "identifier": STRING,
    "uri": STRING,
    "targetType": STRING,
}

_TYPE_NAMES = {
    STRING: "a string",
    INTEGER: "a whole number",
    OBJECT: "an object",
    LINK: "a link object (title, identifier, uri)",
    STRINGS: "a list of strings",
    LINKS: "a list of link objects",
    OBJECTS: "a list of objects",
}

Fail = Callable[[str, str], Exception]


def _fits(value: Any, kind: str) -> bool:
    if kind == STRING:
        return isinstance(value, str)
    if kind == INTEGER:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind in (OBJECT, LINK):
        return isinstance(value, dict)
    if kind == STRINGS:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def _check_record(
    record: Any, fields: Mapping[str, str], where: str, fail: Fail
) -> None:
    if not isinstance(record, dict):
        raise fail(where, _("this record should be a JSON object."))
    for name, kind in fields.items():
        value = record.get(name)
        if value is None:
            continue
        if not _fits(value, kind):
            raise fail(
                where,
                _("“%(field)s” should be %(type)s (CASE 1.1).")
                % {"field": name, "type": _TYPE_NAMES[kind]},
            )
        links = [value] if kind == LINK else value if kind == LINKS else []
        for link in links:
            _check_record(link, LINK_FIELDS, f"{where}.{name}", fail)


def _records(package: Mapping[str, Any], name: str, fail: Fail) -> list[Any]:
    value = package.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise fail(name, _("“%(field)s” should be a list.") % {"field": name})
    return value


def check_case_types(package: Mapping[str, Any], *, fail: Fail) -> None:
    """Raise ``fail(record, rule)`` at the first field of the wrong JSON type."""
    extensions = package.get("extensions")
    if extensions is not None and not isinstance(extensions, dict):
        raise fail("extensions", _("“extensions” should be an object (CASE 1.1)."))
    _check_record(package.get("CFDocument"), DOCUMENT, "CFDocument", fail)
    for index, item in enumerate(_records(package, "CFItems", fail)):
        _check_record(item, ITEM, f"CFItems[{index}]", fail)
    for index, association in enumerate(_records(package, "CFAssociations", fail)):
        _check_record(association, ASSOCIATION, f"CFAssociations[{index}]", fail)
    for index, rubric in enumerate(_records(package, "CFRubrics", fail)):
        if not isinstance(rubric, dict):
            raise fail(f"CFRubrics[{index}]", _("this record should be a JSON object."))
    definitions = package.get("CFDefinitions")
    if definitions is None:
        return
    if not isinstance(definitions, dict):
        raise fail("CFDefinitions", _("“CFDefinitions” should be an object."))
    for name in DEFINITION_LISTS:
        value = definitions.get(name)
        if value is None:
            continue
        if not isinstance(value, list):
            raise fail(
                "CFDefinitions",
                _("“%(field)s” should be a list (CASE 1.1).") % {"field": name},
            )
        for index, definition in enumerate(value):
            _check_record(
                definition, DEFINITION, f"CFDefinitions.{name}[{index}]", fail
            )
