"""API of frameworks, job profiles and employer reviews, with the pages' access rules.

A service's refusal keeps the API's one error format: 403 when not allowed, 409 when
the object's state forbids it (a published version, a closed review), 422 for bad
input; a refused import also lists the file, the record and the rule broken.
"""

import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from skillpath.accounts.models import Organisation
from skillpath.common.pagination import BoundedPageNumberPagination
from skillpath.frameworks import access, selectors, services
from skillpath.frameworks.exceptions import NotAllowed
from skillpath.frameworks.interchange.case_export import export_case
from skillpath.frameworks.models import (
    Competency,
    Duty,
    Framework,
    JobProfile,
    ProfileReview,
    ProfileVersion,
    Task,
    TaskCompetency,
)

router = Router(tags=["frameworks"])


# Schemas


class ProficiencyLevelOut(Schema):
    level: int
    label_en: str
    label_fr: str
    descriptor_en: str
    descriptor_fr: str


class FrameworkOut(Schema):
    id: int
    identifier: str
    uri: str
    title: str
    version: str
    publisher: str
    language: str
    source_format: str
    owner: str | None = Field(None, alias="owner.slug")


class FrameworkDetailOut(FrameworkOut):
    description: str
    levels: list[ProficiencyLevelOut]
    competency_count: int
    occupation_count: int


class CompetencyOut(Schema):
    id: int
    identifier: str
    uri: str
    code: str
    title_en: str
    title_fr: str
    description_en: str
    description_fr: str
    kind: str
    parent_id: int | None
    position: int
    framework: str = Field(..., alias="framework.identifier")


class CompetencyIn(Schema):
    code: str | None = None
    title_en: str | None = None
    title_fr: str | None = None
    description_en: str | None = None
    description_fr: str | None = None
    kind: str | None = None


def _framework(request: HttpRequest, identifier: str) -> Framework:
    return get_object_or_404(
        access.frameworks_visible_to(request.user), identifier=identifier
    )


def _require(allowed: bool) -> None:
    if not allowed:
        raise NotAllowed(_("You are not allowed to do this."))


def _framework_detail(framework: Framework) -> dict[str, Any]:
    return {
        **FrameworkOut.from_orm(framework).dict(by_alias=True),
        "description": framework.description,
        "levels": [
            ProficiencyLevelOut.from_orm(level)
            for level in selectors.scale_levels(framework)
        ],
        "competency_count": framework.competencies.count(),
        "occupation_count": framework.occupations.count(),
    }


# Frameworks


@router.get("/frameworks", response=list[FrameworkOut], summary="Competency frameworks")
@paginate(BoundedPageNumberPagination)
def framework_list(request: HttpRequest, q: str = ""):
    _require(access.can_view_frameworks(request.user))
    return selectors.framework_list(request.user, query=q)


@router.post(
    "/frameworks/import",
    response={201: FrameworkDetailOut},
    summary="Import a CASE package, ESCO CSV files or O*NET text files (multipart)",
)
def framework_import(
    request: HttpRequest,
    files: list[UploadedFile] = File(...),  # noqa: B008
    format: str = Form(...),  # noqa: A002
    owner: str = Form(""),
    identifier: str = Form(""),
    version: str = Form(""),
    replace: bool = Form(False),  # noqa: FBT003
):
    _require(access.can_import_framework(request.user))
    organisation = None
    if owner:
        organisation = get_object_or_404(Organisation, slug=owner)
    else:
        owned = access.coordinated_organisations(request.user)
        organisation = owned[0] if owned else None
    folder = Path(tempfile.mkdtemp(prefix="skillpath-import-"))
    try:
        for upload in files:
            target = folder / get_valid_filename(Path(upload.name or "upload").name)
            with target.open("wb") as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
        path = folder if len(files) > 1 else next(folder.iterdir())
        framework = services.framework_import(
            path=path,
            source_format=format,
            imported_by=request.user,
            owner=organisation,
            identifier=identifier,
            version=version,
            replace=replace,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return Status(201, _framework_detail(framework))


@router.get(
    "/frameworks/{identifier}", response=FrameworkDetailOut, summary="One framework"
)
def framework_detail(request: HttpRequest, identifier: str) -> dict[str, Any]:
    return _framework_detail(_framework(request, identifier))


@router.get(
    "/frameworks/{identifier}/case",
    summary="The framework as a 1EdTech CASE 1.1 CFPackage",
)
def framework_case(request: HttpRequest, identifier: str) -> dict[str, Any]:
    return export_case(_framework(request, identifier))


@router.get(
    "/frameworks/{identifier}/competencies",
    response=list[CompetencyOut],
    summary="Competencies of a framework (search with q)",
)
@paginate(BoundedPageNumberPagination)
def competency_list(request: HttpRequest, identifier: str, q: str = ""):
    framework = _framework(request, identifier)
    if q:
        return selectors.competency_search(
            request.user, q, framework=framework, limit=500
        )
    return (
        Competency.objects.filter(framework=framework)
        .select_related("framework")
        .order_by("parent_id", "position", "pk")
    )


@router.patch(
    "/competencies/{competency_id}", response=CompetencyOut, summary="Edit a competency"
)
def competency_update(
    request: HttpRequest, competency_id: int, payload: CompetencyIn
) -> Competency:
    competency = get_object_or_404(
        Competency.objects.select_related("framework"),
        pk=competency_id,
        framework__in=access.frameworks_visible_to(request.user),
    )
    return services.competency_update(
        competency=competency,
        changed_by=request.user,
        **payload.dict(exclude_unset=True, exclude_none=True),
    )


# Job profiles


class ProfileIn(Schema):
    owner: str
    title_en: str
    title_fr: str = ""
    noc_code: str
    description_en: str = ""
    description_fr: str = ""
    region: str = ""
    framework: str | None = None


class VersionSummaryOut(Schema):
    number: int
    state: str


class ProfileOut(Schema):
    id: int
    owner: str = Field(..., alias="owner.slug")
    title_en: str
    title_fr: str
    noc_code: str
    description_en: str
    description_fr: str
    region: str


class NeedOut(Schema):
    id: int
    competency_id: int
    competency: str = Field(..., alias="competency.title_en")
    required_level: int
    importance: int


class TaskOut(Schema):
    id: int
    label: str
    title_en: str
    title_fr: str
    needs: list[NeedOut]
    subtasks: list["TaskOut"]


TaskOut.model_rebuild()


class DutyOut(Schema):
    id: int
    letter: str
    title_en: str
    title_fr: str
    tasks: list[TaskOut]


class CompetencyNeedOut(Schema):
    competency_id: int
    title_en: str
    title_fr: str
    required_level: int
    importance: int
    employer_importance: float | None


class ReviewOut(Schema):
    id: int
    organisation: str = Field(..., alias="organisation.slug")
    state: str
    summary: str
    decided_at: datetime | None


class VersionOut(Schema):
    profile_id: int
    number: int
    state: str
    submitted_at: datetime | None
    endorsed_at: datetime | None
    published_at: datetime | None
    duties: list[DutyOut]
    competency_profile: list[CompetencyNeedOut]
    reviews: list[ReviewOut]


def _task_out(node: selectors.TaskNode) -> dict[str, Any]:
    return {
        "id": node.task.pk,
        "label": node.label,
        "title_en": node.task.title_en,
        "title_fr": node.task.title_fr,
        "needs": [NeedOut.from_orm(need).dict(by_alias=True) for need in node.needs],
        "subtasks": [_task_out(sub) for sub in node.subtasks],
    }


def _version_out(request: HttpRequest, version: ProfileVersion) -> dict[str, Any]:
    owner_staff = access.is_owner_staff(request.user, version.profile)
    reviews = selectors.version_reviews(version)
    if not owner_staff:
        reviews = reviews.filter(
            organisation_id__in=access.employer_org_ids(request.user)
        )
    return {
        "profile_id": version.profile_id,
        "number": version.number,
        "state": version.state,
        "submitted_at": version.submitted_at,
        "endorsed_at": version.endorsed_at,
        "published_at": version.published_at,
        "duties": [
            {
                "id": node.duty.pk,
                "letter": node.duty.letter,
                "title_en": node.duty.title_en,
                "title_fr": node.duty.title_fr,
                "tasks": [_task_out(task) for task in node.tasks],
            }
            for node in selectors.version_chart(version)
        ],
        "competency_profile": [
            {
                "competency_id": need.competency.pk,
                "title_en": need.competency.title_en,
                "title_fr": need.competency.title_fr,
                "required_level": need.required_level,
                "importance": need.importance,
                "employer_importance": need.employer_importance,
            }
            for need in selectors.competency_profile(version)
        ],
        "reviews": [
            ReviewOut.from_orm(review).dict(by_alias=True) for review in reviews
        ],
    }


def _version(request: HttpRequest, profile_id: int, number: int) -> ProfileVersion:
    version = (
        ProfileVersion.objects.select_related("profile", "profile__owner")
        .filter(profile_id=profile_id, number=number)
        .first()
    )
    if version is None or not access.can_view_version(request.user, version):
        raise Http404
    return version


@router.get("/profiles", response=list[ProfileOut], summary="Job profiles I may read")
@paginate(BoundedPageNumberPagination)
def profile_list(request: HttpRequest):
    return selectors.profile_list(request.user)


@router.post(
    "/profiles",
    response={201: ProfileOut},
    summary="Create a job profile and its draft",
)
def profile_create(request: HttpRequest, payload: ProfileIn):
    owner = get_object_or_404(Organisation, slug=payload.owner)
    framework = None
    if payload.framework:
        framework = _framework(request, payload.framework)
    data = payload.dict(exclude={"owner", "framework"})
    profile = services.profile_create(
        owner=owner, created_by=request.user, framework=framework, **data
    )
    return Status(201, profile)


@router.get("/profiles/{profile_id}", response=ProfileOut, summary="One job profile")
def profile_detail(request: HttpRequest, profile_id: int) -> JobProfile:
    return get_object_or_404(selectors.profile_list(request.user), pk=profile_id)


@router.get(
    "/profiles/{profile_id}/versions",
    response=list[VersionSummaryOut],
    summary="The versions of a profile I may read",
)
def version_list(request: HttpRequest, profile_id: int):
    return (
        access.versions_visible_to(request.user)
        .filter(profile_id=profile_id)
        .order_by("-number")
    )


@router.get(
    "/profiles/{profile_id}/versions/{number}",
    response=VersionOut,
    summary="A version: duties, tasks, sub-tasks, competencies, reviews",
)
def version_detail(
    request: HttpRequest, profile_id: int, number: int
) -> dict[str, Any]:
    return _version_out(request, _version(request, profile_id, number))


class TitleIn(Schema):
    title_en: str
    title_fr: str = ""


class TaskIn(TitleIn):
    duty_id: int
    parent_id: int | None = None


class NeedIn(Schema):
    task_id: int
    competency_id: int
    required_level: int
    importance: int = 3


class SubmitIn(Schema):
    reviewers: list[str] = Field(
        ..., description="Slugs of the employers invited to review"
    )
    note: str = ""


class CreatedOut(Schema):
    id: int


@router.post(
    "/profiles/{profile_id}/versions/{number}/duties",
    response={201: CreatedOut},
    summary="Add a duty to a draft",
)
def duty_add(request: HttpRequest, profile_id: int, number: int, payload: TitleIn):
    version = _version(request, profile_id, number)
    duty = services.duty_add(version=version, added_by=request.user, **payload.dict())
    return Status(201, {"id": duty.pk})


@router.post(
    "/profiles/{profile_id}/versions/{number}/tasks",
    response={201: CreatedOut},
    summary="Add a task (or, with parent_id, a sub-task) to a draft",
)
def task_add(request: HttpRequest, profile_id: int, number: int, payload: TaskIn):
    version = _version(request, profile_id, number)
    duty = get_object_or_404(Duty, version=version, pk=payload.duty_id)
    parent = (
        get_object_or_404(Task, duty=duty, pk=payload.parent_id)
        if payload.parent_id
        else None
    )
    task = services.task_add(
        duty=duty,
        added_by=request.user,
        parent=parent,
        title_en=payload.title_en,
        title_fr=payload.title_fr,
    )
    return Status(201, {"id": task.pk})


@router.post(
    "/profiles/{profile_id}/versions/{number}/needs",
    response={201: CreatedOut},
    summary="Say that a task needs a competency, at a level",
)
def need_add(request: HttpRequest, profile_id: int, number: int, payload: NeedIn):
    version = _version(request, profile_id, number)
    task = get_object_or_404(Task, duty__version=version, pk=payload.task_id)
    competency = get_object_or_404(Competency, pk=payload.competency_id)
    need = services.task_competency_add(
        task=task,
        added_by=request.user,
        competency=competency,
        required_level=payload.required_level,
        importance=payload.importance,
    )
    return Status(201, {"id": need.pk})


@router.post(
    "/profiles/{profile_id}/versions/{number}/submit",
    response=VersionOut,
    summary="Send a draft to employers for review",
)
def version_submit(
    request: HttpRequest, profile_id: int, number: int, payload: SubmitIn
) -> dict[str, Any]:
    version = _version(request, profile_id, number)
    reviewers = list(Organisation.objects.filter(slug__in=payload.reviewers))
    missing = set(payload.reviewers) - {o.slug for o in reviewers}
    if missing:
        raise Http404
    services.version_submit(
        version=version,
        submitted_by=request.user,
        reviewers=reviewers,
        note=payload.note,
    )
    return _version_out(request, version)


@router.post(
    "/profiles/{profile_id}/versions/{number}/{action}",
    response=VersionSummaryOut,
    summary="publish, retire, or start a new draft from a version",
)
def version_action(
    request: HttpRequest, profile_id: int, number: int, action: str
) -> Any:
    version = _version(request, profile_id, number)
    if action == "publish":
        return services.version_publish(version=version, published_by=request.user)
    if action == "retire":
        return services.version_retire(version=version, retired_by=request.user)
    if action == "draft":
        return services.version_draft_start(version=version, started_by=request.user)
    raise Http404


# Reviews


class ReviewDetailOut(ReviewOut):
    profile_id: int = Field(..., alias="version.profile_id")
    number: int = Field(..., alias="version.number")


class CommentIn(Schema):
    text: str
    kind: str = "comment"
    duty_id: int | None = None
    task_id: int | None = None
    need_id: int | None = None


class RatingIn(Schema):
    need_id: int
    importance: int


class DecisionIn(Schema):
    endorse: bool
    summary: str = ""


def _review(request: HttpRequest, review_id: int) -> ProfileReview:
    review = get_object_or_404(
        ProfileReview.objects.select_related(
            "organisation", "version", "version__profile"
        ),
        pk=review_id,
    )
    if not access.can_view_review(request.user, review):
        raise Http404
    return review


@router.get(
    "/reviews", response=list[ReviewDetailOut], summary="Reviews I was invited to"
)
def review_list(request: HttpRequest):
    return access.reviews_for(request.user).order_by("-invited_at")


@router.get("/reviews/{review_id}", response=ReviewDetailOut, summary="One review")
def review_detail(request: HttpRequest, review_id: int) -> ProfileReview:
    return _review(request, review_id)


@router.post(
    "/reviews/{review_id}/comments", response={201: CreatedOut}, summary="Comment"
)
def review_comment(request: HttpRequest, review_id: int, payload: CommentIn):
    review = _review(request, review_id)
    version = review.version
    targets: dict[str, Any] = {}
    if payload.duty_id:
        targets["duty"] = get_object_or_404(Duty, version=version, pk=payload.duty_id)
    if payload.task_id:
        targets["task"] = get_object_or_404(
            Task, duty__version=version, pk=payload.task_id
        )
    if payload.need_id:
        targets["task_competency"] = get_object_or_404(
            TaskCompetency, task__duty__version=version, pk=payload.need_id
        )
    comment = services.review_comment_add(
        review=review,
        author=request.user,
        text=payload.text,
        kind=payload.kind,
        **targets,
    )
    return Status(201, {"id": comment.pk})


@router.post(
    "/reviews/{review_id}/ratings", response=ReviewDetailOut, summary="Rate importance"
)
def review_rate(
    request: HttpRequest, review_id: int, payload: RatingIn
) -> ProfileReview:
    review = _review(request, review_id)
    need = get_object_or_404(
        TaskCompetency, task__duty__version=review.version, pk=payload.need_id
    )
    services.importance_rate(
        review=review,
        rated_by=request.user,
        task_competency=need,
        importance=payload.importance,
    )
    return review


@router.post(
    "/reviews/{review_id}/decision",
    response=ReviewDetailOut,
    summary="Endorse the version, or ask for changes",
)
def review_decide(
    request: HttpRequest, review_id: int, payload: DecisionIn
) -> ProfileReview:
    review = _review(request, review_id)
    return services.review_decide(
        review=review,
        decided_by=request.user,
        endorse=payload.endorse,
        summary=payload.summary,
    )
