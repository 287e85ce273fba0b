"""Follow-up surveys sent after an award, and their answers."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from skillpath.common.models import TimeStampedModel
from skillpath.jobs.models import WageUnit
from skillpath.outcomes.models.baseline import job_checks


class FollowUpKind(models.TextChoices):
    MONTH_3 = "month_3", _("3 months after the award")
    MONTH_6 = "month_6", _("6 months after the award")
    MONTH_12 = "month_12", _("12 months after the award")
    QUARTER_2 = "quarter_2", _("end of the 2nd quarter after the award")
    QUARTER_4 = "quarter_4", _("end of the 4th quarter after the award")


class FollowUpState(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    SENT = "sent", _("sent")
    ANSWERED = "answered", _("answered")
    DECLINED = "declined", _("declined")
    BOUNCED = "bounced", _("mail bounced")
    NO_ANSWER = "no_answer", _("no answer")
    CANCELLED = "cancelled", _("cancelled")


OPEN_FOLLOW_UP_STATES = (FollowUpState.SCHEDULED, FollowUpState.SENT)


class FollowUp(TimeStampedModel):
    """One survey of a learner about their job, due on a date after an award."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    learner = models.ForeignKey(
        "accounts.User",
        on_delete=models.CASCADE,
        related_name="follow_ups",
        verbose_name=_("learner"),
    )
    award = models.ForeignKey(
        "credentials.Award",
        on_delete=models.PROTECT,
        related_name="follow_ups",
        verbose_name=_("award"),
    )
    kinds = models.JSONField(_("covers"), default=list)
    due_on = models.DateField(_("due on"))
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=FollowUpState.choices,
        default=FollowUpState.SCHEDULED,
    )
    sent_at = models.DateTimeField(_("first sent"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)
    expires_on = models.DateField(_("link expires on"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["award", "due_on"], name="follow_up_one_per_award_date"
            ),
            models.CheckConstraint(
                condition=Q(reminders_sent__lte=2), name="follow_up_reminders_0_2"
            ),
        ]
        indexes = [models.Index(fields=["state", "due_on"])]
        verbose_name = _("follow-up survey")
        verbose_name_plural = _("follow-up surveys")

    def __str__(self) -> str:
        return f"{self.learner} {self.due_on} ({', '.join(self.kinds)})"


class AnswerVia(models.TextChoices):
    LINK = "link", _("the e-mailed link")
    DASHBOARD = "dashboard", _("the dashboard")


class FollowUpAnswer(TimeStampedModel):
    """What a learner said about their job in one follow-up survey."""

    follow_up = models.OneToOneField(
        FollowUp, on_delete=models.CASCADE, related_name="answer"
    )
    employed = models.BooleanField(_("employed"))
    started_on = models.DateField(_("job started on"), null=True, blank=True)
    noc_code = models.CharField(_("occupation (NOC 2021)"), max_length=5, blank=True)
    in_field = models.BooleanField(_("in the credential's field"), null=True)
    employer_name = models.CharField(_("employer"), max_length=200, blank=True)
    wage = models.DecimalField(
        _("wage"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    wage_unit = models.CharField(
        _("wage unit"), max_length=4, choices=WageUnit.choices, blank=True
    )
    hours_per_week = models.DecimalField(
        _("hours per week"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    same_employer = models.BooleanField(_("same employer as last time"), null=True)
    credential_helped = models.PositiveSmallIntegerField(
        _("the credential helped (1-5)"), null=True, blank=True
    )
    via = models.CharField(
        _("answered through"), max_length=9, choices=AnswerVia.choices
    )

    class Meta:
        constraints = [
            *job_checks("follow_up_answer"),
            models.CheckConstraint(
                condition=Q(credential_helped__isnull=True)
                | Q(credential_helped__gte=1, credential_helped__lte=5),
                name="follow_up_answer_helped_1_5",
            ),
        ]
        verbose_name = _("follow-up answer")
        verbose_name_plural = _("follow-up answers")

    def __str__(self) -> str:
        return f"answer to {self.follow_up}"
