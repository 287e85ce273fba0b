"""Public home page, dashboards, and the language switch."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from skillpath.accounts import services as account_services
from skillpath.common.htmx import render_page_or_fragment
from skillpath.common.imports import import_progress
from skillpath.common.models import ImportJob
from skillpath.web.selectors import dashboard_for


def home(request: HttpRequest) -> HttpResponse:
    """Show what skillpath is, and the way in for each kind of person."""
    return render(request, "web/home.html")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Show each role's work, and a learner's next step."""
    return render(request, "web/dashboard.html", {"board": dashboard_for(request.user)})


@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """Switch the interface language, and remember it for a signed-in person."""
    response = set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in ("en", "fr"):
        account_services.user_language_set(user=request.user, language=language)
    return response


@login_required
def import_job(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Show an import's progress (htmx asks for it every second), then its result."""
    job = ImportJob.objects.filter(public_id=public_id).first()
    if job is None or not (
        request.user.is_superuser or job.created_by_id == request.user.pk
    ):
        raise Http404
    done, total = import_progress(job)
    return render_page_or_fragment(
        request,
        "web/import_job.html",
        "web/htmx/import_job.html",
        {
            "job": job,
            "done": done,
            "total": total,
            "again_url": job.options.get("again_url", ""),
        },
    )
