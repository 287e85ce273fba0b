"""Employer demand: the roles employers find hard to fill."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from skillpath.accounts.models import Province
from skillpath.common.models import TimeStampedModel

NOC_OR_EMPTY = r"^([0-9]{5})?$"


class Urgency(models.TextChoices):
    NOW = "now", _("Now: within a month")
    SOON = "soon", _("Soon: within three months")
    LATER = "later", _("This year")


class WageUnit(models.TextChoices):
    HOUR = "hour", _("per hour")
    YEAR = "year", _("per year")


class DemandStatus(models.TextChoices):
    OPEN = "open", _("Still hiring")
    FILLED = "filled", _("Filled")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class DemandReport(TimeStampedModel):
    """An employer's report of a role they cannot fill: how many, where, how soon."""

    employer = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="demand_reports",
        verbose_name=_("employer"),
    )
    reported_by = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    job_title = models.CharField(_("job title"), max_length=200)
    noc_code = models.CharField(
        _("NOC 2021 code"),
        max_length=5,
        blank=True,
        help_text=_("Five digits, if you know it; a coordinator can add it."),
    )
    openings = models.PositiveIntegerField(_("openings"))
    region = models.CharField(
        _("province or territory"), max_length=2, choices=Province.choices
    )
    city = models.CharField(_("city or area"), max_length=100, blank=True)
    urgency = models.CharField(
        _("how soon"), max_length=8, choices=Urgency.choices, default=Urgency.SOON
    )
    wage_min = models.DecimalField(
        _("lowest wage"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    wage_max = models.DecimalField(
        _("highest wage"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    wage_unit = models.CharField(
        _("wage unit"), max_length=4, choices=WageUnit.choices, default=WageUnit.HOUR
    )
    notes = models.TextField(_("what makes this role hard to fill"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DemandStatus.choices,
        default=DemandStatus.OPEN,
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(openings__gte=1), name="demand_openings_positive"
            ),
            models.CheckConstraint(
                condition=Q(noc_code__regex=NOC_OR_EMPTY), name="demand_noc_five_digits"
            ),
            models.CheckConstraint(
                condition=Q(wage_min__isnull=True)
                | Q(wage_max__isnull=True)
                | Q(wage_min__lte=F("wage_max")),
                name="demand_wage_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(wage_min__isnull=True) | Q(wage_min__gte=0),
                name="demand_wage_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["status", "noc_code"])]
        verbose_name = _("demand report")
        verbose_name_plural = _("demand reports")

    def __str__(self) -> str:
        return f"{self.job_title} × {self.openings} ({self.region})"

    def get_absolute_url(self) -> str:
        return reverse("jobs:demand_edit", args=[self.pk])
