"""API of the issuing side: verify, my awards, downloads, revoke, issuer keys.

Verification and the issuer's public documents answer anyone; the rest needs a
signed-in person or a personal access token.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, File, Router, Schema, UploadedFile
from ninja.errors import HttpError

from skillpath.common.types import AuthedRequest
from skillpath.credentials import access
from skillpath.credentials.documents.downloads import (
    DOWNLOAD_FORMATS,
    award_file,
    file_name,
)
from skillpath.credentials.documents.throttle import anonymous_verification_check
from skillpath.credentials.documents.verification import (
    MAX_INPUT_BYTES,
    credential_verify,
)
from skillpath.credentials.keys import issuer_key_documents
from skillpath.credentials.models import Award, StatusList
from skillpath.credentials.services.awards import award_revoke, award_share_set
from skillpath.credentials.services.issuers import issuer_lookup
from skillpath.credentials.services.status_lists import status_list_credential

router = Router(tags=["credentials: issuing and verification"])


class CheckOut(Schema):
    name: str
    label: str
    passed: bool
    message: str


class VerifiedCredentialOut(Schema):
    id: str
    name: str
    issuer_id: str
    issuer_name: str = Field(
        ..., description="The platform's name for a known issuer; empty if unknown."
    )
    issuer_known: bool
    valid_from: str
    valid_until: str


class VerdictOut(Schema):
    verified: bool = Field(
        ..., description="Every check passed and the issuer is known here."
    )
    signature_valid: bool = Field(
        ..., description="The signature holds and its key belongs to the issuer id."
    )
    issuer_known: bool = Field(
        ...,
        description="The issuer is one of this platform's or on its trusted list.",
    )
    issuer_source: str = Field(..., description="platform, trusted or unknown")
    revoked: bool
    format: str | None
    checks: list[CheckOut]
    credential: VerifiedCredentialOut | None


class VerifyIn(Schema):
    credential: dict[str, Any] | str = Field(
        ..., description="The credential: a JSON object, JSON text, or a VC-JWT."
    )


class AwardOut(Schema):
    id: UUID = Field(..., alias="public_id")
    credential_id: str = Field(..., alias="credential_iri")
    name: str
    issuer: str = Field(..., alias="issuer.iri")
    status: str = Field(..., alias="display_status")
    valid_from: datetime
    valid_until: datetime | None
    shared: bool
    revoked_at: datetime | None
    revocation_reason: str

    @staticmethod
    def resolve_name(award: Award) -> str:
        return str(award.document.get("name", ""))


class ShareIn(Schema):
    shared: bool


class RevokeIn(Schema):
    reason: str = Field(..., min_length=1, max_length=1000)


@router.post(
    "/credentials/verify",
    response=VerdictOut,
    auth=None,
    summary="Verify a credential (JSON or JWT)",
)
def verify_json(request: HttpRequest, payload: VerifyIn) -> dict[str, Any]:
    anonymous_verification_check(request)
    data = payload.credential
    if isinstance(data, str) and len(data.encode("utf-8")) > MAX_INPUT_BYTES:
        raise HttpError(413, "The credential is larger than 2 MiB.")
    return credential_verify(data).as_dict()


@router.post(
    "/credentials/verify/file",
    response=VerdictOut,
    auth=None,
    summary="Verify a baked badge image or a credential file",
)
def verify_file(request: HttpRequest, file: UploadedFile = File(...)) -> dict[str, Any]:  # noqa: B008
    anonymous_verification_check(request)
    if file.size and file.size > MAX_INPUT_BYTES:
        raise HttpError(413, "The file is larger than 2 MiB.")
    return credential_verify(file.read()).as_dict()


@router.get(
    "/credentials/issuers/{issuer}/keys",
    auth=None,
    summary="An issuer's verification methods, by id",
)
def issuer_keys(request: HttpRequest, issuer: str) -> dict[str, Any]:
    return issuer_key_documents(issuer_lookup(issuer))


@router.get(
    "/credentials/issuers/{issuer}/status-lists/{number}",
    auth=None,
    summary="An issuer's signed status list credential",
)
def status_list(request: HttpRequest, issuer: str, number: int) -> dict[str, Any]:
    return status_list_credential(
        get_object_or_404(StatusList, issuer=issuer_lookup(issuer), number=number)
    )


class PublicAwardOut(Schema):
    credential: dict[str, Any]
    verification: VerdictOut


@router.get(
    "/credentials/awards/{award_id}/public",
    response=PublicAwardOut,
    auth=None,
    summary="A shared credential and its verification (404 unless shared)",
)
def award_public(request: HttpRequest, award_id: UUID) -> dict[str, Any]:
    award = get_object_or_404(Award, public_id=award_id, shared=True)
    return {
        "credential": award.document,
        "verification": credential_verify(award.document).as_dict(),
    }


@router.get("/credentials/awards", response=list[AwardOut], summary="My credentials")
def my_awards(request: AuthedRequest) -> list[Award]:
    return list(access.awards_of(request.user))


@router.get(
    "/credentials/awards/{award_id}/credential",
    summary="Download my credential (json, jwt-rs256, jwt-eddsa, png, svg)",
)
def award_download(
    request: AuthedRequest, award_id: UUID, format: str = "json"
) -> HttpResponse:
    award = access.own_award(request.user, award_id)
    if format not in DOWNLOAD_FORMATS:
        raise HttpError(422, f"format must be one of {', '.join(DOWNLOAD_FORMATS)}.")
    content, content_type, extension = award_file(award, format)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{file_name(award, extension)}"'
    )
    return response


@router.post(
    "/credentials/awards/{award_id}/share",
    response=AwardOut,
    summary="Show or hide my credential's public page",
)
def award_share(request: AuthedRequest, award_id: UUID, payload: ShareIn) -> Award:
    award = access.own_award(request.user, award_id)
    return award_share_set(award=award, shared=payload.shared, actor=request.user)


@router.post(
    "/credentials/awards/{award_id}/revoke",
    response=AwardOut,
    summary="Revoke an award (coordinators of the issuing organisation)",
)
def award_revoke_endpoint(
    request: AuthedRequest, award_id: UUID, payload: RevokeIn
) -> Award:
    award = get_object_or_404(
        Award.objects.select_related("issuer__organisation", "learner"),
        public_id=award_id,
    )
    if not access.can_revoke(request.user, award):
        raise PermissionDenied(
            "Only coordinators of the issuing organisation may revoke this credential."
        )
    return award_revoke(award=award, reason=payload.reason, actor=request.user)
