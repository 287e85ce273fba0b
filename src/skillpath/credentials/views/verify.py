"""The public verification page: paste or upload a credential, see every check."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from skillpath.common.htmx import render_page_or_fragment
from skillpath.credentials.documents.throttle import anonymous_verification_check
from skillpath.credentials.documents.verification import credential_verify
from skillpath.credentials.exceptions import TooManyVerifications
from skillpath.credentials.forms import VerifyForm


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Verify a credential for anyone; nothing is stored.

    A POST only reads, so it answers with the verdict rather than a redirect.
    """
    form = VerifyForm(request.POST or None, request.FILES or None)
    verdict = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                anonymous_verification_check(request)
            except TooManyVerifications as exc:
                form.add_error(None, exc.message)
                status = exc.status
            else:
                verdict = credential_verify(form.cleaned_data["payload"])
        else:
            status = 422
    return render_page_or_fragment(
        request,
        "credentials/verify.html",
        "credentials/htmx/verdict.html",
        {"form": form, "verdict": verdict},
        status=status,
    )
