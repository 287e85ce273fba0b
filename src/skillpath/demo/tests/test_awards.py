"""The issuing demo: every published credential earned, one revoked, idempotent."""

from __future__ import annotations

from io import StringIO

import pytest

from skillpath.credentials.documents.verification import credential_verify
from skillpath.credentials.models import (
    Award,
    AwardStatus,
    CredentialState,
    MicroCredential,
)
from skillpath.demo import awards
from skillpath.demo.seed import seed

pytestmark = pytest.mark.django_db


def test_demo_awards_each_credential_and_revokes_one_and_is_idempotent() -> None:
    seed(StringIO())
    credentials = list(
        MicroCredential.objects.filter(state=CredentialState.PUBLISHED).order_by("pk")
    )
    for credential in credentials:
        assert Award.objects.filter(
            credential=credential, status=AwardStatus.ACTIVE
        ).exists()
    revoked = Award.objects.get(status=AwardStatus.REVOKED)
    assert revoked.revocation_reason.startswith("Demo:")
    assert credential_verify(revoked.document).revoked
    first = Award.objects.get(  # the cohort of demo/outcomes.py holds it too
        credential=credentials[0],
        status=AwardStatus.ACTIVE,
        learner__email__in=awards.AWARDS["earners"],
    )
    assert first.shared
    assert "demo: shown at the first assessment" in first.evidence.first().narrative
    count = Award.objects.count()
    awards.seed(StringIO())
    assert Award.objects.count() == count
