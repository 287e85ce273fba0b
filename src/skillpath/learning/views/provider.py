"""Providers' pages (modules, CSV, proofs) and coordinators' review of modules."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillpath.common.htmx import redirect_after_post
from skillpath.common.types import AuthedRequest
from skillpath.learning import access, selectors
from skillpath.learning.exceptions import LearningError, ModuleImportError
from skillpath.learning.forms import ModuleForm, ModuleImportForm, ReviewForm
from skillpath.learning.models import ItemStatus, Module, PlanItem
from skillpath.learning.services import catalogue, csv_io, progress

MODULE_FIELDS = catalogue.MODULE_FIELDS


def _providers(request: AuthedRequest) -> list:
    providers = access.provider_organisations(request.user)
    if not providers:
        raise PermissionDenied(
            _(
                "Only the staff of a training provider, college or employer offer modules."
            )
        )
    return providers


@login_required
def provider_modules(request: AuthedRequest) -> HttpResponse:
    """List the provider's modules, proofs to confirm, and CSV import and export."""
    providers = access.provider_organisations(request.user)
    if not providers:
        return render(request, "learning/provider_none.html", status=403)
    modules = selectors.modules_of_providers(request.user)
    proofs = (
        PlanItem.objects.filter(
            status=ItemStatus.PROOF_SUBMITTED,
            module__provider__in=providers,
        )
        .select_related("module", "plan__learner")
        .order_by("proof_submitted_at")
    )
    return render(
        request,
        "learning/provider_modules.html",
        {
            "modules": modules,
            "proofs": proofs,
            "providers": providers,
            "import_form": ModuleImportForm(providers=providers),
        },
    )


def _save(request: AuthedRequest, form: ModuleForm, module: Module | None) -> Module:
    data = form.cleaned_data
    fields = {name: data[name] for name in MODULE_FIELDS}
    if module is None:
        return catalogue.module_create(
            provider=data["provider"],
            created_by=request.user,
            teaches=data["teaches"],
            requires=data["requires"],
            requires_modules=list(data["requires_modules"]),
            **fields,
        )
    return catalogue.module_update(
        module=module,
        changed_by=request.user,
        teaches=data["teaches"],
        requires=data["requires"],
        requires_modules=list(data["requires_modules"]),
        **fields,
    )


@login_required
def module_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    """Offer a new module, or change one (which sends it back to review)."""
    providers = _providers(request)
    module = None
    if pk is not None:
        module = get_object_or_404(Module, pk=pk)
        if not access.can_manage_module(request.user, module):
            raise PermissionDenied
    form = ModuleForm(
        request.POST or None, instance=module or Module(), providers=providers
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save(request, form, module)
        except LearningError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "%(module)s is saved. A coordinator will review it before learners see it."
                )
                % {"module": saved.title},
            )
            return redirect_after_post(request, saved.get_absolute_url())
    return render(
        request, "learning/module_form.html", {"form": form, "module": module}
    )


@login_required
@require_POST
def modules_import(request: AuthedRequest) -> HttpResponse:
    """Import modules from CSV: all rows, or none with the reasons."""
    providers = _providers(request)
    form = ModuleImportForm(request.POST, request.FILES, providers=providers)
    if form.is_valid():
        try:
            result = csv_io.modules_import(
                provider=form.cleaned_data["provider"],
                imported_by=request.user,
                data=form.cleaned_data["file"].read(),
            )
        except ModuleImportError as error:
            return render(
                request,
                "learning/provider_modules.html",
                {
                    "modules": selectors.modules_of_providers(request.user),
                    "providers": providers,
                    "import_form": form,
                    "import_error": error,
                },
                status=422,
            )
        messages.success(
            request,
            _(
                "Imported: %(created)s new, %(updated)s changed, %(unchanged)s "
                "unchanged. New and changed modules wait for review."
            )
            % {
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
            },
        )
        return redirect_after_post(request, reverse("learning:provider_modules"))
    return render(
        request,
        "learning/provider_modules.html",
        {
            "modules": selectors.modules_of_providers(request.user),
            "providers": providers,
            "import_form": form,
        },
        status=422,
    )


@login_required
def modules_export(request: AuthedRequest) -> HttpResponse:
    """Download the provider's modules as CSV."""
    _providers(request)
    response = HttpResponse(
        csv_io.modules_export(selectors.modules_of_providers(request.user)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="modules.csv"'
    return response


@login_required
@require_POST
def proof_decide(request: AuthedRequest, pk: int) -> HttpResponse:
    """Confirm a learner's proof of completion, or send it back."""
    item = get_object_or_404(PlanItem.objects.select_related("plan", "module"), pk=pk)
    if not access.can_confirm_proof(request.user, item):
        raise Http404
    try:
        if request.POST.get("decision") == "return":
            progress.proof_return(
                item=item,
                returned_by=request.user,
                note=str(request.POST.get("note", "")),
            )
            messages.info(request, _("The proof is sent back to the learner."))
        else:
            progress.proof_confirm(item=item, confirmed_by=request.user)
            messages.success(request, _("Completion confirmed."))
    except LearningError as error:
        messages.error(request, str(error))
    target = str(request.POST.get("next") or "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("learning:provider_modules")
    return redirect_after_post(request, target)


@login_required
def review_list(request: AuthedRequest) -> HttpResponse:
    """List the modules waiting for a coordinator's review."""
    if not access.can_review_modules(request.user):
        raise PermissionDenied
    return render(
        request,
        "learning/review.html",
        {"modules": selectors.modules_to_review(), "form": ReviewForm()},
    )


@login_required
@require_POST
def module_review(request: AuthedRequest, pk: int) -> HttpResponse:
    """Offer a module to learners, or send it back with a note."""
    if not access.can_review_modules(request.user):
        raise PermissionDenied
    module = get_object_or_404(Module, pk=pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            catalogue.module_review(
                module=module,
                reviewer=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
            )
        except LearningError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Your review of %(module)s is saved.") % {"module": module.title},
            )
    else:
        messages.error(
            request, _("Choose whether to offer the module or send it back.")
        )
    return redirect_after_post(request, reverse("learning:review"))
