"""Learners' pages: the catalogue, the plan and its progress, the cycle."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillpath.accounts.models import Organisation
from skillpath.common.htmx import redirect_after_post, render_page_or_fragment
from skillpath.common.types import AuthedRequest
from skillpath.credentials.models import MicroCredential
from skillpath.learning import access, selectors
from skillpath.learning.exceptions import LearningError
from skillpath.learning.forms import CatalogueForm, PlanSettingsForm, ProofForm
from skillpath.learning.journey import journey_for
from skillpath.learning.models import LearningPlan, Module, PlanItem
from skillpath.learning.services import plans, progress
from skillpath.learning.services.reassess import reassessment_start
from skillpath.learning.standings import standings_for


def catalogue(request: HttpRequest) -> HttpResponse:
    """Search the reviewed modules; htmx asks for the results only."""
    providers = list(Organisation.objects.filter(modules__status="approved").distinct())
    form = CatalogueForm(request.GET or None, providers=providers)
    filters = selectors.CatalogueFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = selectors.CatalogueFilters(
            query=data["q"],
            format=data["format"],
            language=data["language"],
            provider=data["provider"],
            max_cost=data["max_cost"],
            province=data["province"],
            competencies=selectors.credential_competencies(data["credential"]),
        )
    page = Paginator(selectors.modules_offered(filters), 20).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render_page_or_fragment(
        request,
        "learning/catalogue.html",
        "learning/htmx/module_results.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


def module_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a module; unreviewed ones only to their provider and reviewers."""
    module = get_object_or_404(selectors.with_relations(Module.objects.all()), pk=pk)
    if not access.can_see_module(request.user, module):
        raise Http404
    return render(
        request,
        "learning/module_detail.html",
        {
            "module": module,
            "can_manage": access.can_manage_module(request.user, module),
            "can_review": access.can_review_modules(request.user),
        },
    )


@login_required
def home(request: AuthedRequest) -> HttpResponse:
    """List every credential the learner is working towards, with its stage."""
    learning_plans = {
        plan.credential_id: plan
        for plan in LearningPlan.objects.filter(learner=request.user).select_related(
            "credential"
        )
    }
    journeys = [
        journey_for(
            learner=request.user,
            credential=credential,
            standings=standings_for(learner=request.user, credential=credential),
            plan=learning_plans.get(credential.pk),
        )
        for credential in selectors.credentials_in_progress(
            request.user, [plan.credential for plan in learning_plans.values()]
        )
    ]
    return render(request, "learning/home.html", {"journeys": journeys})


def _journey_page(
    request: AuthedRequest, plan: LearningPlan | None, learner, credential
) -> HttpResponse:
    journey = journey_for(
        learner=learner,
        credential=credential,
        standings=standings_for(learner=learner, credential=credential),
        plan=plan,
    )
    can_change = plan is not None and access.can_change_plan(request.user, plan)
    return render_page_or_fragment(
        request,
        "learning/plan.html",
        "learning/htmx/plan_progress.html",
        {
            "journey": journey,
            "plan": plan,
            "learner": learner,
            "can_change": can_change or (plan is None and learner == request.user),
            "can_confirm": plan is not None
            and not can_change
            and access.can_review_modules(request.user),
            "proof_form": ProofForm(),
        },
    )


@login_required
def plan_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    """Show a plan: to its learner, and to the staff who support them."""
    plan = get_object_or_404(
        LearningPlan.objects.select_related("credential", "learner"), pk=pk
    )
    if not access.can_view_plan(request.user, plan):
        raise Http404
    return _journey_page(request, plan, plan.learner, plan.credential)


@login_required
def path(request: AuthedRequest, slug: str) -> HttpResponse:
    """Show where the signed-in learner stands for a credential, plan or no plan."""
    credential = get_object_or_404(MicroCredential, slug=slug)
    plan = LearningPlan.objects.filter(
        learner=request.user, credential=credential
    ).first()
    return _journey_page(request, plan, request.user, credential)


def _own_item(request: AuthedRequest, pk: int) -> PlanItem:
    item = get_object_or_404(PlanItem.objects.select_related("plan", "module"), pk=pk)
    if not access.can_view_plan(request.user, item.plan):
        raise Http404
    if not access.can_change_plan(request.user, item.plan):
        raise PermissionDenied(_("Only the learner can change their own plan."))
    return item


@login_required
@require_POST
def item_start(request: AuthedRequest, pk: int) -> HttpResponse:
    item = _own_item(request, pk)
    try:
        progress.item_start(item=item, started_by=request.user)
    except LearningError as error:
        messages.error(request, str(error))
    return redirect_after_post(request, item.plan.get_absolute_url() + f"#item-{pk}")


@login_required
@require_POST
def item_complete(request: AuthedRequest, pk: int) -> HttpResponse:
    item = _own_item(request, pk)
    try:
        progress.module_complete(item=item, completed_by=request.user)
    except LearningError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Well done: %(module)s is completed.") % {"module": item.module.title},
        )
    return redirect_after_post(request, item.plan.get_absolute_url() + f"#item-{pk}")


@login_required
@require_POST
def item_proof(request: AuthedRequest, pk: int) -> HttpResponse:
    item = _own_item(request, pk)
    form = ProofForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            progress.proof_submit(
                item=item,
                submitted_by=request.user,
                url=form.cleaned_data["url"] or "",
                file=form.cleaned_data["file"],
            )
        except LearningError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Your proof is sent. The provider will confirm it.")
            )
    else:
        for problem in form.non_field_errors() or [
            e for errors in form.errors.values() for e in errors
        ]:
            messages.error(request, str(problem))
    return redirect_after_post(request, item.plan.get_absolute_url() + f"#item-{pk}")


@login_required
def proof_file(request: AuthedRequest, pk: int) -> FileResponse:
    """Serve a proof file to the learner and to those who may confirm it."""
    item = get_object_or_404(PlanItem.objects.select_related("plan", "module"), pk=pk)
    allowed = access.can_view_plan(request.user, item.plan) or (
        access.can_confirm_proof(request.user, item)
    )
    if not allowed or not item.proof_file:
        raise Http404
    return FileResponse(item.proof_file.open("rb"), as_attachment=True)


@login_required
def plan_settings(request: AuthedRequest, pk: int) -> HttpResponse:
    """Let the learner change their constraints, then plan again."""
    plan = get_object_or_404(LearningPlan, pk=pk)
    if not access.can_view_plan(request.user, plan):
        raise Http404
    if not access.can_change_plan(request.user, plan):
        raise PermissionDenied(_("Only the learner can change their own plan."))
    form = PlanSettingsForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plans.plan_settings_update(
                plan=plan,
                changed_by=request.user,
                languages=data["languages"],
                formats=data["formats"],
                max_cost=data["max_cost"],
                region=data["region"],
                objective=data["objective"],
            )
        except LearningError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Your settings are saved and your plan is new.")
            )
            return redirect_after_post(request, plan.get_absolute_url())
    return render(request, "learning/plan_settings.html", {"form": form, "plan": plan})


@login_required
@require_POST
def reassess(request: AuthedRequest, pk: int) -> HttpResponse:
    """Start a re-assessment of the competencies whose modules are all done."""
    plan = get_object_or_404(LearningPlan.objects.select_related("credential"), pk=pk)
    if not access.can_change_plan(request.user, plan):
        raise Http404
    try:
        url = reassessment_start(plan=plan, learner=request.user)
    except LearningError as error:
        messages.error(request, str(error))
        return redirect_after_post(request, plan.get_absolute_url())
    return redirect_after_post(request, url)
