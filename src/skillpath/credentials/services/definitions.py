"""Write micro-credential definitions: define from a profile version, adjust, publish."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from skillpath.accounts.models import Organisation
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.common.weblinks import web_link_clean
from skillpath.credentials import access
from skillpath.credentials.exceptions import (
    DefinitionFrozen,
    InvalidDefinition,
    NotAllowed,
    PublishRefused,
)
from skillpath.credentials.models import (
    AllowedMethod,
    AssessmentMethod,
    CredentialState,
    MicroCredential,
    MicroCredentialCompetency,
)
from skillpath.frameworks import access as framework_access
from skillpath.frameworks import selectors as framework_selectors
from skillpath.frameworks.exceptions import InvalidLevel
from skillpath.frameworks.models import (
    Competency,
    CompetencyKind,
    ProfileVersion,
    ReviewState,
    VersionState,
)
from skillpath.frameworks.services import check_level

DEFINABLE_STATES = (
    VersionState.IN_REVIEW,
    VersionState.ENDORSED,
    VersionState.PUBLISHED,
)
CREDENTIAL_FIELDS = {
    "title_en",
    "title_fr",
    "description_en",
    "description_fr",
    "criteria_en",
    "criteria_fr",
    "validity_months",
    "stackable",
    "stacks_into",
    "stacks_into_url",
    "full_program_hours",
    "retake_cooldown_days",
    "max_attempts",
}
DEFAULT_METHODS: dict[str, tuple[AssessmentMethod, ...]] = {
    CompetencyKind.KNOWLEDGE: (
        AssessmentMethod.ADAPTIVE_TEST,
        AssessmentMethod.PRIOR_LEARNING,
    ),
    CompetencyKind.SKILL: (
        AssessmentMethod.PERFORMANCE_TASK,
        AssessmentMethod.EVIDENCE,
        AssessmentMethod.PRIOR_LEARNING,
    ),
    CompetencyKind.ATTITUDE: (
        AssessmentMethod.PERFORMANCE_TASK,
        AssessmentMethod.EVIDENCE,
    ),
}


def default_methods(competency: Competency) -> tuple[str, ...]:
    """Return the assessment methods offered by default for a competency's kind."""
    return tuple(
        str(m) for m in DEFAULT_METHODS.get(competency.kind, tuple(AssessmentMethod))
    )


def _require_edit(user: Any, credential: MicroCredential) -> None:
    if not access.can_edit(user, credential):
        raise NotAllowed(
            _("Only coordinators of %(org)s can change this micro-credential.")
            % {"org": credential.issuing_organisation.name}
        )


def _require_draft(credential: MicroCredential) -> None:
    if credential.state != CredentialState.DRAFT:
        raise DefinitionFrozen(
            _("“%(title)s” is %(state)s and no longer changes.")
            % {
                "title": credential.title,
                "state": credential.get_state_display().lower(),
            }
        )


# Short names the credentials pages use for themselves.
RESERVED_SLUGS = {
    "manage",
    "define",
    "issuers",
    "achievements",
    "awards",
    "issued",
    "verify",
    "wallet",
}


def _unique_slug(title: str) -> str:
    base = slugify(title)[:70] or "micro-credential"
    if base in RESERVED_SLUGS:
        base = f"{base}-credential"
    slug, number = base, 2
    while MicroCredential.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _check_methods(methods: Iterable[str]) -> list[str]:
    chosen = [str(m) for m in methods]
    unknown = [m for m in chosen if m not in AssessmentMethod.values]
    if unknown:
        raise InvalidDefinition(
            _("Unknown assessment method “%(method)s”.") % {"method": unknown[0]}
        )
    if not chosen:
        raise InvalidDefinition(
            _("Allow at least one assessment method for each competency.")
        )
    return list(dict.fromkeys(chosen))


def _set_methods(
    requirement: MicroCredentialCompetency, methods: Iterable[str]
) -> None:
    chosen = _check_methods(methods)
    requirement.methods.exclude(method__in=chosen).delete()
    existing = set(requirement.methods.values_list("method", flat=True))
    AllowedMethod.objects.bulk_create(
        AllowedMethod(requirement=requirement, method=m)
        for m in chosen
        if m not in existing
    )


def _check_level(competency: Competency, level: int) -> None:
    try:
        check_level(competency, level)
    except InvalidLevel as error:
        raise InvalidDefinition(str(error)) from error


@transaction.atomic
def credential_define(
    *,
    version: ProfileVersion,
    issuing_organisation: Organisation,
    defined_by: Any,
    title_en: str = "",
    title_fr: str = "",
) -> MicroCredential:
    """Define a micro-credential from a profile version's competencies and levels.

    Each competency comes with the highest level the profile's tasks need, and the
    assessment methods that suit its kind; all of it can be adjusted while a draft.
    """
    if not access.can_define(defined_by, issuing_organisation):
        raise NotAllowed(
            _(
                "You can define micro-credentials only for an organisation where you coordinate."
            )
        )
    if not framework_access.can_view_version(defined_by, version):
        raise NotAllowed(_("You cannot see this job profile version."))
    if version.state not in DEFINABLE_STATES:
        raise InvalidDefinition(
            _(
                "Version %(number)d of the profile is %(state)s. Define a micro-credential from "
                "a version sent to employers for review (or endorsed, or published)."
            )
            % {"number": version.number, "state": version.get_state_display().lower()}
        )
    profile = version.profile
    title_en = (title_en or profile.title_en).strip()
    credential = MicroCredential.objects.create(
        slug=_unique_slug(title_en),
        profile_version=version,
        issuing_organisation=issuing_organisation,
        title_en=title_en,
        title_fr=(title_fr or profile.title_fr).strip(),
        description_en=profile.description_en,
        description_fr=profile.description_fr,
        created_by=defined_by,
    )
    for position, need in enumerate(
        framework_selectors.competency_profile(version), start=1
    ):
        requirement = MicroCredentialCompetency.objects.create(
            credential=credential,
            competency=need.competency,
            required_level=need.required_level,
            importance=need.importance,
            position=position,
        )
        _set_methods(requirement, default_methods(need.competency))
    audit_record(
        actor=defined_by,
        verb=AuditVerb.CREDENTIAL_DEFINE,
        target=credential,
        version=version.pk,
    )
    return credential


@transaction.atomic
def credential_update(
    *, credential: MicroCredential, changed_by: Any, **fields: Any
) -> MicroCredential:
    """Change what a draft credential says: titles, criteria, validity, retakes…"""
    _require_edit(changed_by, credential)
    _require_draft(credential)
    unknown = set(fields) - CREDENTIAL_FIELDS
    if unknown:
        raise ValueError(f"Unknown credential fields: {sorted(unknown)}")
    if "title_en" in fields and not str(fields["title_en"]).strip():
        raise InvalidDefinition(_("Give the micro-credential a title in English."))
    if fields.get("max_attempts") is not None and fields["max_attempts"] < 1:
        raise InvalidDefinition(_("Allow at least one attempt."))
    if fields.get("validity_months") == 0:
        raise InvalidDefinition(
            _(
                "A credential is valid for at least one month; leave the field empty if it never expires."
            )
        )
    if "stacks_into_url" in fields:
        fields["stacks_into_url"] = web_link_clean(
            fields["stacks_into_url"], field="stacks_into_url", max_length=200
        )
    for name, value in fields.items():
        setattr(credential, name, value.strip() if isinstance(value, str) else value)
    if not credential.stackable:
        credential.stacks_into, credential.stacks_into_url = "", ""
    credential.save()
    audit_record(
        actor=changed_by,
        verb=AuditVerb.CREDENTIAL_UPDATE,
        target=credential,
        fields=sorted(fields),
    )
    return credential


@transaction.atomic
def requirement_update(
    *,
    requirement: MicroCredentialCompetency,
    changed_by: Any,
    required_level: int,
    methods: Iterable[str],
    importance: int | None = None,
) -> MicroCredentialCompetency:
    """Adjust a competency's required level and the methods that may assess it."""
    credential = requirement.credential
    _require_edit(changed_by, credential)
    _require_draft(credential)
    _check_level(requirement.competency, required_level)
    requirement.required_level = required_level
    if importance is not None:
        if not 1 <= importance <= 5:
            raise InvalidDefinition(
                _("Importance runs from 1 (marginal) to 5 (critical).")
            )
        requirement.importance = importance
    requirement.save(update_fields=["required_level", "importance"])
    _set_methods(requirement, methods)
    audit_record(
        actor=changed_by,
        verb=AuditVerb.REQUIREMENT_UPDATE,
        target=requirement,
        level=required_level,
        methods=list(requirement.allowed_methods),
    )
    return requirement


@transaction.atomic
def requirement_remove(
    *, requirement: MicroCredentialCompetency, removed_by: Any
) -> None:
    """Leave a competency of the profile out of the credential."""
    credential = requirement.credential
    _require_edit(removed_by, credential)
    _require_draft(credential)
    audit_record(
        actor=removed_by, verb=AuditVerb.REQUIREMENT_REMOVE, target=requirement
    )
    requirement.delete()


@transaction.atomic
def requirement_add(
    *,
    credential: MicroCredential,
    added_by: Any,
    competency: Competency,
    required_level: int,
    methods: Iterable[str] = (),
    importance: int = 3,
) -> MicroCredentialCompetency:
    """Take a competency of the profile (back) into the credential."""
    _require_edit(added_by, credential)
    _require_draft(credential)
    in_profile = {
        need.competency.pk
        for need in framework_selectors.competency_profile(credential.profile_version)
    }
    if competency.pk not in in_profile:
        raise InvalidDefinition(
            _(
                "“%(competency)s” is not in the job profile this credential is built from."
            )
            % {"competency": competency.title}
        )
    if credential.requirements.filter(competency=competency).exists():
        raise InvalidDefinition(_("The credential already requires this competency."))
    _check_level(competency, required_level)
    last = (
        credential.requirements.order_by("-position")
        .values_list("position", flat=True)
        .first()
    )
    requirement = MicroCredentialCompetency.objects.create(
        credential=credential,
        competency=competency,
        required_level=required_level,
        importance=importance,
        position=(last or 0) + 1,
    )
    _set_methods(requirement, methods or default_methods(competency))
    audit_record(actor=added_by, verb=AuditVerb.REQUIREMENT_ADD, target=requirement)
    return requirement


def publish_problems(credential: MicroCredential) -> list[str]:
    """Return what stops the credential from being published (empty when ready)."""
    problems = []
    version = credential.profile_version
    if not version.reviews.filter(state=ReviewState.ENDORSED).exists():
        problems.append(
            _(
                "No employer has endorsed version %(number)d of the job profile “%(profile)s” "
                "yet. A micro-credential is published only once employers have endorsed the "
                "profile it is built from."
            )
            % {"number": version.number, "profile": version.profile.title}
        )
    if version.state == VersionState.RETIRED:
        problems.append(
            _(
                "Version %(number)d of the job profile is retired: define the credential again from the current version."
            )
            % {"number": version.number}
        )
    requirements = list(credential.requirements.prefetch_related("methods"))
    if not requirements:
        problems.append(_("The credential requires no competency."))
    missing = [r for r in requirements if not r.allowed_methods]
    if missing:
        problems.append(
            _("Allow at least one assessment method for “%(competency)s”.")
            % {"competency": missing[0].competency.title}
        )
    if not credential.full_program_hours:
        problems.append(
            _("Give the hours of the full program, so learners see the time they save.")
        )
    if not credential.criteria_en.strip():
        problems.append(_("Describe the criteria for earning the credential."))
    return problems


@transaction.atomic
def credential_publish(
    *, credential: MicroCredential, published_by: Any
) -> MicroCredential:
    """Publish a draft definition in the public catalogue.

    Refused until at least one employer has endorsed the profile version it is built
    from (``PublishRefused`` says what is missing).
    """
    _require_edit(published_by, credential)
    credential = MicroCredential.objects.select_for_update().get(pk=credential.pk)
    if credential.state == CredentialState.PUBLISHED:
        return credential
    _require_draft(credential)
    problems = publish_problems(credential)
    if problems:
        raise PublishRefused(" ".join(problems))
    credential.state = CredentialState.PUBLISHED
    credential.published_at, credential.published_by = timezone.now(), published_by
    credential.save(
        update_fields=["state", "published_at", "published_by", "updated_at"]
    )
    audit_record(
        actor=published_by, verb=AuditVerb.CREDENTIAL_PUBLISH, target=credential
    )
    return credential


@transaction.atomic
def credential_retire(
    *, credential: MicroCredential, retired_by: Any
) -> MicroCredential:
    """Withdraw a published credential from the catalogue; awards stay valid."""
    _require_edit(retired_by, credential)
    if credential.state != CredentialState.PUBLISHED:
        raise DefinitionFrozen(_("Only a published micro-credential can be retired."))
    credential.state, credential.retired_at = CredentialState.RETIRED, timezone.now()
    credential.save(update_fields=["state", "retired_at", "updated_at"])
    audit_record(actor=retired_by, verb=AuditVerb.CREDENTIAL_RETIRE, target=credential)
    return credential
