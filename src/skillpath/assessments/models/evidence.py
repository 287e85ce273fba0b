"""Performance tasks and evidence handed in, assessors' scores, prior learning."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from skillpath.assessments.models.bank import Item, ItemKind, Method, evidence_path
from skillpath.common.models import TimeStampedModel


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for an assessor")
    MODERATION = "moderation", _("Waiting for a second assessor")
    DECIDED = "decided", _("Scored")


class TaskSubmission(TimeStampedModel):
    """A learner's answer to a performance task or evidence request."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="task_submissions",
    )
    credential = models.ForeignKey(
        "credentials.MicroCredential", on_delete=models.PROTECT, related_name="+"
    )
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="submissions")
    competency = models.ForeignKey(
        "frameworks.Competency", on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("your answer"), blank=True)
    link = models.URLField(_("link"), blank=True, max_length=500)
    file = models.FileField(upload_to=evidence_path, blank=True, max_length=200)
    file_name = models.CharField(max_length=200, blank=True)
    file_type = models.CharField(max_length=80, blank=True)
    status = models.CharField(
        max_length=16,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.SUBMITTED,
    )
    level = models.PositiveSmallIntegerField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "credential"])]
        verbose_name = _("task submission")
        verbose_name_plural = _("task submissions")

    def __str__(self) -> str:
        return f"{self.learner} — {self.item}"

    @property
    def method(self) -> str:
        if self.item.kind == ItemKind.EVIDENCE_REQUEST:
            return Method.EVIDENCE
        return Method.PERFORMANCE_TASK


class TaskScore(TimeStampedModel):
    """An assessor's rubric score and feedback on a submission."""

    submission = models.ForeignKey(
        TaskSubmission, on_delete=models.CASCADE, related_name="scores"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    criterion_levels = models.JSONField(default=dict)
    level = models.PositiveSmallIntegerField()
    feedback = models.TextField(_("feedback"), blank=True)
    is_moderation = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "assessor"], name="score_one_per_assessor"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.submission_id} by {self.assessor_id}: {self.level}"


class ClaimStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for an assessor")
    ACCEPTED = "accepted", _("Recognised")
    REJECTED = "rejected", _("Not recognised")


class PriorLearningClaim(TimeStampedModel):
    """A learner's proof of earlier learning or experience for one competency."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="prior_learning_claims",
    )
    credential = models.ForeignKey(
        "credentials.MicroCredential", on_delete=models.PROTECT, related_name="+"
    )
    competency = models.ForeignKey(
        "frameworks.Competency", on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField(_("what you did, where and when"))
    link = models.URLField(_("link"), blank=True, max_length=500)
    file = models.FileField(upload_to=evidence_path, blank=True, max_length=200)
    file_name = models.CharField(max_length=200, blank=True)
    file_type = models.CharField(max_length=80, blank=True)
    status = models.CharField(
        max_length=16, choices=ClaimStatus.choices, default=ClaimStatus.SUBMITTED
    )
    level_granted = models.PositiveSmallIntegerField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    feedback = models.TextField(_("feedback"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="accepted") | Q(level_granted__isnull=False),
                name="claim_accepted_has_level",
            ),
        ]
        verbose_name = _("prior learning claim")
        verbose_name_plural = _("prior learning claims")

    def __str__(self) -> str:
        return f"{self.learner} — {self.competency_id}"
