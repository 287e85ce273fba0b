"""Micro-credential definitions: what a credential certifies, and how it is assessed.

A definition is built from a job profile version; its competencies, levels and the
assessment methods each allows are what the assessment issue assesses against. Awards,
issuer keys and verification are in ``models/issuing.py``.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from skillpath.common.models import TimeStampedModel
from skillpath.frameworks.text import localised


class AssessmentMethod(models.TextChoices):
    """How a competency may be assessed (the same values as the assessments app)."""

    ADAPTIVE_TEST = "adaptive_test", _("Adaptive test")
    PERFORMANCE_TASK = "performance_task", _("Performance task scored with a rubric")
    EVIDENCE = "evidence", _("Evidence or portfolio review")
    PRIOR_LEARNING = "prior_learning", _("Recognition of prior learning")


class CredentialState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Retired")


class MicroCredential(TimeStampedModel):
    """The definition of a micro-credential, drawn from an endorsed job profile."""

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    profile_version = models.ForeignKey(
        "frameworks.ProfileVersion",
        on_delete=models.PROTECT,
        related_name="micro_credentials",
        verbose_name=_("job profile version"),
    )
    issuing_organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="micro_credentials",
        verbose_name=_("issuing organisation"),
    )
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    description_en = models.TextField(_("what it certifies (English)"), blank=True)
    description_fr = models.TextField(_("what it certifies (French)"), blank=True)
    criteria_en = models.TextField(_("criteria (English)"), blank=True)
    criteria_fr = models.TextField(_("criteria (French)"), blank=True)
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the credential does not expire."),
    )
    stackable = models.BooleanField(_("stacks into a larger credential"), default=False)
    stacks_into = models.CharField(
        _("larger credential"),
        max_length=200,
        blank=True,
        help_text=_(
            "e.g. the college certificate that this credential counts towards."
        ),
    )
    stacks_into_url = models.URLField(
        _("web page of the larger credential"), blank=True
    )
    full_program_hours = models.PositiveIntegerField(
        _("hours of the full program"),
        null=True,
        blank=True,
        help_text=_("How long the program that teaches every competency takes."),
    )
    retake_cooldown_days = models.PositiveSmallIntegerField(
        _("days to wait before a retake"), default=14
    )
    max_attempts = models.PositiveSmallIntegerField(_("attempts allowed"), default=3)
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=CredentialState.choices,
        default=CredentialState.DRAFT,
    )
    created_by = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)

    class Meta:
        ordering = ["title_en"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_attempts__gte=1),
                name="micro_credential_one_attempt_at_least",
            ),
            models.CheckConstraint(
                condition=Q(validity_months__isnull=True) | Q(validity_months__gte=1),
                name="micro_credential_validity_positive",
            ),
        ]
        verbose_name = _("micro-credential")
        verbose_name_plural = _("micro-credentials")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("credentials:detail", args=[self.slug])

    @property
    def title(self) -> str:
        return localised(self, "title")

    @property
    def name(self) -> str:
        return self.title

    @property
    def description(self) -> str:
        return localised(self, "description")

    @property
    def criteria(self) -> str:
        return localised(self, "criteria")

    @property
    def code(self) -> str:
        return self.slug

    @property
    def is_published(self) -> bool:
        return self.state == CredentialState.PUBLISHED


class MicroCredentialCompetency(models.Model):
    """A competency the credential requires, at a level, and how it may be assessed."""

    credential = models.ForeignKey(
        MicroCredential, on_delete=models.CASCADE, related_name="requirements"
    )
    competency = models.ForeignKey(
        "frameworks.Competency",
        on_delete=models.PROTECT,
        related_name="credential_requirements",
        verbose_name=_("competency"),
    )
    required_level = models.PositiveSmallIntegerField(_("required level"))
    importance = models.PositiveSmallIntegerField(_("importance"), default=3)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["credential", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["credential", "competency"], name="credential_competency_unique"
            ),
            models.CheckConstraint(
                condition=Q(required_level__gte=1),
                name="credential_competency_level_from_one",
            ),
            models.CheckConstraint(
                condition=Q(importance__gte=1, importance__lte=5),
                name="credential_competency_importance_1_5",
            ),
        ]
        verbose_name = _("required competency")
        verbose_name_plural = _("required competencies")

    def __str__(self) -> str:
        return f"{self.competency} @ {self.required_level}"

    @property
    def allowed_methods(self) -> tuple[str, ...]:
        """Return the codes of the assessment methods allowed, in a stable order."""
        codes = {row.method for row in self.methods.all()}
        return tuple(
            method.value for method in AssessmentMethod if method.value in codes
        )


class AllowedMethod(models.Model):
    """One assessment method that may demonstrate a required competency."""

    requirement = models.ForeignKey(
        MicroCredentialCompetency, on_delete=models.CASCADE, related_name="methods"
    )
    method = models.CharField(
        _("method"), max_length=20, choices=AssessmentMethod.choices
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["requirement", "method"], name="allowed_method_unique"
            ),
            models.CheckConstraint(
                condition=Q(method__in=AssessmentMethod.values),
                name="allowed_method_known",
            ),
        ]
        verbose_name = _("allowed assessment method")
        verbose_name_plural = _("allowed assessment methods")

    def __str__(self) -> str:
        return self.get_method_display()

    @property
    def code(self) -> str:
        return self.method
