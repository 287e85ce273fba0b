"""Micro-credential definitions: defined from a profile, adjusted, published."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.utils import translation

from skillpath.accounts import testing
from skillpath.credentials import selectors
from skillpath.credentials import testing as factories
from skillpath.credentials.exceptions import (
    DefinitionFrozen,
    InvalidDefinition,
    NotAllowed,
    PublishRefused,
)
from skillpath.credentials.models import AssessmentMethod, CredentialState
from skillpath.credentials.services import definitions as services
from skillpath.frameworks import services as framework_services
from skillpath.frameworks import testing as framework_factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Start and end each test in English (a request in French activates French)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def test_a_definition_takes_the_profile_competencies_levels_and_methods() -> None:
    credential = factories.draft_credential()
    with translation.override("en"):
        requirements = selectors.credential_requirements(credential)
    assert [r.required_level for r in requirements] == [2, 3, 2]
    assert requirements[0].allowed_methods == (
        AssessmentMethod.PERFORMANCE_TASK,
        AssessmentMethod.EVIDENCE,
        AssessmentMethod.PRIOR_LEARNING,
    )
    assert requirements[0].top_level == 4
    with translation.override("en"):
        assert requirements[0].level_label == "Working"
    assert credential.title_en == "Early childhood educator assistant"
    assert credential.title_fr.startswith("Aide-éducatrice")


def test_levels_and_methods_can_be_adjusted_while_a_draft() -> None:
    credential = factories.draft_credential()
    requirement = credential.requirements.first()
    services.requirement_update(
        requirement=requirement,
        changed_by=credential.created_by,
        required_level=4,
        methods=[AssessmentMethod.ADAPTIVE_TEST],
    )
    assert requirement.allowed_methods == ("adaptive_test",)
    with pytest.raises(InvalidDefinition, match="runs from 1 to 4"):
        services.requirement_update(
            requirement=requirement,
            changed_by=credential.created_by,
            required_level=5,
            methods=["adaptive_test"],
        )
    with pytest.raises(InvalidDefinition, match="at least one assessment method"):
        services.requirement_update(
            requirement=requirement,
            changed_by=credential.created_by,
            required_level=2,
            methods=[],
        )
    competency = requirement.competency
    services.requirement_remove(
        requirement=requirement, removed_by=credential.created_by
    )
    back = services.requirement_add(
        credential=credential,
        added_by=credential.created_by,
        competency=competency,
        required_level=3,
    )
    assert back.required_level == 3 and back.allowed_methods


def test_a_competency_outside_the_profile_cannot_be_added() -> None:
    credential = factories.draft_credential()
    stranger = framework_factories.competency()
    with pytest.raises(InvalidDefinition, match="not in the job profile"):
        services.requirement_add(
            credential=credential,
            added_by=credential.created_by,
            competency=stranger,
            required_level=1,
        )


def test_publishing_is_refused_until_an_employer_endorses_the_profile() -> None:
    world, review = framework_factories.submitted_world()
    credential = services.credential_define(
        version=world.version,
        issuing_organisation=world.college,
        defined_by=world.coordinator,
    )
    services.credential_update(
        credential=credential,
        changed_by=world.coordinator,
        criteria_en="All competencies demonstrated.",
        full_program_hours=90,
    )
    with pytest.raises(PublishRefused, match="No employer has endorsed version 1"):
        services.credential_publish(
            credential=credential, published_by=world.coordinator
        )
    credential.refresh_from_db()
    assert credential.state == CredentialState.DRAFT
    framework_services.review_decide(
        review=review, decided_by=world.employer, endorse=True
    )
    published = services.credential_publish(
        credential=credential, published_by=world.coordinator
    )
    assert published.state == CredentialState.PUBLISHED and published.published_at


def test_publishing_needs_criteria_and_program_hours() -> None:
    world = framework_factories.endorsed_world()
    credential = services.credential_define(
        version=world.version,
        issuing_organisation=world.college,
        defined_by=world.coordinator,
    )
    with pytest.raises(PublishRefused) as refused:
        services.credential_publish(
            credential=credential, published_by=world.coordinator
        )
    assert "hours of the full program" in str(refused.value)
    assert "criteria" in str(refused.value)


def test_a_published_definition_no_longer_changes() -> None:
    credential = factories.published_credential()
    with pytest.raises(DefinitionFrozen):
        services.credential_update(
            credential=credential, changed_by=credential.created_by, title_en="New"
        )
    retired = services.credential_retire(
        credential=credential, retired_by=credential.created_by
    )
    assert retired.state == CredentialState.RETIRED


def test_a_draft_profile_version_cannot_make_a_credential() -> None:
    world = framework_factories.profile_world()
    with pytest.raises(InvalidDefinition, match="sent to employers for review"):
        services.credential_define(
            version=world.version,
            issuing_organisation=world.college,
            defined_by=world.coordinator,
        )


def test_only_coordinators_of_the_issuer_define_and_publish() -> None:
    world = framework_factories.endorsed_world()
    outsider = testing.coordinator()
    with pytest.raises(NotAllowed):
        services.credential_define(
            version=world.version,
            issuing_organisation=world.college,
            defined_by=outsider,
        )
    credential = factories.draft_credential()
    with pytest.raises(NotAllowed):
        services.credential_publish(credential=credential, published_by=outsider)


def test_the_catalogue_lists_published_credentials_with_their_endorsers() -> None:
    published = factories.published_credential()
    factories.draft_credential()
    assert list(selectors.published_credentials()) == [published]
    assert list(selectors.published_credentials(query="42202")) == [published]
    assert list(selectors.published_credentials(query="aide-éducatrice")) == [published]
    endorsers = selectors.endorsers(published)
    assert endorsers == [published.profile_version.reviews.get().organisation]
