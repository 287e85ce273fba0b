"""The audit log speaks one style of verb."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from skillpath.common.audit import AuditVerb
from skillpath.common.models import AuditEvent

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "skillpath.common.migrations.0002_audit_verbs_underscored"
)


def test_every_verb_is_noun_underscore_verb() -> None:
    assert all("." not in verb and verb == verb.lower() for verb in AuditVerb.values)


def test_dotted_verbs_recorded_before_are_renamed_and_back() -> None:
    event = AuditEvent.objects.create(
        verb="issuer.key_rotate", target_type="credentials.issuer", target_id="1"
    )
    migration.underscore(apps, None)
    event.refresh_from_db()
    assert event.verb == AuditVerb.ISSUER_KEY_ROTATE
    migration.dot(apps, None)
    event.refresh_from_db()
    assert event.verb == "issuer.key_rotate"
