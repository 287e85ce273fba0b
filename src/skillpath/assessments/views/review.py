"""Assessor pages: the queue, scoring a submission against its rubric, prior learning."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from skillpath.assessments import access, presentation, requirements, selectors
from skillpath.assessments.exceptions import AssessmentError
from skillpath.assessments.forms import ClaimDecisionForm, RubricScoreForm
from skillpath.assessments.models import (
    PriorLearningClaim,
    SubmissionStatus,
    TaskSubmission,
    text_of,
)
from skillpath.assessments.services import evidence
from skillpath.common.htmx import redirect_after_post
from skillpath.common.types import AuthedRequest


@login_required
def queue(request: AuthedRequest) -> HttpResponse:
    """List the submissions and requests waiting for this assessor."""
    if not access.assessor_organisation_ids(request.user):
        raise Http404
    submissions, claims = selectors.assessor_queue(request.user)
    return render(
        request,
        "assessments/queue.html",
        {
            "submissions": [
                (s, requirements.competency_title(s.competency)) for s in submissions
            ],
            "claims": [
                (c, requirements.competency_title(c.competency)) for c in claims
            ],
        },
    )


@login_required
def submission_review(request: AuthedRequest, pk: int) -> HttpResponse:
    """Show a submission with its rubric, and score it."""
    submission = get_object_or_404(
        TaskSubmission.objects.select_related(
            "learner", "item", "credential", "competency"
        ),
        pk=pk,
    )
    if not access.can_assess(request.user, submission.credential):
        raise PermissionDenied(
            _("Only assessors of the issuing organisation score this work.")
        )
    moderating = submission.status == SubmissionStatus.MODERATION
    form = RubricScoreForm(
        request.POST or None, item=submission.item, moderating=moderating
    )
    if request.method == "POST" and form.is_valid():
        try:
            evidence.submission_score(
                submission=submission,
                assessor=request.user,
                criterion_levels=form.criterion_levels(),
                feedback=form.cleaned_data["feedback"],
                request_moderation=form.cleaned_data.get("request_moderation", False),
            )
        except AssessmentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The score is recorded."))
            return redirect_after_post(request, reverse("assessments:queue"))
    rubric = submission.item.rubric or {}
    return render(
        request,
        "assessments/submission_review.html",
        {
            "submission": submission,
            "shown": presentation.learner_item(submission.item),
            "competency_title": requirements.competency_title(submission.competency),
            "credential_title": requirements.credential_title(submission.credential),
            "form": form,
            "moderating": moderating,
            "scores": list(submission.scores.select_related("assessor")),
            "levels": [(lv["level"], text_of(lv)) for lv in rubric.get("levels", [])],
            "criteria": [
                {
                    "title": text_of(c),
                    "field": form[f"criterion-{c['id']}"]
                    if f"criterion-{c['id']}" in form.fields
                    else None,
                }
                for c in rubric.get("criteria", [])
            ],
            "decided": submission.status == SubmissionStatus.DECIDED,
        },
        status=422 if request.method == "POST" else 200,
    )


@login_required
def claim_review(request: AuthedRequest, pk: int) -> HttpResponse:
    """Show a prior learning request, and decide it."""
    claim = get_object_or_404(
        PriorLearningClaim.objects.select_related(
            "learner", "credential", "competency"
        ),
        pk=pk,
    )
    if not access.can_assess(request.user, claim.credential):
        raise PermissionDenied(
            _("Only assessors of the issuing organisation decide this request.")
        )
    need = next(
        (
            n
            for n in requirements.credential_requirements(claim.credential)
            if n.competency.pk == claim.competency_id
        ),
        None,
    )
    levels = [
        (n, requirements.level_label(claim.competency, n))
        for n in (need.levels if need else ())
    ]
    form = ClaimDecisionForm(request.POST or None, levels=levels)
    if request.method == "POST" and form.is_valid():
        try:
            evidence.claim_decide(
                claim=claim,
                assessor=request.user,
                accept=form.cleaned_data["decision"] == "accept",
                level=form.cleaned_data["level"],
                feedback=form.cleaned_data["feedback"],
            )
        except AssessmentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The decision is recorded."))
            return redirect_after_post(request, reverse("assessments:queue"))
    return render(
        request,
        "assessments/claim_review.html",
        {
            "claim": claim,
            "competency_title": requirements.competency_title(claim.competency),
            "credential_title": requirements.credential_title(claim.credential),
            "required_level": need.required_level if need else None,
            "form": form,
        },
        status=422 if request.method == "POST" else 200,
    )
