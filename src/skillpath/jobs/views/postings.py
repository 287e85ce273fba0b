"""Employers' posting pages, and the coordinators' view of postings on their profiles."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillpath.accounts.access import require
from skillpath.common.htmx import redirect_after_post
from skillpath.frameworks.models import Competency
from skillpath.jobs import access
from skillpath.jobs.exceptions import JobsError
from skillpath.jobs.forms import NewPostingForm, PostingForm, RequirementForm
from skillpath.jobs.models import (
    ApplicationStatus,
    JobPosting,
    PostingStatus,
)
from skillpath.jobs.selectors.postings import with_requirements
from skillpath.jobs.services import postings as services


def _form_error(form: forms.Form, error: JobsError) -> None:
    field = getattr(error, "field", "")
    form.add_error(field if field in form.fields else None, error.message)


def _managed(request: HttpRequest, pk: int) -> JobPosting:
    posting = get_object_or_404(with_requirements(JobPosting.objects.all()), pk=pk)
    require(access.can_manage_posting(request.user, posting))
    return posting


@login_required
def employer_postings(request: HttpRequest) -> HttpResponse:
    """List the postings of the employers this person represents."""
    require(access.can_post(request.user))
    postings = (
        access.postings_managed_by(request.user)
        .select_related("employer", "profile_version__profile")
        .annotate(
            application_count=Count("applications"),
            hired_count=Count(
                "applications",
                filter=Q(applications__status=ApplicationStatus.HIRED),
            ),
        )
        .order_by("status", "-updated_at")
    )
    rows = [(p, p.application_count, p.hired_count) for p in postings]
    return render(request, "jobs/postings/list.html", {"rows": rows})


@login_required
def posting_new(request: HttpRequest) -> HttpResponse:
    """Draft a posting on an endorsed job profile."""
    require(access.can_post(request.user))
    employers = access.employer_organisations(request.user)
    versions = access.postable_versions(request.user)
    form = NewPostingForm(request.POST or None, employers=employers, versions=versions)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        employer = data.pop("employer")
        version = data.pop("profile_version")
        for name in ("title", "noc_code"):
            if not data[name]:
                data.pop(name)
        try:
            posting = services.posting_create(
                employer=employer,
                created_by=request.user,
                profile_version=version,
                **data,
            )
        except JobsError as error:
            _form_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "The draft is saved with the profile's requirements. Check them, "
                    "then open the posting."
                ),
            )
            return redirect_after_post(
                request, reverse("jobs:posting_edit", args=[posting.pk])
            )
    return render(
        request,
        "jobs/postings/new.html",
        {"form": form, "has_versions": versions.exists()},
    )


def _requirement_forms(posting: JobPosting) -> list[tuple[Any, RequirementForm]]:
    rows = []
    for requirement in posting.requirements.all():
        form = RequirementForm(
            initial={
                "competency": requirement.competency_id,
                "required_level": requirement.required_level,
                "importance": requirement.importance,
                "essential": requirement.essential,
            },
            prefix=f"r{requirement.pk}",
        )
        rows.append((requirement, form))
    return rows


def _framework_competencies(posting: JobPosting) -> Any:
    framework_ids = {r.competency.framework_id for r in posting.requirements.all()} | {
        posting.profile_version.profile.framework_id
    }
    return (
        Competency.objects.filter(
            framework_id__in=[pk for pk in framework_ids if pk is not None]
        )
        .exclude(posting_requirements__posting=posting)
        .order_by("framework_id", "position")
    )


@login_required
def posting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a posting: its fields, and while it is a draft, its requirements."""
    posting = _managed(request, pk)
    locked: tuple[str, ...] = ()
    if posting.status == PostingStatus.OPEN:
        locked = tuple(
            name for name in services.POSTING_FIELDS if name not in services.OPEN_FIELDS
        )
    elif posting.status != PostingStatus.DRAFT:
        locked = services.POSTING_FIELDS
    initial = {name: getattr(posting, name) for name in services.POSTING_FIELDS}
    form = PostingForm(request.POST or None, initial=initial, locked=locked)
    if request.method == "POST" and form.is_valid():
        changed = {
            name: form.cleaned_data[name]
            for name in services.POSTING_FIELDS
            if name not in locked
        }
        try:
            services.posting_update(posting=posting, changed_by=request.user, **changed)
        except JobsError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("The posting is saved."))
            return redirect_after_post(
                request, reverse("jobs:posting_edit", args=[posting.pk])
            )
    add_form = RequirementForm(prefix="new")
    add_form.fields["competency"].queryset = _framework_competencies(posting)  # type: ignore[attr-defined]
    return render(
        request,
        "jobs/postings/edit.html",
        {
            "posting": posting,
            "form": form,
            "requirements": _requirement_forms(posting),
            "add_form": add_form,
            "is_draft": posting.status == PostingStatus.DRAFT,
        },
    )


@login_required
@require_POST
def requirement_save(request: HttpRequest, pk: int) -> HttpResponse:
    """Add or change one requirement of a draft posting."""
    posting = _managed(request, pk)
    prefix = request.POST.get("prefix", "new")
    form = RequirementForm(request.POST, prefix=prefix)
    form.fields["competency"].queryset = Competency.objects.all()  # type: ignore[attr-defined]
    if not form.is_valid():
        messages.error(
            request,
            " ".join(str(e) for errors in form.errors.values() for e in errors),
        )
    else:
        data = form.cleaned_data
        try:
            services.requirement_set(
                posting=posting,
                changed_by=request.user,
                competency=data["competency"],
                required_level=data["required_level"],
                importance=data["importance"],
                essential=data["essential"],
            )
        except JobsError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Requirement saved: %(name)s.") % {"name": data["competency"]},
            )
    return redirect_after_post(
        request, reverse("jobs:posting_edit", args=[posting.pk]) + "#requirements"
    )


@login_required
@require_POST
def requirement_remove(
    request: HttpRequest, pk: int, competency_pk: int
) -> HttpResponse:
    posting = _managed(request, pk)
    competency = get_object_or_404(Competency, pk=competency_pk)
    try:
        services.requirement_remove(
            posting=posting, changed_by=request.user, competency=competency
        )
    except JobsError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Requirement removed: %(name)s.") % {"name": competency}
        )
    return redirect_after_post(
        request, reverse("jobs:posting_edit", args=[posting.pk]) + "#requirements"
    )


@login_required
@require_POST
def posting_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Open, close or mark filled a posting."""
    posting = _managed(request, pk)
    status = request.POST.get("status", "")
    try:
        if status == PostingStatus.OPEN:
            services.posting_open(posting=posting, opened_by=request.user)
            messages.success(
                request, _("The posting is open: job seekers can find it and apply.")
            )
        else:
            services.posting_close(
                posting=posting, closed_by=request.user, status=status
            )
            messages.success(request, _("The posting is closed."))
    except JobsError as error:
        messages.error(request, error.message)
    return redirect_after_post(request, reverse("jobs:posting_edit", args=[posting.pk]))


@login_required
def coordinator_postings(request: HttpRequest) -> HttpResponse:
    """List the postings employers built on this coordinator's college's profiles."""
    require(bool(access.coordinated_org_ids(request.user)))
    postings = (
        access.postings_on_profiles_of(request.user)
        .select_related("employer", "profile_version__profile")
        .order_by("-opened_at")
    )
    return render(request, "jobs/postings/coordinator.html", {"postings": postings})
