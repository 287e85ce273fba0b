"""Outgoing mail through the queue: recorded first, sent once, sent again if lost.

``send_mail_later`` writes the mail to ``OutgoingMail`` in the caller's transaction
and enqueues its sending after the commit (a rolled-back transaction sends nothing).
``mail_deliver`` claims the row (pending to sending, one conditional ``UPDATE``) before
it hands the mail to the mail server, so two runs of the task send one mail. The
sweep enqueues again a pending mail whose task has not run within
``SKILLPATH_QUEUE_SWEEP_AFTER_SECONDS`` and a claim older than
``SKILLPATH_MAIL_LEASE_SECONDS`` (its consumer died).

The one window left is a consumer killed after the mail server accepted the mail and
before the row says sent (milliseconds): that mail is sent again, with the same
``Message-ID``, which mail programs show once.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from skillpath.common.models import MailStatus, OutgoingMail
from skillpath.common.queue import db_task, sweep

logger = logging.getLogger(__name__)


def send_mail_later(
    *, to: str, subject: str, body: str, key: str, html_body: str = ""
) -> OutgoingMail:
    """Record one e-mail and send it in the background once the transaction commits.

    ``key`` says what the mail is about (``award-revoked:42``): a second call with the
    same key returns the mail already recorded and sends nothing more.
    """
    with transaction.atomic():
        mail, created = OutgoingMail.objects.get_or_create(
            key=key,
            defaults={
                "to": to,
                "subject": " ".join(subject.split())[:250],
                "body": body,
                "html_body": html_body,
                "enqueued_at": timezone.now(),
            },
        )
        if created:
            mail_id = mail.pk
            transaction.on_commit(lambda: mail_send_task(mail_id))
    return mail


def mail_message_id(key: str) -> str:
    """Return the ``Message-ID`` of the mail with this key: the same on every send."""
    host = urlsplit(settings.SKILLPATH_BASE_URL).hostname or "skillpath"
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return f"<{digest}@{host}>"


def mail_deliver(*, mail_id: int) -> bool:
    """Send the mail if no one else has or is: return whether this call sent it."""
    now = timezone.now()
    lease_start = now - timedelta(seconds=settings.SKILLPATH_MAIL_LEASE_SECONDS)
    claimable = Q(status=MailStatus.PENDING) | Q(
        status=MailStatus.SENDING, claimed_at__lt=lease_start
    )
    claimed = (
        OutgoingMail.objects.filter(claimable, pk=mail_id).update(
            status=MailStatus.SENDING,
            claimed_at=now,
            attempts=F("attempts") + 1,
            updated_at=now,
        )
        == 1
    )
    if not claimed:
        return False
    mail = OutgoingMail.objects.get(pk=mail_id)
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body,
        to=[mail.to],
        headers={"Message-ID": mail_message_id(mail.key)},
    )
    if mail.html_body:
        message.attach_alternative(mail.html_body, "text/html")
    mine = OutgoingMail.objects.filter(
        pk=mail_id, status=MailStatus.SENDING, claimed_at=now
    )
    try:
        message.send()
    except Exception as error:  # whatever the mail server says, try again later
        gave_up = mail.attempts >= settings.SKILLPATH_MAIL_MAX_ATTEMPTS
        mine.update(
            status=MailStatus.FAILED if gave_up else MailStatus.PENDING,
            last_error=f"{type(error).__name__}: {error}"[:2000],
            claimed_at=None,
            enqueued_at=timezone.now(),
            updated_at=timezone.now(),
        )
        logger.warning(
            "Mail %s not sent (attempt %s): %s", mail.key, mail.attempts, error
        )
        return False
    sent_at = timezone.now()
    mine.update(
        status=MailStatus.SENT, sent_at=sent_at, last_error="", updated_at=sent_at
    )
    return True


def mail_cancel(*, key_prefix: str, reason: str) -> int:
    """Stop the recorded mails whose key starts with ``key_prefix`` from going out.

    A mail not yet claimed, or claimed by a consumer that died, is marked failed with
    ``reason``, so no task or sweep sends it; a mail a live consumer is handing to
    the mail server at this moment goes. Return how many were stopped.
    """
    now = timezone.now()
    lease_start = now - timedelta(seconds=settings.SKILLPATH_MAIL_LEASE_SECONDS)
    return OutgoingMail.objects.filter(
        Q(status=MailStatus.PENDING)
        | Q(status=MailStatus.SENDING, claimed_at__lt=lease_start),
        key__startswith=key_prefix,
    ).update(
        status=MailStatus.FAILED,
        last_error=f"cancelled: {reason}"[:2000],
        claimed_at=None,
        updated_at=now,
    )


@sweep
def mail_sweep() -> int:
    """Enqueue again every mail that is due and has no live task; return how many."""
    now = timezone.now()
    waited = now - timedelta(seconds=settings.SKILLPATH_QUEUE_SWEEP_AFTER_SECONDS)
    lease_start = now - timedelta(seconds=settings.SKILLPATH_MAIL_LEASE_SECONDS)
    due = OutgoingMail.objects.filter(
        Q(status=MailStatus.PENDING, enqueued_at__lt=waited)
        | Q(status=MailStatus.PENDING, enqueued_at__isnull=True)
        | Q(status=MailStatus.SENDING, claimed_at__lt=lease_start)
    )
    mail_ids = list(due.order_by("pk").values_list("pk", flat=True)[:10_000])
    OutgoingMail.objects.filter(pk__in=mail_ids).update(enqueued_at=now)
    for mail_id in mail_ids:
        mail_send_task(mail_id)
    return len(mail_ids)


@db_task(name="mail_send")
def mail_send_task(mail_id: int) -> bool:
    """Send one recorded mail (the queue's task)."""
    return mail_deliver(mail_id=mail_id)
