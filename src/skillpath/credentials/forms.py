"""Forms of the micro-credential definition pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from skillpath.credentials.models import AssessmentMethod, MicroCredential

TEXT = {"rows": 3}


class CredentialForm(forms.ModelForm):
    stacks_into_url = forms.URLField(
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


class DefineForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
