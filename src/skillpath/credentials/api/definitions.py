"""API of micro-credential definitions: the public catalogue, CTDL, and the
coordinators' define / adjust / publish, with the pages' access rules."""

from datetime import datetime
from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from skillpath.accounts.models import Organisation
from skillpath.credentials import access, selectors
from skillpath.credentials.documents.ctdl import ctdl_document
from skillpath.credentials.models import (
    CredentialState,
    MicroCredential,
    MicroCredentialCompetency,
)
from skillpath.credentials.services import definitions as services
from skillpath.frameworks import access as framework_access
from skillpath.frameworks.models import ProfileVersion

router = Router(tags=["micro-credentials"])


class RequirementLevelOut(Schema):
    level: int
    label_en: str
    label_fr: str


class CredentialRequirementOut(Schema):
    competency_id: int
    competency_identifier: str
    competency_uri: str
    code: str
    title_en: str
    title_fr: str
    kind: str
    framework: str
    required_level: int
    importance: int
    allowed_methods: list[str]
    levels: list[RequirementLevelOut]


class CredentialOut(Schema):
    slug: str
    public_id: UUID
    state: str
    title_en: str
    title_fr: str
    description_en: str
    description_fr: str
    issuing_organisation: str = Field(..., alias="issuing_organisation.slug")
    profile_id: int = Field(..., alias="profile_version.profile_id")
    profile_version: int = Field(..., alias="profile_version.number")
    noc_code: str = Field(..., alias="profile_version.profile.noc_code")
    published_at: datetime | None


class CredentialDetailOut(CredentialOut):
    criteria_en: str
    criteria_fr: str
    validity_months: int | None
    stackable: bool
    stacks_into: str
    stacks_into_url: str
    full_program_hours: int | None
    retake_cooldown_days: int
    max_attempts: int
    requirements: list[CredentialRequirementOut]
    endorsed_by: list[str]


class DefineIn(Schema):
    profile_id: int
    version: int
    issuing_organisation: str = ""
    title_en: str = ""
    title_fr: str = ""


class CredentialPatch(Schema):
    title_en: str | None = None
    title_fr: str | None = None
    description_en: str | None = None
    description_fr: str | None = None
    criteria_en: str | None = None
    criteria_fr: str | None = None
    validity_months: int | None = None
    stackable: bool | None = None
    stacks_into: str | None = None
    stacks_into_url: str | None = None
    full_program_hours: int | None = None
    retake_cooldown_days: int | None = None
    max_attempts: int | None = None


class RequirementPatch(Schema):
    required_level: int
    methods: list[str]
    importance: int | None = None


def _detail(credential: MicroCredential) -> dict[str, Any]:
    requirements = [
        {
            "competency_id": r.competency.pk,
            "competency_identifier": r.competency.identifier,
            "competency_uri": r.competency.uri,
            "code": r.competency.code,
            "title_en": r.competency.title_en,
            "title_fr": r.competency.title_fr,
            "kind": r.competency.kind,
            "framework": r.competency.framework.identifier,
            "required_level": r.required_level,
            "importance": r.importance,
            "allowed_methods": list(r.allowed_methods),
            "levels": [RequirementLevelOut.from_orm(level) for level in r.levels],
        }
        for r in selectors.credential_requirements(credential)
    ]
    return {
        **CredentialOut.from_orm(credential).dict(by_alias=True),
        **{
            name: getattr(credential, name)
            for name in (
                "criteria_en",
                "criteria_fr",
                "validity_months",
                "stackable",
                "stacks_into",
                "stacks_into_url",
                "full_program_hours",
                "retake_cooldown_days",
                "max_attempts",
            )
        },
        "requirements": requirements,
        "endorsed_by": [org.slug for org in selectors.endorsers(credential)],
    }


def _credential(request: HttpRequest, slug: str) -> MicroCredential:
    credential = selectors.credential_detail(slug)
    if credential is None or not access.can_view(request.user, credential):
        raise Http404
    return credential


@router.get(
    "/micro-credentials",
    response=list[CredentialOut],
    auth=None,
    summary="The public catalogue of published micro-credentials (search with q)",
)
def catalogue(request: HttpRequest, q: str = "") -> QuerySet[MicroCredential]:
    return selectors.published_credentials(query=q)


@router.get(
    "/micro-credentials/{slug}",
    response=CredentialDetailOut,
    auth=None,
    summary="A micro-credential: competencies, required levels, allowed methods, endorsers",
)
def credential_detail(request: HttpRequest, slug: str) -> dict[str, Any]:
    return _detail(_credential(request, slug))


@router.get(
    "/micro-credentials/{slug}/ctdl",
    auth=None,
    summary="A published micro-credential as CTDL JSON-LD (ceterms:MicroCredential)",
)
def credential_ctdl(request: HttpRequest, slug: str) -> dict[str, Any]:
    credential = _credential(request, slug)
    if credential.state != CredentialState.PUBLISHED:
        raise Http404
    return ctdl_document(credential)


@router.post(
    "/micro-credentials",
    response={201: CredentialDetailOut},
    summary="Define a micro-credential from a job profile version",
)
def credential_define(
    request: HttpRequest, payload: DefineIn
) -> Status[dict[str, Any]]:
    version = get_object_or_404(
        ProfileVersion.objects.select_related("profile"),
        profile_id=payload.profile_id,
        number=payload.version,
    )
    if not framework_access.can_view_version(request.user, version):
        raise Http404
    issuer = (
        get_object_or_404(Organisation, slug=payload.issuing_organisation)
        if payload.issuing_organisation
        else version.profile.owner
    )
    credential = services.credential_define(
        version=version,
        issuing_organisation=issuer,
        defined_by=request.user,
        title_en=payload.title_en,
        title_fr=payload.title_fr,
    )
    return Status(201, _detail(credential))


@router.patch(
    "/micro-credentials/{slug}", response=CredentialDetailOut, summary="Change a draft"
)
def credential_update(
    request: HttpRequest, slug: str, payload: CredentialPatch
) -> dict[str, Any]:
    credential = _credential(request, slug)
    services.credential_update(
        credential=credential,
        changed_by=request.user,
        **payload.dict(exclude_unset=True),
    )
    return _detail(credential)


@router.patch(
    "/micro-credentials/{slug}/competencies/{competency_id}",
    response=CredentialDetailOut,
    summary="Adjust a competency's required level and allowed assessment methods",
)
def requirement_update(
    request: HttpRequest, slug: str, competency_id: int, payload: RequirementPatch
) -> dict[str, Any]:
    credential = _credential(request, slug)
    requirement = get_object_or_404(
        MicroCredentialCompetency.objects.select_related("competency", "credential"),
        credential=credential,
        competency_id=competency_id,
    )
    services.requirement_update(
        requirement=requirement,
        changed_by=request.user,
        required_level=payload.required_level,
        methods=payload.methods,
        importance=payload.importance,
    )
    return _detail(credential)


@router.post(
    "/micro-credentials/{slug}/publish",
    response=CredentialDetailOut,
    summary="Publish (409 until an employer has endorsed the profile version)",
)
def credential_publish(request: HttpRequest, slug: str) -> dict[str, Any]:
    credential = _credential(request, slug)
    return _detail(
        services.credential_publish(credential=credential, published_by=request.user)
    )
