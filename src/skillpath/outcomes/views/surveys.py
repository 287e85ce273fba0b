"""The learner's pages: consent, baseline, a survey from the dashboard or the link."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillpath.accounts.access import is_learner, require
from skillpath.accounts.models import LearnerProfile
from skillpath.common.htmx import redirect_after_post
from skillpath.outcomes import access, selectors
from skillpath.outcomes.exceptions import InvalidAnswer, OutcomesError
from skillpath.outcomes.forms import JobForm, SurveyForm
from skillpath.outcomes.links import survey_claims
from skillpath.outcomes.models import AnswerVia, FollowUp, FollowUpState
from skillpath.outcomes.services import baseline as baseline_services
from skillpath.outcomes.services import consent as consent_services
from skillpath.outcomes.services import followups as services


def _learner_profile(request: HttpRequest) -> LearnerProfile:
    require(is_learner(request.user))
    profile = LearnerProfile.objects.filter(user_id=request.user.pk or 0).first()
    require(profile is not None)
    assert profile is not None  # noqa: S101 (for the type checker; require raised)
    return profile


def _form_error(form: Any, error: InvalidAnswer) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


@login_required
def baseline(request: HttpRequest) -> HttpResponse:
    """Ask the learner about their job at enrolment (with consent), or offer consent."""
    profile = _learner_profile(request)
    current = selectors.baseline_of(request.user)
    initial: dict[str, Any] = {}
    if current is not None:
        initial = {
            "employed": "yes" if current.employed else "no",
            "noc_code": current.noc_code,
            "wage": current.wage if current.wage is not None else "",
            "wage_unit": current.wage_unit,
            "hours_per_week": current.hours_per_week
            if current.hours_per_week is not None
            else "",
        }
    form = JobForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and profile.follow_up_surveys:
        if form.is_valid():
            try:
                baseline_services.baseline_record(learner=request.user, **form.job())
            except InvalidAnswer as error:
                _form_error(form, error)
            except OutcomesError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Thank you: your starting point is saved."))
                return redirect_after_post(request, reverse("web:dashboard"))
        status = 422
    return render(
        request,
        "outcomes/baseline.html",
        {"profile": profile, "form": form, "baseline": current},
        status=status,
    )


@login_required
@require_POST
def consent(request: HttpRequest) -> HttpResponse:
    """Turn follow-up surveys on or off (the plain text of what it means is shown)."""
    _learner_profile(request)
    granted = request.POST.get("granted") == "1"
    consent_services.follow_up_consent_set(learner=request.user, granted=granted)
    messages.success(
        request,
        _("Follow-up surveys are on. Thank you!")
        if granted
        else _(
            "Follow-up surveys are off: nothing more will be sent, and your answers "
            "are no longer shown to anyone."
        ),
    )
    target = request.POST.get("next", "")
    allowed = {reverse("outcomes:baseline"), reverse("web:dashboard")}
    return redirect_after_post(
        request, target if target in allowed else reverse("web:dashboard")
    )


def _survey_page(
    request: HttpRequest,
    follow_up: FollowUp,
    *,
    via: str,
    action: str,
    decline_action: str,
) -> HttpResponse:
    """Show the survey, or take its answer (one page for the link and the dashboard)."""
    if follow_up.state != FollowUpState.SENT:
        return render(
            request,
            "outcomes/survey_closed.html",
            {"message": services.closed_message(follow_up)},
            status=409 if request.method == "POST" else 200,
        )
    form = SurveyForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.follow_up_answer(follow_up=follow_up, via=via, **form.answer())
            except InvalidAnswer as error:
                _form_error(form, error)
            except OutcomesError as error:
                return render(
                    request,
                    "outcomes/survey_closed.html",
                    {"message": error.message},
                    status=error.status,
                )
            else:
                return render(request, "outcomes/survey_thanks.html", {"via": via})
        status = 422
    return render(
        request,
        "outcomes/survey.html",
        {
            "follow_up": follow_up,
            "form": form,
            "action": action,
            "decline_action": decline_action,
            "previous_employer": services.previous_employer(follow_up),
            "via": via,
        },
        status=status,
    )


def _own_survey(request: HttpRequest, public_id: UUID) -> FollowUp:
    follow_up = get_object_or_404(
        FollowUp.objects.select_related("award__credential", "learner"),
        public_id=public_id,
    )
    if not access.can_answer(request.user, follow_up):
        raise Http404
    return follow_up


@login_required
def survey(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """A survey answered from the dashboard, signed in."""
    follow_up = _own_survey(request, public_id)
    return _survey_page(
        request,
        follow_up,
        via=AnswerVia.DASHBOARD,
        action=reverse("outcomes:survey", args=[public_id]),
        decline_action=reverse("outcomes:survey_decline", args=[public_id]),
    )


@login_required
@require_POST
def survey_decline(request: HttpRequest, public_id: UUID) -> HttpResponse:
    follow_up = _own_survey(request, public_id)
    try:
        services.follow_up_decline(follow_up=follow_up, via=AnswerVia.DASHBOARD)
    except OutcomesError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Declined: this survey will not be sent again."))
    return redirect_after_post(request, reverse("web:dashboard"))


def _linked_survey(token: str) -> FollowUp | None:
    """Return the survey a link opens, or None if it opens nothing (any reason)."""
    claims = survey_claims(token)
    if claims is None:
        return None
    follow_up = (
        FollowUp.objects.select_related("award__credential", "learner")
        .filter(public_id=claims["f"], learner_id=claims["l"])
        .first()
    )
    if follow_up is None:
        return None
    if follow_up.expires_on is not None and follow_up.expires_on < timezone.localdate():
        return None
    return follow_up


def _link_refused(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "outcomes/survey_closed.html",
        {
            "message": _(
                "This link does not open a survey: it has expired, or it was "
                "changed. Sign in to see the surveys waiting for you."
            ),
            "sign_in": True,
        },
        status=404,
    )


def survey_link(request: HttpRequest, token: str) -> HttpResponse:
    """A survey opened from the e-mailed link, without signing in."""
    follow_up = _linked_survey(token)
    if follow_up is None:
        return _link_refused(request)
    return _survey_page(
        request,
        follow_up,
        via=AnswerVia.LINK,
        action=reverse("outcomes:survey_link", args=[token]),
        decline_action=reverse("outcomes:survey_link_decline", args=[token]),
    )


@require_POST
def survey_link_decline(request: HttpRequest, token: str) -> HttpResponse:
    follow_up = _linked_survey(token)
    if follow_up is None:
        return _link_refused(request)
    try:
        services.follow_up_decline(follow_up=follow_up, via=AnswerVia.LINK)
    except OutcomesError as error:
        return render(
            request,
            "outcomes/survey_closed.html",
            {"message": error.message},
            status=error.status,
        )
    return render(
        request,
        "outcomes/survey_closed.html",
        {"message": _("Declined: this survey will not be sent again. Thank you.")},
    )
