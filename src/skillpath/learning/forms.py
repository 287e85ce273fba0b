"""Forms of the learning pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from skillpath.accounts.models import Organisation, Province
from skillpath.common.weblinks import WebLinkField
from skillpath.credentials.models import CredentialState, MicroCredential
from skillpath.frameworks.models import Competency
from skillpath.learning.models import (
    LearningPlan,
    Module,
    ModuleFormat,
    ModuleLanguage,
    PlanObjective,
)
from skillpath.learning.selectors import competencies_by_key, competency_key

LEVELS_HELP = _(
    "Competency codes and levels, separated by semicolons: "
    "<code>child-safety:2; communication:1</code>."
)


def parse_levels(text: str) -> dict[Competency, int]:
    """Return competency -> level from ``code:level; code:level``."""
    pairs: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        code, sep, level = part.rpartition(":")
        if not sep or not code.strip() or not level.strip().isdigit():
            raise forms.ValidationError(
                _("Write each entry as code:level, not “%(part)s”."),
                params={"part": part},
            )
        if int(level) < 1:
            raise forms.ValidationError(_("Levels start at 1."))
        pairs[code.strip().lower()] = int(level)
    found = competencies_by_key(pairs)
    unknown = sorted(code for code in pairs if len(found.get(code, [])) != 1)
    if unknown:
        raise forms.ValidationError(
            _("No single competency has the code %(codes)s."),
            params={"codes": ", ".join(unknown)},
        )
    return {found[code][0]: level for code, level in pairs.items()}


def format_levels(levels: Any) -> str:
    return "; ".join(
        f"{competency_key(item.competency)}:{item.level}" for item in levels
    )


class ModuleForm(forms.ModelForm):
    """What a provider says about a module."""

    provider = forms.ModelChoiceField(
        label=_("Offered by"), queryset=Organisation.objects.none()
    )
    url = WebLinkField(label=_("Link"), required=False, assume_scheme="https")
    teaches = forms.CharField(label=_("Teaches"), help_text=LEVELS_HELP)
    requires = forms.CharField(
        label=_("Requires first"), required=False, help_text=LEVELS_HELP
    )

    class Meta:
        model = Module
        fields = [
            "provider",
            "code",
            "title_en",
            "title_fr",
            "description_en",
            "description_fr",
            "url",
            "content",
            "format",
            "language",
            "hours",
            "cost",
            "province",
            "location",
            "schedule",
            "asks_for_proof",
            "teaches",
            "requires",
            "requires_modules",
        ]
        widgets = {
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "description_fr": forms.Textarea(attrs={"rows": 3}),
            "content": forms.Textarea(attrs={"rows": 4}),
            "requires_modules": forms.CheckboxSelectMultiple,
        }

    def __init__(
        self, *args: Any, providers: list[Organisation], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            pk__in=[org.pk for org in providers]
        )
        if len(providers) == 1:
            self.fields["provider"].initial = providers[0]
        others = Module.objects.filter(provider__in=providers).exclude(
            pk=self.instance.pk
        )
        self.fields["requires_modules"].queryset = others.select_related("provider")  # type: ignore[attr-defined]
        self.fields["requires_modules"].required = False
        if self.instance.pk:
            self.fields["provider"].disabled = True
            self.initial["teaches"] = format_levels(
                self.instance.outcomes.select_related("competency")
            )
            self.initial["requires"] = format_levels(
                self.instance.requirements.select_related("competency")
            )

    def clean_teaches(self) -> dict[Competency, int]:
        return parse_levels(self.cleaned_data["teaches"])

    def clean_requires(self) -> dict[Competency, int]:
        return parse_levels(self.cleaned_data.get("requires") or "")


class ModuleImportForm(forms.Form):
    provider = forms.ModelChoiceField(
        label=_("Offered by"), queryset=Organisation.objects.none()
    )
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8, one module per row; export your modules to see the columns."
        ),
    )

    def __init__(
        self, *args: Any, providers: list[Organisation], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            pk__in=[org.pk for org in providers]
        )
        if len(providers) == 1:
            self.fields["provider"].initial = providers[0]


class CatalogueForm(forms.Form):
    """Search and filters of the catalogue (GET)."""

    q = forms.CharField(label=_("Search"), required=False)
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("Any format")), *ModuleFormat.choices],
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Any language")), ("en", _("English")), ("fr", _("French"))],
    )
    provider = forms.ChoiceField(label=_("Provider"), required=False)
    credential = forms.ChoiceField(label=_("For the micro-credential"), required=False)
    max_cost = forms.DecimalField(
        label=_("Most I can pay (CAD)"), required=False, min_value=0
    )
    province = forms.ChoiceField(
        label=_("Province for in-person learning"),
        required=False,
        choices=[("", _("Anywhere")), *Province.choices],
    )

    def __init__(
        self, *args: Any, providers: list[Organisation], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provider"].choices = [  # type: ignore[attr-defined]
            ("", _("Any provider")),
            *[(org.slug, org.name) for org in providers],
        ]
        self.fields["q"].widget.input_type = "search"
        self.fields["credential"].choices = [  # type: ignore[attr-defined]
            ("", _("Any micro-credential")),
            *[
                (credential.slug, credential.title)
                for credential in MicroCredential.objects.filter(
                    state=CredentialState.PUBLISHED
                )
            ],
        ]


class PlanSettingsForm(forms.ModelForm):
    """The learner's constraints on their plan."""

    languages = forms.MultipleChoiceField(
        label=_("Languages I learn in"),
        required=False,
        choices=[
            (ModuleLanguage.ENGLISH, _("English")),
            (ModuleLanguage.FRENCH, _("French")),
        ],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty for any language. Bilingual modules always fit."),
    )
    formats = forms.MultipleChoiceField(
        label=_("Formats that suit me"),
        required=False,
        choices=ModuleFormat.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty for any format."),
    )

    class Meta:
        model = LearningPlan
        fields = ["objective", "languages", "formats", "max_cost", "region"]
        widgets = {"objective": forms.RadioSelect}
        help_texts = {
            "max_cost": _("Leave empty if cost does not limit you."),
            "region": _("Online modules fit wherever you live."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objective"].choices = PlanObjective.choices  # type: ignore[attr-defined]
        self.fields["max_cost"].min_value = 0  # type: ignore[attr-defined]
        self.fields["max_cost"].widget.attrs["min"] = "0"


class ProofForm(forms.Form):
    url = WebLinkField(
        label=_("Link to your certificate"), required=False, assume_scheme="https"
    )
    file = forms.FileField(
        label=_("Or upload it (PDF, PNG or JPEG, up to 5 MB)"), required=False
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("url") and not cleaned.get("file"):
            raise forms.ValidationError(
                _("Give a link to your proof, or upload a file.")
            )
        return cleaned


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Offer it to learners")), ("reject", _("Send it back"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the provider"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when you send a module back: say what to change."),
    )
