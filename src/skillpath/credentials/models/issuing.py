"""Issuing side of micro-credentials: issuers, their keys, status lists, awards.

A micro-credential's definition (``MicroCredential``) lives in ``models/definitions.py``; this
module holds what happens once a learner earns one: the signed Open Badges 3.0
credential, the evidence behind it, and its place in the issuer's revocation list.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skillpath.common.models import TimeStampedModel


class Issuer(TimeStampedModel):
    """An organisation's Open Badges issuer profile.

    ``iri`` is fixed when the issuer is created, so that the id written into every
    credential keeps resolving even if the organisation or the site changes name.
    """

    organisation = models.OneToOneField(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="issuer",
        verbose_name=_("organisation"),
    )
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    iri = models.URLField(_("issuer id"), max_length=300, unique=True)
    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    image_url = models.URLField(_("logo address"), blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("issuer")
        verbose_name_plural = _("issuers")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("credentials:issuer", args=[self.slug])


class KeyType(models.TextChoices):
    ED25519 = "ed25519", _("Ed25519 (Data Integrity and EdDSA JWT)")
    RSA = "rsa", _("RSA (RS256 JWT)")


class IssuerKey(models.Model):
    """A signing key of an issuer; its private half is encrypted at rest.

    A rotated key is retired, not deleted: it no longer signs, but it stays
    published so that credentials signed with it still verify.
    """

    issuer = models.ForeignKey(
        Issuer, on_delete=models.PROTECT, related_name="keys", verbose_name=_("issuer")
    )
    key_type = models.CharField(_("type"), max_length=16, choices=KeyType.choices)
    number = models.PositiveIntegerField(_("number"))
    method_id = models.CharField(_("verification method"), max_length=400, unique=True)
    public_key_pem = models.TextField(_("public key"))
    encrypted_private_key = models.BinaryField(editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)

    class Meta:
        ordering = ["issuer", "key_type", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "key_type", "number"], name="issuer_key_number_unique"
            ),
            models.UniqueConstraint(
                fields=["issuer", "key_type"],
                condition=Q(retired_at__isnull=True),
                name="issuer_key_one_current_per_type",
            ),
        ]
        verbose_name = _("issuer key")
        verbose_name_plural = _("issuer keys")

    def __str__(self) -> str:
        return self.method_id

    @property
    def is_current(self) -> bool:
        return self.retired_at is None


class StatusList(models.Model):
    """One W3C Bitstring Status List of an issuer (revocation bits).

    Indexes are handed out as ``(multiplier * n + offset) mod size`` for n = 0, 1,
    2…: a bijection, so no index is ever used twice, and the positions do not reveal
    the order in which credentials were issued.
    """

    issuer = models.ForeignKey(
        Issuer,
        on_delete=models.PROTECT,
        related_name="status_lists",
        verbose_name=_("issuer"),
    )
    number = models.PositiveIntegerField(_("number"))
    size_bits = models.PositiveIntegerField(_("size in bits"))
    multiplier = models.PositiveIntegerField()
    offset = models.PositiveIntegerField()
    allocated = models.PositiveIntegerField(_("indexes handed out"), default=0)
    bits = models.BinaryField()
    signed_credential = models.JSONField(null=True, blank=True, editable=False)
    signed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["issuer", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "number"], name="status_list_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(allocated__lte=models.F("size_bits")),
                name="status_list_not_overfull",
            ),
        ]
        verbose_name = _("status list")
        verbose_name_plural = _("status lists")

    def __str__(self) -> str:
        return f"{self.issuer} #{self.number}"


class TrustedIssuer(TimeStampedModel):
    """An issuer from elsewhere whose credentials this platform shows as known.

    A valid signature only proves that whoever holds a key signed; anyone can make a
    ``did:key`` and name themselves after a college. A credential is "Verified" here
    only when its issuer is one of this platform's own issuers or is listed, by an
    administrator, in this table; the name shown is the one written here, never the
    one the credential gives itself.
    """

    identifier = models.CharField(
        _("issuer id"),
        max_length=500,
        unique=True,
        help_text=_("The issuer's id exactly as credentials carry it: a DID or a URL."),
    )
    name = models.CharField(_("name shown"), max_length=200)
    note = models.TextField(
        _("why it is trusted"),
        blank=True,
        help_text=_("Who checked this issuer, how, and when."),
    )
    active = models.BooleanField(_("trusted"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("trusted issuer")
        verbose_name_plural = _("trusted issuers")

    def __str__(self) -> str:
        return f"{self.name} ({self.identifier})"


class AwardStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    REVOKED = "revoked", _("Revoked")


class Award(TimeStampedModel):
    """A micro-credential earned by a learner, and the signed credential saying so."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="awards",
        verbose_name=_("learner"),
    )
    credential = models.ForeignKey(
        "credentials.MicroCredential",
        on_delete=models.PROTECT,
        related_name="awards",
        verbose_name=_("micro-credential"),
    )
    issuer = models.ForeignKey(
        Issuer,
        on_delete=models.PROTECT,
        related_name="awards",
        verbose_name=_("issuer"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=AwardStatus.choices,
        default=AwardStatus.ACTIVE,
    )
    valid_from = models.DateTimeField(_("valid from"))
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    status_list = models.ForeignKey(
        StatusList, on_delete=models.PROTECT, related_name="awards"
    )
    status_index = models.PositiveIntegerField()
    document = models.JSONField(_("signed credential"), editable=False)
    jwt_rs256 = models.TextField(editable=False)
    jwt_eddsa = models.TextField(editable=False)
    shared = models.BooleanField(_("public page"), default=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)

    class Meta:
        ordering = ["-valid_from", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "credential"],
                condition=Q(status="active"),
                name="award_one_active_per_learner_credential",
            ),
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="award_status_index_unique"
            ),
            models.CheckConstraint(
                condition=Q(status="active", revoked_at__isnull=True)
                | Q(status="revoked", revoked_at__isnull=False),
                name="award_revoked_has_date",
            ),
        ]
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def __str__(self) -> str:
        return f"{self.credential} — {self.learner}"

    def get_absolute_url(self) -> str:
        return reverse("credentials:award_public", args=[self.public_id])

    @property
    def credential_iri(self) -> str:
        return str(self.document.get("id", ""))

    @property
    def is_expired(self) -> bool:
        return self.valid_until is not None and self.valid_until <= timezone.now()

    @property
    def display_status(self) -> str:
        """Return ``active``, ``revoked`` or ``expired``."""
        if self.status == AwardStatus.REVOKED:
            return "revoked"
        return "expired" if self.is_expired else "active"


class AwardEvidence(models.Model):
    """What showed one competency of an award at its required level."""

    award = models.ForeignKey(
        Award,
        on_delete=models.CASCADE,
        related_name="evidence",
        verbose_name=_("award"),
    )
    competency_id = models.PositiveBigIntegerField(_("competency"))
    competency_name = models.CharField(_("competency name"), max_length=300)
    required_level = models.PositiveSmallIntegerField(_("required level"))
    demonstrated_level = models.PositiveSmallIntegerField(_("demonstrated level"))
    method = models.CharField(_("method"), max_length=40)
    confidence = models.FloatField(_("confidence"), null=True, blank=True)
    narrative = models.TextField(_("narrative"), blank=True)

    class Meta:
        ordering = ["award", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["award", "competency_id"],
                name="award_evidence_one_per_competency",
            ),
            models.CheckConstraint(
                condition=Q(demonstrated_level__gte=models.F("required_level")),
                name="award_evidence_meets_level",
            ),
        ]
        verbose_name = _("award evidence")
        verbose_name_plural = _("award evidence")

    def __str__(self) -> str:
        return f"{self.competency_name}: {self.demonstrated_level}"


__all__ = [
    "Award",
    "AwardEvidence",
    "AwardStatus",
    "Issuer",
    "IssuerKey",
    "KeyType",
    "StatusList",
    "TrustedIssuer",
]
