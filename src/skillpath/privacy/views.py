"""The learner's privacy page: download everything held, or delete the account."""

from __future__ import annotations

import time

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from skillpath.accounts.models import LearnerProfile, User
from skillpath.common.htmx import redirect_after_post
from skillpath.common.types import AuthedRequest
from skillpath.privacy.exceptions import PrivacyError
from skillpath.privacy.forms import DeletionForm
from skillpath.privacy.services.deletion import learner_account_delete
from skillpath.privacy.services.export import KINDS, learner_data_export


def _learner(request: AuthedRequest) -> User:
    """Return the signed-in learner; anyone without a learner profile gets 404."""
    user = request.user
    if not LearnerProfile.objects.filter(user=user).exists():
        raise Http404
    return user


def _page(
    request: AuthedRequest, form: DeletionForm, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "privacy/page.html",
        {"form": form, "kinds": KINDS},
        status=status,
    )


@login_required
@require_GET
def page(request: AuthedRequest) -> HttpResponse:
    """Show what is held, the download, and the deletion form."""
    _learner(request)
    return _page(request, DeletionForm())


@login_required
@require_GET
def export(request: AuthedRequest) -> HttpResponse:
    """Send the learner the archive of everything held about them."""
    learner = _learner(request)
    started = time.perf_counter()
    archive = learner_data_export(learner=learner)
    elapsed_ms = (time.perf_counter() - started) * 1000
    name = f"skillpath-my-data-{timezone.localdate():%Y-%m-%d}.zip"
    response = HttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    response["Server-Timing"] = f"export;dur={elapsed_ms:.1f}"
    return response


@login_required
@require_POST
def delete(request: AuthedRequest) -> HttpResponse:
    """Delete the learner's account once confirmed, and sign them out."""
    learner = _learner(request)
    form = DeletionForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=422)
    try:
        learner_account_delete(
            learner=learner, confirmation=form.cleaned_data["confirmation"]
        )
    except PrivacyError as error:
        form.add_error("confirmation", error.message)
        return _page(request, form, status=error.status)
    logout(request)
    messages.success(
        request,
        _("Your account is deleted. Credentials you downloaded still verify."),
    )
    return redirect_after_post(request, reverse("web:home"))
