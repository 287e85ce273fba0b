"""Pages of micro-credential definitions: the public catalogue, and the coordinators'
pages to define, adjust and publish them."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillpath.accounts.access import require
from skillpath.common.htmx import redirect_after_post, render_page_or_fragment
from skillpath.common.types import AuthedRequest
from skillpath.credentials import access, selectors
from skillpath.credentials.documents.ctdl import ctdl_document
from skillpath.credentials.exceptions import CredentialError
from skillpath.credentials.forms import CredentialForm, RequirementForm
from skillpath.credentials.models import (
    AssessmentMethod,
    CredentialState,
    MicroCredential,
    MicroCredentialCompetency,
)
from skillpath.credentials.services import definitions as services
from skillpath.frameworks import access as framework_access
from skillpath.frameworks.models import Competency, ProfileVersion
from skillpath.frameworks.selectors import competency_profile


def catalogue(request: HttpRequest) -> HttpResponse:
    """List the published micro-credentials, for anyone, searched in both languages."""
    query = request.GET.get("q", "").strip()
    credentials = selectors.published_credentials(query=query)
    return render_page_or_fragment(
        request,
        "credentials/catalogue.html",
        "credentials/htmx/catalogue_results.html",
        {"credentials": credentials, "query": query},
    )


def _credential(request: HttpRequest, slug: str) -> MicroCredential:
    credential = selectors.credential_detail(slug)
    if credential is None or not access.can_view(request.user, credential):
        raise Http404
    return credential


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show what a credential certifies, its competencies and levels, the job it leads
    to, and the employers who endorsed it."""
    credential = _credential(request, slug)
    profile = credential.profile_version.profile
    return render(
        request,
        "credentials/detail.html",
        {
            "credential": credential,
            "profile": profile,
            "requirements": selectors.credential_requirements(credential),
            "endorsers": selectors.endorsers(credential),
            "can_edit": access.can_edit(request.user, credential),
        },
    )


def ctdl(request: HttpRequest, slug: str) -> HttpResponse:
    """Return a published credential as CTDL JSON-LD (``ceterms:MicroCredential``)."""
    credential = _credential(request, slug)
    if credential.state != CredentialState.PUBLISHED:
        raise Http404
    return HttpResponse(
        json.dumps(ctdl_document(credential), indent=2, ensure_ascii=False),
        content_type="application/ld+json; charset=utf-8",
    )


@login_required
def manage(request: AuthedRequest) -> HttpResponse:
    """List the definitions of the organisations where this person coordinates."""
    organisations = framework_access.coordinated_organisations(request.user)
    require(bool(organisations) or request.user.is_superuser)
    return render(
        request,
        "credentials/manage.html",
        {"credentials": selectors.credentials_managed_by(organisations)},
    )


@login_required
@require_POST
def define(request: AuthedRequest) -> HttpResponse:
    """Define a micro-credential from a profile version, then adjust it."""
    version = get_object_or_404(
        ProfileVersion.objects.select_related("profile", "profile__owner"),
        pk=request.POST.get("version") or 0,
    )
    if not framework_access.can_view_version(request.user, version):
        raise Http404
    organisations = framework_access.coordinated_organisations(request.user)
    issuer = version.profile.owner if version.profile.owner in organisations else None
    if issuer is None and organisations:
        issuer = organisations[0]
    require(issuer is not None)
    assert issuer is not None
    try:
        credential = services.credential_define(
            version=version, issuing_organisation=issuer, defined_by=request.user
        )
    except CredentialError as error:
        messages.error(request, str(error))
        return redirect_after_post(request, version.get_absolute_url())
    messages.success(
        request,
        _(
            "The micro-credential is defined from the profile. Adjust it, then publish it."
        ),
    )
    return redirect_after_post(
        request, reverse("credentials:edit", args=[credential.slug])
    )


def _levels(requirement: MicroCredentialCompetency) -> list[tuple[int, str]]:
    scale = requirement.competency.scale
    levels = list(scale.levels.order_by("level")) if scale else []
    return [(level.level, f"{level.level} — {level.label}") for level in levels]


@login_required
def edit(request: AuthedRequest, slug: str) -> HttpResponse:
    """Adjust a draft: what it says, each competency's level and methods; publish it."""
    credential = _credential(request, slug)
    require(access.can_edit(request.user, credential))
    editable = credential.state == CredentialState.DRAFT
    form = CredentialForm(
        request.POST if request.POST.get("op") == "details" else None,
        instance=credential,
    )
    if (
        request.method == "POST"
        and request.POST.get("op") == "details"
        and form.is_valid()
    ):
        try:
            services.credential_update(
                credential=credential,
                changed_by=request.user,
                **{name: form.cleaned_data[name] for name in form.Meta.fields},
            )
        except CredentialError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The micro-credential is saved."))
            return redirect_after_post(
                request, reverse("credentials:edit", args=[slug])
            )
    requirements = list(
        credential.requirements.select_related("competency", "competency__framework")
        .prefetch_related("methods")
        .order_by("position", "pk")
    )
    rows = [
        (
            requirement,
            RequirementForm(
                prefix=f"r{requirement.pk}",
                levels=_levels(requirement),
                initial={
                    "required_level": requirement.required_level,
                    "methods": list(requirement.allowed_methods),
                },
            ),
        )
        for requirement in requirements
    ]
    included = {r.competency_id for r in requirements}
    left_out = [
        need
        for need in competency_profile(credential.profile_version)
        if need.competency.pk not in included
    ]
    # Reload the state: a failed update must not show edited values as saved.
    credential.refresh_from_db()
    return render(
        request,
        "credentials/edit.html",
        {
            "credential": credential,
            "form": form,
            "rows": rows,
            "left_out": left_out,
            "editable": editable,
            "problems": services.publish_problems(credential) if editable else [],
            "methods": AssessmentMethod.choices,
        },
    )


@login_required
@require_POST
def requirement_change(request: AuthedRequest, slug: str) -> HttpResponse:
    """Adjust, remove or add back one competency of a draft."""
    credential = _credential(request, slug)
    require(access.can_edit(request.user, credential))
    action = request.POST.get("action", "")
    try:
        if action == "add":
            competency = get_object_or_404(
                Competency, pk=request.POST.get("competency") or 0
            )
            need = next(
                (
                    n
                    for n in competency_profile(credential.profile_version)
                    if n.competency.pk == competency.pk
                ),
                None,
            )
            services.requirement_add(
                credential=credential,
                added_by=request.user,
                competency=competency,
                required_level=need.required_level if need else 1,
                importance=need.importance if need else 3,
            )
            messages.success(
                request, _("“%(c)s” is required again.") % {"c": competency.title}
            )
        else:
            requirement = get_object_or_404(
                MicroCredentialCompetency.objects.select_related("competency"),
                credential=credential,
                pk=request.POST.get("requirement") or 0,
            )
            if action == "remove":
                services.requirement_remove(
                    requirement=requirement, removed_by=request.user
                )
                messages.success(
                    request,
                    _("“%(c)s” is left out.") % {"c": requirement.competency.title},
                )
            elif action == "save":
                form = RequirementForm(
                    request.POST,
                    prefix=f"r{requirement.pk}",
                    levels=_levels(requirement),
                )
                if not form.is_valid():
                    messages.error(request, _("Choose a level on the scale."))
                else:
                    services.requirement_update(
                        requirement=requirement,
                        changed_by=request.user,
                        required_level=form.cleaned_data["required_level"],
                        methods=form.cleaned_data["methods"],
                    )
                    messages.success(
                        request,
                        _("“%(c)s” is saved.") % {"c": requirement.competency.title},
                    )
            else:
                raise Http404
    except CredentialError as error:
        messages.error(request, str(error))
    return redirect_after_post(
        request, reverse("credentials:edit", args=[slug]) + "#competencies"
    )


@login_required
@require_POST
def publish(request: AuthedRequest, slug: str) -> HttpResponse:
    """Publish a draft (refused, with the reason, before an employer endorses the
    profile), or retire a published credential."""
    credential = _credential(request, slug)
    require(access.can_edit(request.user, credential))
    try:
        if request.POST.get("action") == "retire":
            services.credential_retire(credential=credential, retired_by=request.user)
            messages.success(
                request, _("The micro-credential is retired from the catalogue.")
            )
        else:
            services.credential_publish(
                credential=credential, published_by=request.user
            )
            messages.success(
                request, _("The micro-credential is published in the catalogue.")
            )
            return redirect_after_post(request, credential.get_absolute_url())
    except CredentialError as error:
        messages.error(request, _("Not published. %(reason)s") % {"reason": error})
    return redirect_after_post(request, reverse("credentials:edit", args=[slug]))
