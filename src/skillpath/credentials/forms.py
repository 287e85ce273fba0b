"""Forms of the credentials pages: define a micro-credential; verify, revoke, share."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from skillpath.common.weblinks import WebLinkField
from skillpath.credentials.documents.verification import MAX_INPUT_BYTES
from skillpath.credentials.models import AssessmentMethod, MicroCredential

TEXT = {"rows": 3}


class CredentialForm(forms.ModelForm):
    stacks_into_url = WebLinkField(
        label=_("Web page of the larger credential"),
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = MicroCredential
        fields = [
            "title_en",
            "title_fr",
            "description_en",
            "description_fr",
            "criteria_en",
            "criteria_fr",
            "full_program_hours",
            "validity_months",
            "stackable",
            "stacks_into",
            "stacks_into_url",
            "retake_cooldown_days",
            "max_attempts",
        ]
        widgets = {
            "description_en": forms.Textarea(attrs=TEXT),
            "description_fr": forms.Textarea(attrs=TEXT),
            "criteria_en": forms.Textarea(attrs=TEXT),
            "criteria_fr": forms.Textarea(attrs=TEXT),
        }
        help_texts = {
            "criteria_en": _(
                "What a learner shows to earn it, e.g. every competency at its level."
            ),
            "max_attempts": _(
                "How many times a learner may take the assessment of a competency."
            ),
        }


class RequirementForm(forms.Form):
    required_level = forms.TypedChoiceField(
        label=_("Required level"), coerce=int, choices=()
    )
    methods = forms.MultipleChoiceField(
        label=_("Assessment methods allowed"),
        choices=AssessmentMethod.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(
        self, *args: Any, levels: list[tuple[int, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["required_level"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = levels or [(n, str(n)) for n in range(1, 5)]


class VerifyForm(forms.Form):
    """A credential pasted as text (JSON or JWT), or a baked image or file."""

    credential = forms.CharField(
        label=_("Paste a credential (JSON or JWT)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
    )
    file = forms.FileField(
        label=_("Or upload a badge image or credential file"),
        required=False,
        help_text=_("A baked PNG or SVG badge, a .json file or a .jwt file."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".png,.svg,.json,.jwt,.txt,image/png,image/svg+xml"}
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        text = (data.get("credential") or "").strip()
        upload = data.get("file")
        if not text and not upload:
            raise forms.ValidationError(
                _("Paste a credential or choose a file to verify.")
            )
        if upload is not None:
            if upload.size > MAX_INPUT_BYTES:
                raise forms.ValidationError(
                    _("The file is too large: at most 2 MiB can be verified.")
                )
            data["payload"] = upload.read()
        else:
            data["payload"] = text
        return data


class RevokeForm(forms.Form):
    """Why an award is revoked: the learner reads this."""

    reason = forms.CharField(
        label=_("Reason for revoking"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The learner is told this reason on their wallet and by e-mail."),
    )


class ShareForm(forms.Form):
    """Show or hide an award's public page."""

    shared = forms.BooleanField(required=False)
