"""Coordinator pages: the item bank, authoring with a preview, import and export."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillpath.assessments import access, presentation, requirements, selectors
from skillpath.assessments.exceptions import AssessmentError, ItemImportError
from skillpath.assessments.forms import ImportForm, ItemForm, PolicyForm
from skillpath.assessments.models import Item, ItemStatus
from skillpath.assessments.services import bank, interchange
from skillpath.common.htmx import redirect_after_post, render_page_or_fragment
from skillpath.common.types import AuthedRequest


def _require_author(request: AuthedRequest) -> None:
    if not access.is_author(request.user):
        raise PermissionDenied(_("The item bank is for coordinators."))


def _competencies(request: AuthedRequest) -> list[Any]:
    return [
        c for c in requirements.all_competencies() if access.can_author(request.user, c)
    ]


@login_required
def bank_index(request: AuthedRequest) -> HttpResponse:
    """List the competencies this coordinator authors, with their bank, and import."""
    _require_author(request)
    competencies = _competencies(request)
    summary = selectors.bank_summary([c.pk for c in competencies])
    selected = None
    items: list[Item] = []
    wanted = request.GET.get("competency")
    if wanted and wanted.isdigit():
        selected = next((c for c in competencies if c.pk == int(wanted)), None)
        if selected is None:
            raise Http404
        items = list(
            Item.objects.filter(competency=selected).order_by("status", "code")
        )
    rows = [
        {
            "competency": c,
            "title": requirements.competency_title(c),
            "counts": summary.get(c.pk, dict.fromkeys(ItemStatus.values, 0)),
        }
        for c in competencies
    ]
    return render_page_or_fragment(
        request,
        "assessments/bank.html",
        "assessments/htmx/bank_items.html",
        {
            "rows": rows,
            "selected": selected,
            "selected_title": requirements.competency_title(selected)
            if selected
            else "",
            "items": items,
            "import_form": ImportForm(),
            "statuses": ItemStatus,
        },
    )


def _save_item(
    request: AuthedRequest, form: ItemForm, item: Item | None, competency: Any
) -> Item | None:
    try:
        parsed = interchange.row_to_dict(form.as_row())
    except ValueError as error:
        form.add_error(None, str(error))
        return None
    fields = {
        "code": parsed["code"],
        "kind": parsed["kind"],
        "stem_en": parsed["stem"]["en"],
        "stem_fr": parsed["stem"]["fr"],
        "image_alt_en": form.cleaned_data["image_alt_en"],
        "image_alt_fr": form.cleaned_data["image_alt_fr"],
        "content": parsed["content"],
        "answer_key": parsed["key"],
        "rubric": parsed["rubric"] or {},
        "discrimination": parsed["irt"]["discrimination"],
        "thresholds": parsed["irt"]["thresholds"],
    }
    image = form.cleaned_data.get("image")
    try:
        if item is None:
            return bank.item_create(
                author=request.user, competency=competency, image=image, **fields
            )
        return bank.item_update(item=item, author=request.user, image=image, **fields)
    except AssessmentError as error:
        form.add_error(None, str(error))
        return None


@login_required
def item_new(request: AuthedRequest) -> HttpResponse:
    """Write a new item for a competency (it starts as a draft)."""
    _require_author(request)
    wanted = request.GET.get("competency", "")
    competency = next((c for c in _competencies(request) if str(c.pk) == wanted), None)
    if competency is None:
        raise Http404
    form = ItemForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        item = _save_item(request, form, None, competency)
        if item is not None:
            messages.success(request, _("The item is saved as a draft."))
            return redirect_after_post(request, item.get_absolute_url())
    return render(
        request,
        "assessments/item_form.html",
        {
            "form": form,
            "competency_title": requirements.competency_title(competency),
            "item": None,
        },
        status=422 if request.method == "POST" else 200,
    )


def _item_for_author(request: AuthedRequest, pk: int) -> Item:
    item = get_object_or_404(Item.objects.select_related("competency"), pk=pk)
    if not access.can_author(request.user, item.competency):
        raise PermissionDenied(
            _("Only coordinators of the framework's organisation edit this item bank.")
        )
    return item


@login_required
def item_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    """Show an item as a learner sees it (the preview), its key, and its statistics."""
    item = _item_for_author(request, pk)
    form = ItemForm(
        request.POST or None, request.FILES or None, initial=ItemForm.initial_for(item)
    )
    saved = (
        request.method == "POST"
        and form.is_valid()
        and _save_item(request, form, item, item.competency) is not None
    )
    if saved:
        messages.success(request, _("The item is saved."))
        return redirect_after_post(request, item.get_absolute_url())
    return render(
        request,
        "assessments/item_form.html",
        {
            "form": form,
            "item": item,
            "preview": presentation.learner_item(item),
            "competency_title": requirements.competency_title(item.competency),
            "transitions": [
                ItemStatus(s) for s in bank.TRANSITIONS[ItemStatus(item.status)]
            ],
            "responses": item.responses.count(),
        },
        status=422 if request.method == "POST" else 200,
    )


@login_required
def item_preview(request: AuthedRequest, pk: int) -> HttpResponse:
    """Return the preview fragment of an item, as the learner sees it."""
    item = _item_for_author(request, pk)
    return render_page_or_fragment(
        request,
        "assessments/item_preview.html",
        "assessments/htmx/item_preview.html",
        {"preview": presentation.learner_item(item), "item": item},
    )


@login_required
@require_POST
def item_status(request: AuthedRequest, pk: int) -> HttpResponse:
    """Move an item to another state."""
    item = _item_for_author(request, pk)
    try:
        bank.item_status_set(
            item=item, author=request.user, status=request.POST.get("status", "")
        )
    except AssessmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The item is now “%(s)s”.") % {"s": item.get_status_display()}
        )
    return redirect_after_post(request, item.get_absolute_url())


@login_required
def items_export(request: AuthedRequest) -> HttpResponse:
    """Download a competency's items (all of them when none is named) as JSON or CSV."""
    _require_author(request)
    competencies = _competencies(request)
    wanted = request.GET.get("competency", "")
    if wanted:
        competencies = [c for c in competencies if str(c.pk) == wanted]
        if not competencies:
            raise Http404
    items = (
        Item.objects.filter(competency__in=competencies)
        .select_related("competency")
        .order_by("code")
    )
    file_format = request.GET.get("format", "json")
    if file_format == "csv":
        response = HttpResponse(
            interchange.items_export_csv(items), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="skillpath-items.csv"'
    else:
        response = HttpResponse(
            interchange.items_export_json(items), content_type="application/json"
        )
        response["Content-Disposition"] = 'attachment; filename="skillpath-items.json"'
    return response


@login_required
@require_POST
def items_import(request: AuthedRequest) -> HttpResponse:
    """Import items from a JSON or CSV file: all or nothing."""
    _require_author(request)
    form = ImportForm(request.POST, request.FILES)
    problems: list[str] = []
    if form.is_valid():
        upload = form.cleaned_data["file"]
        name = upload.name.lower()
        file_format = "csv" if name.endswith(".csv") else "json"
        try:
            report = interchange.items_import(
                author=request.user, data=upload.read(), file_format=file_format
            )
        except ItemImportError as error:
            form.add_error("file", str(error))
            problems = error.problems
        else:
            messages.success(
                request,
                _("Imported %(created)d new and %(updated)d changed items.")
                % {"created": len(report.created), "updated": len(report.updated)},
            )
            return redirect_after_post(request, reverse("assessments:bank"))
    return render(
        request,
        "assessments/import_result.html",
        {"import_form": form, "problems": problems},
        status=422,
    )


@login_required
def policy(request: AuthedRequest, credential_id: int) -> HttpResponse:
    """Set the time limit, length and caution of a micro-credential's adaptive test."""
    credential = requirements.credential_get(credential_id)
    if credential is None:
        raise Http404
    current = requirements.assessment_settings(credential)
    form = PolicyForm(
        request.POST or None,
        initial={
            "time_limit_minutes": current.time_limit_minutes,
            "max_items_per_competency": current.max_items_per_competency,
            "caution": current.caution,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            bank.policy_set(
                credential=credential,
                author=request.user,
                time_limit_minutes=form.cleaned_data["time_limit_minutes"],
                max_items_per_competency=form.cleaned_data["max_items_per_competency"],
                caution=form.cleaned_data["caution"],
            )
        except AssessmentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The test's rules are saved."))
            return redirect_after_post(
                request, reverse("assessments:credential", args=[credential.pk])
            )
    elif not access.can_set_policy(request.user, credential):
        raise PermissionDenied(
            _("Only coordinators of the issuing organisation set the test's rules.")
        )
    return render(
        request,
        "assessments/policy.html",
        {
            "form": form,
            "credential": credential,
            "credential_title": requirements.credential_title(credential),
        },
        status=422 if request.method == "POST" else 200,
    )
