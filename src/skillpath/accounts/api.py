"""API endpoints of accounts: the current user, organisations, memberships, tokens."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from skillpath.accounts import access, selectors, services
from skillpath.accounts.exceptions import NotAllowed
from skillpath.accounts.models import (
    TOKEN_DEFAULT_DAYS,
    TOKEN_MAX_DAYS,
    ApiToken,
    LearnerProfile,
    Membership,
    Organisation,
    Province,
    SelfIdentification,
    TokenScope,
)
from skillpath.common.pagination import BoundedPageNumberPagination
from skillpath.common.types import AuthedRequest

router = Router(tags=["accounts"])


class OrganisationOut(Schema):
    slug: str
    name: str
    kind: str
    province: str
    website: str
    status: str


class MembershipOut(Schema):
    id: int
    organisation: str = Field(..., alias="organisation.slug")
    role: str
    status: str


class LearnerProfileOut(Schema):
    id: int
    full_name: str = Field(..., alias="user.full_name")
    region: str
    preferred_language: str = Field(..., alias="user.preferred_language")
    home_organisation: str | None = Field(None, alias="home_organisation.slug")
    share_with_employers: bool


class OwnLearnerProfileOut(LearnerProfileOut):
    follow_up_surveys: bool
    identifies_newcomer: str
    identifies_indigenous: str
    identifies_woman: str
    identifies_youth: str
    identifies_disability: str


class MeOut(Schema):
    id: int
    email: str
    full_name: str
    preferred_language: str
    roles: list[str]
    learner_profile: OwnLearnerProfileOut | None


class LearnerProfileIn(Schema):
    region: Province | None = None
    share_with_employers: bool | None = None
    follow_up_surveys: bool | None = None
    identifies_newcomer: SelfIdentification | None = None
    identifies_indigenous: SelfIdentification | None = None
    identifies_woman: SelfIdentification | None = None
    identifies_youth: SelfIdentification | None = None
    identifies_disability: SelfIdentification | None = None


class TokenIn(Schema):
    name: str = Field(..., min_length=1, max_length=100)
    scope: TokenScope = Field(
        TokenScope.READ, description="read: GET only; write: every method"
    )
    expires_in_days: int = Field(
        TOKEN_DEFAULT_DAYS,
        ge=1,
        le=TOKEN_MAX_DAYS,
        description="How long the token works, from 1 day to a year",
    )


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    scope: str
    created_at: datetime
    expires_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    revoked_reason: str
    is_active: bool


class TokenCreatedOut(TokenOut):
    key: str


def _me(request: AuthedRequest) -> dict[str, Any]:
    user = request.user
    profile = (
        LearnerProfile.objects.select_related("user", "home_organisation")
        .filter(user=user)
        .first()
    )
    return {
        "id": user.pk,
        "email": user.email,
        "full_name": user.full_name,
        "preferred_language": user.preferred_language,
        "roles": sorted(access.roles(user)),
        "learner_profile": profile,
    }


@router.get(
    "/me", response=MeOut, summary="The signed-in person, their roles and profile"
)
def me(request: AuthedRequest) -> dict[str, Any]:
    return _me(request)


@router.patch(
    "/me/learner-profile", response=MeOut, summary="Change my profile and consent"
)
def learner_profile_patch(
    request: AuthedRequest, payload: LearnerProfileIn
) -> dict[str, Any]:
    profile = LearnerProfile.objects.filter(user=request.user).first()
    if profile is None:
        raise PermissionDenied("Only job seekers have a learner profile.")
    changes = payload.dict(exclude_unset=True, exclude_none=True)
    services.learner_profile_update(profile=profile, changed_by=request.user, **changes)
    return _me(request)


@router.get("/organisations", response=list[OrganisationOut], summary="Organisations")
@paginate(BoundedPageNumberPagination)
def organisation_list(request: AuthedRequest):
    return selectors.organisations_visible_to(request.user)


@router.get(
    "/organisations/{slug}", response=OrganisationOut, summary="One organisation"
)
def organisation_detail(request: AuthedRequest, slug: str) -> Organisation:
    return get_object_or_404(
        selectors.organisations_visible_to(request.user), slug=slug
    )


@router.get(
    "/memberships", response=list[MembershipOut], summary="My roles in organisations"
)
@paginate(BoundedPageNumberPagination)
def membership_list(request: AuthedRequest):
    return Membership.objects.filter(user=request.user).select_related("organisation")


@router.get("/learners", response=list[LearnerProfileOut], summary="Learners I may see")
@paginate(BoundedPageNumberPagination)
def learner_list(request: AuthedRequest):
    return access.learners_visible_to(request.user).order_by("pk")


@router.get("/learners/{learner_id}", response=LearnerProfileOut, summary="One learner")
def learner_detail(request: AuthedRequest, learner_id: int) -> LearnerProfile:
    learner = get_object_or_404(
        LearnerProfile.objects.select_related("user", "home_organisation"),
        pk=learner_id,
    )
    if not access.can_view_learner(request.user, learner):
        # The same answer as a missing learner: do not reveal who exists.
        raise Http404
    return learner


@router.get("/tokens", response=list[TokenOut], summary="My personal access tokens")
def token_list(request: AuthedRequest):
    return ApiToken.objects.filter(user=request.user)


@router.post(
    "/tokens",
    response={201: TokenCreatedOut},
    summary="Create a token (shown once; from a signed-in session only)",
)
def token_create(request: AuthedRequest, payload: TokenIn):
    if isinstance(getattr(request, "auth", None), ApiToken):
        # A token that could mint tokens would outlive its own revocation.
        raise NotAllowed(
            _("Tokens are created from a signed-in session, not with another token.")
        )
    token, key = services.token_create(
        user=request.user,
        name=payload.name,
        scope=payload.scope,
        expires_in_days=payload.expires_in_days,
    )
    return Status(201, {**TokenOut.from_orm(token).dict(), "key": key})


@router.delete(
    "/tokens/{token_id}", response={204: None}, summary="Revoke one of my tokens"
)
def token_revoke(request: AuthedRequest, token_id: int):
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    services.token_revoke(token=token, revoked_by=request.user)
    return Status(204, None)
