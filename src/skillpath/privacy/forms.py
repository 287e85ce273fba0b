"""The deletion form: the person types their e-mail or password to confirm."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class DeletionForm(forms.Form):
    confirmation = forms.CharField(
        label=_("Type your e-mail address or your password"),
        max_length=254,
        strip=True,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": _(
                "Type your e-mail address or your password to confirm the deletion."
            )
        },
    )
