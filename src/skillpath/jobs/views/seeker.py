"""Job search and postings for everyone; match, gap, saving and applying for seekers."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillpath.accounts.access import require
from skillpath.common.htmx import redirect_after_post, render_page_or_fragment
from skillpath.credentials.models import CredentialState, MicroCredential
from skillpath.jobs import access
from skillpath.jobs.exceptions import JobsError
from skillpath.jobs.forms import ApplyForm, PostingSearchForm
from skillpath.jobs.gaps import gap_plan
from skillpath.jobs.models import Application, JobPosting, MatchAlert
from skillpath.jobs.selectors import postings as selectors
from skillpath.jobs.selectors.matching import posting_match, seeker_evidence
from skillpath.jobs.services import alerts as alert_services
from skillpath.jobs.services import applications as services


def _seeker(request: HttpRequest) -> Any:
    user = request.user
    return user if access.is_seeker(user) else None


def postings(request: HttpRequest) -> HttpResponse:
    """Search open postings; a seeker sees their band and essentials met on each."""
    form = PostingSearchForm(request.GET or None)
    filters = selectors.PostingFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = selectors.PostingFilters(
            q=data["q"] or "",
            noc=data["noc"] or "",
            region=data["region"] or "",
            remote=bool(data["remote"]),
            wage=data["wage"],
            matching=bool(data["matching"]),
        )
    seeker = _seeker(request)
    results = selectors.posting_search(filters, seeker=seeker)
    return render_page_or_fragment(
        request,
        "jobs/public/list.html",
        "jobs/htmx/posting_results.html",
        {"form": form, "results": results, "seeker": seeker},
    )


def _credential_for(posting: JobPosting) -> MicroCredential | None:
    return (
        MicroCredential.objects.filter(
            profile_version__profile=posting.profile_version.profile,
            state=CredentialState.PUBLISHED,
        )
        .order_by("-profile_version__number")
        .first()
    )


def posting(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a posting; a seeker also sees each requirement against their evidence."""
    found = get_object_or_404(
        selectors.with_requirements(JobPosting.objects.all()), pk=pk
    )
    if not access.can_see_posting(request.user, found):
        raise Http404
    seeker = _seeker(request)
    context: dict[str, Any] = {
        "posting": found,
        "seeker": seeker,
        "credential": _credential_for(found),
    }
    if seeker is not None:
        evidence = seeker_evidence(seeker)
        result = posting_match(posting=found, evidence=evidence)
        plan = gap_plan(result=result)
        names = {str(r.competency_id): r.competency for r in found.requirements.all()}
        context.update(
            match=result,
            summary=selectors.match_summary(result),
            parts=[(part, names.get(part.competency)) for part in result.parts],
            gap=plan,
            application=Application.objects.filter(
                seeker=seeker, posting=found
            ).first(),
            saved=found.saves.filter(seeker=seeker).exists(),
            apply_form=ApplyForm(seeker=seeker),
        )
    return render(request, "jobs/public/detail.html", context)


@login_required
@require_POST
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    """Apply to a posting with a short message and credentials attached."""
    found = get_object_or_404(JobPosting, pk=pk)
    seeker = _seeker(request)
    require(seeker is not None)
    form = ApplyForm(request.POST, seeker=seeker)
    if not form.is_valid():
        messages.error(
            request, " ".join(str(e) for errors in form.errors.values() for e in errors)
        )
    else:
        try:
            services.application_create(
                seeker=seeker,
                posting=found,
                message=form.cleaned_data["message"],
                awards=form.cleaned_data["awards"],
            )
        except JobsError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Your application is sent to %(org)s.")
                % {"org": found.employer.name},
            )
    return redirect_after_post(request, reverse("jobs:posting", args=[found.pk]))


@login_required
@require_POST
def save(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep or forget a posting on the seeker's list."""
    found = get_object_or_404(JobPosting, pk=pk)
    seeker = _seeker(request)
    require(seeker is not None and access.can_see_posting(request.user, found))
    kept = services.posting_save(
        seeker=seeker, posting=found, saved=request.POST.get("saved") == "1"
    )
    messages.success(
        request, _("Saved to your list.") if kept else _("Removed from your list.")
    )
    return redirect_after_post(
        request, request.POST.get("next") or reverse("jobs:posting", args=[found.pk])
    )


@login_required
def applications(request: HttpRequest) -> HttpResponse:
    """The seeker's applications, saved postings, invitations and strong matches."""
    seeker = _seeker(request)
    require(seeker is not None)
    return render(
        request,
        "jobs/public/applications.html",
        {
            "applications": selectors.seeker_applications(seeker),
            "saved": selectors.saved_postings(seeker),
            "invitations": selectors.seeker_invitations(seeker),
            "alerts": selectors.seeker_alerts(seeker),
        },
    )


@login_required
def application(request: HttpRequest, pk: int) -> HttpResponse:
    """One application: the seeker's own, or the employer's view of it."""
    found = get_object_or_404(
        Application.objects.select_related("posting", "posting__employer", "seeker"),
        pk=pk,
    )
    if not access.can_see_application(request.user, found):
        raise Http404
    if found.seeker_id != request.user.pk:
        try:
            employer_page = reverse("jobs:employer_application", args=[found.pk])
        except NoReverseMatch:
            raise Http404 from None
        return redirect_after_post(request, employer_page)
    return render(
        request,
        "jobs/public/application.html",
        {"application": found, "events": found.events.all()},
    )


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Application, pk=pk)
    if found.seeker_id != request.user.pk:
        raise Http404
    try:
        services.application_withdraw(application=found, seeker=request.user)
    except JobsError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your application is withdrawn."))
    return redirect_after_post(request, reverse("jobs:applications"))


@login_required
@require_POST
def alert_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    alert = get_object_or_404(MatchAlert, pk=pk, seeker=request.user)
    alert_services.alert_dismiss(alert=alert, seeker=request.user)
    return redirect_after_post(
        request, request.POST.get("next") or reverse("web:dashboard")
    )
