"""Job postings, their requirements, and what seekers and employers do with them.

A posting is tied to an endorsed (or published) job-profile version, so every
requirement is a competency with a required level and the employer's importance.
Applications move through the employer's pipeline; every move is an event.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skillpath.accounts.models import Province
from skillpath.common.models import TimeStampedModel
from skillpath.jobs.models.demand import WageUnit


class WorkMode(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    HYBRID = "hybrid", _("Hybrid")
    REMOTE = "remote", _("Remote")


class LanguageOfWork(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    BOTH = "both", _("English and French")


class PostingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    FILLED = "filled", _("Filled")


class RequirementOrigin(models.TextChoices):
    PROFILE = "profile", _("From the job profile")
    FRAMEWORK = "framework", _("Added from the framework")
    AD = "ad", _("Suggested from the job ad")


class JobPosting(TimeStampedModel):
    """A job an employer offers, built on an endorsed job-profile version."""

    employer = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="postings",
        verbose_name=_("employer"),
    )
    created_by = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    profile_version = models.ForeignKey(
        "frameworks.ProfileVersion",
        on_delete=models.PROTECT,
        related_name="postings",
        verbose_name=_("job profile"),
    )
    title = models.CharField(_("job title"), max_length=200)
    noc_code = models.CharField(_("NOC 2021 code"), max_length=5)
    description = models.TextField(_("about the job"), blank=True)
    city = models.CharField(_("city or area"), max_length=100)
    region = models.CharField(
        _("province or territory"), max_length=2, choices=Province.choices
    )
    work_mode = models.CharField(
        _("where the work is done"),
        max_length=8,
        choices=WorkMode.choices,
        default=WorkMode.ON_SITE,
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
    hours_per_week = models.DecimalField(
        _("hours per week"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    openings = models.PositiveIntegerField(_("openings"), default=1)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    closing_date = models.DateField(_("closing date"), null=True, blank=True)
    language_of_work = models.CharField(
        _("language of work"),
        max_length=4,
        choices=LanguageOfWork.choices,
        default=LanguageOfWork.ENGLISH,
    )
    how_to_apply = models.TextField(_("how to apply"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=PostingStatus.choices,
        default=PostingStatus.DRAFT,
    )
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-opened_at", "-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(openings__gte=1), name="posting_openings_positive"
            ),
            models.CheckConstraint(
                condition=Q(noc_code__regex=r"^[0-9]{5}$"),
                name="posting_noc_five_digits",
            ),
            models.CheckConstraint(
                condition=Q(wage_min__isnull=True)
                | Q(wage_max__isnull=True)
                | Q(wage_min__lte=F("wage_max")),
                name="posting_wage_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(wage_min__isnull=True) | Q(wage_min__gte=0),
                name="posting_wage_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(hours_per_week__isnull=True)
                | Q(hours_per_week__gt=0, hours_per_week__lte=168),
                name="posting_hours_in_week",
            ),
            models.CheckConstraint(
                condition=Q(closing_date__isnull=True)
                | Q(opens_on__isnull=True)
                | Q(closing_date__gte=F("opens_on")),
                name="posting_closes_after_opening",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "region"]),
            models.Index(fields=["noc_code"]),
        ]
        verbose_name = _("job posting")
        verbose_name_plural = _("job postings")

    def __str__(self) -> str:
        return f"{self.title} — {self.city}"

    def get_absolute_url(self) -> str:
        return reverse("jobs:posting", args=[self.pk])

    @property
    def is_open(self) -> bool:
        """Return whether seekers can apply today."""
        if self.status != PostingStatus.OPEN:
            return False
        return self.closing_date is None or self.closing_date >= timezone.localdate()


class PostingRequirement(models.Model):
    """A competency a posting asks for, at a level, with the employer's importance."""

    posting = models.ForeignKey(
        JobPosting, on_delete=models.CASCADE, related_name="requirements"
    )
    competency = models.ForeignKey(
        "frameworks.Competency",
        on_delete=models.PROTECT,
        related_name="posting_requirements",
        verbose_name=_("competency"),
    )
    required_level = models.PositiveSmallIntegerField(_("required level"))
    importance = models.PositiveSmallIntegerField(_("importance"), default=3)
    essential = models.BooleanField(_("essential"), default=False)
    licence = models.BooleanField(_("a licence the law requires"), default=False)
    origin = models.CharField(
        _("origin"),
        max_length=10,
        choices=RequirementOrigin.choices,
        default=RequirementOrigin.PROFILE,
    )
    source_sentence = models.TextField(_("sentence of the ad"), blank=True)

    class Meta:
        ordering = ["-essential", "-importance", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["posting", "competency"], name="posting_requirement_unique"
            ),
            models.CheckConstraint(
                condition=Q(required_level__gte=1),
                name="posting_requirement_level_from_one",
            ),
            models.CheckConstraint(
                condition=Q(importance__gte=1, importance__lte=5),
                name="posting_requirement_importance_1_5",
            ),
        ]
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")

    def __str__(self) -> str:
        return f"{self.competency} ≥ {self.required_level}"


class SelfDeclaredSkill(TimeStampedModel):
    """A level a seeker says they hold, not yet assessed: it counts less, labelled."""

    seeker = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="declared_skills"
    )
    competency = models.ForeignKey(
        "frameworks.Competency", on_delete=models.CASCADE, related_name="+"
    )
    level = models.PositiveSmallIntegerField(_("level"))

    class Meta:
        ordering = ["seeker", "competency"]
        constraints = [
            models.UniqueConstraint(
                fields=["seeker", "competency"], name="declared_skill_unique"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1), name="declared_skill_level_from_one"
            ),
        ]
        verbose_name = _("self-declared skill")
        verbose_name_plural = _("self-declared skills")

    def __str__(self) -> str:
        return f"{self.seeker} · {self.competency} = {self.level}"


class SavedPosting(models.Model):
    """A posting a seeker keeps to come back to."""

    seeker = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="saved_postings"
    )
    posting = models.ForeignKey(
        JobPosting, on_delete=models.CASCADE, related_name="saves"
    )
    saved_at = models.DateTimeField(_("saved"), default=timezone.now)

    class Meta:
        ordering = ["-saved_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["seeker", "posting"], name="saved_posting_unique"
            )
        ]
        verbose_name = _("saved posting")
        verbose_name_plural = _("saved postings")

    def __str__(self) -> str:
        return f"{self.seeker} ♥ {self.posting}"


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    SCREENED = "screened", _("Screened")
    INTERVIEW = "interview", _("Interview")
    OFFER = "offer", _("Offer")
    HIRED = "hired", _("Hired")
    NOT_SELECTED = "not_selected", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


#: The statuses an application can be in while it is still going somewhere.
ACTIVE_APPLICATION_STATUSES = (
    ApplicationStatus.APPLIED,
    ApplicationStatus.SCREENED,
    ApplicationStatus.INTERVIEW,
    ApplicationStatus.OFFER,
)


class Application(TimeStampedModel):
    """A seeker's application to one posting, and where it stands."""

    posting = models.ForeignKey(
        JobPosting, on_delete=models.PROTECT, related_name="applications"
    )
    seeker = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="job_applications"
    )
    message = models.TextField(_("message to the employer"), blank=True)
    credentials = models.ManyToManyField(
        "credentials.Award",
        blank=True,
        related_name="applications",
        verbose_name=_("credentials attached"),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.APPLIED,
    )
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    score = models.FloatField(_("match when applying"), null=True, blank=True)
    band = models.CharField(_("match band"), max_length=8, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["posting", "seeker"], name="application_one_per_posting"
            )
        ]
        indexes = [models.Index(fields=["status"])]
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def __str__(self) -> str:
        return f"{self.seeker} → {self.posting}"

    def get_absolute_url(self) -> str:
        return reverse("jobs:application", args=[self.pk])


class ApplicationEvent(models.Model):
    """One move of an application: who, from what, to what, when, and a note."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="events"
    )
    actor = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12, choices=ApplicationStatus.choices)
    note = models.TextField(_("note"), blank=True)
    on_date = models.DateField(_("date"), null=True, blank=True)
    occurred_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["occurred_at", "id"]
        verbose_name = _("application event")
        verbose_name_plural = _("application events")

    def __str__(self) -> str:
        return f"{self.application}: {self.from_status} → {self.to_status}"


class Invitation(models.Model):
    """An employer's invitation to a consenting seeker to apply to a posting."""

    posting = models.ForeignKey(
        JobPosting, on_delete=models.CASCADE, related_name="invitations"
    )
    seeker = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="job_invitations"
    )
    invited_by = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["posting", "seeker"], name="invitation_one_per_posting"
            )
        ]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.posting} ✉ {self.seeker}"


class MatchAlert(models.Model):
    """A new posting that matches a seeker strongly: shown on the dashboard."""

    seeker = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="match_alerts"
    )
    posting = models.ForeignKey(
        JobPosting, on_delete=models.CASCADE, related_name="alerts"
    )
    score = models.FloatField()
    band = models.CharField(max_length=8)
    created_at = models.DateTimeField(default=timezone.now)
    emailed_at = models.DateTimeField(null=True, blank=True)
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["seeker", "posting"], name="match_alert_once"
            )
        ]
        verbose_name = _("match alert")
        verbose_name_plural = _("match alerts")

    def __str__(self) -> str:
        return f"{self.posting} ⇢ {self.seeker} ({self.band})"
