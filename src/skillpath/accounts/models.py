"""People, organisations, memberships with roles, learner consent, API tokens."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, ClassVar

from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
)
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skillpath.common.models import TimeStampedModel


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")


class Province(models.TextChoices):
    AB = "AB", _("Alberta")
    BC = "BC", _("British Columbia")
    MB = "MB", _("Manitoba")
    NB = "NB", _("New Brunswick")
    NL = "NL", _("Newfoundland and Labrador")
    NS = "NS", _("Nova Scotia")
    NT = "NT", _("Northwest Territories")
    NU = "NU", _("Nunavut")
    ON = "ON", _("Ontario")
    PE = "PE", _("Prince Edward Island")
    QC = "QC", _("Quebec")
    SK = "SK", _("Saskatchewan")
    YT = "YT", _("Yukon")


class UserManager(BaseUserManager["User"]):
    """Create users whose login is their e-mail address."""

    use_in_migrations = True

    def _create(self, email: str, password: str | None, **fields: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(
        self, email: str, password: str | None = None, **fields: Any
    ) -> User:
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email: str, password: str | None, **fields: Any) -> User:
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with an e-mail address."""

    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=Language.choices,
        default=Language.ENGLISH,
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # Set when the person deleted their account: the row stays as an anonymous
    # tombstone so that what was counted (sittings, awards, answers) keeps counting.
    deleted_at = models.DateTimeField(_("account deleted"), null=True, blank=True)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ci"),
        ]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class OrganisationKind(models.TextChoices):
    COLLEGE = "college", _("College")
    EMPLOYER = "employer", _("Employer")
    TRAINING_PROVIDER = "training_provider", _("Training provider")
    COMMUNITY_AGENCY = "community_agency", _("Community agency")


class OrganisationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    ACTIVE = "active", _("Active")
    REJECTED = "rejected", _("Rejected")


class Organisation(TimeStampedModel):
    """A college, employer, training provider or community agency."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    province = models.CharField(
        _("province or territory"), max_length=2, choices=Province.choices
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=OrganisationStatus.choices,
        default=OrganisationStatus.ACTIVE,
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="organisation_name_unique_ci"),
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("accounts:organisation", args=[self.slug])


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    ASSESSOR = "assessor", _("Assessor")
    EMPLOYER = "employer", _("Employer representative")
    ADMINISTRATOR = "administrator", _("Administrator")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class MembershipQuerySet(models.QuerySet["Membership"]):
    def approved(self) -> MembershipQuerySet:
        return self.filter(
            status=MembershipStatus.APPROVED,
            organisation__status=OrganisationStatus.ACTIVE,
        )


class Membership(TimeStampedModel):
    """A role that a person holds in an organisation, once approved."""

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=24, choices=Role.choices)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
    )
    decided_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="membership_unique_role"
            ),
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.organisation}"


class SelfIdentification(models.TextChoices):
    NOT_SAID = "", _("Prefer not to say")
    YES = "yes", _("Yes")
    NO = "no", _("No")


class LearnerProfile(TimeStampedModel):
    """What a job seeker tells skillpath about themselves, and what they consent to."""

    user = models.OneToOneField(
        User,
        on_delete=models.CASCADE,
        related_name="learner_profile",
        verbose_name=_("person"),
    )
    region = models.CharField(
        _("province or territory"), max_length=2, choices=Province.choices, blank=True
    )
    home_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learners",
        verbose_name=_("college or agency helping me"),
        help_text=_("Its coordinators and assessors can see your progress."),
    )
    share_with_employers = models.BooleanField(
        _("share my profile and credentials with employers"), default=False
    )
    share_changed_at = models.DateTimeField(null=True, blank=True)
    job_alerts_by_email = models.BooleanField(
        _("e-mail me new jobs I match strongly"), default=False
    )
    follow_up_surveys = models.BooleanField(
        _("take part in follow-up surveys about my job"), default=False
    )
    # Optional self-identification, used only in aggregate equity reports.
    identifies_newcomer = models.CharField(
        _("newcomer to Canada"),
        max_length=3,
        choices=SelfIdentification.choices,
        blank=True,
    )
    identifies_indigenous = models.CharField(
        _("Indigenous person"),
        max_length=3,
        choices=SelfIdentification.choices,
        blank=True,
    )
    identifies_woman = models.CharField(
        _("woman"), max_length=3, choices=SelfIdentification.choices, blank=True
    )
    identifies_youth = models.CharField(
        _("youth (15 to 30)"),
        max_length=3,
        choices=SelfIdentification.choices,
        blank=True,
    )
    identifies_disability = models.CharField(
        _("person with a disability"),
        max_length=3,
        choices=SelfIdentification.choices,
        blank=True,
    )

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")

    def __str__(self) -> str:
        return str(self.user)

    def get_absolute_url(self) -> str:
        return reverse("accounts:learner", args=[self.pk])


#: The version of the consent wording on the sign-up and profile forms.
CONSENT_TEXT_VERSION = "2026-12"


class ConsentTopic(models.TextChoices):
    SHARE_WITH_EMPLOYERS = "share_with_employers", _("sharing with employers")
    JOB_ALERTS_BY_EMAIL = "job_alerts_by_email", _("job alerts by e-mail")


class ConsentChange(models.Model):
    """One change of a learner's consent kept by accounts: what, on or off, when,
    and the version of the text they saw. (Follow-up surveys and hire ratings are
    logged by outcomes in ``ConsentEvent``.)"""

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="consent_changes",
        verbose_name=_("person"),
    )
    topic = models.CharField(
        _("consent to"), max_length=24, choices=ConsentTopic.choices
    )
    granted = models.BooleanField(_("granted"))
    at = models.DateTimeField(_("when"), default=timezone.now)
    text_version = models.CharField(_("text shown"), max_length=20)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["user", "topic", "at"])]
        verbose_name = _("consent change")
        verbose_name_plural = _("consent changes")

    def __str__(self) -> str:
        return f"{self.user_id} {self.topic} {'on' if self.granted else 'off'}"


class ThrottleEvent(models.Model):
    """A sign-in or reset request, kept a while to throttle guessing and floods.

    Failed sign-ins and password reset requests are counted per account (the e-mail
    address typed, whether or not an account has it) and per client address; the
    last successful sign-in of an account from an address marks that address as one
    its owner uses.
    """

    class Kind(models.TextChoices):
        SIGNIN_FAILURE = "signin_failure", _("failed sign-in")
        SIGNIN_SUCCESS = "signin_success", _("successful sign-in")
        PASSWORD_RESET = "password_reset", _("password reset request")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    email = models.CharField(max_length=254)
    client_address = models.CharField(max_length=64)
    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("sign-in event")
        verbose_name_plural = _("sign-in events")
        indexes = [
            models.Index(
                fields=["kind", "email", "occurred_at"], name="throttle_by_account"
            ),
            models.Index(
                fields=["kind", "client_address", "occurred_at"],
                name="throttle_by_address",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.email} {self.occurred_at:%Y-%m-%d %H:%M}"


TOKEN_DEFAULT_DAYS = 90
TOKEN_MAX_DAYS = 365


class TokenScope(models.TextChoices):
    READ = "read", _("read only")
    WRITE = "write", _("read and write")


class TokenEnd(models.TextChoices):
    """Why a token stopped working before its expiry."""

    REVOKED = "revoked", _("Revoked")
    PASSWORD_CHANGED = "password_changed", _("Ended by a password change")


def token_default_expiry() -> datetime:
    """Return the expiry of a token created now with the default lifetime."""
    return timezone.now() + timedelta(days=TOKEN_DEFAULT_DAYS)


class ApiToken(TimeStampedModel):
    """A personal access token for the API; only its hash is stored.

    A ``read`` token may only read (GET, HEAD, OPTIONS). Tokens are created only from
    a signed-in session, never by another token, and a password change ends them all.
    """

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("person"),
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("starts with"), max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    scope = models.CharField(
        _("scope"), max_length=5, choices=TokenScope.choices, default=TokenScope.WRITE
    )
    expires_at = models.DateTimeField(_("expires"), default=token_default_expiry)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.CharField(
        _("ended because"), max_length=20, choices=TokenEnd.choices, blank=True
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scope__in=TokenScope.values),
                name="api_token_scope_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired

    @property
    def can_write(self) -> bool:
        return self.scope == TokenScope.WRITE
