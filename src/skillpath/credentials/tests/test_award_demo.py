"""The issuing demo: every published credential earned, one revoked, idempotent."""

from __future__ import annotations

from io import StringIO

import pytest

from skillpath.accounts import demo as accounts_demo
from skillpath.credentials import demo_issuing
from skillpath.credentials.documents.verification import credential_verify
from skillpath.credentials.models import Award, AwardStatus
from skillpath.credentials.tests.issuing_world import micro_credential

pytestmark = pytest.mark.django_db


def test_demo_awards_each_credential_and_revokes_one_and_is_idempotent() -> None:
    accounts_demo.seed(StringIO())
    credentials = [micro_credential(), micro_credential(validity_months=36)]
    demo_issuing.seed(StringIO())
    for credential in credentials:
        assert Award.objects.filter(
            credential=credential, status=AwardStatus.ACTIVE
        ).exists()
    revoked = Award.objects.get(status=AwardStatus.REVOKED)
    assert revoked.revocation_reason.startswith("Demo:")
    assert credential_verify(revoked.document).revoked
    first = Award.objects.get(credential=credentials[0], status=AwardStatus.ACTIVE)
    assert first.shared
    assert "demo: shown at the first assessment" in first.evidence.first().narrative
    count = Award.objects.count()
    demo_issuing.seed(StringIO())
    assert Award.objects.count() == count
