"""Employers' ratings of the people they hired, with the hire's consent."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from skillpath.common.models import TimeStampedModel
from skillpath.outcomes.models.followups import FollowUpState


class RatingKind(models.TextChoices):
    MONTH_3 = "month_3", _("3 months after the hire")
    MONTH_6 = "month_6", _("6 months after the hire")


class EmployerRating(TimeStampedModel):
    """A request to the hiring employer to rate a hire, and the overall answer."""

    application = models.ForeignKey(
        "jobs.Application",
        on_delete=models.CASCADE,
        related_name="ratings",
        verbose_name=_("hire"),
    )
    kind = models.CharField(_("kind"), max_length=8, choices=RatingKind.choices)
    due_on = models.DateField(_("due on"))
    # Of FollowUpState: scheduled, sent, answered, no_answer, cancelled.
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=FollowUpState.choices,
        default=FollowUpState.SCHEDULED,
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    rated_by = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("rated by"),
    )
    overall_satisfaction = models.PositiveSmallIntegerField(
        _("the graduate's preparation for the type of work"), null=True, blank=True
    )

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind"], name="employer_rating_one_per_kind"
            ),
            models.CheckConstraint(
                condition=Q(overall_satisfaction__isnull=True)
                | Q(overall_satisfaction__gte=1, overall_satisfaction__lte=5),
                name="employer_rating_overall_1_5",
            ),
        ]
        indexes = [models.Index(fields=["state", "due_on"])]
        verbose_name = _("employer rating")
        verbose_name_plural = _("employer ratings")

    def __str__(self) -> str:
        return f"{self.application} {self.kind}"


class CompetencyRating(models.Model):
    """How prepared a hire was, and how they perform, on one competency (1-5 each)."""

    rating = models.ForeignKey(
        EmployerRating, on_delete=models.CASCADE, related_name="competency_ratings"
    )
    competency = models.ForeignKey(
        "frameworks.Competency", on_delete=models.PROTECT, related_name="+"
    )
    preparation = models.PositiveSmallIntegerField(_("preparation"))
    performance = models.PositiveSmallIntegerField(_("performance"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["rating", "competency"], name="competency_rating_one_each"
            ),
            models.CheckConstraint(
                condition=Q(preparation__gte=1, preparation__lte=5),
                name="competency_rating_preparation_1_5",
            ),
            models.CheckConstraint(
                condition=Q(performance__gte=1, performance__lte=5),
                name="competency_rating_performance_1_5",
            ),
        ]
        verbose_name = _("competency rating")
        verbose_name_plural = _("competency ratings")

    def __str__(self) -> str:
        return f"{self.competency}: {self.preparation}/{self.performance}"


class RatingConsent(TimeStampedModel):
    """Whether a hire lets the hiring employer rate them (and see those ratings)."""

    application = models.OneToOneField(
        "jobs.Application",
        on_delete=models.CASCADE,
        related_name="rating_consent",
        verbose_name=_("hire"),
    )
    granted = models.BooleanField(_("granted"), default=False)
    changed_at = models.DateTimeField(_("changed"))

    class Meta:
        verbose_name = _("rating consent")
        verbose_name_plural = _("rating consents")

    def __str__(self) -> str:
        return f"{self.application}: {'granted' if self.granted else 'not granted'}"
