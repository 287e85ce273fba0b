"""The demo world of the supply side: realistic, complete, and idempotent."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from skillpath.credentials.models import CredentialState, MicroCredential
from skillpath.credentials.selectors import credential_requirements
from skillpath.frameworks.models import (
    Competency,
    JobProfile,
    ProfileReview,
    ReviewState,
    Task,
    VersionState,
)
from skillpath.frameworks.selectors import competency_profile
from skillpath.jobs.models import DemandReport

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, ...]:
    return (
        Competency.objects.count(),
        JobProfile.objects.count(),
        Task.objects.count(),
        ProfileReview.objects.count(),
        DemandReport.objects.count(),
        MicroCredential.objects.count(),
    )


def test_seed_demo_builds_three_endorsed_profiles_with_published_credentials() -> None:
    call_command("seed_demo", stdout=StringIO())
    first = _counts()
    call_command("seed_demo", stdout=StringIO())
    assert _counts() == first
    codes = set(JobProfile.objects.values_list("noc_code", flat=True))
    assert {"42202", "21220", "14400"} <= codes
    for profile in JobProfile.objects.all():
        published = profile.versions.get(state=VersionState.PUBLISHED)
        assert Task.objects.filter(
            duty__version=published, parent__isnull=False
        ).exists()
        needs = competency_profile(published)
        assert 15 <= len(needs) <= 30
        assert all(need.competency.title_fr for need in needs)
        assert published.reviews.filter(state=ReviewState.ENDORSED).exists()
        credential = MicroCredential.objects.get(profile_version=published)
        assert credential.state == CredentialState.PUBLISHED
        assert all(r.allowed_methods for r in credential_requirements(credential))
    logistics = JobProfile.objects.get(noc_code="14400")
    assert logistics.versions.count() == 2
    assert (
        logistics.versions.get(number=1).reviews.get().state
        == ReviewState.CHANGES_REQUESTED
    )
    assert DemandReport.objects.filter(noc_code="13201").exists()
