"""The employer's "requirements from a job ad" page: paste, review, accept or reject."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillpath.accounts.access import require
from skillpath.common.htmx import redirect_after_post, render_page_or_fragment
from skillpath.common.types import AuthedRequest
from skillpath.frameworks.models import Competency, ProficiencyLevel
from skillpath.frameworks.selectors import competency_profile, scale_levels
from skillpath.jobs import access
from skillpath.jobs.exceptions import JobsError
from skillpath.jobs.forms import AdDecisionForm, AdForm
from skillpath.jobs.models import JobPosting, PostingStatus, RequirementOrigin
from skillpath.jobs.selectors.postings import with_requirements
from skillpath.jobs.services import extraction
from skillpath.jobs.services import postings as services

#: The level a suggestion starts at when the job profile does not name one.
DEFAULT_LEVEL = 2


def _managed(request: AuthedRequest, pk: int) -> JobPosting:
    posting = get_object_or_404(
        with_requirements(JobPosting.objects.select_related("employer")), pk=pk
    )
    require(access.can_manage_posting(request.user, posting))
    return posting


def _rows(
    posting: JobPosting, suggestions: list[extraction.AdSuggestion]
) -> list[tuple[extraction.AdSuggestion, list[ProficiencyLevel], int]]:
    """Pair each suggestion with its scale's levels and the level to start at."""
    profile_levels = {
        need.competency.pk: need.required_level
        for need in competency_profile(posting.profile_version)
    }
    scales: dict[int, list[ProficiencyLevel]] = {}
    rows = []
    for suggestion in suggestions:
        framework = suggestion.competency.framework
        if framework.pk not in scales:
            scales[framework.pk] = scale_levels(framework)
        levels = scales[framework.pk]
        numbers = [level.level for level in levels] or [DEFAULT_LEVEL]
        start = profile_levels.get(suggestion.competency.pk, DEFAULT_LEVEL)
        rows.append((suggestion, levels, min(max(start, numbers[0]), numbers[-1])))
    return rows


@login_required
def posting_from_ad(request: AuthedRequest, pk: int) -> HttpResponse:
    """Paste a job ad and see the competencies it asks for, with their sentences."""
    posting = _managed(request, pk)
    form = AdForm(request.POST or None)
    rows = None
    if request.method == "POST" and form.is_valid():
        try:
            suggestions = extraction.ad_suggestions(
                posting=posting, user=request.user, text=form.cleaned_data["text"]
            )
        except JobsError as error:
            form.add_error("text", error.message)
        else:
            rows = _rows(posting, suggestions)
    context: dict[str, Any] = {
        "posting": posting,
        "form": form,
        "rows": rows,
        "is_draft": posting.status == PostingStatus.DRAFT,
    }
    return render_page_or_fragment(
        request, "jobs/postings/from_ad.html", "jobs/htmx/ad_suggestions.html", context
    )


@login_required
@require_POST
def posting_ad_decision(request: AuthedRequest, pk: int) -> HttpResponse:
    """Accept a suggestion (it becomes a requirement of the draft) or reject it."""
    posting = _managed(request, pk)
    form = AdDecisionForm(request.POST)
    form.fields["competency"].queryset = Competency.objects.filter(  # type: ignore[attr-defined]
        framework_id__in=extraction.framework_ids_for(posting)
    )
    error = ""
    accepted = None
    if not form.is_valid():
        error = " ".join(str(e) for errors in form.errors.values() for e in errors)
    elif form.cleaned_data["decision"] == "accept":
        data = form.cleaned_data
        try:
            accepted = services.requirement_set(
                posting=posting,
                changed_by=request.user,
                competency=data["competency"],
                required_level=data["required_level"],
                essential=data["essential"],
                origin=RequirementOrigin.AD,
                source_sentence=data["sentence"],
            )
        except JobsError as failure:
            error = failure.message
    competency = form.cleaned_data.get("competency")
    if request.htmx:
        return render(
            request,
            "jobs/htmx/ad_decision.html",
            {"competency": competency, "requirement": accepted, "error": error},
        )
    if error:
        messages.error(request, error)
        return redirect_after_post(
            request, reverse("jobs:posting_from_ad", args=[posting.pk])
        )
    if accepted is None:
        messages.info(
            request, _("Suggestion rejected: %(name)s.") % {"name": competency}
        )
        return redirect_after_post(
            request, reverse("jobs:posting_from_ad", args=[posting.pk])
        )
    messages.success(
        request, _("Requirement added from the ad: %(name)s.") % {"name": competency}
    )
    return redirect_after_post(
        request, reverse("jobs:posting_edit", args=[posting.pk]) + "#requirements"
    )
