"""Write the audit log: services call this inside their transaction."""

from __future__ import annotations

from typing import Any

from django.db import models

from skillpath.common.models import AuditEvent


def audit_record(
    *, actor: Any, verb: str, target: models.Model, **data: Any
) -> AuditEvent:
    """Record that ``actor`` did ``verb`` to ``target``, with JSON-able details."""
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        data=data,
    )
