"""Forms of the jobs pages: demand, postings, search, applying."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from skillpath.accounts.models import Organisation, Province
from skillpath.credentials.models import Award, AwardStatus
from skillpath.frameworks.models import Competency, Importance, ProfileVersion
from skillpath.jobs.models import (
    ApplicationStatus,
    DemandReport,
    JobPosting,
    LanguageOfWork,
    WageUnit,
    WorkMode,
)
from skillpath.jobs.selectors.candidates import CompetencyLevel


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


# Postings


class PostingForm(forms.Form):
    """The fields of a posting; the service checks them and names a wrong one."""

    title = forms.CharField(label=_("Job title"), max_length=200)
    noc_code = forms.CharField(
        label=_("NOC 2021 code"),
        max_length=5,
        help_text=_("Five digits, e.g. 42202. It comes from the job profile."),
    )
    description = forms.CharField(
        label=_("About the job"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    city = forms.CharField(label=_("City or area"), max_length=100)
    region = forms.ChoiceField(
        label=_("Province or territory"), choices=Province.choices
    )
    work_mode = forms.ChoiceField(
        label=_("Where the work is done"), choices=WorkMode.choices
    )
    wage_min = forms.DecimalField(
        label=_("Lowest wage ($)"), required=False, min_value=0, decimal_places=2
    )
    wage_max = forms.DecimalField(
        label=_("Highest wage ($)"), required=False, min_value=0, decimal_places=2
    )
    wage_unit = forms.ChoiceField(label=_("Wage unit"), choices=WageUnit.choices)
    hours_per_week = forms.DecimalField(
        label=_("Hours per week"), required=False, decimal_places=1
    )
    openings = forms.IntegerField(label=_("Openings"), min_value=1, initial=1)
    start_date = forms.DateField(
        label=_("Start date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    opens_on = forms.DateField(
        label=_("Opens on"),
        required=False,
        help_text=_("Empty: the day you open it."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    closing_date = forms.DateField(
        label=_("Closing date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    language_of_work = forms.ChoiceField(
        label=_("Language of work"), choices=LanguageOfWork.choices
    )
    how_to_apply = forms.CharField(
        label=_("How to apply"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Applications through skillpath reach you in any case."),
    )

    def __init__(self, *args: Any, locked: tuple[str, ...] = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        for name in locked:
            self.fields[name].disabled = True


class NewPostingForm(PostingForm):
    employer = forms.ModelChoiceField(
        label=_("Employer"), queryset=Organisation.objects.none(), empty_label=None
    )
    profile_version = forms.ModelChoiceField(
        label=_("Job profile"),
        queryset=ProfileVersion.objects.none(),
        help_text=_(
            "Endorsed or published profiles: every requirement comes with its level."
        ),
    )
    field_order = ["employer", "profile_version"]

    def __init__(
        self,
        *args: Any,
        employers: list[Organisation],
        versions: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            pk__in=[o.pk for o in employers]
        )
        if len(employers) == 1:
            self.fields["employer"].initial = employers[0].pk
            self.fields["employer"].widget = forms.HiddenInput()
        self.fields["profile_version"].queryset = versions  # type: ignore[attr-defined]
        self.fields["profile_version"].label_from_instance = lambda v: (  # type: ignore[attr-defined]
            f"{v.profile.title} — NOC {v.profile.noc_code} (v{v.number}, "
            f"{v.profile.owner.name})"
        )
        for name in ("title", "noc_code"):
            self.fields[name].required = False
            self.fields[name].help_text = _("Empty: the job profile's.")


class RequirementForm(forms.Form):
    competency = forms.ModelChoiceField(
        label=_("Competency"), queryset=Competency.objects.none()
    )
    required_level = forms.IntegerField(label=_("Required level"), min_value=1)
    importance = forms.TypedChoiceField(
        label=_("Importance"), choices=Importance.choices, coerce=int, initial=3
    )
    essential = forms.BooleanField(label=_("Essential"), required=False)


class PostingSearchForm(forms.Form):
    """What a seeker searches postings by; every field is optional."""

    q = forms.CharField(label=_("Keywords"), required=False, max_length=100)
    noc = forms.CharField(label=_("NOC 2021 code"), required=False, max_length=5)
    region = forms.ChoiceField(
        label=_("Province or territory"),
        required=False,
        choices=[("", _("Anywhere"))] + list(Province.choices),
    )
    remote = forms.BooleanField(label=_("Remote or hybrid only"), required=False)
    wage = forms.DecimalField(
        label=_("Lowest hourly wage ($)"), required=False, min_value=0
    )
    matching = forms.BooleanField(label=_("Jobs I match"), required=False)


class ApplyForm(forms.Form):
    message = forms.CharField(
        label=_("A short message to the employer"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    awards = forms.ModelMultipleChoiceField(
        label=_("Credentials to attach"),
        required=False,
        queryset=Award.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, seeker: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        awards = Award.objects.filter(learner=seeker, status=AwardStatus.ACTIVE)
        self.fields["awards"].queryset = awards  # type: ignore[attr-defined]
        self.fields["awards"].initial = list(awards)
        self.fields["awards"].label_from_instance = lambda a: a.credential.title  # type: ignore[attr-defined]


class AdForm(forms.Form):
    """The text of a job ad the employer already has, to suggest requirements from."""

    text = forms.CharField(
        label=_("The text of the job ad"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Paste the ad as it is, in English or in French. skillpath suggests the "
            "competencies it asks for; nothing is added until you accept it."
        ),
        strip=False,
    )


class AdDecisionForm(forms.Form):
    """Accept or reject one suggested competency."""

    competency = forms.ModelChoiceField(queryset=Competency.objects.none())
    sentence = forms.CharField(required=False, strip=False)
    required_level = forms.IntegerField(label=_("Required level"), min_value=1)
    essential = forms.BooleanField(label=_("Essential"), required=False)
    decision = forms.ChoiceField(choices=[("accept", "accept"), ("reject", "reject")])


# The employer's side: candidate search and the pipeline

#: How many competency rows one search takes.
MAX_SEARCH_ROWS = 10


class CandidatePostingForm(forms.Form):
    """Search candidates by one of the employer's own postings."""

    posting = forms.ModelChoiceField(
        label=_("One of your postings"),
        queryset=JobPosting.objects.none(),
        empty_label=_("Choose a posting"),
    )

    def __init__(self, *args: Any, postings: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["posting"].queryset = postings  # type: ignore[attr-defined]
        self.fields["posting"].label_from_instance = lambda p: (  # type: ignore[attr-defined]
            f"{p.title} — {p.city} ({p.get_status_display()})"
        )


def competency_rows(
    chosen: list[str],
    levels: list[str],
    *,
    competencies: dict[int, Competency],
    top_levels: dict[int, int],
) -> tuple[list[tuple[int | None, str]], list[CompetencyLevel], list[tuple[str, str]]]:
    """Read the rows of a search by competency: ids in ``chosen``, least levels in
    ``levels``, row by row.

    Return the rows as typed (to show them again), the valid rows, and one
    ``(field, message)`` per wrong row naming the row and the field (``level[2]``);
    an empty row is skipped.
    """
    typed: list[tuple[int | None, str]] = []
    valid: list[CompetencyLevel] = []
    errors: list[tuple[str, str]] = []
    seen: dict[int, int] = {}
    width = max(len(chosen), len(levels))
    if width > MAX_SEARCH_ROWS:
        errors.append(
            (
                "competency",
                str(_("Search by at most %(n)s competencies at once."))
                % {"n": MAX_SEARCH_ROWS},
            )
        )
    for number in range(1, min(width, MAX_SEARCH_ROWS) + 1):
        raw_competency = (chosen[number - 1] if number <= len(chosen) else "").strip()
        raw_level = (levels[number - 1] if number <= len(levels) else "").strip()
        competency_id = int(raw_competency) if raw_competency.isdigit() else None
        typed.append((competency_id, raw_level))
        if not raw_competency and not raw_level:
            continue
        competency = competencies.get(competency_id or -1)
        if competency is None:
            errors.append(
                (
                    f"competency[{number}]",
                    str(
                        _("Row %(row)s, competency: choose a competency from the list.")
                    )
                    % {"row": number},
                )
            )
            continue
        top = top_levels.get(competency.framework_id, 0) or 10
        if not raw_level.isdigit() or not 1 <= int(raw_level) <= top:
            errors.append(
                (
                    f"level[{number}]",
                    str(
                        _(
                            "Row %(row)s, least level: give a whole number from 1 to "
                            "%(top)s for “%(name)s”."
                        )
                    )
                    % {"row": number, "top": top, "name": competency.title},
                )
            )
            continue
        if competency.pk in seen:
            errors.append(
                (
                    f"competency[{number}]",
                    str(
                        _(
                            "Row %(row)s, competency: “%(name)s” is already in row "
                            "%(first)s."
                        )
                    )
                    % {
                        "row": number,
                        "name": competency.title,
                        "first": seen[competency.pk],
                    },
                )
            )
            continue
        seen[competency.pk] = number
        valid.append(CompetencyLevel(competency=competency, level=int(raw_level)))
    return typed, valid, errors


class MoveForm(forms.Form):
    """Move an application to its next stage, with a note and a date."""

    to_status = forms.ChoiceField(label=_("Move to"), choices=())
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For your team; the job seeker sees the new status, not the note."),
    )
    on_date = forms.DateField(
        label=_("Date"),
        required=False,
        help_text=_(
            "When it happens, e.g. the interview's day; leave it empty if it is now."
        ),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    from_status = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, moves: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [  # type: ignore[attr-defined]
            (status, ApplicationStatus(status).label) for status in moves
        ]
