"""The employer's side: candidate search, a candidate's page, invitations, the pipeline."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillpath.accounts.access import require
from skillpath.accounts.models import LearnerProfile
from skillpath.common.htmx import redirect_after_post, render_page_or_fragment
from skillpath.jobs import access
from skillpath.jobs.exceptions import JobsError
from skillpath.jobs.forms import CandidatePostingForm, MoveForm, competency_rows
from skillpath.jobs.models import Application, ApplicationStatus, JobPosting
from skillpath.jobs.selectors import candidates as selectors
from skillpath.jobs.selectors import pipeline
from skillpath.jobs.services import applications as services

#: Competency rows the search form shows at least.
BLANK_ROWS = 3


def _page(request: HttpRequest) -> int:
    raw = request.GET.get("page", "1")
    return int(raw) if raw.isdigit() and int(raw) > 0 else 1


def _back(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@login_required
def candidates(request: HttpRequest) -> HttpResponse:
    """Search consenting seekers by one of our postings, or by competency and level."""
    require(access.can_search_candidates(request.user))
    own = access.postings_managed_by(request.user).order_by("status", "-updated_at")
    by_posting = "posting" in request.GET
    posting_form = CandidatePostingForm(
        request.GET if by_posting else None, postings=own
    )
    choices = selectors.search_competencies()
    typed, rows, row_errors = competency_rows(
        request.GET.getlist("competency"),
        request.GET.getlist("level"),
        competencies=choices.by_id,
        top_levels=choices.top_levels,
    )
    errors = [message for _field, message in row_errors]
    posting: JobPosting | None = None
    results = selectors.EMPTY
    if by_posting:
        if posting_form.is_valid():
            posting = posting_form.cleaned_data["posting"]
            results = selectors.candidate_search(
                user=request.user, posting=posting, page=_page(request)
            )
        else:
            errors = [
                str(e)
                for field_errors in posting_form.errors.values()
                for e in field_errors
            ]
    elif rows and not errors:
        results = selectors.candidate_search(
            user=request.user, rows=rows, page=_page(request)
        )
    elif "competency" in request.GET and not errors:
        errors = [_("Choose at least one competency and its least level.")]
    blanks = max(BLANK_ROWS - len(typed), 1)
    shown_rows = [
        (n + 1, c, lv) for n, (c, lv) in enumerate(typed + [(None, "")] * blanks)
    ]
    query = [(k, v) for k, values in request.GET.lists() if k != "page" for v in values]
    return render_page_or_fragment(
        request,
        "jobs/employer/candidates.html",
        "jobs/htmx/candidate_results.html",
        {
            "posting_form": posting_form,
            "groups": choices.groups,
            "rows": shown_rows,
            "errors": errors,
            "results": results,
            "posting": posting,
            "by_posting": by_posting,
            "query": urlencode(query),
            "here": request.get_full_path(),
        },
    )


def _candidate_profile(request: HttpRequest, pk: int) -> LearnerProfile:
    profile = get_object_or_404(
        LearnerProfile.objects.select_related("user"), user_id=pk
    )
    if not access.can_see_candidate(request.user, profile.user):
        raise Http404
    return profile


@login_required
def candidate(request: HttpRequest, pk: int) -> HttpResponse:
    """A consenting seeker: credentials verified, match to each open posting, invite."""
    require(access.can_search_candidates(request.user))
    profile = _candidate_profile(request, pk)
    detail = selectors.candidate_detail(user=request.user, profile=profile)
    return render(request, "jobs/employer/candidate.html", {"detail": detail})


@login_required
@require_POST
def candidate_invite(request: HttpRequest, pk: int) -> HttpResponse:
    """Invite a consenting seeker to apply to one of our open postings (once)."""
    require(access.can_search_candidates(request.user))
    profile = _candidate_profile(request, pk)
    raw = request.POST.get("posting", "")
    posting = get_object_or_404(
        access.postings_managed_by(request.user), pk=int(raw) if raw.isdigit() else 0
    )
    try:
        services.invitation_create(
            posting=posting, seeker=profile.user, invited_by=request.user
        )
    except JobsError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(name)s is invited to apply to “%(title)s”.")
            % {"name": profile.user.full_name, "title": posting.title},
        )
    return redirect_after_post(
        request, _back(request, reverse("jobs:candidate", args=[pk]))
    )


@login_required
def employer_applications(request: HttpRequest) -> HttpResponse:
    """Every application to our postings, by posting and stage, with counts."""
    require(access.can_search_candidates(request.user))
    own = list(access.postings_managed_by(request.user).order_by("title", "id"))
    raw_posting = request.GET.get("posting", "")
    posting_id = int(raw_posting) if raw_posting.isdigit() else None
    if posting_id is not None and posting_id not in {p.pk for p in own}:
        posting_id = None
    status = request.GET.get("status", "")
    if status not in ApplicationStatus.values:
        status = ""
    applications = pipeline.employer_applications(
        request.user, posting_id=posting_id, status=status
    )
    return render_page_or_fragment(
        request,
        "jobs/employer/applications.html",
        "jobs/htmx/employer_application_rows.html",
        {
            "postings": own,
            "posting_id": posting_id,
            "status": status,
            "statuses": ApplicationStatus.choices,
            "stages": pipeline.stage_counts(request.user, posting_id=posting_id),
            "applications": applications[:200],
            "total": applications.count(),
        },
    )


def _managed_application(request: HttpRequest, pk: int) -> Application:
    found = get_object_or_404(
        Application.objects.select_related(
            "posting", "posting__employer", "seeker", "seeker__learner_profile"
        ),
        pk=pk,
    )
    if not access.can_manage_posting(request.user, found.posting):
        raise Http404
    return found


@login_required
def employer_application(request: HttpRequest, pk: int) -> HttpResponse:
    """One application to our posting: message, credentials verified, match, history,
    and the form that moves it along the pipeline."""
    found = _managed_application(request, pk)
    moves = services.allowed_moves(found)
    form = MoveForm(moves=moves, initial={"from_status": found.status})
    return render(
        request,
        "jobs/employer/application.html",
        {
            "detail": pipeline.application_detail(found),
            "application": found,
            "form": form,
            "moves": moves,
        },
    )


@login_required
@require_POST
def employer_application_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move an application; a double submit of the same move makes one event."""
    found = _managed_application(request, pk)
    form = MoveForm(request.POST, moves=services.allowed_moves(found))
    page = reverse("jobs:employer_application", args=[found.pk])
    to_status = request.POST.get("to_status", "")
    if (
        request.POST.get("from_status")
        and request.POST.get("from_status") != found.status
        and to_status == found.status
    ):
        # The same form sent twice: the first one moved it already.
        messages.success(
            request,
            _("Moved to “%(status)s”.") % {"status": found.get_status_display()},
        )
        return redirect_after_post(request, page)
    if not form.is_valid():
        if "to_status" in form.errors:
            messages.error(
                request,
                _("An application that is “%(now)s” cannot move to “%(to)s”.")
                % {
                    "now": found.get_status_display(),
                    "to": ApplicationStatus(to_status).label
                    if to_status in ApplicationStatus.values
                    else to_status or "—",
                },
            )
        for name, field_errors in form.errors.items():
            if name == "to_status":
                continue
            label = form.fields[name].label if name in form.fields else name
            messages.error(
                request, f"{label}: {' '.join(str(e) for e in field_errors)}"
            )
        return redirect_after_post(request, page)
    try:
        moved = services.application_move(
            application=found,
            moved_by=request.user,
            to_status=form.cleaned_data["to_status"],
            note=form.cleaned_data["note"],
            on_date=form.cleaned_data["on_date"],
        )
    except JobsError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Moved to “%(status)s”.") % {"status": moved.get_status_display()},
        )
    return redirect_after_post(request, page)
