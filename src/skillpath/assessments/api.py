"""API of assessments: start a sitting, get the current item, answer, results; item bank.

The same access rules as the pages: a learner reaches only their own sittings and
results (another learner's answer as missing: 404); items are exported and imported
only by coordinators who author them. No answer here ever holds an answer key.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from skillpath.accounts.models import User
from skillpath.assessments import access, presentation, requirements, selectors
from skillpath.assessments.models import Item, Sitting
from skillpath.assessments.services import delivery, interchange
from skillpath.common.types import AuthedRequest

router = Router(tags=["assessments"])


class OptionOut(Schema):
    id: str
    text: str


class SittingItemOut(Schema):
    kind: str
    stem: str
    image_url: str
    image_alt: str
    unit: str
    options: list[OptionOut]
    prompts: list[OptionOut]
    choices: list[OptionOut]


class SittingPartOut(Schema):
    competency: str
    status: str
    answered: int
    max_items: int


class SittingOut(Schema):
    id: int
    credential_id: int
    status: str
    started_at: datetime
    finished_at: datetime | None
    deadline: datetime | None
    sequence: int | None  # send it back with the answer; None once the sitting ended
    item: SittingItemOut | None
    parts: list[SittingPartOut]


class AnswerIn(Schema):
    sequence: int
    answer: dict[str, Any]


class StandingOut(Schema):
    competency_id: int
    competency: str
    required_level: int
    demonstrated_level: int
    status: str
    method: str
    confidence: float | None
    methods_allowed: list[str]


class ResultsOut(Schema):
    credential_id: int
    learner_id: int
    all_demonstrated: bool
    competencies: list[StandingOut]


class ImportOut(Schema):
    created: list[str]
    updated: list[str]


def _sitting_out(sitting: Sitting) -> dict[str, Any]:
    progress = presentation.progress(sitting)
    item = sitting.current_item if sitting.is_open else None
    return {
        "id": sitting.pk,
        "credential_id": sitting.credential_id,
        "status": sitting.status,
        "started_at": sitting.started_at,
        "finished_at": sitting.finished_at,
        "deadline": sitting.deadline,
        "sequence": sitting.next_sequence if item else None,
        "item": presentation.learner_item(item, sitting=sitting) if item else None,
        "parts": [
            {
                "competency": p.title,
                "status": p.status,
                "answered": p.answered,
                "max_items": p.max_items,
            }
            for p in progress["parts"]
        ],
    }


def _own_sitting(request: AuthedRequest, sitting_id: int) -> Sitting:
    sitting = get_object_or_404(
        Sitting.objects.select_related("credential", "current_item", "learner"),
        pk=sitting_id,
    )
    if not access.can_view_sitting(request.user, sitting):
        raise Http404
    return sitting


def _credential(credential_id: int) -> Any:
    credential = requirements.credential_get(credential_id)
    if credential is None:
        raise Http404
    return credential


@router.post(
    "/assessments/credentials/{credential_id}/sittings",
    response={201: SittingOut},
    summary="Start (or resume) my adaptive assessment for a micro-credential",
)
def sitting_start(request: AuthedRequest, credential_id: int):
    credential = _credential(credential_id)
    sitting = delivery.assessment_start(learner=request.user, credential=credential)
    return Status(201, _sitting_out(sitting))


@router.get(
    "/assessments/sittings/{sitting_id}",
    response=SittingOut,
    summary="A sitting: progress and the current item (never its key)",
)
def sitting_detail(request: AuthedRequest, sitting_id: int) -> dict[str, Any]:
    sitting = _own_sitting(request, sitting_id)
    if sitting.learner_id == request.user.pk:
        delivery.sitting_expire_if_due(sitting=sitting)
    return _sitting_out(sitting)


@router.post(
    "/assessments/sittings/{sitting_id}/answers",
    response=SittingOut,
    summary="Answer the current item; the answer carries the sitting's sequence",
)
def sitting_answer(
    request: AuthedRequest, sitting_id: int, payload: AnswerIn
) -> dict[str, Any]:
    sitting = _own_sitting(request, sitting_id)
    if not access.can_answer(request.user, sitting):
        raise PermissionDenied("Only the learner answers their own assessment.")
    delivery.response_record(
        sitting=sitting,
        learner=request.user,
        sequence=payload.sequence,
        answer_data=payload.answer,
    )
    sitting.refresh_from_db()
    return _sitting_out(sitting)


@router.get(
    "/assessments/credentials/{credential_id}/results",
    response=ResultsOut,
    summary="Results per competency: required and demonstrated level, the gap",
)
def results(
    request: AuthedRequest, credential_id: int, learner_id: int | None = None
) -> dict[str, Any]:
    credential = _credential(credential_id)
    learner = request.user
    if learner_id is not None and learner_id != request.user.pk:
        learner = get_object_or_404(User, pk=learner_id)
        if not (
            access.can_view_learner_work(request.user, learner)
            or access.can_assess(request.user, credential)
        ):
            raise Http404
    rows = selectors.credential_results(learner=learner, credential=credential)
    return {
        "credential_id": credential.pk,
        "learner_id": learner.pk,
        "all_demonstrated": bool(rows)
        and all(r.standing.status == "demonstrated" for r in rows),
        "competencies": [
            {
                **r.standing.__dict__,
                "competency": r.title,
                "methods_allowed": sorted(r.requirement.methods),
            }
            for r in rows
        ],
    }


def _authored_items(request: AuthedRequest, competency_id: int | None) -> list[Item]:
    if not access.is_author(request.user):
        raise PermissionDenied("The item bank is for coordinators.")
    competencies = [
        c for c in requirements.all_competencies() if access.can_author(request.user, c)
    ]
    if competency_id is not None:
        competencies = [c for c in competencies if c.pk == competency_id]
        if not competencies:
            raise Http404
    return list(
        Item.objects.filter(competency__in=competencies)
        .select_related("competency")
        .order_by("code")
    )


@router.get(
    "/assessments/items/export",
    summary="Export items (coordinators): JSON, or CSV with format=csv",
)
def items_export(
    request: AuthedRequest, competency_id: int | None = None, format: str = "json"
) -> HttpResponse:
    items = _authored_items(request, competency_id)
    if format == "csv":
        return HttpResponse(
            interchange.items_export_csv(items), content_type="text/csv; charset=utf-8"
        )
    return HttpResponse(
        interchange.items_export_json(items), content_type="application/json"
    )


@router.post(
    "/assessments/items/import",
    response=ImportOut,
    summary="Import a JSON or CSV item file (coordinators): all items or none",
)
def items_import(
    request: AuthedRequest,
    file: UploadedFile = File(...),  # noqa: B008 (ninja declares uploads so)
) -> dict[str, Any]:
    if not access.is_author(request.user):
        raise PermissionDenied("The item bank is for coordinators.")
    file_format = "csv" if (file.name or "").lower().endswith(".csv") else "json"
    report = interchange.items_import(
        author=request.user, data=file.read(), file_format=file_format
    )
    return {"created": report.created, "updated": report.updated}
