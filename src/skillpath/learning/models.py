"""Modules that providers offer, learners' plans, and the progress made on them."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from skillpath.accounts.models import Organisation, Province
from skillpath.common.models import TimeStampedModel
from skillpath.common.text import localised


class ModuleFormat(models.TextChoices):
    SELF_PACED = "self_paced", _("Self-paced online")
    LIVE_ONLINE = "live_online", _("Live online")
    IN_PERSON = "in_person", _("In person")
    BLENDED = "blended", _("Blended")


class ModuleLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    BILINGUAL = "bilingual", _("English and French")


class ModuleStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Reviewed and offered")
    REJECTED = "rejected", _("Sent back to the provider")
    RETIRED = "retired", _("No longer offered")


class ModuleQuerySet(models.QuerySet["Module"]):
    def offered(self) -> ModuleQuerySet:
        """Return the modules a coordinator reviewed: the only ones learners see."""
        return self.filter(status=ModuleStatus.APPROVED)


class Module(TimeStampedModel):
    """A unit of learning a provider offers, which raises competencies to levels."""

    provider = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="modules",
        verbose_name=_("provider"),
    )
    code = models.SlugField(
        _("code"),
        max_length=60,
        help_text=_("The provider's own short code, unique among its modules."),
    )
    title_en = models.CharField(_("title in English"), max_length=200)
    title_fr = models.CharField(_("title in French"), max_length=200)
    description_en = models.TextField(_("description in English"), blank=True)
    description_fr = models.TextField(_("description in French"), blank=True)
    url = models.URLField(_("link"), blank=True)
    content = models.TextField(
        _("content page"),
        blank=True,
        help_text=_("For modules taught on skillpath itself: the text learners read."),
    )
    format = models.CharField(_("format"), max_length=16, choices=ModuleFormat.choices)
    language = models.CharField(
        _("language"), max_length=10, choices=ModuleLanguage.choices
    )
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1)
    cost = models.DecimalField(
        _("cost (CAD)"), max_digits=8, decimal_places=2, default=Decimal("0")
    )
    province = models.CharField(
        _("province or territory"),
        max_length=2,
        choices=Province.choices,
        blank=True,
        help_text=_("Where it is taught, for in-person and blended modules."),
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    schedule = models.CharField(_("schedule"), max_length=200, blank=True)
    asks_for_proof = models.BooleanField(
        _("asks for proof of completion"),
        default=False,
        help_text=_(
            "Learners upload or link a certificate; the provider or a coordinator "
            "confirms it."
        ),
    )
    requires_modules = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="required_by",
        verbose_name=_("modules to take first"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ModuleStatus.choices,
        default=ModuleStatus.PENDING,
        db_index=True,
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.TextField(_("note from the reviewer"), blank=True)

    objects = ModuleQuerySet.as_manager()

    class Meta:
        ordering = ["title_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "code"], name="module_code_unique_per_provider"
            ),
            models.CheckConstraint(
                condition=Q(hours__gt=0), name="module_hours_positive"
            ),
            models.CheckConstraint(
                condition=Q(cost__gte=0), name="module_cost_not_negative"
            ),
        ]
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:module", args=[self.pk])

    @property
    def title(self) -> str:
        """Return the title in the language of the page."""
        return localised(self, "title")

    @property
    def description(self) -> str:
        return localised(self, "description")

    @property
    def is_offered(self) -> bool:
        return self.status == ModuleStatus.APPROVED


class ModuleOutcome(models.Model):
    """A competency a module teaches, and the level a learner reaches."""

    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="outcomes"
    )
    competency = models.ForeignKey(
        "frameworks.Competency",
        on_delete=models.PROTECT,
        related_name="module_outcomes",
        verbose_name=_("competency"),
    )
    level = models.PositiveSmallIntegerField(_("level reached"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["module", "competency"], name="module_outcome_unique"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1), name="module_outcome_level_positive"
            ),
        ]
        verbose_name = _("what the module teaches")
        verbose_name_plural = _("what the module teaches")

    def __str__(self) -> str:
        return f"{self.module} → {self.competency} {self.level}"


class ModuleRequirement(models.Model):
    """A competency level a learner must hold before starting a module."""

    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="requirements"
    )
    competency = models.ForeignKey(
        "frameworks.Competency",
        on_delete=models.PROTECT,
        related_name="module_requirements",
        verbose_name=_("competency"),
    )
    level = models.PositiveSmallIntegerField(_("level required"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["module", "competency"], name="module_requirement_unique"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1), name="module_requirement_level_positive"
            ),
        ]
        verbose_name = _("what the module requires")
        verbose_name_plural = _("what the module requires")

    def __str__(self) -> str:
        return f"{self.module} needs {self.competency} {self.level}"


class PlanObjective(models.TextChoices):
    HOURS = "hours", _("Fewest hours")
    COST = "cost", _("Lowest cost")


class PlanStatus(models.TextChoices):
    LEARNING = "learning", _("Learning")
    DEMONSTRATED = "demonstrated", _("Every competency demonstrated")


class LearningPlan(TimeStampedModel):
    """One learner's path to one micro-credential: the modules that close the gaps."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="learning_plans",
        verbose_name=_("learner"),
    )
    credential = models.ForeignKey(
        "credentials.MicroCredential",
        on_delete=models.CASCADE,
        related_name="learning_plans",
        verbose_name=_("micro-credential"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=PlanStatus.choices,
        default=PlanStatus.LEARNING,
    )
    # The learner's constraints: empty means "any".
    languages = models.JSONField(_("languages"), default=list, blank=True)
    formats = models.JSONField(_("formats"), default=list, blank=True)
    max_cost = models.DecimalField(
        _("most I can pay (CAD)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
    )
    region = models.CharField(
        _("province for in-person learning"),
        max_length=2,
        choices=Province.choices,
        blank=True,
    )
    objective = models.CharField(
        _("plan for"),
        max_length=8,
        choices=PlanObjective.choices,
        default=PlanObjective.HOURS,
    )
    # What the planner last said: the gaps it could not close, with why (structured,
    # translated when shown), and every competency ever found missing (for reports).
    blocked = models.JSONField(default=list, blank=True)
    gaps_seen = models.JSONField(default=list, blank=True)
    planned_at = models.DateTimeField(_("planned at"), null=True, blank=True)
    demonstrated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "credential"], name="plan_unique_per_credential"
            ),
            models.CheckConstraint(
                condition=Q(max_cost__isnull=True) | Q(max_cost__gte=0),
                name="plan_max_cost_not_negative",
            ),
        ]
        verbose_name = _("learning plan")
        verbose_name_plural = _("learning plans")

    def __str__(self) -> str:
        return f"{self.learner} — {self.credential}"

    def get_absolute_url(self) -> str:
        return reverse("learning:plan", args=[self.pk])


class ItemStatus(models.TextChoices):
    PLANNED = "planned", _("To do")
    STARTED = "started", _("Started")
    PROOF_SUBMITTED = "proof_submitted", _("Proof sent, waiting for confirmation")
    COMPLETED = "completed", _("Completed")
    NOT_NEEDED = "not_needed", _("No longer needed")


class PlanItem(TimeStampedModel):
    """A module in a plan, why it is there, and how far the learner got with it."""

    plan = models.ForeignKey(
        LearningPlan, on_delete=models.CASCADE, related_name="items"
    )
    module = models.ForeignKey(
        Module, on_delete=models.PROTECT, related_name="plan_items"
    )
    position = models.PositiveSmallIntegerField(default=0)
    # Competency id (as a string) -> [level before, level after] for each gap it closes.
    closes = models.JSONField(default=dict, blank=True)
    prepares = models.JSONField(default=list, blank=True)  # module ids it unlocks
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ItemStatus.choices,
        default=ItemStatus.PLANNED,
    )
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proof_url = models.URLField(_("link to your proof"), blank=True)
    proof_file = models.FileField(
        _("proof file"), upload_to="learning/proofs/%Y/%m/", blank=True
    )
    proof_submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["plan", "position", "pk"]
        constraints = [
            # One completion per module and plan, whatever the number of clicks.
            models.UniqueConstraint(
                fields=["plan", "module"], name="plan_item_unique_module"
            ),
            models.CheckConstraint(
                condition=~Q(status=ItemStatus.COMPLETED)
                | Q(completed_at__isnull=False),
                name="plan_item_completed_has_time",
            ),
            models.CheckConstraint(
                condition=Q(completed_at__isnull=True)
                | Q(started_at__isnull=True)
                | Q(completed_at__gte=F("started_at")),
                name="plan_item_completed_after_started",
            ),
        ]
        verbose_name = _("module in a plan")
        verbose_name_plural = _("modules in plans")

    def __str__(self) -> str:
        return f"{self.plan}: {self.module}"

    @property
    def is_done(self) -> bool:
        return self.status == ItemStatus.COMPLETED

    @property
    def is_active(self) -> bool:
        """Return whether the item counts in the plan (it is not superseded)."""
        return self.status != ItemStatus.NOT_NEEDED
