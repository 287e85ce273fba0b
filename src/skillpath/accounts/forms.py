"""Forms of the accounts pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from skillpath.accounts.backends import SIGNIN_REFUSAL
from skillpath.accounts.models import (
    TOKEN_DEFAULT_DAYS,
    Language,
    LearnerProfile,
    Organisation,
    OrganisationKind,
    OrganisationStatus,
    Province,
    TokenScope,
)
from skillpath.accounts.selectors import active_employers
from skillpath.common.weblinks import WebLinkField


class SignupForm(forms.Form):
    """What every new account asks for."""

    full_name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail address"), help_text=_("You will sign in with this address.")
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not a common password; not only numbers."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are different."))
        elif first:
            try:
                password_validation.validate_password(first)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class LearnerSignupForm(SignupForm):
    region = forms.ChoiceField(
        label=_("Province or territory"),
        choices=[("", _("Choose…"))] + list(Province.choices),
        required=False,
    )
    share_with_employers = forms.BooleanField(
        label=_("Employers may see my profile and credentials"),
        required=False,
        help_text=_("You can change this at any time."),
    )
    follow_up_surveys = forms.BooleanField(
        label=_("I agree to answer short follow-up surveys about my job"),
        required=False,
    )


class EmployerSignupForm(SignupForm):
    organisation = forms.ModelChoiceField(
        label=_("Your organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("It is not in the list: I will name it below"),
    )
    new_organisation_name = forms.CharField(
        label=_("Name of your organisation, if it is not in the list"),
        max_length=200,
        required=False,
    )
    new_organisation_province = forms.ChoiceField(
        label=_("Province or territory of your organisation"),
        choices=[("", _("Choose…"))] + list(Province.choices),
        required=False,
    )
    new_organisation_website = WebLinkField(
        label=_("Website"), required=False, assume_scheme="https"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = active_employers()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not cleaned.get("organisation"):
            if not cleaned.get("new_organisation_name", "").strip():
                self.add_error(
                    "organisation",
                    _("Choose your organisation, or give the name of a new one."),
                )
            elif not cleaned.get("new_organisation_province"):
                self.add_error(
                    "new_organisation_province",
                    _("Say in which province or territory your organisation works."),
                )
        return cleaned


class SignInRefusalMixin:
    """Say "wait" rather than "wrong password" when the throttle refused a sign-in."""

    request: Any

    def get_invalid_login_error(self) -> ValidationError:
        refusal = getattr(self.request, SIGNIN_REFUSAL, None)
        if refusal is not None:
            return ValidationError(str(refusal), code="throttled")
        return super().get_invalid_login_error()  # type: ignore[misc]


class AdminLoginForm(SignInRefusalMixin, AdminAuthenticationForm):
    """The admin's sign-in form, showing the throttle's refusal."""


class LoginForm(SignInRefusalMixin, AuthenticationForm):
    """Sign in with an e-mail address."""

    error_messages = {
        "invalid_login": _(
            "The e-mail address or the password is wrong. Check both, or reset your password."
        ),
        "inactive": _("This account is closed."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("E-mail address")
        self.fields["username"].widget.attrs["autocomplete"] = "email"


class LearnerProfileForm(forms.ModelForm):
    class Meta:
        model = LearnerProfile
        fields = [
            "region",
            "home_organisation",
            "share_with_employers",
            "job_alerts_by_email",
            "follow_up_surveys",
            "identifies_newcomer",
            "identifies_indigenous",
            "identifies_woman",
            "identifies_youth",
            "identifies_disability",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["home_organisation"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            kind__in=[OrganisationKind.COLLEGE, OrganisationKind.COMMUNITY_AGENCY],
            status=OrganisationStatus.ACTIVE,
        )


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("For example, the program that will use it."),
    )
    scope = forms.ChoiceField(
        label=_("What the token may do"),
        choices=TokenScope.choices,
        initial=TokenScope.READ,
        widget=forms.RadioSelect,
        help_text=_("A read-only token is refused on every request that changes data."),
    )
    expires_in_days = forms.TypedChoiceField(
        label=_("Works for"),
        coerce=int,
        choices=[
            (7, _("7 days")),
            (30, _("30 days")),
            (90, _("90 days")),
            (180, _("180 days")),
            (365, _("1 year")),
        ],
        initial=TOKEN_DEFAULT_DAYS,
        help_text=_("After that it stops working; create a new one."),
    )
