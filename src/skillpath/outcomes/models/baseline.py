"""Where a learner stood at enrolment, and every change of their consent."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from skillpath.common.models import TimeStampedModel
from skillpath.jobs.models import NOC_OR_EMPTY, WageUnit

__all__ = ["Baseline", "ConsentEvent", "ConsentKind", "WageUnit", "job_checks"]


def job_checks(prefix: str) -> list[models.BaseConstraint]:
    """Return the checks a described job obeys: wage, hours, NOC (named by ``prefix``)."""
    return [
        models.CheckConstraint(
            condition=Q(wage__isnull=True) | Q(wage__gte=0),
            name=f"{prefix}_wage_not_negative",
        ),
        models.CheckConstraint(
            condition=Q(hours_per_week__isnull=True)
            | Q(hours_per_week__gt=0, hours_per_week__lte=168),
            name=f"{prefix}_hours_in_week",
        ),
        models.CheckConstraint(
            condition=Q(noc_code__regex=NOC_OR_EMPTY),
            name=f"{prefix}_noc_five_digits_or_blank",
        ),
    ]


class Baseline(TimeStampedModel):
    """A learner's job at enrolment: the point the follow-ups are compared with."""

    learner = models.OneToOneField(
        "accounts.User",
        on_delete=models.CASCADE,
        related_name="outcome_baseline",
        verbose_name=_("learner"),
    )
    employed = models.BooleanField(_("employed"))
    noc_code = models.CharField(_("occupation (NOC 2021)"), max_length=5, blank=True)
    wage = models.DecimalField(
        _("wage"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    wage_unit = models.CharField(
        _("wage unit"), max_length=4, choices=WageUnit.choices, blank=True
    )
    hours_per_week = models.DecimalField(
        _("hours per week"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        constraints = job_checks("baseline")
        verbose_name = _("baseline")
        verbose_name_plural = _("baselines")

    def __str__(self) -> str:
        return f"{self.learner} @ {self.recorded_at:%Y-%m-%d}"


class ConsentKind(models.TextChoices):
    FOLLOW_UP_SURVEYS = "follow_up_surveys", _("follow-up surveys")
    HIRE_RATINGS = "hire_ratings", _("employer ratings of my work")


class ConsentEvent(models.Model):
    """One change of a learner's consent: what, granted or withdrawn, when, which text."""

    learner = models.ForeignKey(
        "accounts.User",
        on_delete=models.CASCADE,
        related_name="consent_events",
        verbose_name=_("learner"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ConsentKind.choices)
    granted = models.BooleanField(_("granted"))
    at = models.DateTimeField(_("when"))
    text_version = models.CharField(_("text shown"), max_length=20)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["learner", "kind", "at"])]
        verbose_name = _("consent event")
        verbose_name_plural = _("consent events")

    def __str__(self) -> str:
        return f"{self.learner} {self.kind} {'on' if self.granted else 'off'}"
