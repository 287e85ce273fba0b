"""Forms of the issuing side: verify a credential, revoke an award."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from skillpath.credentials.documents.verification import MAX_INPUT_BYTES


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
