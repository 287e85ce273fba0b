"""Employer reviews of a profile version: comments, importance ratings, endorsement."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skillpath.frameworks.models.profile import (
    Duty,
    Importance,
    ProfileVersion,
    Task,
    TaskCompetency,
)


class ReviewState(models.TextChoices):
    INVITED = "invited", _("Invited")
    ENDORSED = "endorsed", _("Endorsed")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")


class CommentKind(models.TextChoices):
    COMMENT = "comment", _("Comment")
    PROPOSAL = "proposal", _("Proposed change")


class ProfileReview(models.Model):
    """An employer organisation's review of one profile version."""

    version = models.ForeignKey(
        ProfileVersion, on_delete=models.CASCADE, related_name="reviews"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="profile_reviews",
        verbose_name=_("employer"),
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=ReviewState.choices,
        default=ReviewState.INVITED,
    )
    invited_by = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invited_at = models.DateTimeField(_("invited"), default=timezone.now)
    decided_by = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        ordering = ["version", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "organisation"], name="profile_review_unique"
            ),
        ]
        verbose_name = _("profile review")
        verbose_name_plural = _("profile reviews")

    def __str__(self) -> str:
        return f"{self.organisation} — {self.version}"

    def get_absolute_url(self) -> str:
        return reverse("frameworks:review", args=[self.pk])


class ReviewComment(models.Model):
    """A reviewer's comment or proposed change, on the version or one of its parts."""

    review = models.ForeignKey(
        ProfileReview, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(
        _("kind"),
        max_length=12,
        choices=CommentKind.choices,
        default=CommentKind.COMMENT,
    )
    duty = models.ForeignKey(
        Duty, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    task = models.ForeignKey(
        Task, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    task_competency = models.ForeignKey(
        TaskCompetency,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(task__isnull=True, task_competency__isnull=True)
                    | Q(duty__isnull=True, task_competency__isnull=True)
                    | Q(duty__isnull=True, task__isnull=True)
                ),
                name="review_comment_one_target",
            ),
        ]
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")

    def __str__(self) -> str:
        return self.text[:60]


class ImportanceRating(models.Model):
    """How important an employer rates a competency for a task (1-5)."""

    review = models.ForeignKey(
        ProfileReview, on_delete=models.CASCADE, related_name="ratings"
    )
    task_competency = models.ForeignKey(
        TaskCompetency, on_delete=models.CASCADE, related_name="ratings"
    )
    importance = models.PositiveSmallIntegerField(
        _("importance"), choices=Importance.choices
    )
    rated_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    rated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["review", "task_competency"], name="importance_rating_unique"
            ),
            models.CheckConstraint(
                condition=Q(importance__gte=1, importance__lte=5),
                name="importance_rating_1_5",
            ),
        ]
        verbose_name = _("importance rating")
        verbose_name_plural = _("importance ratings")

    def __str__(self) -> str:
        return f"{self.task_competency_id}: {self.importance}"
