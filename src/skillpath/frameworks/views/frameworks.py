"""Pages of competency frameworks: browse, search, import, export, edit."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from skillpath.accounts.access import require
from skillpath.common.htmx import redirect_after_post, render_page_or_fragment
from skillpath.common.types import HtmxRequest
from skillpath.frameworks import access, selectors, services
from skillpath.frameworks.exceptions import FrameworksError
from skillpath.frameworks.forms import (
    CompetencyForm,
    FrameworkCreateForm,
    FrameworkForm,
    ImportForm,
    LevelForm,
)
from skillpath.frameworks.interchange.case_export import export_case
from skillpath.frameworks.models import Competency, Framework, ProficiencyLevel
from skillpath.frameworks.views.common import int_or_none

PAGE_SIZE = 50


def _framework(request: HttpRequest, pk: int) -> Framework:
    framework = get_object_or_404(access.frameworks_visible_to(request.user), pk=pk)
    return framework


@login_required
def framework_list(request: HttpRequest) -> HttpResponse:
    """List the frameworks, searched by title or publisher."""
    require(access.can_view_frameworks(request.user))
    query = request.GET.get("q", "").strip()
    frameworks = selectors.framework_list(request.user, query=query)
    return render_page_or_fragment(
        request,
        "frameworks/framework_list.html",
        "frameworks/htmx/framework_rows.html",
        {
            "frameworks": frameworks,
            "query": query,
            "can_import": access.can_import_framework(request.user),
        },
    )


@login_required
def framework_create(request: HttpRequest) -> HttpResponse:
    """Start a framework from scratch."""
    require(access.can_import_framework(request.user))
    owners = access.coordinated_organisations(request.user)
    form = FrameworkCreateForm(request.POST or None, owners=owners)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            framework = services.framework_create(
                title=data["title"],
                created_by=request.user,
                owner=data["owner"],
                version=data["version"],
                publisher=data["publisher"],
                language=data["language"],
                description=data["description"],
            )
        except FrameworksError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("The framework is created. Add its competencies.")
            )
            return redirect_after_post(request, framework.get_absolute_url())
    return render(
        request,
        "frameworks/form_page.html",
        {
            "form": form,
            "title": _("New competency framework"),
            "submit": _("Create the framework"),
            "cancel": reverse("frameworks:list"),
        },
    )


@login_required
def framework_import(request: HtmxRequest) -> HttpResponse:
    """Upload a CASE package or ESCO / O*NET files; the queue imports them."""
    require(access.can_import_framework(request.user))
    owners = access.coordinated_organisations(request.user)
    form = ImportForm(request.POST or None, request.FILES or None, owners=owners)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                job = services.framework_import_enqueue(
                    files=data["upload"],
                    source_format=data["source_format"],
                    imported_by=request.user,
                    owner=data["owner"],
                    identifier=data["identifier"],
                    version=data["version"],
                    replace=data["replace"],
                )
            except FrameworksError as error:
                form.add_error(None, str(error))
                status = 422
            else:
                return redirect_after_post(
                    request, reverse("web:import_job", args=[job.public_id])
                )
        else:
            status = 422
    return render_page_or_fragment(
        request,
        "frameworks/import.html",
        "frameworks/htmx/import_form.html",
        {"form": form},
        # htmx swaps only 2xx answers: the form with its errors comes back as 200.
        status=200 if request.htmx else status,
    )


@login_required
def framework_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a framework: its scale and its competencies, browsed or searched."""
    framework = _framework(request, pk)
    query = request.GET.get("q", "").strip()
    if query:
        results = selectors.competency_search(
            request.user, query, framework=framework, limit=100
        )
        page = None
    else:
        results = None
        page = Paginator(
            selectors.competency_children(framework, None), PAGE_SIZE
        ).get_page(request.GET.get("page"))
    return render_page_or_fragment(
        request,
        "frameworks/framework_detail.html",
        "frameworks/htmx/competency_results.html",
        {
            "framework": framework,
            "levels": selectors.scale_levels(framework),
            "query": query,
            "results": results,
            "page": page,
            "can_edit": access.can_edit_framework(request.user, framework),
            "counts": {
                "competencies": framework.competencies.count(),
                "occupations": framework.occupations.count(),
            },
        },
    )


@login_required
def framework_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a framework's title, version, publisher, language or description."""
    framework = _framework(request, pk)
    require(access.can_edit_framework(request.user, framework))
    initial = {name: getattr(framework, name) for name in FrameworkForm.base_fields}
    form = FrameworkForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.framework_update(
            framework=framework, changed_by=request.user, **form.cleaned_data
        )
        messages.success(request, _("The framework is saved."))
        return redirect_after_post(request, framework.get_absolute_url())
    return render(
        request,
        "frameworks/form_page.html",
        {
            "form": form,
            "title": _("Edit “%(title)s”") % {"title": framework.title},
            "submit": _("Save"),
            "cancel": framework.get_absolute_url(),
        },
    )


@login_required
def framework_scale(request: HttpRequest, pk: int) -> HttpResponse:
    """Name and describe the levels of a framework's proficiency scale."""
    framework = _framework(request, pk)
    require(access.can_edit_framework(request.user, framework))
    levels = selectors.scale_levels(framework)
    forms = {
        level.level: LevelForm(
            prefix=f"level-{level.level}",
            initial={
                "label_en": level.label_en,
                "label_fr": level.label_fr,
                "descriptor_en": level.descriptor_en,
                "descriptor_fr": level.descriptor_fr,
            },
        )
        for level in levels
    }
    new_form = LevelForm(prefix="new")
    if request.method == "POST":
        number = int_or_none(request.POST.get("level"))
        form = LevelForm(
            request.POST, prefix="new" if number is None else f"level-{number}"
        )
        if form.is_valid():
            try:
                if number is None:
                    services.scale_level_add(
                        framework=framework,
                        changed_by=request.user,
                        **form.cleaned_data,
                    )
                else:
                    level = get_object_or_404(
                        ProficiencyLevel, scale__framework=framework, level=number
                    )
                    services.scale_level_update(
                        level=level, changed_by=request.user, **form.cleaned_data
                    )
            except FrameworksError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The scale is saved."))
                return redirect_after_post(
                    request, reverse("frameworks:scale", args=[framework.pk])
                )
        if number is None:
            new_form = form
        else:
            forms[number] = form
    return render(
        request,
        "frameworks/scale.html",
        {
            "framework": framework,
            "level_forms": [(level, forms[level.level]) for level in levels],
            "new_form": new_form,
        },
    )


@login_required
@require_GET
def framework_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Download the framework as a CASE 1.1 package."""
    framework = _framework(request, pk)
    response = HttpResponse(
        json.dumps(export_case(framework), indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    name = get_valid_filename(f"{framework.title}-{framework.version}".strip("-"))[:80]
    response["Content-Disposition"] = f'attachment; filename="{name}.case.json"'
    return response


@login_required
def competency_detail(request: HttpRequest, pk: int, cpk: int) -> HttpResponse:
    """Show a competency; htmx asks the same page for its children only (to expand)."""
    framework = _framework(request, pk)
    competency = get_object_or_404(
        Competency.objects.select_related("item_type", "parent"),
        framework=framework,
        pk=cpk,
    )
    children = selectors.competency_children(framework, competency)
    return render_page_or_fragment(
        request,
        "frameworks/competency_detail.html",
        "frameworks/htmx/competency_children.html",
        {
            "framework": framework,
            "competency": competency,
            "ancestors": selectors.ancestors(competency),
            "children": children,
            "outgoing": competency.outgoing_associations.select_related("destination"),
            "incoming": competency.incoming_associations.select_related("origin"),
            "occupations": competency.occupation_links.select_related("occupation")[
                :50
            ],
            "can_edit": access.can_edit_framework(request.user, framework),
        },
    )


def _competency_form_page(
    request: HttpRequest, framework: Framework, competency: Competency | None
) -> HttpResponse:
    require(access.can_edit_framework(request.user, framework))
    parent = None
    if competency is None:
        parent_pk = int_or_none(request.GET.get("parent") or request.POST.get("parent"))
        if parent_pk is not None:
            parent = get_object_or_404(Competency, framework=framework, pk=parent_pk)
        initial = {"kind": "skill"}
    else:
        initial = {
            name: getattr(competency, name) for name in CompetencyForm.base_fields
        }
    form = CompetencyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if competency is None:
                data = {
                    k: v
                    for k, v in form.cleaned_data.items()
                    if not k.startswith("alt_")
                }
                competency = services.competency_create(
                    framework=framework, created_by=request.user, parent=parent, **data
                )
            else:
                services.competency_update(
                    competency=competency, changed_by=request.user, **form.cleaned_data
                )
        except FrameworksError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The competency is saved."))
            return redirect_after_post(request, competency.get_absolute_url())
    if competency is None:
        title = (
            _("New competency under “%(parent)s”") % {"parent": parent.title}
            if parent
            else _("New competency")
        )
        cancel = parent.get_absolute_url() if parent else framework.get_absolute_url()
    else:
        title = _("Edit “%(title)s”") % {"title": competency.title}
        cancel = competency.get_absolute_url()
    return render(
        request,
        "frameworks/form_page.html",
        {
            "form": form,
            "title": title,
            "submit": _("Save the competency"),
            "cancel": cancel,
            "hidden": {"parent": parent.pk} if parent else {},
        },
    )


@login_required
def competency_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a competency to a framework (under a parent, if one is given)."""
    return _competency_form_page(request, _framework(request, pk), None)


@login_required
def competency_edit(request: HttpRequest, pk: int, cpk: int) -> HttpResponse:
    """Edit a competency's titles, descriptions and kind, in English and French."""
    framework = _framework(request, pk)
    competency = get_object_or_404(Competency, framework=framework, pk=cpk)
    return _competency_form_page(request, framework, competency)


@login_required
def competency_search(request: HttpRequest) -> HttpResponse:
    """Search competencies of every framework; the job profile builder asks for options."""
    require(access.can_view_frameworks(request.user))
    query = request.GET.get("q", "").strip()
    framework = None
    framework_pk = int_or_none(request.GET.get("framework"))
    if framework_pk is not None:
        framework = (
            access.frameworks_visible_to(request.user).filter(pk=framework_pk).first()
        )
    field = request.GET.get("field", "competency")
    if not field.replace("-", "").replace("_", "").isalnum():
        raise Http404
    results = selectors.competency_search(request.user, query, framework=framework)
    return render_page_or_fragment(
        request,
        "frameworks/competency_search.html",
        "frameworks/htmx/competency_options.html",
        {"query": query, "results": results, "field": field, "searched": bool(query)},
    )


def case_uri(request: HttpRequest, kind: str, identifier: str) -> HttpResponse:
    """Resolve a URI skillpath gave a CASE node to the page that shows it."""
    if kind == "CFDocuments":
        framework = get_object_or_404(Framework, identifier=identifier)
        return redirect(framework)
    if kind == "CFItems":
        competency = Competency.objects.filter(identifier=identifier).first()
        if competency is not None:
            return redirect(competency)
    raise Http404
