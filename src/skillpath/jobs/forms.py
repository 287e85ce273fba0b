"""Forms of the demand pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from skillpath.accounts.models import Organisation
from skillpath.jobs.models import DemandReport


class DemandForm(forms.ModelForm):
    employer = forms.ModelChoiceField(
        label=_("Employer"), queryset=Organisation.objects.none(), empty_label=None
    )

    class Meta:
        model = DemandReport
        fields = [
            "employer",
            "job_title",
            "noc_code",
            "openings",
            "region",
            "city",
            "urgency",
            "wage_min",
            "wage_max",
            "wage_unit",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(
        self, *args: Any, employers: list[Organisation] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        ids = [o.pk for o in employers or []]
        self.fields["employer"].queryset = Organisation.objects.filter(pk__in=ids)  # type: ignore[attr-defined]
        if len(ids) == 1:
            self.fields["employer"].initial = ids[0]
            self.fields["employer"].widget = forms.HiddenInput()
        if self.instance.pk:
            del self.fields["employer"]
