"""Sittings of the adaptive test, their per-competency parts, responses, policy."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from skillpath.assessments.models.bank import Item
from skillpath.common.models import TimeStampedModel


class SittingStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    TIMED_OUT = "timed_out", _("Time ran out")


class Sitting(TimeStampedModel):
    """One learner taking the adaptive test of a micro-credential's competencies."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="assessment_sittings",
        verbose_name=_("learner"),
    )
    credential = models.ForeignKey(
        "credentials.MicroCredential",
        on_delete=models.PROTECT,
        related_name="assessment_sittings",
        verbose_name=_("micro-credential"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SittingStatus.choices,
        default=SittingStatus.IN_PROGRESS,
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    deadline = models.DateTimeField(_("time limit"), null=True, blank=True)
    # The sequence number the next answer must carry: a second submission of the
    # same question (double click, another tab) carries an old number and is refused.
    next_sequence = models.PositiveIntegerField(default=1)
    current_item = models.ForeignKey(
        Item, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    current_is_pilot = models.BooleanField(default=False)
    seed = models.BigIntegerField(default=0)

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "credential"],
                condition=Q(status="in_progress"),
                name="sitting_one_open_per_credential",
            ),
        ]
        verbose_name = _("assessment sitting")
        verbose_name_plural = _("assessment sittings")

    def __str__(self) -> str:
        return f"{self.learner} — {self.credential} — {self.started_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("assessments:sitting", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == SittingStatus.IN_PROGRESS


class PartStatus(models.TextChoices):
    WAITING = "waiting", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DECIDED = "decided", _("Decided")
    TIMED_OUT = "timed_out", _("Not finished in time")
    NO_ITEMS = "no_items", _("No questions available")


class SittingPart(models.Model):
    """The mastery test of one competency within a sitting."""

    sitting = models.ForeignKey(Sitting, on_delete=models.CASCADE, related_name="parts")
    competency = models.ForeignKey(
        "frameworks.Competency", on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField()
    required_level = models.PositiveSmallIntegerField()
    levels = models.JSONField(default=list)  # the scale's levels, lowest first
    cut_theta = models.FloatField()
    status = models.CharField(
        max_length=16, choices=PartStatus.choices, default=PartStatus.WAITING
    )
    state = models.JSONField(default=dict, blank=True)  # core MasteryTest.to_dict()
    item_ids = models.JSONField(default=list)  # bank index -> Item pk
    pilot_ids = models.JSONField(default=list)  # pilot items to slip in, unscored
    pilots_given = models.PositiveSmallIntegerField(default=0)
    items_answered = models.PositiveSmallIntegerField(default=0)
    max_items = models.PositiveSmallIntegerField(default=12)
    decision = models.CharField(max_length=16, blank=True)
    theta = models.FloatField(null=True, blank=True)
    se = models.FloatField(null=True, blank=True)
    p_mastery = models.FloatField(null=True, blank=True)
    demonstrated_level = models.PositiveSmallIntegerField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["sitting_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["sitting", "competency"], name="part_one_per_competency"
            ),
            models.UniqueConstraint(
                fields=["sitting", "position"], name="part_unique_position"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sitting_id}:{self.position}"


class Response(models.Model):
    """One answer in a sitting; one per sequence number, whatever the clicks."""

    sitting = models.ForeignKey(
        Sitting, on_delete=models.CASCADE, related_name="responses"
    )
    part = models.ForeignKey(
        SittingPart, on_delete=models.CASCADE, related_name="responses"
    )
    sequence = models.PositiveIntegerField()
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="responses")
    answer = models.JSONField(default=dict)
    credit = models.FloatField()
    score = models.PositiveSmallIntegerField()
    counted = models.BooleanField(default=True)  # False for pilot items
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sitting_id", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["sitting", "sequence"], name="response_one_per_sequence"
            ),
            models.UniqueConstraint(
                fields=["sitting", "item"], name="response_item_once_per_sitting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sitting_id}#{self.sequence}"


class Caution(models.TextChoices):
    """How much costlier crediting a non-master is than missing a master."""

    BALANCED = "balanced", _("Balanced: errors either way count the same")
    CAUTIOUS = (
        "cautious",
        _(
            "Cautious: crediting someone who has not reached the level counts twice "
            "as much as missing someone who has"
        ),
    )
    STRICT = (
        "strict",
        _(
            "Strict: crediting someone who has not reached the level counts four "
            "times as much as missing someone who has"
        ),
    )


class AssessmentPolicy(TimeStampedModel):
    """How a micro-credential's adaptive test runs: time limit, length, caution.

    Retake rules (cool-down, attempts) are part of the micro-credential itself.
    """

    credential = models.OneToOneField(
        "credentials.MicroCredential",
        on_delete=models.CASCADE,
        related_name="assessment_policy",
        verbose_name=_("micro-credential"),
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no time limit."),
    )
    max_items_per_competency = models.PositiveSmallIntegerField(
        _("at most this many questions per competency"), default=12
    )
    caution = models.CharField(
        _("caution of the mastery decision"),
        max_length=16,
        choices=Caution.choices,
        default=Caution.BALANCED,
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(max_items_per_competency__gte=1),
                name="policy_at_least_one_item",
            ),
            models.CheckConstraint(
                condition=Q(time_limit_minutes__isnull=True)
                | Q(time_limit_minutes__gte=1),
                name="policy_time_limit_positive",
            ),
            models.CheckConstraint(
                condition=Q(caution__in=Caution.values), name="policy_caution_known"
            ),
        ]
        verbose_name = _("assessment policy")
        verbose_name_plural = _("assessment policies")

    def __str__(self) -> str:
        return f"{self.credential_id}"
