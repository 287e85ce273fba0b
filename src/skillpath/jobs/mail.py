"""Tell people by e-mail what happened to their applications, invitations and matches.

Mail is rendered in the recipient's language and sent after the transaction commits,
so a rolled-back write sends nothing.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from skillpath.credentials.site import absolute


def render_mail(
    template: str, context: dict[str, Any], language: str | None
) -> tuple[str, str]:
    """Return (subject, body) of ``template``_subject.txt and ``template``.txt."""
    with translation.override(language or settings.LANGUAGE_CODE):
        full = {**context, "dashboard_url": absolute(reverse("web:dashboard"))}
        subject = render_to_string(f"{template}_subject.txt", full).strip()
        body = render_to_string(f"{template}.txt", full)
    return subject, body


def mail_on_commit(
    *, to: str, template: str, context: dict[str, Any], language: str | None
) -> None:
    """Send the mail ``template`` to ``to`` once the current transaction commits."""

    def send() -> None:
        subject, body = render_mail(template, context, language)
        send_mail(subject, body, None, [to], fail_silently=True)

    transaction.on_commit(send)
