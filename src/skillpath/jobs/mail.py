"""Tell people by e-mail what happened to their applications, invitations and matches.

Mail is rendered in the recipient's language and recorded in the outbox
(``common.mail``): the queue sends it after the transaction commits, once per key,
so a rolled-back write sends nothing and a repeated one sends nothing more.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from skillpath.common.mail import send_mail_later
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


def mail_later(
    *, to: str, template: str, context: dict[str, Any], language: str | None, key: str
) -> None:
    """Record the mail ``template`` to ``to`` in the outbox; the queue sends it once.

    ``key`` names what the mail is about: a second call with the same key sends
    nothing more.
    """
    subject, body = render_mail(template, context, language)
    send_mail_later(to=to, subject=subject, body=body, key=key)
