"""Write frameworks: create, edit, import, delete; scales and competencies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Max, ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from skillpath.common.audit import AuditVerb, audit_record
from skillpath.frameworks import access
from skillpath.frameworks.exceptions import (
    FrameworkImportError,
    FrameworkInUse,
    InvalidInput,
    InvalidLevel,
    NotAllowed,
)
from skillpath.frameworks.interchange.case_export import platform_uri
from skillpath.frameworks.interchange.case_import import parse_case_file
from skillpath.frameworks.interchange.document import (
    ParsedFramework,
    Progress,
    default_levels,
    no_progress,
)
from skillpath.frameworks.interchange.esco import parse_esco
from skillpath.frameworks.interchange.files import MAX_IMPORT_BYTES
from skillpath.frameworks.interchange.onet import parse_onet
from skillpath.frameworks.interchange.writer import write_framework
from skillpath.frameworks.models import (
    Competency,
    CompetencyKind,
    Framework,
    ProficiencyLevel,
    ProficiencyScale,
    SourceFormat,
    new_identifier,
)

IMPORT_FORMATS = ("case", "esco", "onet")
FRAMEWORK_FIELDS = {"title", "version", "publisher", "language", "description", "uri"}
COMPETENCY_FIELDS = {
    "code",
    "title_en",
    "title_fr",
    "description_en",
    "description_fr",
    "kind",
    "alt_labels_en",
    "alt_labels_fr",
}


def _require_edit(user: Any, framework: Framework) -> None:
    if not access.can_edit_framework(user, framework):
        raise NotAllowed(
            _(
                "Only coordinators of the organisation that owns “%(title)s” can change it."
            )
            % {"title": framework.title}
        )


def _check_owner(user: Any, owner: Any) -> None:
    if user is None:  # a command run by the operator
        return
    if not access.can_import_framework(user):
        raise NotAllowed(_("Only coordinators can create or import a framework."))
    if owner is not None and not (
        user.is_superuser or owner in access.coordinated_organisations(user)
    ):
        raise NotAllowed(
            _(
                "You can create frameworks only for an organisation where you coordinate."
            )
        )


@transaction.atomic
def framework_create(
    *,
    title: str,
    created_by: Any,
    owner: Any = None,
    version: str = "",
    publisher: str = "",
    language: str = "en",
    description: str = "",
) -> Framework:
    """Create an empty framework with skillpath's default proficiency scale."""
    _check_owner(created_by, owner)
    if not title.strip():
        raise InvalidInput(_("Give the framework a title."))
    identifier = new_identifier()
    framework = Framework.objects.create(
        identifier=identifier,
        uri=platform_uri("CFDocuments", identifier),
        title=title.strip(),
        version=version.strip(),
        publisher=publisher.strip() or (owner.name if owner else ""),
        creator=getattr(created_by, "full_name", "") or "skillpath",
        language=language,
        description=description,
        source_format=SourceFormat.MANUAL,
        source_modified_at=timezone.now(),
        owner=owner,
        created_by=created_by,
    )
    scale = ProficiencyScale.objects.create(framework=framework)
    ProficiencyLevel.objects.bulk_create(
        ProficiencyLevel(scale=scale, **vars(level)) for level in default_levels()
    )
    audit_record(actor=created_by, verb=AuditVerb.FRAMEWORK_CREATE, target=framework)
    return framework


@transaction.atomic
def framework_update(
    *, framework: Framework, changed_by: Any, **fields: Any
) -> Framework:
    """Change a framework's title, version, publisher, language or description."""
    _require_edit(changed_by, framework)
    unknown = set(fields) - FRAMEWORK_FIELDS
    if unknown:
        raise ValueError(f"Unknown framework fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(framework, name, value)
    framework.source_modified_at = timezone.now()
    framework.save()
    audit_record(
        actor=changed_by,
        verb=AuditVerb.FRAMEWORK_UPDATE,
        target=framework,
        fields=sorted(fields),
    )
    return framework


def _delete(framework: Framework) -> None:
    try:
        framework.delete()
    except ProtectedError as error:
        raise FrameworkInUse(
            _(
                "“%(title)s” is in use by job profiles, credentials or item banks, so it "
                "cannot be removed or replaced. Import the new one under another identifier."
            )
            % {"title": framework.title}
        ) from error


@transaction.atomic
def framework_delete(*, framework: Framework, deleted_by: Any) -> None:
    """Remove a framework that nothing uses yet."""
    _require_edit(deleted_by, framework)
    audit_record(
        actor=deleted_by,
        verb=AuditVerb.FRAMEWORK_DELETE,
        target=framework,
        title=framework.title,
    )
    _delete(framework)


def framework_parse(
    *,
    path: Path,
    source_format: str,
    identifier: str = "",
    version: str = "",
    max_bytes: int = MAX_IMPORT_BYTES,
    progress: Progress = no_progress,
) -> ParsedFramework:
    """Read and check the files at ``path``; nothing is written."""
    path = Path(path)
    if not path.exists():
        raise FrameworkImportError(path.name, "", _("there is no such file or folder."))
    if source_format == "case":
        if path.is_dir():
            raise FrameworkImportError(
                path.name, "", _("a CASE package is one JSON file, not a folder.")
            )
        parsed = parse_case_file(path, max_bytes=max_bytes)
        if identifier:
            parsed.identifier = identifier
        if version:
            parsed.version = version
        return parsed
    if source_format == "esco":
        return parse_esco(
            path,
            max_bytes=max_bytes,
            identifier=identifier,
            version=version,
            progress=progress,
        )
    if source_format == "onet":
        return parse_onet(
            path,
            max_bytes=max_bytes,
            identifier=identifier,
            version=version,
            progress=progress,
        )
    raise FrameworkImportError(
        path.name,
        "",
        _("unknown format “%(format)s”: choose case, esco or onet.")
        % {"format": source_format},
    )


def framework_import(
    *,
    path: Path,
    source_format: str,
    imported_by: Any,
    owner: Any = None,
    identifier: str = "",
    version: str = "",
    replace: bool = False,
    max_bytes: int = MAX_IMPORT_BYTES,
    progress: Progress = no_progress,
) -> Framework:
    """Import a framework from CASE, ESCO or O*NET files, in one transaction.

    Raises ``FrameworkImportError`` (naming the file, the record and the rule broken)
    and writes nothing if any record is bad. An existing framework with the same
    identifier is replaced only if ``replace`` and nothing uses it yet.
    """
    _check_owner(imported_by, owner)
    parsed = framework_parse(
        path=path,
        source_format=source_format,
        identifier=identifier,
        version=version,
        max_bytes=max_bytes,
        progress=progress,
    )
    with transaction.atomic():
        existing = Framework.objects.filter(identifier=parsed.identifier).first()
        if existing is not None:
            if not replace:
                raise FrameworkImportError(
                    Path(path).name,
                    "",
                    _(
                        "a framework with the identifier %(id)s exists already (“%(title)s”). "
                        "Replace it, or import under another identifier."
                    )
                    % {"id": parsed.identifier, "title": existing.title},
                )
            if imported_by is not None:
                _require_edit(imported_by, existing)
            try:
                _delete(existing)
            except FrameworkInUse as error:
                raise FrameworkImportError(Path(path).name, "", str(error)) from error
        framework = write_framework(
            parsed,
            owner=owner,
            created_by=imported_by,
            progress=progress,
        )
        audit_record(
            actor=imported_by,
            verb=AuditVerb.FRAMEWORK_IMPORT,
            target=framework,
            source_format=source_format,
            file=Path(path).name,
            competencies=len(parsed.competencies),
            occupations=len(parsed.occupations),
            relations=len(parsed.links),
            replaced=existing is not None,
        )
    return framework


# Scale


@transaction.atomic
def scale_level_update(
    *,
    level: ProficiencyLevel,
    changed_by: Any,
    label_en: str,
    label_fr: str = "",
    descriptor_en: str = "",
    descriptor_fr: str = "",
) -> ProficiencyLevel:
    """Rename a level of a framework's scale, or change what it means."""
    framework = level.scale.framework
    _require_edit(changed_by, framework)
    if not label_en.strip() and not label_fr.strip():
        raise InvalidInput(_("Give the level a name."))
    level.label_en, level.label_fr = label_en.strip(), label_fr.strip()
    level.descriptor_en, level.descriptor_fr = (
        descriptor_en.strip(),
        descriptor_fr.strip(),
    )
    level.save()
    audit_record(
        actor=changed_by,
        verb=AuditVerb.SCALE_LEVEL_UPDATE,
        target=level,
        level=level.level,
    )
    return level


@transaction.atomic
def scale_level_add(
    *,
    framework: Framework,
    changed_by: Any,
    label_en: str,
    label_fr: str = "",
    descriptor_en: str = "",
    descriptor_fr: str = "",
) -> ProficiencyLevel:
    """Add a level above the highest level of the framework's scale."""
    _require_edit(changed_by, framework)
    if not label_en.strip() and not label_fr.strip():
        raise InvalidInput(_("Give the level a name."))
    scale, _created = ProficiencyScale.objects.get_or_create(framework=framework)
    top = scale.levels.aggregate(top=Max("level"))["top"] or 0
    level = ProficiencyLevel.objects.create(
        scale=scale,
        level=top + 1,
        label_en=label_en.strip(),
        label_fr=label_fr.strip(),
        descriptor_en=descriptor_en.strip(),
        descriptor_fr=descriptor_fr.strip(),
    )
    audit_record(
        actor=changed_by,
        verb=AuditVerb.SCALE_LEVEL_ADD,
        target=level,
        level=level.level,
    )
    return level


def check_level(competency: Competency, level: int) -> None:
    """Raise ``InvalidLevel`` unless ``level`` is on the competency's scale."""
    top = (
        ProficiencyLevel.objects.filter(
            scale__framework_id=competency.framework_id
        ).aggregate(top=Max("level"))["top"]
        or 0
    )
    if not 1 <= level <= top:
        raise InvalidLevel(
            _(
                "Level %(level)s is not on the scale of “%(framework)s”, which runs from 1 to %(top)d."
            )
            % {"level": level, "framework": competency.framework.title, "top": top}
        )


# Competencies


def _validate_competency(fields: dict[str, Any]) -> None:
    if "kind" in fields and fields["kind"] not in CompetencyKind.values:
        raise InvalidInput(_("Choose knowledge, skill or attitude."))
    if ("title_en" in fields or "title_fr" in fields) and not (
        str(fields.get("title_en", "")).strip()
        or str(fields.get("title_fr", "")).strip()
    ):
        raise InvalidInput(_("Give the competency a title, in English or in French."))


@transaction.atomic
def competency_create(
    *,
    framework: Framework,
    created_by: Any,
    title_en: str,
    title_fr: str = "",
    description_en: str = "",
    description_fr: str = "",
    kind: str = CompetencyKind.SKILL,
    code: str = "",
    parent: Competency | None = None,
) -> Competency:
    """Add a competency to a framework, last among its siblings."""
    _require_edit(created_by, framework)
    fields = {"title_en": title_en, "title_fr": title_fr, "kind": kind}
    _validate_competency(fields)
    if parent is not None and parent.framework_id != framework.pk:
        raise NotAllowed(_("The parent competency belongs to another framework."))
    last = (
        Competency.objects.filter(framework=framework, parent=parent).aggregate(
            last=Max("position")
        )["last"]
        or 0
    )
    identifier = new_identifier()
    competency = Competency.objects.create(
        framework=framework,
        parent=parent,
        position=last + 1,
        identifier=identifier,
        uri=platform_uri("CFItems", identifier),
        code=code.strip(),
        title_en=title_en.strip(),
        title_fr=title_fr.strip(),
        description_en=description_en.strip(),
        description_fr=description_fr.strip(),
        kind=kind,
        source_modified_at=timezone.now(),
    )
    audit_record(actor=created_by, verb=AuditVerb.COMPETENCY_CREATE, target=competency)
    return competency


@transaction.atomic
def competency_update(
    *, competency: Competency, changed_by: Any, **fields: Any
) -> Competency:
    """Change a competency's code, titles, descriptions, kind or other names."""
    _require_edit(changed_by, competency.framework)
    unknown = set(fields) - COMPETENCY_FIELDS
    if unknown:
        raise ValueError(f"Unknown competency fields: {sorted(unknown)}")
    merged = {
        "title_en": competency.title_en,
        "title_fr": competency.title_fr,
        **fields,
    }
    _validate_competency(merged)
    for name, value in fields.items():
        setattr(competency, name, value.strip() if isinstance(value, str) else value)
    competency.source_modified_at = timezone.now()
    competency.save()
    audit_record(
        actor=changed_by,
        verb=AuditVerb.COMPETENCY_UPDATE,
        target=competency,
        fields=sorted(fields),
    )
    return competency


@transaction.atomic
def competency_delete(*, competency: Competency, deleted_by: Any) -> None:
    """Remove a competency without sub-competencies that no profile or credential uses."""
    _require_edit(deleted_by, competency.framework)
    if competency.children.exists():
        raise FrameworkInUse(_("Remove or move its sub-competencies first."))
    audit_record(actor=deleted_by, verb=AuditVerb.COMPETENCY_DELETE, target=competency)
    try:
        competency.delete()
    except ProtectedError as error:
        raise FrameworkInUse(
            _("This competency is used by a job profile, a credential or an item bank.")
        ) from error
