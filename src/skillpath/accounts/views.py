"""Sign-up, sign-in, profile and consent, approvals, API tokens."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skillpath.accounts import access, selectors, services, throttle
from skillpath.accounts.exceptions import AccountsError, TooManyPasswordResets
from skillpath.accounts.forms import (
    EmployerSignupForm,
    LearnerProfileForm,
    LearnerSignupForm,
    LoginForm,
    TokenCreateForm,
)
from skillpath.accounts.models import ApiToken, LearnerProfile, Membership
from skillpath.common.htmx import redirect_after_post
from skillpath.common.http import client_address
from skillpath.common.types import AuthedRequest

BACKEND = "skillpath.accounts.backends.ThrottledModelBackend"


def _remember_language(response: HttpResponse, language: str) -> HttpResponse:
    """Set the language cookie, so the next page is in the person's language.

    The language is not activated here: LocaleMiddleware does that per request, and
    activating it in the view would leak into whatever else runs in this thread.
    """
    from django.conf import settings

    # The same attributes as Django's own language view (Secure in production).
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 3600,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",  # type: ignore[arg-type]
    )
    return response


def signup(request: HttpRequest) -> HttpResponse:
    """Create a job seeker's account."""
    form = LearnerSignupForm(
        request.POST or None, initial={"language": translation.get_language() or "en"}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.learner_signup(
                email=data["email"],
                password=data["password1"],
                full_name=data["full_name"],
                language=data["language"],
                region=data["region"],
                share_with_employers=data["share_with_employers"],
                follow_up_surveys=data["follow_up_surveys"],
            )
        except (AccountsError, ValidationError) as error:
            form.add_error(
                None,
                error.messages if isinstance(error, ValidationError) else str(error),
            )
        else:
            login(request, user, backend=BACKEND)
            messages.success(request, _("Welcome to skillpath. Your account is ready."))
            return _remember_language(
                redirect("web:dashboard"), user.preferred_language
            )
    return render(request, "accounts/signup.html", {"form": form, "employer": False})


def employer_signup(request: HttpRequest) -> HttpResponse:
    """Create an employer representative's account, which waits for approval."""
    form = EmployerSignupForm(
        request.POST or None, initial={"language": translation.get_language() or "en"}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            membership = services.employer_signup(
                email=data["email"],
                password=data["password1"],
                full_name=data["full_name"],
                language=data["language"],
                organisation=data["organisation"],
                new_organisation_name=data["new_organisation_name"],
                new_organisation_province=data["new_organisation_province"],
                new_organisation_website=data["new_organisation_website"],
            )
        except (AccountsError, ValidationError) as error:
            form.add_error(
                None,
                error.messages if isinstance(error, ValidationError) else str(error),
            )
        else:
            login(
                request,
                membership.user,
                backend=BACKEND,
            )
            messages.info(
                request,
                _(
                    "Your account is created. A coordinator will review your request to join %(org)s."
                )
                % {"org": membership.organisation.name},
            )
            return _remember_language(
                redirect("web:dashboard"), membership.user.preferred_language
            )
    return render(request, "accounts/signup.html", {"form": form, "employer": True})


class LoginView(auth_views.LoginView):
    """Sign in; the backend's throttle answers 429 while a back-off runs."""

    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_invalid(self, form: Any) -> HttpResponse:
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, code="throttled"):
            response.status_code = 429
        return response

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        return _remember_language(response, form.get_user().preferred_language)


class PasswordResetView(auth_views.PasswordResetView):
    """Mail a reset link, at most a few per account and per address in a window."""

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            throttle.password_reset_request_record(
                email=form.cleaned_data["email"],
                client_address=client_address(self.request),
            )
        except TooManyPasswordResets as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


@login_required
def profile(request: AuthedRequest) -> HttpResponse:
    """Let a learner change their profile and what they consent to."""
    learner = LearnerProfile.objects.filter(user=request.user).first()
    if learner is None:
        raise PermissionDenied
    form = LearnerProfileForm(request.POST or None, instance=learner)
    if request.method == "POST" and form.is_valid():
        services.learner_profile_update(
            profile=learner,
            changed_by=request.user,
            **{name: form.cleaned_data[name] for name in form.Meta.fields},
        )
        messages.success(request, _("Your profile is saved."))
        return redirect_after_post(request, reverse("accounts:profile"))
    return render(request, "accounts/profile.html", {"form": form, "profile": learner})


@login_required
def learner_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    """Show a learner's profile to the people allowed to see it."""
    learner = get_object_or_404(
        LearnerProfile.objects.select_related("user", "home_organisation"), pk=pk
    )
    access.require(access.can_view_learner(request.user, learner))
    return render(request, "accounts/learner_detail.html", {"learner": learner})


@login_required
def candidates(request: HttpRequest) -> HttpResponse:
    """Send employers to the candidate search, which shows credentials and the match.

    The old list showed names and provinces only; the jobs app's search keeps the
    consent's promise ("profile and credentials").
    """
    return redirect("jobs:candidates")


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show an organisation; its managers also see its members."""
    visible = selectors.organisations_visible_to(request.user)
    organisation = get_object_or_404(visible, slug=slug)
    members = None
    if access.can_manage_organisation(request.user, organisation):
        members = organisation.memberships.select_related("user").order_by(
            "role", "user__full_name"
        )
    return render(
        request,
        "accounts/organisation_detail.html",
        {"organisation": organisation, "members": members},
    )


@login_required
def approvals(request: AuthedRequest) -> HttpResponse:
    """List the requests to join that this person may decide on."""
    pending = selectors.pending_memberships_for(request.user)
    if not pending.exists() and not (
        access.has_role(request.user, "coordinator")
        or access.has_role(request.user, "administrator")
    ):
        raise PermissionDenied
    return render(request, "accounts/approvals.html", {"pending": pending})


@login_required
@require_POST
def approval_decide(request: AuthedRequest, pk: int) -> HttpResponse:
    """Approve or reject one request to join."""
    membership = get_object_or_404(Membership, pk=pk)
    approve = request.POST.get("decision") == "approve"
    try:
        services.membership_decide(
            membership=membership, approve=approve, decided_by=request.user
        )
    except AccountsError as error:
        raise PermissionDenied(str(error)) from error
    if approve:
        messages.success(
            request,
            _("%(name)s can now act for %(org)s.")
            % {"name": membership.user.full_name, "org": membership.organisation.name},
        )
    else:
        messages.info(
            request,
            _("The request of %(name)s was rejected.")
            % {"name": membership.user.full_name},
        )
    return redirect_after_post(request, reverse("accounts:approvals"))


NEW_TOKENS_SESSION_KEY = "accounts_new_tokens"  # noqa: S105 (a session key name)


@login_required
def tokens(request: AuthedRequest) -> HttpResponse:
    """List, create and revoke one's personal API tokens.

    A new token's secret is kept in the session only until the page after the
    redirect shows it, once; a double submit shows both new tokens, so no secret is
    lost.
    """
    form = TokenCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, key = services.token_create(
                user=request.user,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                expires_in_days=form.cleaned_data["expires_in_days"],
            )
        except AccountsError as error:
            form.add_error(getattr(error, "field", "") or None, str(error))
        else:
            waiting = request.session.get(NEW_TOKENS_SESSION_KEY, [])
            request.session[NEW_TOKENS_SESSION_KEY] = [
                *waiting,
                {"id": token.pk, "key": key},
            ]
            return redirect_after_post(request, reverse("accounts:tokens"))
    keys = {
        entry["id"]: entry["key"]
        for entry in request.session.pop(NEW_TOKENS_SESSION_KEY, [])
    }
    tokens = ApiToken.objects.filter(user=request.user)
    return render(
        request,
        "accounts/tokens.html",
        {
            "form": form,
            "new_tokens": [
                (token, keys[token.pk]) for token in tokens.filter(pk__in=keys)
            ],
            "tokens": tokens,
        },
    )


@login_required
@require_POST
def token_revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    """Revoke one of one's own tokens."""
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.token_revoke(token=token, revoked_by=request.user)
    messages.success(
        request, _("The token “%(name)s” no longer works.") % {"name": token.name}
    )
    return redirect_after_post(request, reverse("accounts:tokens"))


def organisation_list(request: HttpRequest) -> HttpResponse:
    """List the organisations on the platform."""
    organisations = selectors.organisations_visible_to(request.user)
    return render(
        request, "accounts/organisation_list.html", {"organisations": organisations}
    )
