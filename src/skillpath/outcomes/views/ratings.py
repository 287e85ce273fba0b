"""Employers rate their hires; the hire grants or withdraws consent."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillpath.accounts.access import require
from skillpath.common.htmx import redirect_after_post
from skillpath.frameworks.access import employer_org_ids
from skillpath.jobs.models import Application
from skillpath.outcomes import access, selectors
from skillpath.outcomes.exceptions import InvalidAnswer, OutcomesError
from skillpath.outcomes.forms import RatingForm
from skillpath.outcomes.models import FollowUpState
from skillpath.outcomes.services import consent as consent_services
from skillpath.outcomes.services import ratings as services


@login_required
def ratings(request: HttpRequest) -> HttpResponse:
    """The rating requests of the employer's hires (only hires who consent)."""
    require(bool(employer_org_ids(request.user)))
    requests = list(selectors.rating_requests_for(request.user))
    return render(
        request,
        "outcomes/ratings.html",
        {
            "open": [r for r in requests if r.state == FollowUpState.SENT],
            "answered": [r for r in requests if r.state == FollowUpState.ANSWERED],
        },
    )


@login_required
def rating(request: HttpRequest, pk: int) -> HttpResponse:
    """Rate one hire: each competency of their credential, and overall."""
    found = get_object_or_404(
        selectors.rating_requests_for(request.user), pk=pk
    )  # another employer's hire, or one who does not consent: not found
    competencies = services.hire_competencies(found.application)
    if found.state != FollowUpState.SENT:
        return render(request, "outcomes/rating_done.html", {"rating": found})
    form = RatingForm(request.POST or None, competencies=competencies)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.hire_rating_record(
                    rating=found,
                    rated_by=request.user,
                    overall_satisfaction=form.cleaned_data["overall_satisfaction"],
                    competencies=form.scores(),
                )
            except InvalidAnswer as error:
                form.add_error(
                    error.field if error.field in form.fields else None, error.message
                )
            except OutcomesError as error:
                messages.error(request, error.message)
                return redirect_after_post(request, reverse("outcomes:ratings"))
            else:
                messages.success(request, _("Thank you: your rating is saved."))
                return redirect_after_post(request, reverse("outcomes:ratings"))
        status = 422
    return render(
        request,
        "outcomes/rating.html",
        {"rating": found, "form": form},
        status=status,
    )


@login_required
@require_POST
def rating_consent(request: HttpRequest, pk: int) -> HttpResponse:
    """The hire lets the employer rate them, or stops it."""
    application = get_object_or_404(Application, pk=pk)
    if not access.is_hire_of(request.user, application):
        raise Http404
    granted = request.POST.get("granted") == "1"
    try:
        consent_services.rating_consent_set(
            application=application, seeker=request.user, granted=granted
        )
    except OutcomesError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(org)s may rate your work at 3 and 6 months.")
            % {"org": application.posting.employer.name}
            if granted
            else _("%(org)s will not rate you, and no longer sees ratings it gave.")
            % {"org": application.posting.employer.name},
        )
    target = request.POST.get("next", "")
    allowed = {reverse("web:dashboard"), application.get_absolute_url()}
    return redirect_after_post(
        request, target if target in allowed else reverse("web:dashboard")
    )
