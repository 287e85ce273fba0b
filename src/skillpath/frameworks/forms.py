"""Forms of the frameworks, job profile and review pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from skillpath.accounts.models import Language, Organisation, Province
from skillpath.accounts.selectors import active_employers
from skillpath.frameworks.interchange.files import MAX_IMPORT_BYTES
from skillpath.frameworks.models import (
    CommentKind,
    CompetencyKind,
    Framework,
    Importance,
)

SHORT_TEXT = {"rows": 2}


class OwnerChoiceMixin(forms.Form):
    """An ``owner`` field listing the organisations where the person coordinates."""

    owner = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None
    )

    def __init__(
        self, *args: Any, owners: list[Organisation] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        ids = [o.pk for o in owners or []]
        self.fields["owner"].queryset = Organisation.objects.filter(pk__in=ids)  # type: ignore[attr-defined]
        if len(ids) == 1:
            self.fields["owner"].initial = ids[0]
            self.fields["owner"].widget = forms.HiddenInput()


class FrameworkForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    version = forms.CharField(label=_("Version"), max_length=50, required=False)
    publisher = forms.CharField(label=_("Publisher"), max_length=200, required=False)
    language = forms.ChoiceField(label=_("Main language"), choices=Language.choices)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class FrameworkCreateForm(OwnerChoiceMixin, FrameworkForm):
    pass


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Accept one or several files."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class ImportForm(OwnerChoiceMixin):
    source_format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("case", _("1EdTech CASE 1.1 package (one JSON file)")),
            (
                "esco",
                _(
                    "ESCO CSV files (skills, occupations, relations; _fr files for French)"
                ),
            ),
            ("onet", _("O*NET text files (Occupation Data, Skills, Knowledge…)")),
        ],
        widget=forms.RadioSelect,
    )
    upload = MultipleFileField(
        label=_("Files"),
        help_text=_(
            "Choose one file, or all the CSV or text files of an ESCO or O*NET download."
        ),
    )
    identifier = forms.CharField(
        label=_("Identifier"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the package's (CASE) or “esco” / “onet”."),
    )
    version = forms.CharField(label=_("Version"), max_length=50, required=False)
    replace = forms.BooleanField(
        label=_(
            "Replace the framework with the same identifier, if nothing uses it yet"
        ),
        required=False,
    )

    def clean_upload(self) -> list[Any]:
        files = self.cleaned_data["upload"]
        for upload in files:
            if upload.size > MAX_IMPORT_BYTES:
                raise forms.ValidationError(
                    _(
                        "%(name)s is too large (%(size)s bytes; the limit is %(limit)s bytes)."
                    )
                    % {
                        "name": upload.name,
                        "size": f"{upload.size:,}",
                        "limit": f"{MAX_IMPORT_BYTES:,}",
                    }
                )
        return files


class CompetencyForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=100, required=False)
    title_en = forms.CharField(label=_("Title (English)"), required=False)
    title_fr = forms.CharField(label=_("Title (French)"), required=False)
    description_en = forms.CharField(
        label=_("Description (English)"),
        widget=forms.Textarea(attrs=SHORT_TEXT),
        required=False,
    )
    description_fr = forms.CharField(
        label=_("Description (French)"),
        widget=forms.Textarea(attrs=SHORT_TEXT),
        required=False,
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=CompetencyKind.choices)
    alt_labels_en = forms.CharField(
        label=_("Other names (English), one a line"),
        widget=forms.Textarea(attrs=SHORT_TEXT),
        required=False,
    )
    alt_labels_fr = forms.CharField(
        label=_("Other names (French), one a line"),
        widget=forms.Textarea(attrs=SHORT_TEXT),
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not (
            cleaned.get("title_en", "").strip() or cleaned.get("title_fr", "").strip()
        ):
            self.add_error(
                "title_en", _("Give the competency a title, in English or in French.")
            )
        return cleaned


class LevelForm(forms.Form):
    label_en = forms.CharField(label=_("Name (English)"), max_length=100)
    label_fr = forms.CharField(label=_("Name (French)"), max_length=100, required=False)
    descriptor_en = forms.CharField(
        label=_("What a person at this level can do (English)"),
        widget=forms.Textarea(attrs=SHORT_TEXT),
        required=False,
    )
    descriptor_fr = forms.CharField(
        label=_("What a person at this level can do (French)"),
        widget=forms.Textarea(attrs=SHORT_TEXT),
        required=False,
    )


class ProfileForm(forms.Form):
    title_en = forms.CharField(label=_("Job title (English)"), max_length=200)
    title_fr = forms.CharField(
        label=_("Job title (French)"), max_length=200, required=False
    )
    noc_code = forms.RegexField(
        label=_("NOC 2021 code"),
        regex=r"^[0-9]{5}$",
        max_length=5,
        help_text=_(
            "Five digits, e.g. 42202 for early childhood educators and assistants."
        ),
        error_messages={"invalid": _("A NOC 2021 code has five digits.")},
    )
    description_en = forms.CharField(
        label=_("Description (English)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    description_fr = forms.CharField(
        label=_("Description (French)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    region = forms.ChoiceField(
        label=_("Province or territory"),
        choices=[("", _("All of Canada"))] + list(Province.choices),
        required=False,
    )
    framework = forms.ModelChoiceField(
        label=_("Main competency framework"),
        queryset=Framework.objects.none(),
        required=False,
        empty_label=_("None"),
        help_text=_("Its competencies are offered first when you add one to a task."),
    )

    def __init__(self, *args: Any, frameworks: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = frameworks  # type: ignore[attr-defined]


class ProfileCreateForm(OwnerChoiceMixin, ProfileForm):
    pass


class SubmitForm(forms.Form):
    reviewers = forms.ModelMultipleChoiceField(
        label=_("Employers invited to review"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Invite at least one employer to review the profile.")
        },
    )
    note = forms.CharField(
        label=_("Note to the reviewers"),
        widget=forms.Textarea(attrs=SHORT_TEXT),
        required=False,
    )

    def __init__(
        self, *args: Any, exclude: list[int] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["reviewers"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = active_employers().exclude(pk__in=exclude or [])


class CommentForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=CommentKind.choices, initial=CommentKind.COMMENT
    )
    text = forms.CharField(
        label=_("Your comment"), widget=forms.Textarea(attrs=SHORT_TEXT)
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[
            ("endorse", _("We endorse this version of the profile")),
            ("changes", _("We ask for changes")),
        ],
        widget=forms.RadioSelect,
    )
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs=SHORT_TEXT),
        required=False,
        help_text=_("Required when you ask for changes: say which."),
    )


def importance_choices() -> list[tuple[int, Any]]:
    return list(Importance.choices)
