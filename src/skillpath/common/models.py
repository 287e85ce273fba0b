"""Base models and the audit log that every app shares."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """Add creation and modification times."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class AuditEvent(models.Model):
    """Record who did what to which object, and when."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("actor"),
    )
    verb = models.CharField(_("action"), max_length=80, db_index=True)
    target_type = models.CharField(_("target type"), max_length=80)
    target_id = models.CharField(_("target id"), max_length=80)
    data = models.JSONField(_("details"), default=dict, blank=True)
    occurred_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.verb} {self.target_type}:{self.target_id}"


class MailStatus(models.TextChoices):
    PENDING = "pending", _("waiting to be sent")
    SENDING = "sending", _("being sent")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


class OutgoingMail(TimeStampedModel):
    """One e-mail to send, kept until it is sent: the queue's durable state.

    ``key`` names what the mail is about (``award-revoked:<id>``), so asking twice to
    send the same mail sends it once. A consumer claims a row (pending to sending)
    before it hands the mail to the mail server; a claim older than the lease is a
    consumer that died, and the sweep lets another consumer claim it again.
    """

    key = models.CharField(_("key"), max_length=200, unique=True)
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=250)
    body = models.TextField(_("text"))
    html_body = models.TextField(_("HTML"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MailStatus.choices,
        default=MailStatus.PENDING,
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    enqueued_at = models.DateTimeField(_("enqueued"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "enqueued_at"])]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")

    def __str__(self) -> str:
        return f"{self.key} → {self.to} ({self.status})"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class ImportJob(TimeStampedModel):
    """One uploaded file being imported in the background, with its progress.

    The uploaded files are kept in ``folder`` (under ``MEDIA_ROOT``) until the import
    ran; the import itself runs in one transaction, with the job marked done in it, so
    a failed job changed nothing and says why in ``message``. While it runs, its
    progress is in ``progress.json`` in the folder (the import's transaction cannot
    write it to the database before it commits).
    """

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True)
    kind = models.CharField(_("kind"), max_length=40)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ImportStatus.choices,
        default=ImportStatus.QUEUED,
    )
    folder = models.CharField(_("folder"), max_length=255, blank=True)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    options = models.JSONField(_("options"), default=dict, blank=True)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    message = models.TextField(_("message"), blank=True)
    result_url = models.CharField(_("result"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("started by"),
    )
    enqueued_at = models.DateTimeField(_("enqueued"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "enqueued_at"])]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.kind} {self.filename} ({self.status})"

    @property
    def finished(self) -> bool:
        """Return whether the import is over, done or failed."""
        return self.status in {ImportStatus.DONE, ImportStatus.FAILED}
