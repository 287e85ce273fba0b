"""The item bank: items of every type, their states and IRT parameters."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from skillpath.common.models import TimeStampedModel
from skillpath.common.text import localised


def text_of(entry: dict[str, Any], language: str | None = None) -> str:
    """Return the French or English text of a JSON entry ``{"en": ..., "fr": ...}``."""
    language = (language or get_language() or "en")[:2]
    if language == "fr" and str(entry.get("fr", "")).strip():
        return str(entry["fr"])
    return str(entry.get("en", ""))


def _private_path(folder: str, filename: str) -> str:
    # A random name: the original name is kept in the row, never in the path.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"private/{folder}/{uuid.uuid4().hex}.{suffix[:8]}"


def item_image_path(instance: Any, filename: str) -> str:
    return _private_path("item-images", filename)


def evidence_path(instance: Any, filename: str) -> str:
    return _private_path("evidence", filename)


class Method(models.TextChoices):
    """How a competency is assessed (the values of ``cycle.CompetencyStanding``)."""

    ADAPTIVE_TEST = "adaptive_test", _("Adaptive test")
    PERFORMANCE_TASK = "performance_task", _("Performance task")
    EVIDENCE = "evidence", _("Evidence or portfolio")
    PRIOR_LEARNING = "prior_learning", _("Recognition of prior learning")


class ItemKind(models.TextChoices):
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_SELECT = "multiple_select", _("Multiple select")
    TRUE_FALSE = "true_false", _("True or false")
    NUMERIC = "numeric", _("Numeric")
    SHORT_TEXT = "short_text", _("Short text")
    ORDERING = "ordering", _("Ordering")
    MATCHING = "matching", _("Matching")
    PERFORMANCE_TASK = "performance_task", _("Performance task")
    EVIDENCE_REQUEST = "evidence_request", _("Evidence request")


ASSESSOR_KINDS = (ItemKind.PERFORMANCE_TASK, ItemKind.EVIDENCE_REQUEST)


class ItemStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PILOT = "pilot", _("Pilot (given unscored, to calibrate)")
    OPERATIONAL = "operational", _("Operational")
    RETIRED = "retired", _("Retired")


class Item(TimeStampedModel):
    """One question or task of a competency's bank, in English and French."""

    competency = models.ForeignKey(
        "frameworks.Competency",
        on_delete=models.PROTECT,
        related_name="assessment_items",
        verbose_name=_("competency"),
    )
    code = models.SlugField(
        _("code"),
        max_length=80,
        unique=True,
        help_text=_("A stable name for import and export, e.g. ecd-safety-03."),
    )
    kind = models.CharField(_("type"), max_length=24, choices=ItemKind.choices)
    status = models.CharField(
        _("state"), max_length=16, choices=ItemStatus.choices, default=ItemStatus.DRAFT
    )
    stem_en = models.TextField(_("question (English)"))
    stem_fr = models.TextField(_("question (French)"), blank=True)
    image = models.FileField(
        _("image"), upload_to=item_image_path, blank=True, max_length=200
    )
    image_alt_en = models.CharField(
        _("image description (English)"), max_length=300, blank=True
    )
    image_alt_fr = models.CharField(
        _("image description (French)"), max_length=300, blank=True
    )
    # What the learner sees (options, prompts); never the key.
    content = models.JSONField(_("content"), default=dict, blank=True)
    # The answer key: read only by scoring and by authors, never sent to a learner.
    answer_key = models.JSONField(_("answer key"), default=dict, blank=True)
    rubric = models.JSONField(_("rubric"), default=dict, blank=True)
    discrimination = models.FloatField(_("discrimination (a)"), default=1.0)
    # One threshold for a 2PL item (its difficulty b); more for a graded (GRM) item.
    thresholds = models.JSONField(_("difficulty thresholds"), default=list, blank=True)
    calibrated_at = models.DateTimeField(_("calibrated"), null=True, blank=True)
    calibration_sample = models.PositiveIntegerField(_("calibration sample"), default=0)
    exposure_count = models.PositiveIntegerField(_("times given"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["competency_id", "code"]
        indexes = [models.Index(fields=["competency", "status", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(discrimination__gt=0), name="item_discrimination_positive"
            ),
        ]
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("assessments:item", args=[self.pk])

    @property
    def stem(self) -> str:
        return localised(self, "stem")

    @property
    def image_alt(self) -> str:
        return localised(self, "image_alt")

    @property
    def is_task(self) -> bool:
        return self.kind in ASSESSOR_KINDS

    @property
    def n_thresholds(self) -> int:
        return max(1, len(self.thresholds or []))
