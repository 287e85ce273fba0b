"""A learner's award as files to download, and as a LinkedIn "add" link."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from django.http import Http404

from skillpath.core.badges import badge_png, badge_svg, bake_png, bake_svg
from skillpath.credentials.models import Award

DOWNLOAD_FORMATS = ("json", "jwt-rs256", "jwt-eddsa", "png", "svg")
LINKEDIN_ADD = "https://www.linkedin.com/profile/add"


def linkedin_url(award: Award) -> str:
    """Return the "add to LinkedIn profile" link of an award."""
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": str(award.document.get("name", award.credential)),
        "organizationName": award.issuer.name,
        "issueYear": award.valid_from.year,
        "issueMonth": award.valid_from.month,
    }
    if award.valid_until is not None:
        params["expirationYear"] = award.valid_until.year
        params["expirationMonth"] = award.valid_until.month
    params["certUrl"] = award.credential_iri
    params["certId"] = str(award.public_id)
    return f"{LINKEDIN_ADD}?{urlencode(params)}"


def award_file(award: Award, form: str) -> tuple[bytes, str, str]:
    """Return ``(content, content type, file extension)`` of a download format."""
    name = str(award.document.get("name", "credential"))
    if form == "json":
        text = json.dumps(award.document, ensure_ascii=False, indent=2)
        return text.encode("utf-8"), "application/json", "json"
    if form == "jwt-rs256":
        return award.jwt_rs256.encode("ascii"), "application/jwt", "jwt"
    if form == "jwt-eddsa":
        return award.jwt_eddsa.encode("ascii"), "application/jwt", "jwt"
    if form == "png":
        return bake_png(badge_png(name), award.document), "image/png", "png"
    if form == "svg":
        return (
            bake_svg(badge_svg(name), award.document).encode("utf-8"),
            "image/svg+xml",
            "svg",
        )
    raise Http404


def file_name(award: Award, extension: str, suffix: str = "") -> str:
    """Return a download's file name, e.g. ``credential-1a2b3c4d-rs256.jwt``."""
    return f"credential-{str(award.public_id)[:8]}{suffix}.{extension}"
