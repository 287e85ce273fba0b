"""Outgoing mail: recorded in the transaction, sent once, sent again when lost."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from skillpath.common.mail import (
    mail_deliver,
    mail_message_id,
    mail_sweep,
    send_mail_later,
)
from skillpath.common.models import MailStatus, OutgoingMail
from skillpath.common.queue import HUEY, sweeps_run

pytestmark = pytest.mark.django_db


def record(key: str = "test:1", **fields: Any) -> OutgoingMail:
    """Record a mail without sending it (its task lost before it ran)."""
    return OutgoingMail.objects.create(
        key=key, to="ana@example.org", subject="Hello", body="Body", **fields
    )


def test_tests_run_tasks_in_place() -> None:
    assert HUEY.immediate


def test_mail_is_sent_after_commit_and_once_per_key(
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = send_mail_later(
            to="ana@example.org", subject="Your award", body="Text", key="award:1"
        )
        assert mail.outbox == []  # nothing leaves before the commit
    with django_capture_on_commit_callbacks(execute=True):
        again = send_mail_later(
            to="ana@example.org", subject="Your award", body="Text", key="award:1"
        )
    assert again.pk == first.pk
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ana@example.org"]
    assert mail.outbox[0].extra_headers["Message-ID"] == mail_message_id("award:1")
    first.refresh_from_db()
    assert first.status == MailStatus.SENT and first.attempts == 1
    assert first.sent_at is not None


def test_a_rolled_back_transaction_sends_nothing(
    django_capture_on_commit_callbacks: Any,
) -> None:
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(KeyError),
        transaction.atomic(),
    ):
        send_mail_later(to="ana@example.org", subject="S", body="B", key="k:1")
        raise KeyError("the caller failed")
    assert not OutgoingMail.objects.exists()
    assert mail.outbox == []


def test_html_alternative_is_sent_with_the_text() -> None:
    sent = record(html_body="<p>Body</p>")
    assert mail_deliver(mail_id=sent.pk)
    assert mail.outbox[0].alternatives[0][0] == "<p>Body</p>"


def test_a_task_run_twice_sends_once() -> None:
    sent = record()
    assert mail_deliver(mail_id=sent.pk) is True
    assert mail_deliver(mail_id=sent.pk) is False
    assert len(mail.outbox) == 1


def test_a_live_claim_is_left_to_its_consumer() -> None:
    claimed = record(status=MailStatus.SENDING, claimed_at=timezone.now())
    assert mail_deliver(mail_id=claimed.pk) is False
    assert mail_sweep() == 0
    assert mail.outbox == []


@override_settings(SKILLPATH_MAIL_LEASE_SECONDS=60)
def test_a_claim_older_than_the_lease_is_sent_by_the_sweep() -> None:
    dead = record(
        status=MailStatus.SENDING, claimed_at=timezone.now() - timedelta(seconds=61)
    )
    assert sweeps_run()["skillpath.common.mail.mail_sweep"] == 1
    dead.refresh_from_db()
    assert dead.status == MailStatus.SENT and len(mail.outbox) == 1


@override_settings(SKILLPATH_QUEUE_SWEEP_AFTER_SECONDS=300)
def test_sweep_enqueues_only_mail_whose_task_is_overdue() -> None:
    now = timezone.now()
    lost = record("lost", enqueued_at=now - timedelta(seconds=301))
    record("queued", enqueued_at=now - timedelta(seconds=10))
    record("done", status=MailStatus.SENT, enqueued_at=now - timedelta(days=1))
    record("given-up", status=MailStatus.FAILED, enqueued_at=now - timedelta(days=1))
    assert mail_sweep() == 1
    assert [message.subject for message in mail.outbox] == ["Hello"]
    lost.refresh_from_db()
    assert lost.status == MailStatus.SENT


@override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1",
    EMAIL_PORT=9,  # discard: nothing listens, the connection is refused
    EMAIL_TIMEOUT=2,
    SKILLPATH_MAIL_MAX_ATTEMPTS=2,
)
def test_a_refused_mail_waits_for_the_sweep_then_gives_up() -> None:
    refused = record()
    assert mail_deliver(mail_id=refused.pk) is False
    refused.refresh_from_db()
    assert refused.status == MailStatus.PENDING and refused.attempts == 1
    assert "Connection" in refused.last_error or "refused" in refused.last_error
    assert mail_deliver(mail_id=refused.pk) is False
    refused.refresh_from_db()
    assert refused.status == MailStatus.FAILED and refused.attempts == 2
