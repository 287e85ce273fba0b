"""The learner's wallet, downloads, certificate and share switch; revoking.

Views are thin: fetch through ``access`` (which 404s on another person's
award), call one service, render or redirect.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from skillpath.common.htmx import redirect_after_post
from skillpath.common.types import AuthedRequest
from skillpath.credentials import access
from skillpath.credentials.documents.downloads import (
    DOWNLOAD_FORMATS,
    award_file,
    file_name,
    linkedin_url,
)
from skillpath.credentials.exceptions import IssuingError
from skillpath.credentials.forms import RevokeForm, ShareForm
from skillpath.credentials.services.awards import award_revoke, award_share_set
from skillpath.credentials.site import absolute


@login_required
@require_GET
def wallet(request: AuthedRequest) -> HttpResponse:
    """List every credential the learner holds, with what they can do with it."""
    awards = list(access.awards_of(request.user))
    for award in awards:
        award.linkedin_url = linkedin_url(award)  # type: ignore[attr-defined]
    return render(request, "credentials/wallet.html", {"awards": awards})


@login_required
@require_GET
def award_download(request: AuthedRequest, public_id: Any, form: str) -> HttpResponse:
    """Download the learner's own credential as JSON, JWT, or a baked image."""
    award = access.own_award(request.user, public_id)
    if form not in DOWNLOAD_FORMATS:
        raise Http404
    content, content_type, extension = award_file(award, form)
    suffix = "-" + form.split("-")[1] if form.startswith("jwt-") else ""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{file_name(award, extension, suffix)}"'
    )
    return response


@login_required
@require_GET
def award_certificate(request: AuthedRequest, public_id: Any) -> HttpResponse:
    """Show a printable certificate of the learner's own credential."""
    award = access.own_award(request.user, public_id)
    return render(
        request,
        "credentials/certificate.html",
        {"award": award, "verify_url": absolute(reverse("credentials:verify"))},
    )


@login_required
@require_POST
def award_share(request: AuthedRequest, public_id: Any) -> HttpResponse:
    """Turn the public page of the learner's own credential on or off."""
    award = access.own_award(request.user, public_id)
    form = ShareForm(request.POST)
    shared = form.is_valid() and form.cleaned_data["shared"]
    award_share_set(award=award, shared=shared, actor=request.user)
    messages.success(
        request,
        _("Anyone with the link can now see this credential.")
        if shared
        else _("The public page of this credential is now hidden."),
    )
    return redirect_after_post(request, reverse("credentials:wallet"))


@login_required
def award_revoke_view(request: AuthedRequest, public_id: Any) -> HttpResponse:
    """Let a coordinator of the issuing organisation revoke an award, with a reason."""
    award = access.issued_award(request.user, public_id)
    if not access.can_revoke(request.user, award):
        raise PermissionDenied
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            award_revoke(
                award=award, reason=form.cleaned_data["reason"], actor=request.user
            )
        except IssuingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("The credential is revoked; the learner is told why.")
            )
            return redirect_after_post(request, reverse("credentials:awards_issued"))
    return render(
        request, "credentials/award_revoke.html", {"award": award, "form": form}
    )


@login_required
@require_GET
def awards_issued(request: AuthedRequest) -> HttpResponse:
    """List the awards of the organisations the coordinator works for."""
    awards = access.awards_issued_visible_to(request.user)[:500]
    return render(request, "credentials/awards_issued.html", {"awards": awards})
