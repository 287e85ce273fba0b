"""Forms of the outcomes pages: consent, baseline, survey, rating of a hire.

The forms read what was typed; the services check it and name a wrong field.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from skillpath.frameworks.models import Competency
from skillpath.outcomes.models import WageUnit

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
HELPED = [
    ("1", _("1 — not at all")),
    ("2", _("2 — a little")),
    ("3", _("3 — somewhat")),
    ("4", _("4 — a lot")),
    ("5", _("5 — a great deal")),
]
#: The anchors of the employer's 1-5 ratings, written out.
PREPARATION_ANCHORS = [
    ("1", _("1 — not yet prepared")),
    ("2", _("2 — partly prepared, needs close supervision")),
    ("3", _("3 — prepared for routine work")),
    ("4", _("4 — well prepared, works on their own")),
    ("5", _("5 — fully prepared, could teach others")),
]
PERFORMANCE_ANCHORS = [
    ("1", _("1 — below what the job needs")),
    ("2", _("2 — meets some of what the job needs")),
    ("3", _("3 — meets what the job needs")),
    ("4", _("4 — above what the job needs")),
    ("5", _("5 — among the best we have")),
]
SATISFACTION = [
    ("1", _("1 — very dissatisfied")),
    ("2", _("2 — dissatisfied")),
    ("3", _("3 — neither satisfied nor dissatisfied")),
    ("4", _("4 — satisfied")),
    ("5", _("5 — very satisfied")),
]
WAGE_UNITS = [("", _("—")), *WageUnit.choices]


class JobForm(forms.Form):
    """Employed? and, if so, which occupation, wage and hours."""

    employed = forms.ChoiceField(
        label=_("Are you employed now?"), choices=YES_NO, widget=forms.RadioSelect
    )
    noc_code = forms.CharField(
        label=_("Occupation (NOC 2021 code)"),
        required=False,
        max_length=5,
        help_text=_("Five digits, e.g. 42202; leave empty if you do not know it."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    wage = forms.CharField(
        label=_("Wage before tax"),
        required=False,
        max_length=14,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    wage_unit = forms.ChoiceField(
        label=_("Wage is"), choices=WAGE_UNITS, required=False
    )
    hours_per_week = forms.CharField(
        label=_("Hours per week"),
        required=False,
        max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )

    def job(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "employed": data["employed"] == "yes",
            "noc_code": data["noc_code"],
            "wage": data["wage"] or None,
            "wage_unit": data["wage_unit"],
            "hours_per_week": data["hours_per_week"] or None,
        }


class SurveyForm(JobForm):
    """The follow-up survey."""

    started_on = forms.DateField(
        label=_("When did this job start?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    employer_name = forms.CharField(label=_("Employer"), required=False, max_length=200)
    same_employer = forms.ChoiceField(
        label=_("Is it the same employer as when you last answered?"),
        choices=[("", _("I did not answer before")), *YES_NO],
        required=False,
        widget=forms.RadioSelect,
    )
    credential_helped = forms.ChoiceField(
        label=_("Did the micro-credential help you in your work or job search?"),
        choices=HELPED,
        required=False,
        widget=forms.RadioSelect,
    )
    field_order = [
        "employed",
        "started_on",
        "noc_code",
        "employer_name",
        "same_employer",
        "wage",
        "wage_unit",
        "hours_per_week",
        "credential_helped",
    ]

    def answer(self) -> dict[str, Any]:
        data = self.cleaned_data
        same = data.get("same_employer")
        helped = data.get("credential_helped")
        return {
            **self.job(),
            "started_on": data.get("started_on"),
            "employer_name": data.get("employer_name", ""),
            "same_employer": {"yes": True, "no": False}.get(same or ""),
            "credential_helped": int(helped) if helped else None,
        }


class RatingForm(forms.Form):
    """Preparation and performance on each competency, and overall satisfaction."""

    overall_satisfaction = forms.ChoiceField(
        label=_(
            "Overall, how satisfied are you with the graduate's preparation for the "
            "type of work?"
        ),
        choices=SATISFACTION,
        widget=forms.RadioSelect,
    )

    def __init__(
        self, *args: Any, competencies: list[Competency], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.competencies = competencies
        for competency in competencies:
            self.fields[f"preparation_{competency.pk}"] = forms.ChoiceField(
                label=_("Preparation"),
                choices=PREPARATION_ANCHORS,
                widget=forms.RadioSelect,
            )
            self.fields[f"performance_{competency.pk}"] = forms.ChoiceField(
                label=_("Performance"),
                choices=PERFORMANCE_ANCHORS,
                widget=forms.RadioSelect,
            )

    def rows(self) -> list[tuple[Competency, Any, Any]]:
        return [
            (c, self[f"preparation_{c.pk}"], self[f"performance_{c.pk}"])
            for c in self.competencies
        ]

    def scores(self) -> dict[int, tuple[Any, Any]]:
        data = self.cleaned_data
        return {
            c.pk: (data.get(f"preparation_{c.pk}"), data.get(f"performance_{c.pk}"))
            for c in self.competencies
        }
