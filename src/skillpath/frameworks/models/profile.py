"""Job profiles, DACUM style: a role's duties, tasks, sub-tasks and the competencies
each task needs, in versions that employers review and endorse.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skillpath.accounts.models import Province
from skillpath.common.models import TimeStampedModel
from skillpath.frameworks.text import localised

NOC_PATTERN = r"^[0-9]{5}$"


class Importance(models.IntegerChoices):
    MARGINAL = 1, _("1 — marginal")
    USEFUL = 2, _("2 — useful")
    IMPORTANT = 3, _("3 — important")
    VERY_IMPORTANT = 4, _("4 — very important")
    CRITICAL = 5, _("5 — critical")


class VersionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review by employers")
    ENDORSED = "endorsed", _("Endorsed by employers")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Retired")


class JobProfile(TimeStampedModel):
    """A job role that employers find hard to fill, described for training."""

    owner = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="job_profiles",
        verbose_name=_("owning organisation"),
    )
    title_en = models.CharField(_("job title (English)"), max_length=200)
    title_fr = models.CharField(_("job title (French)"), max_length=200, blank=True)
    noc_code = models.CharField(
        _("NOC 2021 code"),
        max_length=5,
        help_text=_(
            "Five digits, e.g. 42202 for early childhood educators and assistants."
        ),
    )
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    region = models.CharField(
        _("province or territory"),
        max_length=2,
        choices=Province.choices,
        blank=True,
        help_text=_("Leave empty for a profile used across Canada."),
    )
    framework = models.ForeignKey(
        "frameworks.Framework",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("main competency framework"),
        help_text=_("Its competencies are offered first when you add one to a task."),
    )
    occupation = models.ForeignKey(
        "frameworks.Occupation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="job_profiles",
        verbose_name=_("reference occupation (ESCO or O*NET)"),
    )
    created_by = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["title_en"]
        constraints = [
            models.CheckConstraint(
                condition=Q(noc_code__regex=NOC_PATTERN),
                name="job_profile_noc_five_digits",
            ),
        ]
        verbose_name = _("job profile")
        verbose_name_plural = _("job profiles")

    def __str__(self) -> str:
        return f"{self.title} (NOC {self.noc_code})"

    def get_absolute_url(self) -> str:
        return reverse("frameworks:profile", args=[self.pk])

    @property
    def title(self) -> str:
        return localised(self, "title")

    @property
    def description(self) -> str:
        return localised(self, "description")


class ProfileVersion(models.Model):
    """One version of a job profile. Only a draft changes; a published one never does."""

    profile = models.ForeignKey(
        JobProfile,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("job profile"),
    )
    number = models.PositiveSmallIntegerField(_("version"))
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=VersionState.choices,
        default=VersionState.DRAFT,
    )
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    change_note = models.TextField(_("what changed"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("sent for review"), null=True, blank=True)
    endorsed_at = models.DateTimeField(_("first endorsed"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)

    class Meta:
        ordering = ["profile", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "number"], name="profile_version_unique"
            ),
            models.UniqueConstraint(
                fields=["profile"],
                condition=Q(state="draft"),
                name="profile_one_draft",
            ),
            models.UniqueConstraint(
                fields=["profile"],
                condition=Q(state="published"),
                name="profile_one_published",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="profile_version_from_one"
            ),
        ]
        verbose_name = _("job profile version")
        verbose_name_plural = _("job profile versions")

    def __str__(self) -> str:
        return f"{self.profile.title} v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("frameworks:version", args=[self.profile_id, self.number])

    @property
    def is_draft(self) -> bool:
        return self.state == VersionState.DRAFT


class Duty(models.Model):
    """A major responsibility of the job (a row of the DACUM chart)."""

    version = models.ForeignKey(
        ProfileVersion, on_delete=models.CASCADE, related_name="duties"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title_en = models.CharField(_("duty (English)"), max_length=300)
    title_fr = models.CharField(_("duty (French)"), max_length=300, blank=True)

    class Meta:
        ordering = ["version", "position", "id"]
        verbose_name = _("duty")
        verbose_name_plural = _("duties")

    def __str__(self) -> str:
        return f"{self.letter}. {self.title}"

    @property
    def title(self) -> str:
        return localised(self, "title")

    @property
    def letter(self) -> str:
        """Return the DACUM letter of the duty: A, B, … Z, AA, AB…"""
        number, letters = self.position, ""
        while number > 0:
            number, remainder = divmod(number - 1, 26)
            letters = chr(ord("A") + remainder) + letters
        return letters or "?"


class Task(models.Model):
    """A task of a duty, or a sub-task of a task."""

    duty = models.ForeignKey(Duty, on_delete=models.CASCADE, related_name="tasks")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="subtasks"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title_en = models.CharField(_("task (English)"), max_length=300)
    title_fr = models.CharField(_("task (French)"), max_length=300, blank=True)

    class Meta:
        ordering = ["duty", "position", "id"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localised(self, "title")


class TaskCompetency(models.Model):
    """A competency that a task needs, at a level, with an importance."""

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="competency_needs"
    )
    competency = models.ForeignKey(
        "frameworks.Competency",
        on_delete=models.PROTECT,
        related_name="task_needs",
        verbose_name=_("competency"),
    )
    required_level = models.PositiveSmallIntegerField(_("required level"))
    importance = models.PositiveSmallIntegerField(
        _("importance"), choices=Importance.choices, default=Importance.IMPORTANT
    )

    class Meta:
        ordering = ["task", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "competency"], name="task_competency_unique"
            ),
            models.CheckConstraint(
                condition=Q(required_level__gte=1),
                name="task_competency_level_from_one",
            ),
            models.CheckConstraint(
                condition=Q(importance__gte=1, importance__lte=5),
                name="task_competency_importance_1_5",
            ),
        ]
        verbose_name = _("competency a task needs")
        verbose_name_plural = _("competencies tasks need")

    def __str__(self) -> str:
        return f"{self.competency} @ {self.required_level}"


class EventKind(models.TextChoices):
    CREATED = "created", _("created the version")
    SUBMITTED = "submitted", _("sent it for review")
    INVITED = "invited", _("invited an employer to review")
    COMMENTED = "commented", _("commented")
    PROPOSED = "proposed", _("proposed a change")
    RATED = "rated", _("rated importance")
    ENDORSED = "endorsed", _("endorsed the version")
    CHANGES_REQUESTED = "changes_requested", _("asked for changes")
    PUBLISHED = "published", _("published the version")
    RETIRED = "retired", _("retired the version")
    DRAFT_STARTED = "draft_started", _("started a new draft from it")


class ProfileEvent(models.Model):
    """One step in the history of a profile version: who did what, and when."""

    version = models.ForeignKey(
        ProfileVersion, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("what"), max_length=24, choices=EventKind.choices)
    actor = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    occurred_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["version", "occurred_at", "id"]
        verbose_name = _("profile event")
        verbose_name_plural = _("profile events")

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d} {self.get_kind_display()}"
