"""A revoked credential stays revoked until new, accepted evidence replaces the old."""

from __future__ import annotations

import pytest

from skillpath.accounts import testing
from skillpath.assessments.services import evidence
from skillpath.assessments.tests import factories
from skillpath.credentials.models import Award, AwardStatus
from skillpath.credentials.services.awards import award_revoke
from skillpath.credentials.testing import micro_credential

pytestmark = pytest.mark.django_db


def _claim(learner, credential, competency):
    return evidence.claim_create(
        learner=learner,
        credential=credential,
        competency=competency,
        description="Two years as an ECE assistant at a licensed centre.",
        link="https://example.org/letter",
    )


def test_a_revoked_credential_does_not_come_back_until_new_evidence_is_accepted() -> (
    None
):
    credential = micro_credential(levels=(2, 3))
    first, second = factories.competencies(credential)
    learner = testing.learner()
    assessor = testing.assessor(credential.issuing_organisation)
    coordinator = testing.coordinator(credential.issuing_organisation)
    for competency, level in ((first, 2), (second, 3)):
        claim = _claim(learner, credential, competency)
        evidence.claim_decide(claim=claim, assessor=assessor, accept=True, level=level)
    award = Award.objects.get(learner=learner, credential=credential)
    revoked = award_revoke(
        award=award, reason="The reference letter was forged.", actor=coordinator
    )
    # The reason the learner reads says what earns it back.
    assert revoked.revocation_reason.startswith("The reference letter was forged.")
    assert first.title_en in revoked.revocation_reason
    assert second.title_en in revoked.revocation_reason
    assert "new evidence" in revoked.revocation_reason

    # Any new standing change (a new claim, waiting) must not re-award it.
    fresh = _claim(learner, credential, first)
    assert not Award.objects.filter(
        learner=learner, credential=credential, status=AwardStatus.ACTIVE
    ).exists()
    # New evidence for one competency only is not enough: the other still rests on
    # what the revocation rejected.
    evidence.claim_decide(claim=fresh, assessor=assessor, accept=True, level=2)
    assert not Award.objects.filter(
        learner=learner, credential=credential, status=AwardStatus.ACTIVE
    ).exists()
    # Once every competency is shown again by evidence accepted after the
    # revocation, the credential is earned again.
    again = _claim(learner, credential, second)
    evidence.claim_decide(claim=again, assessor=assessor, accept=True, level=3)
    active = Award.objects.get(
        learner=learner, credential=credential, status=AwardStatus.ACTIVE
    )
    assert active.pk != award.pk
