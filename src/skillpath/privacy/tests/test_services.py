"""Export holds every kind of data; deletion removes the person and keeps the counts."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.files.storage import default_storage

from skillpath.accounts.models import (
    CONSENT_TEXT_VERSION,
    ConsentChange,
    ConsentTopic,
    LearnerProfile,
    User,
)
from skillpath.accounts.services import learner_profile_update
from skillpath.accounts.testing import PASSWORD
from skillpath.assessments.models import PriorLearningClaim, Response, Sitting
from skillpath.common.models import AuditEvent
from skillpath.credentials.documents.verification import credential_verify
from skillpath.credentials.models import Award
from skillpath.jobs.models import Application
from skillpath.jobs.selectors.pipeline import stage_counts
from skillpath.learning.reports import credential_report
from skillpath.outcomes.models import FollowUp, FollowUpState
from skillpath.privacy.exceptions import AlreadyDeleted, ConfirmationMismatch
from skillpath.privacy.services.deletion import DELETED_NAME, learner_account_delete
from skillpath.privacy.services.export import KINDS, learner_data_export
from skillpath.privacy.tests.world import NAME, person_world

pytestmark = pytest.mark.django_db


def _archive(data: bytes) -> dict[str, object]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: (
                json.loads(archive.read(name))
                if name.endswith(".json")
                else archive.read(name)
            )
            for name in archive.namelist()
        }


def test_the_export_holds_every_kind_of_data_and_the_uploaded_files() -> None:
    world = person_world()
    files = _archive(learner_data_export(learner=world.learner))
    assert {f"{kind}.json" for kind in KINDS} <= set(files)
    profile = files["profile.json"]
    assert profile["user"][0]["fields"]["full_name"] == NAME
    assert "password" not in profile["user"][0]["fields"]
    assert profile["learner_profile"][0]["fields"]["identifies_newcomer"] == "yes"
    consents = files["consents.json"]
    assert consents["now"]["job_alerts_by_email"] is True
    assert "job_alerts_by_email" in {
        row["fields"]["topic"] for row in consents["changes"]
    }
    assert consents["follow_up_and_rating_changes"][0]["fields"]["granted"] is True
    assessments = files["assessments.json"]
    assert assessments["sittings"][0]["pk"] == world.sitting.pk
    assert (
        len(assessments["answers"])
        == Response.objects.filter(sitting=world.sitting).count()
        > 0
    )
    claim = files["evidence.json"]["prior_learning_claims"][0]["fields"]
    assert NAME in claim["description"]
    assert files[f"files/{claim['file']}"].startswith(b"%PDF")
    (award,) = [
        row["fields"]
        for row in files["awards.json"]["awards"]
        if row["pk"] == world.award.pk
    ]
    assert credential_verify(award["document"]).result.verified
    assert award["jwt_rs256"] == world.award.jwt_rs256
    jobs = files["jobs.json"]
    assert jobs["applications"][0]["fields"]["message"] == f"Hello, this is {NAME}."
    assert set(files["outcomes.json"]) == {
        "baseline",
        "follow_ups",
        "follow_up_answers",
        "employer_ratings",
        "rating_consents",
    }
    verbs = {row["fields"]["verb"] for row in files["audit.json"]["entries"]}
    assert {"learner_profile_update", "application_create"} <= verbs
    assert b"everything skillpath keeps about you" in files["README.txt"]


def test_consent_changes_on_the_profile_are_logged_with_time_and_text_version() -> None:
    world = person_world()
    change = ConsentChange.objects.get(
        user=world.learner, topic=ConsentTopic.JOB_ALERTS_BY_EMAIL
    )
    assert change.granted is True and change.text_version == CONSENT_TEXT_VERSION
    assert change.at is not None
    # Saving the form without changing a consent logs nothing new.
    profile = LearnerProfile.objects.get(user=world.learner)
    learner_profile_update(
        profile=profile, changed_by=world.learner, job_alerts_by_email=True
    )
    learner_profile_update(
        profile=profile, changed_by=world.learner, share_with_employers=False
    )
    topics = list(
        ConsentChange.objects.filter(user=world.learner)
        .order_by("at", "id")
        .values_list("topic", "granted")
    )
    assert topics[-2:] == [
        ("job_alerts_by_email", True),
        ("share_with_employers", False),
    ]


def test_a_wrong_confirmation_deletes_nothing() -> None:
    world = person_world()
    with pytest.raises(ConfirmationMismatch):
        learner_account_delete(learner=world.learner, confirmation="not-my-email")
    world.learner.refresh_from_db()
    assert world.learner.full_name == NAME and world.learner.deleted_at is None
    assert PriorLearningClaim.objects.get(learner=world.learner).file


def test_deletion_removes_the_person_and_keeps_credentials_and_counts(
    django_capture_on_commit_callbacks,
) -> None:
    world = person_world()
    credential = world.jobs.credential
    before_report = credential_report(credential)
    before_stages = stage_counts(world.jobs.employer)
    counts = (
        Sitting.objects.count(),
        Response.objects.count(),
        Award.objects.count(),
        Application.objects.count(),
    )
    claim_file = PriorLearningClaim.objects.get(learner=world.learner).file.name
    assert default_storage.exists(claim_file)

    with pytest.raises(ConfirmationMismatch):
        learner_account_delete(learner=world.learner, confirmation="")
    # The password works as a confirmation too.
    with django_capture_on_commit_callbacks(execute=True):
        learner_account_delete(learner=world.learner, confirmation=PASSWORD)

    person = User.objects.get(pk=world.learner.pk)
    assert person.full_name == DELETED_NAME and person.deleted_at is not None
    assert world.email not in person.email and not person.is_active
    assert not person.has_usable_password()
    profile = LearnerProfile.objects.get(user=person)
    assert profile.identifies_newcomer == "" and profile.region == ""
    assert not profile.share_with_employers and not profile.follow_up_surveys
    claim = PriorLearningClaim.objects.get(learner=person)
    assert NAME not in claim.description and not claim.file
    assert not default_storage.exists(claim_file)
    assert Application.objects.get(pk=world.application.pk).message == ""
    assert not FollowUp.objects.filter(
        learner=person, state=FollowUpState.SCHEDULED
    ).exists()
    # Counts and reports are unchanged, detached from the person.
    assert counts == (
        Sitting.objects.count(),
        Response.objects.count(),
        Award.objects.count(),
        Application.objects.count(),
    )
    after_report = credential_report(credential)
    assert after_report.learners == before_report.learners
    assert stage_counts(world.jobs.employer) == before_stages
    # The credential still verifies, the status list entry intact.
    award = Award.objects.get(pk=world.award.pk)
    assert award.document == world.award.document
    assert credential_verify(award.document).result.verified
    assert credential_verify(award.jwt_rs256).result.verified
    # No audit entry keeps the name or the e-mail; the deletion is logged.
    for event in AuditEvent.objects.all():
        text = json.dumps(event.data).lower()
        assert NAME.lower() not in text and world.email.lower() not in text
    assert AuditEvent.objects.filter(
        verb="account_delete", target_id=str(person.pk), data={}
    ).exists()
    with pytest.raises(AlreadyDeleted):
        learner_account_delete(learner=person, confirmation=person.email)
    with pytest.raises(AlreadyDeleted):
        learner_data_export(learner=person)
