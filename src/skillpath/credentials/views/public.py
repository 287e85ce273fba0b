"""Public pages and documents: issuers, keys, status lists, achievements, awards.

These answer anyone, signed in or not: a verifier dereferences an issuer id, a key
id or a status list URL written in a credential, and gets the document.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from skillpath.core.badges import badge_png
from skillpath.core.badges.loader import OB_EXTENSIONS, OB_V3P0, VC_V2
from skillpath.core.badges.openbadges import build_achievement, build_issuer
from skillpath.credentials.documents.openbadges import achievement_for
from skillpath.credentials.documents.verification import credential_verify
from skillpath.credentials.keys import controller_document, issuer_keys, method_document
from skillpath.credentials.models import (
    Award,
    AwardStatus,
    Issuer,
    MicroCredential,
    StatusList,
)
from skillpath.credentials.selectors import definition_spec
from skillpath.credentials.services.issuers import issuer_profile
from skillpath.credentials.services.status_lists import status_list_credential
from skillpath.credentials.site import absolute

JSON_TYPES = (
    "application/json",
    "application/ld+json",
    "application/did+json",
    "application/did+ld+json",
)


def wants_json(request: HttpRequest) -> bool:
    """Return whether the client prefers a JSON document to an HTML page."""
    accept = request.headers.get("Accept", "")
    if request.GET.get("format") == "json":
        return True
    if not accept or "text/html" in accept:
        return False
    return any(kind in accept for kind in JSON_TYPES) or accept.strip() == "*/*"


def json_document(
    document: dict[str, Any], *, content_type: str = "application/ld+json"
) -> HttpResponse:
    """Answer with a JSON document that any origin may read."""
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type=f"{content_type}; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def issuer(request: HttpRequest, slug: str) -> HttpResponse:
    """Serve the issuer id: its controller document, or a page for people."""
    found = get_object_or_404(Issuer.objects.select_related("organisation"), slug=slug)
    if wants_json(request):
        return json_document(controller_document(found))
    keys = [(key, method_document(key)) for key in issuer_keys(found)]
    return render(
        request,
        "credentials/issuer.html",
        {"issuer": found, "keys": keys, "lists": found.status_lists.all()},
    )


@require_GET
def issuer_profile_document(request: HttpRequest, slug: str) -> HttpResponse:
    """Serve the issuer's Open Badges ``Profile`` as JSON-LD."""
    found = get_object_or_404(Issuer, slug=slug)
    profile = {"@context": [VC_V2, OB_V3P0], **build_issuer(issuer_profile(found))}
    return json_document(profile)


@require_GET
@cache_control(max_age=60, public=True)
def status_list(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Serve a signed ``BitstringStatusListCredential`` at its stable URL."""
    found = get_object_or_404(
        StatusList.objects.select_related("issuer"), issuer__slug=slug, number=number
    )
    return json_document(status_list_credential(found), content_type="application/vc")


def _definition(pk: int) -> Any:
    return get_object_or_404(MicroCredential, pk=pk)


@require_GET
def achievement(request: HttpRequest, pk: int) -> HttpResponse:
    """Serve a micro-credential's Open Badges ``Achievement`` as JSON-LD."""
    spec = definition_spec(_definition(pk))
    image = absolute(reverse("credentials:achievement_image", args=[pk]))
    document = build_achievement(achievement_for(spec, image_url=image))
    return json_document({"@context": [VC_V2, OB_V3P0, OB_EXTENSIONS], **document})


@require_GET
@cache_control(max_age=3600, public=True)
def achievement_image(request: HttpRequest, pk: int) -> HttpResponse:
    """Serve the badge image of a micro-credential (a generated PNG)."""
    spec = definition_spec(_definition(pk))
    return HttpResponse(badge_png(spec.name), content_type="image/png")


@require_GET
def award_public(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Show an award to anyone, verified, while its learner shares it."""
    award = (
        Award.objects.select_related("issuer", "credential", "learner")
        .filter(public_id=public_id, shared=True)
        .first()
    )
    if award is None:
        raise Http404
    if wants_json(request):
        return json_document(award.document, content_type="application/vc")
    verdict = credential_verify(award.document)
    return render(
        request,
        "credentials/award_public.html",
        {
            "award": award,
            "verdict": verdict,
            "revoked": award.status == AwardStatus.REVOKED,
        },
    )
