"""Pages of job profiles: the role, its versions, and the DACUM chart builder.

The builder is one page (the version). Its forms post to ``version_change``, which
calls one service and answers with ``HX-Location``: htmx fetches the chart fragment
of the same page and swaps it in, with no reload; without JavaScript, a redirect.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillpath.accounts.access import require
from skillpath.common.htmx import redirect_after_post
from skillpath.common.types import HtmxRequest
from skillpath.frameworks import access, selectors, services
from skillpath.frameworks.exceptions import FrameworksError, InvalidInput
from skillpath.frameworks.forms import (
    ProfileCreateForm,
    ProfileForm,
    SubmitForm,
)
from skillpath.frameworks.models import (
    Competency,
    Duty,
    Importance,
    JobProfile,
    ProfileVersion,
    Task,
    TaskCompetency,
    VersionState,
)
from skillpath.frameworks.views.common import int_or_none

CHART = "#chart"
PANEL = re.compile(r"[a-z]+(-[a-z]+)*-[0-9]+")
PICKER_LIMIT = 60


def _version(request: HttpRequest, pk: int, number: int) -> ProfileVersion:
    version = (
        ProfileVersion.objects.select_related(
            "profile", "profile__owner", "profile__framework"
        )
        .filter(profile_id=pk, number=number)
        .first()
    )
    if version is None or not access.can_view_version(request.user, version):
        raise Http404
    return version


@login_required
def profile_list(request: HttpRequest) -> HttpResponse:
    """List the job profiles this person may read (or review)."""
    profiles = selectors.profile_list(request.user)
    return render(
        request,
        "frameworks/profile_list.html",
        {
            "profiles": profiles,
            "can_create": access.can_create_profile(request.user),
            "reviews": access.reviews_for(request.user).order_by("-invited_at")[:20],
        },
    )


def _framework_choices(request: HttpRequest) -> Any:
    return access.frameworks_visible_to(request.user).order_by("title")


@login_required
def profile_create(request: HttpRequest) -> HttpResponse:
    """Create a job profile (title, NOC code, region) and its first draft."""
    require(access.can_create_profile(request.user))
    initial = {
        "title_en": request.GET.get("title", ""),
        "noc_code": request.GET.get("noc", ""),
        "region": request.GET.get("region", ""),
    }
    form = ProfileCreateForm(
        request.POST or None,
        initial=initial,
        owners=access.coordinated_organisations(request.user),
        frameworks=_framework_choices(request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            profile = services.profile_create(
                created_by=request.user, **form.cleaned_data
            )
        except FrameworksError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("The profile is created. Add its duties and tasks.")
            )
            return redirect_after_post(
                request, profile.versions.get().get_absolute_url()
            )
    return render(
        request,
        "frameworks/form_page.html",
        {
            "form": form,
            "title": _("New job profile"),
            "intro": _(
                "Describe the role employers find hard to fill. You then build its "
                "duties, tasks and competencies, and invite employers to review it."
            ),
            "submit": _("Create the profile"),
            "cancel": reverse("frameworks:profiles"),
        },
    )


@login_required
def profile_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the role and its versions."""
    profile = get_object_or_404(selectors.profile_list(request.user), pk=pk)
    versions = (
        access.versions_visible_to(request.user)
        .filter(profile=profile)
        .order_by("-number")
    )
    return render(
        request,
        "frameworks/profile_detail.html",
        {
            "profile": profile,
            "versions": versions,
            "can_edit": access.can_edit_profile(request.user, profile),
        },
    )


@login_required
def profile_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change the role's titles, NOC code, description, region or main framework."""
    profile = get_object_or_404(JobProfile, pk=pk)
    require(access.can_edit_profile(request.user, profile))
    initial = {name: getattr(profile, name) for name in ProfileForm.base_fields}
    form = ProfileForm(
        request.POST or None, initial=initial, frameworks=_framework_choices(request)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update(
                profile=profile, changed_by=request.user, **form.cleaned_data
            )
        except FrameworksError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The profile is saved."))
            return redirect_after_post(request, profile.get_absolute_url())
    return render(
        request,
        "frameworks/form_page.html",
        {
            "form": form,
            "title": _("Edit “%(title)s”") % {"title": profile.title},
            "submit": _("Save"),
            "cancel": profile.get_absolute_url(),
        },
    )


def _picker(version: ProfileVersion) -> list[Competency]:
    framework = version.profile.framework
    if framework is None:
        return []
    return list(
        Competency.objects.filter(framework=framework)
        .select_related("framework")
        .order_by("position", "pk")[:PICKER_LIMIT]
    )


def _levels(version: ProfileVersion) -> list[Any]:
    framework = version.profile.framework
    if framework is not None:
        levels = selectors.scale_levels(framework)
        if levels:
            return [(level.level, f"{level.level} — {level.label}") for level in levels]
    return [(number, str(number)) for number in range(1, 5)]


@login_required
def version_detail(request: HtmxRequest, pk: int, number: int) -> HttpResponse:
    """Build a draft's DACUM chart, or read a version and its reviews and history."""
    version = _version(request, pk, number)
    profile = version.profile
    can_edit = access.can_edit_profile(request.user, profile)
    editing = can_edit and version.is_draft
    owner_staff = can_edit or access.is_owner_staff(request.user, profile)
    context = {
        "profile": profile,
        "version": version,
        "chart": selectors.version_chart(version, with_comments=owner_staff),
        "editing": editing,
        "can_edit": can_edit,
        "show_comments": owner_staff,
        "picker": _picker(version) if editing else [],
        "level_choices": _levels(version),
        "importance_choices": Importance.choices,
        "open_panel": request.GET.get("open", ""),
    }
    if request.htmx and request.htmx.target == "chart":
        return render(request, "frameworks/htmx/chart.html", context)
    reviews = selectors.version_reviews(version)
    my_review = access.reviews_for(request.user).filter(version=version).first()
    context.update(
        {
            "competency_profile": selectors.competency_profile(version),
            "reviews": reviews if owner_staff else [],
            "my_review": my_review,
            "history": selectors.version_history(version) if owner_staff else [],
            "submit_form": SubmitForm() if editing else None,
            "invite_form": SubmitForm(exclude=[r.organisation_id for r in reviews])
            if can_edit
            and version.state in (VersionState.IN_REVIEW, VersionState.ENDORSED)
            else None,
            "has_draft": profile.versions.filter(state=VersionState.DRAFT).exists(),
            "endorsed": reviews.filter(state="endorsed").exists(),
            "credentials": version.micro_credentials.all() if owner_staff else [],
            "can_define": can_edit
            and version.state
            in (VersionState.IN_REVIEW, VersionState.ENDORSED, VersionState.PUBLISHED),
            "other_versions": access.versions_visible_to(request.user)
            .filter(profile=profile)
            .exclude(pk=version.pk)
            .order_by("-number"),
        }
    )
    return render(request, "frameworks/version.html", context)


# The builder's changes: one handler per operation, each calling one service.


def _duty(version: ProfileVersion, post: Any) -> Duty:
    return get_object_or_404(Duty, version=version, pk=int_or_none(post.get("duty")))


def _task(version: ProfileVersion, post: Any) -> Task:
    return get_object_or_404(
        Task, duty__version=version, pk=int_or_none(post.get("task"))
    )


def _need(version: ProfileVersion, post: Any) -> TaskCompetency:
    return get_object_or_404(
        TaskCompetency.objects.select_related("competency__framework", "task__duty"),
        task__duty__version=version,
        pk=int_or_none(post.get("need")),
    )


def _level(post: Any, name: str) -> int:
    value = int_or_none(post.get(name))
    if value is None:
        raise InvalidInput(_("Choose a level and an importance."))
    return value


def _duty_add(version: ProfileVersion, post: Any, user: Any) -> str:
    duty = services.duty_add(
        version=version,
        added_by=user,
        title_en=post.get("title_en", ""),
        title_fr=post.get("title_fr", ""),
    )
    return _("Duty %(letter)s is added.") % {"letter": duty.letter}


def _duty_edit(version: ProfileVersion, post: Any, user: Any) -> str:
    services.duty_update(
        duty=_duty(version, post),
        changed_by=user,
        title_en=post.get("title_en", ""),
        title_fr=post.get("title_fr", ""),
    )
    return _("The duty is renamed.")


def _duty_move(version: ProfileVersion, post: Any, user: Any) -> str:
    duty = services.duty_move(
        duty=_duty(version, post), moved_by=user, direction=post.get("direction", "")
    )
    return _("“%(title)s” is now duty %(letter)s.") % {
        "title": duty.title,
        "letter": duty.letter,
    }


def _duty_remove(version: ProfileVersion, post: Any, user: Any) -> str:
    services.duty_remove(duty=_duty(version, post), removed_by=user)
    return _("The duty is removed.")


def _task_add(version: ProfileVersion, post: Any, user: Any) -> str:
    duty = _duty(version, post)
    parent = None
    if post.get("parent"):
        parent = get_object_or_404(Task, duty=duty, pk=int_or_none(post.get("parent")))
    services.task_add(
        duty=duty,
        added_by=user,
        parent=parent,
        title_en=post.get("title_en", ""),
        title_fr=post.get("title_fr", ""),
    )
    return _("The sub-task is added.") if parent else _("The task is added.")


def _task_edit(version: ProfileVersion, post: Any, user: Any) -> str:
    services.task_update(
        task=_task(version, post),
        changed_by=user,
        title_en=post.get("title_en", ""),
        title_fr=post.get("title_fr", ""),
    )
    return _("The task is renamed.")


def _task_move(version: ProfileVersion, post: Any, user: Any) -> str:
    task = services.task_move(
        task=_task(version, post), moved_by=user, direction=post.get("direction", "")
    )
    return _("“%(title)s” is now in position %(position)d.") % {
        "title": task.title,
        "position": task.position,
    }


def _task_remove(version: ProfileVersion, post: Any, user: Any) -> str:
    services.task_remove(task=_task(version, post), removed_by=user)
    return _("The task is removed.")


def _need_add(version: ProfileVersion, post: Any, user: Any) -> str:
    task = _task(version, post)
    competency_pk = int_or_none(
        post.get(f"competency-{task.pk}") or post.get("competency")
    )
    if competency_pk is None:
        raise InvalidInput(_("Choose a competency from the list, or search for one."))
    competency = get_object_or_404(
        Competency.objects.select_related("framework"), pk=competency_pk
    )
    services.task_competency_add(
        task=task,
        added_by=user,
        competency=competency,
        required_level=_level(post, "required_level"),
        importance=_level(post, "importance"),
    )
    return _("“%(competency)s” is added to the task.") % {
        "competency": competency.title
    }


def _need_edit(version: ProfileVersion, post: Any, user: Any) -> str:
    need = _need(version, post)
    services.task_competency_update(
        need=need,
        changed_by=user,
        required_level=_level(post, "required_level"),
        importance=_level(post, "importance"),
    )
    return _("The level of “%(competency)s” is saved.") % {
        "competency": need.competency.title
    }


def _need_remove(version: ProfileVersion, post: Any, user: Any) -> str:
    services.task_competency_remove(need=_need(version, post), removed_by=user)
    return _("The competency is removed from the task.")


OPERATIONS: dict[str, Callable[[ProfileVersion, Any, Any], str]] = {
    "duty_add": _duty_add,
    "duty_edit": _duty_edit,
    "duty_move": _duty_move,
    "duty_remove": _duty_remove,
    "task_add": _task_add,
    "task_edit": _task_edit,
    "task_move": _task_move,
    "task_remove": _task_remove,
    "need_add": _need_add,
    "need_edit": _need_edit,
    "need_remove": _need_remove,
}


@login_required
@require_POST
def version_change(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """Apply one change to a draft's chart, then show the chart again."""
    version = _version(request, pk, number)
    require(access.can_edit_profile(request.user, version.profile))
    operation = OPERATIONS.get(request.POST.get("op", ""))
    if operation is None:
        raise Http404
    try:
        done = operation(version, request.POST, request.user)
    except FrameworksError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    url = version.get_absolute_url()
    panel = request.POST.get("open", "")
    if PANEL.fullmatch(panel):
        url += f"?open={panel}"
    return redirect_after_post(request, url, target=CHART)


@login_required
@require_POST
def version_submit(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """Send a draft to employers for review."""
    version = _version(request, pk, number)
    require(access.can_edit_profile(request.user, version.profile))
    form = SubmitForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect_after_post(request, version.get_absolute_url() + "#submit")
    try:
        services.version_submit(
            version=version,
            submitted_by=request.user,
            reviewers=list(form.cleaned_data["reviewers"]),
            note=form.cleaned_data["note"],
        )
    except FrameworksError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Version %(number)d is sent to %(count)d employer(s) for review.")
            % {
                "number": version.number,
                "count": form.cleaned_data["reviewers"].count(),
            },
        )
    return redirect_after_post(request, version.get_absolute_url())


@login_required
@require_POST
def version_state(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """Publish, retire, start a new draft from, or invite more employers to a version."""
    version = _version(request, pk, number)
    require(access.can_edit_profile(request.user, version.profile))
    action = request.POST.get("action", "")
    target = version
    try:
        if action == "publish":
            services.version_publish(version=version, published_by=request.user)
            messages.success(
                request, _("Version %(number)d is published.") % {"number": number}
            )
        elif action == "retire":
            services.version_retire(version=version, retired_by=request.user)
            messages.success(
                request, _("Version %(number)d is retired.") % {"number": number}
            )
        elif action == "draft":
            target = services.version_draft_start(
                version=version,
                started_by=request.user,
                change_note=request.POST.get("change_note", ""),
            )
            messages.success(
                request,
                _(
                    "Version %(number)d is a new draft: change it, then send it for review."
                )
                % {"number": target.number},
            )
        elif action == "invite":
            form = SubmitForm(request.POST)
            if form.is_valid():
                for organisation in form.cleaned_data["reviewers"]:
                    services.review_invite(
                        version=version,
                        organisation=organisation,
                        invited_by=request.user,
                    )
                messages.success(request, _("The employers are invited."))
            else:
                messages.error(request, _("Choose at least one employer to invite."))
        else:
            raise Http404
    except FrameworksError as error:
        messages.error(request, str(error))
    return redirect_after_post(request, target.get_absolute_url())
