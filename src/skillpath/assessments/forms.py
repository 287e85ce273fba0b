"""Forms of the assessment pages: evidence, prior learning, scoring, authoring, import."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from skillpath.assessments import uploads
from skillpath.assessments.models import Caution, Item, ItemKind, text_of
from skillpath.common.weblinks import WebLinkField

FILE_HELP = _(
    "PDF, PNG, JPEG, Word (.docx), OpenDocument (.odt) or text; at most 10 MB."
)


class SubmissionForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20_000,
    )
    link = WebLinkField(
        label=_("Link to your work (optional)"),
        required=False,
        max_length=500,
        assume_scheme="https",
    )
    file = forms.FileField(
        label=_("File (optional)"), required=False, help_text=FILE_HELP
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        accept = ",".join(f".{ext}" for ext in uploads.allowed_extensions())
        self.fields["file"].widget.attrs["accept"] = accept


class ClaimForm(forms.Form):
    description = forms.CharField(
        label=_("What you did, where and when"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20_000,
        help_text=_(
            "For example: a certificate you earned, or two years in a similar job."
        ),
    )
    link = WebLinkField(
        label=_("Link to your proof"),
        required=False,
        max_length=500,
        assume_scheme="https",
    )
    file = forms.FileField(
        label=_("Proof (certificate, letter...)"), required=False, help_text=FILE_HELP
    )


class RubricScoreForm(forms.Form):
    """One radio group per rubric criterion, with the descriptors as choices."""

    feedback = forms.CharField(
        label=_("Feedback to the learner"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    request_moderation = forms.BooleanField(
        label=_("Ask a second assessor to moderate before the result counts"),
        required=False,
    )

    def __init__(self, *args: Any, item: Item, moderating: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        rubric = item.rubric or {}
        labels = {int(lv["level"]): text_of(lv) for lv in rubric.get("levels", [])}
        self.criteria = []
        for criterion in rubric.get("criteria", []):
            name = f"criterion-{criterion['id']}"
            choices = [
                (
                    str(level),
                    f"{level} — {labels[level]}: "
                    f"{text_of(criterion['descriptors'].get(str(level), {}))}",
                )
                for level in sorted(labels)
            ]
            self.fields[name] = forms.ChoiceField(
                label=text_of(criterion), choices=choices, widget=forms.RadioSelect
            )
            self.criteria.append((str(criterion["id"]), name))
        if moderating:
            del self.fields["request_moderation"]

    def criterion_levels(self) -> dict[str, str]:
        return {cid: self.cleaned_data[name] for cid, name in self.criteria}


class ClaimDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Recognise")), ("reject", _("Do not recognise"))],
        widget=forms.RadioSelect,
    )
    level = forms.TypedChoiceField(
        label=_("Level shown"), coerce=int, required=False, empty_value=None
    )
    feedback = forms.CharField(
        label=_("Feedback to the learner"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )

    def __init__(
        self, *args: Any, levels: list[tuple[int, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [("", "—")] + [  # type: ignore[attr-defined]
            (str(n), f"{n} — {label}") for n, label in levels
        ]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Item file"),
        help_text=_(
            "JSON or CSV in skillpath's item format (see docs/item-format.md)."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".json,.csv"


def _lines(entries: list[dict[str, Any]], language: str) -> str:
    return "\n".join(f"{e['id']} = {e.get(language, '')}" for e in entries)


class ItemForm(forms.Form):
    """Author an item; options, prompts and answers are written one per line."""

    code = forms.SlugField(label=_("Code"), max_length=80)
    kind = forms.ChoiceField(label=_("Type"), choices=ItemKind.choices)
    stem_en = forms.CharField(
        label=_("Question (English)"), widget=forms.Textarea(attrs={"rows": 3})
    )
    stem_fr = forms.CharField(
        label=_("Question (French)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    options_en = forms.CharField(
        label=_("Options or matches (English)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One per line, written id = text, e.g. a = Wash your hands."),
    )
    options_fr = forms.CharField(
        label=_("Options or matches (French)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    prompts_en = forms.CharField(
        label=_("Matching prompts (English)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Matching items only: one per line, id = text."),
    )
    prompts_fr = forms.CharField(
        label=_("Matching prompts (French)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    correct = forms.CharField(
        label=_("Correct answer"),
        required=False,
        help_text=_(
            "Single choice: the option id. Multiple select or ordering: ids one per line "
            "(in order). True or false: true or false. Numeric: the number. Matching: "
            "prompt = match, one per line."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    tolerance = forms.CharField(label=_("Numeric tolerance"), required=False)
    accepted = forms.CharField(
        label=_("Accepted answers (short text)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One per line; case, spacing and accents are ignored."),
    )
    pattern = forms.CharField(label=_("Pattern (regular expression)"), required=False)
    rubric_json = forms.CharField(
        label=_("Rubric (JSON)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_("Tasks and evidence requests only; see docs/item-format.md."),
    )
    discrimination = forms.CharField(
        label=_("Discrimination (a)"), required=False, initial="1"
    )
    thresholds = forms.CharField(
        label=_("Difficulty (b), or GRM thresholds one per line"), required=False
    )
    image = forms.FileField(label=_("Image (optional)"), required=False)
    image_alt_en = forms.CharField(
        label=_("Image description (English)"), required=False, max_length=300
    )
    image_alt_fr = forms.CharField(
        label=_("Image description (French)"), required=False, max_length=300
    )

    @classmethod
    def initial_for(cls, item: Item) -> dict[str, Any]:
        content, key = item.content or {}, item.answer_key or {}
        initial: dict[str, Any] = {
            "code": item.code,
            "kind": item.kind,
            "stem_en": item.stem_en,
            "stem_fr": item.stem_fr,
            "image_alt_en": item.image_alt_en,
            "image_alt_fr": item.image_alt_fr,
            "discrimination": f"{item.discrimination:g}",
            "thresholds": "\n".join(f"{t:g}" for t in item.thresholds or []),
            "rubric_json": json.dumps(item.rubric, ensure_ascii=False, indent=2)
            if item.rubric
            else "",
        }
        options = content.get("choices") or content.get("options") or []
        initial["options_en"] = _lines(options, "en")
        initial["options_fr"] = _lines(options, "fr")
        if content.get("prompts"):
            initial["prompts_en"] = _lines(content["prompts"], "en")
            initial["prompts_fr"] = _lines(content["prompts"], "fr")
        correct: Any = key.get("correct", key.get("order", key.get("value", "")))
        if item.kind == ItemKind.MATCHING:
            correct = "\n".join(f"{p} = {c}" for p, c in key.get("pairs", {}).items())
        elif isinstance(correct, list):
            correct = "\n".join(correct)
        elif isinstance(correct, bool):
            correct = "true" if correct else "false"
        initial["correct"] = str(correct)
        initial["tolerance"] = str(key.get("tolerance", ""))
        initial["accepted"] = "\n".join(key.get("accepted", []))
        initial["pattern"] = key.get("pattern", "")
        return initial

    def as_row(self) -> dict[str, str]:
        """Return the answers as a row of the CSV format (lines become ``|``)."""
        data = self.cleaned_data
        row = {name: str(data.get(name) or "") for name in data if name != "image"}
        for name in (
            "options_en",
            "options_fr",
            "prompts_en",
            "prompts_fr",
            "correct",
            "accepted",
            "thresholds",
        ):
            row[name] = "|".join(
                line.strip() for line in row[name].splitlines() if line.strip()
            )
        return row


class PolicyForm(forms.Form):
    time_limit_minutes = forms.IntegerField(
        label=_("Time limit (minutes)"),
        required=False,
        min_value=1,
        max_value=600,
        help_text=_("Leave empty for no time limit."),
    )
    max_items_per_competency = forms.IntegerField(
        label=_("At most this many questions per competency"),
        min_value=1,
        max_value=60,
        initial=12,
    )
    caution = forms.ChoiceField(
        label=_("How cautious is the decision to credit a competency?"),
        choices=Caution.choices,
        initial=Caution.BALANCED,
        widget=forms.RadioSelect,
        help_text=_(
            "The more cautious, the fewer people are credited before they reach the "
            "required level, but the more of those who have only just reached it "
            "are not credited yet. Tests already started keep the setting they "
            "began with."
        ),
    )
