"""Learner pages: a credential's assessment, the sitting, results, tasks, prior learning."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from skillpath.accounts import access as accounts_access
from skillpath.accounts.models import User
from skillpath.assessments import access, charts, presentation, requirements, selectors
from skillpath.assessments.exceptions import (
    AnswerAlreadyRecorded,
    AnswerInvalid,
    AssessmentClosed,
    AssessmentError,
)
from skillpath.assessments.forms import ClaimForm, SubmissionForm
from skillpath.assessments.models import (
    Item,
    ItemKind,
    ItemStatus,
    PriorLearningClaim,
    Sitting,
    SittingStatus,
    TaskSubmission,
)
from skillpath.assessments.services import delivery, evidence
from skillpath.common.htmx import redirect_after_post, render_page_or_fragment
from skillpath.common.types import AuthedRequest


def _credential(credential_id: int) -> Any:
    credential = requirements.credential_get(credential_id)
    if credential is None:
        raise Http404
    return credential


@login_required
def mine(request: AuthedRequest) -> HttpResponse:
    """List the learner's assessments, and the credentials they can be assessed for."""
    sittings = list(selectors.sittings_of(request.user)[:50])
    return render(
        request,
        "assessments/mine.html",
        {
            "sittings": sittings,
            "credentials": requirements.assessable_credentials(),
            "is_learner": accounts_access.is_learner(request.user),
        },
    )


@login_required
def credential_overview(request: AuthedRequest, credential_id: int) -> HttpResponse:
    """Show what a credential assesses, where the learner stands, and how to go on."""
    credential = _credential(credential_id)
    learner = request.user
    results = selectors.credential_results(learner=learner, credential=credential)
    return render(
        request,
        "assessments/credential.html",
        {
            "credential": credential,
            "credential_title": requirements.credential_title(credential),
            "results": results,
            "open_sitting": selectors.open_sitting(
                learner=learner, credential=credential
            ),
            "has_results": selectors.finished_sittings(
                learner=learner, credential=credential
            ).exists()
            or any(r.findings or r.waiting for r in results),
            "tasks": selectors.tasks_for(credential=credential),
            "is_learner": access.can_start(learner),
            "can_set_policy": access.can_set_policy(learner, credential),
            "rules": requirements.retake_rules(credential),
            "settings": requirements.assessment_settings(credential),
        },
    )


@login_required
@require_POST
def start(request: AuthedRequest, credential_id: int) -> HttpResponse:
    """Start (or resume) the adaptive test of the competencies still open."""
    credential = _credential(credential_id)
    try:
        sitting = delivery.assessment_start(learner=request.user, credential=credential)
    except AssessmentError as error:
        messages.error(request, str(error))
        return redirect_after_post(
            request, reverse("assessments:credential", args=[credential.pk])
        )
    return redirect_after_post(request, sitting.get_absolute_url())


def _sitting_for(request: AuthedRequest, pk: int) -> Sitting:
    sitting = get_object_or_404(
        Sitting.objects.select_related("learner", "credential", "current_item"), pk=pk
    )
    if not access.can_view_sitting(request.user, sitting):
        raise Http404  # the same answer as a missing sitting: reveal nothing
    return sitting


def _results_url(sitting: Sitting) -> str:
    return reverse("assessments:results", args=[sitting.credential_id])


def _item_context(sitting: Sitting, error: str = "") -> dict[str, Any]:
    item = sitting.current_item
    return {
        "sitting": sitting,
        "credential_title": requirements.credential_title(sitting.credential),
        "item": presentation.learner_item(item, sitting=sitting) if item else None,
        "progress": presentation.progress(sitting),
        "error": error,
        "answered": selectors_answered(sitting),
    }


def selectors_answered(sitting: Sitting) -> int:
    return sitting.next_sequence - 1


@login_required
def sitting_page(request: AuthedRequest, pk: int) -> HttpResponse:
    """Show the current question (the whole page, or the htmx fragment)."""
    sitting = _sitting_for(request, pk)
    if sitting.learner_id != request.user.pk:
        return redirect(
            "assessments:learner_results", sitting.credential_id, sitting.learner_id
        )
    delivery.sitting_expire_if_due(sitting=sitting)
    if not sitting.is_open:
        if request.htmx:
            return HttpResponseClientRedirect(_results_url(sitting))
        return redirect(_results_url(sitting))
    return render_page_or_fragment(
        request,
        "assessments/sitting.html",
        "assessments/htmx/item.html",
        _item_context(sitting),
    )


@login_required
@require_POST
def answer(request: AuthedRequest, pk: int) -> HttpResponse:
    """Record the answer to the current question, then show the next one."""
    sitting = _sitting_for(request, pk)
    if not access.can_answer(request.user, sitting):
        raise PermissionDenied
    try:
        sequence = int(request.POST.get("sequence", "0"))
    except ValueError:
        sequence = 0
    try:
        delivery.response_record(
            sitting=sitting,
            learner=request.user,
            sequence=sequence,
            answer_data=request.POST,
        )
    except AnswerInvalid as error:
        return render_page_or_fragment(
            request,
            "assessments/sitting.html",
            "assessments/htmx/item.html",
            _item_context(sitting, str(error)),
            status=200 if request.htmx else 422,
        )
    except AnswerAlreadyRecorded as error:
        messages.info(request, str(error))
    except AssessmentClosed as error:
        messages.info(request, str(error))
    sitting.refresh_from_db()
    if not sitting.is_open:
        return redirect_after_post(request, _results_url(sitting))
    return redirect_after_post(
        request, sitting.get_absolute_url(), target="#assessment", swap="outerHTML"
    )


def _results(request: AuthedRequest, credential: Any, learner: User) -> HttpResponse:
    results = selectors.credential_results(learner=learner, credential=credential)
    top = max((max(r.requirement.levels or (0,)) for r in results), default=1)
    rows = [
        charts.ChartRow(
            r.title, r.standing.required_level, r.standing.demonstrated_level
        )
        for r in results
    ]
    sittings = list(
        selectors.finished_sittings(learner=learner, credential=credential).order_by(
            "-started_at"
        )[:10]
    )
    return render(
        request,
        "assessments/results.html",
        {
            "credential": credential,
            "credential_title": requirements.credential_title(credential),
            "learner": learner,
            "own": learner.pk == request.user.pk,
            "results": results,
            "chart": charts.gap_chart(rows, max_level=top),
            "all_demonstrated": bool(results)
            and all(r.standing.status == "demonstrated" for r in results),
            "gaps": [r for r in results if r.standing.status != "demonstrated"],
            "sittings": sittings,
            "open_sitting": selectors.open_sitting(
                learner=learner, credential=credential
            ),
        },
    )


@login_required
def results(request: AuthedRequest, credential_id: int) -> HttpResponse:
    """Show the signed-in learner's results and gap for a credential."""
    return _results(request, _credential(credential_id), request.user)


@login_required
def learner_results(
    request: AuthedRequest, credential_id: int, learner_id: int
) -> HttpResponse:
    """Show a learner's results to staff who support them or assess the credential."""
    credential = _credential(credential_id)
    learner = get_object_or_404(User, pk=learner_id)
    if not (
        access.can_view_learner_work(request.user, learner)
        or access.can_assess(request.user, credential)
    ):
        raise Http404
    return _results(request, credential, learner)


@login_required
def task_submit(
    request: AuthedRequest, credential_id: int, item_id: int
) -> HttpResponse:
    """Hand in a performance task or evidence for a competency."""
    credential = _credential(credential_id)
    item = get_object_or_404(
        Item,
        pk=item_id,
        kind__in=(ItemKind.PERFORMANCE_TASK, ItemKind.EVIDENCE_REQUEST),
        status=ItemStatus.OPERATIONAL,
    )
    form = SubmissionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            evidence.submission_create(
                learner=request.user,
                credential=credential,
                item=item,
                text=form.cleaned_data["text"],
                link=form.cleaned_data["link"],
                upload=form.cleaned_data["file"],
            )
        except AssessmentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Your work is handed in. An assessor will score it.")
            )
            return redirect_after_post(
                request, reverse("assessments:results", args=[credential.pk])
            )
    previous = TaskSubmission.objects.filter(
        learner=request.user, item=item
    ).prefetch_related("scores")
    return render(
        request,
        "assessments/task_submit.html",
        {
            "credential": credential,
            "credential_title": requirements.credential_title(credential),
            "item": item,
            "shown": presentation.learner_item(item),
            "competency_title": requirements.competency_title(item.competency),
            "form": form,
            "previous": previous,
        },
        status=422 if request.method == "POST" else 200,
    )


@login_required
def claim_create(
    request: AuthedRequest, credential_id: int, competency_id: int
) -> HttpResponse:
    """Ask for recognition of prior learning for one competency."""
    credential = _credential(credential_id)
    need = next(
        (
            n
            for n in requirements.credential_requirements(credential)
            if n.competency.pk == competency_id
        ),
        None,
    )
    if need is None:
        raise Http404
    form = ClaimForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            evidence.claim_create(
                learner=request.user,
                credential=credential,
                competency=need.competency,
                description=form.cleaned_data["description"],
                link=form.cleaned_data["link"],
                upload=form.cleaned_data["file"],
            )
        except AssessmentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Your request is sent. An assessor will decide on it.")
            )
            return redirect_after_post(
                request, reverse("assessments:results", args=[credential.pk])
            )
    return render(
        request,
        "assessments/claim_form.html",
        {
            "credential": credential,
            "credential_title": requirements.credential_title(credential),
            "competency_title": requirements.competency_title(need.competency),
            "need": need,
            "form": form,
        },
        status=422 if request.method == "POST" else 200,
    )


@login_required
def evidence_file(request: AuthedRequest, kind: str, pk: int) -> FileResponse:
    """Send an evidence file to the learner who gave it or an assessor who may see it."""
    row: TaskSubmission | PriorLearningClaim
    if kind == "submission":
        row = get_object_or_404(
            TaskSubmission.objects.select_related("learner", "credential"), pk=pk
        )
    elif kind == "claim":
        row = get_object_or_404(
            PriorLearningClaim.objects.select_related("learner", "credential"), pk=pk
        )
    else:
        raise Http404
    if not row.file or not access.can_view_evidence(
        request.user, row.learner, row.credential
    ):
        raise Http404
    response = FileResponse(
        row.file.open("rb"),
        as_attachment=True,
        filename=row.file_name or "evidence",
        content_type=row.file_type.split(";")[0] or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
def item_image(request: AuthedRequest, pk: int) -> FileResponse:
    """Send an item's image to signed-in people (items are not secret; keys are)."""
    item = get_object_or_404(Item, pk=pk)
    if not item.image:
        raise Http404
    if item.status in (ItemStatus.DRAFT, ItemStatus.RETIRED) and not access.can_author(
        request.user, item.competency
    ):
        raise Http404
    content_type = (
        "image/png" if str(item.image.name).endswith(".png") else "image/jpeg"
    )
    response = FileResponse(item.image.open("rb"), content_type=content_type)
    response["Cache-Control"] = "private, max-age=3600"
    return response


__all__ = ["SittingStatus"]
