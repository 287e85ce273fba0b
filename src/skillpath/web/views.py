"""Public home page, dashboards, and the language switch."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from skillpath.accounts import services as account_services
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
