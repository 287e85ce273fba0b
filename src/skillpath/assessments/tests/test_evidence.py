"""Tasks, evidence and prior learning: submit, score, moderate, decide; who may."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from skillpath.accounts import testing
from skillpath.assessments import selectors
from skillpath.assessments.exceptions import (
    AssessmentNotAllowed,
    EvidenceRejected,
    ScoringError,
)
from skillpath.assessments.models import ClaimStatus, SubmissionStatus
from skillpath.assessments.services import delivery, evidence
from skillpath.assessments.tests import factories
from skillpath.common import cycle
from skillpath.credentials.testing import micro_credential

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def world():
    credential = micro_credential(levels=(3,))
    competency = factories.competencies(credential)[0]
    task = factories.task(competency)
    return credential, competency, task, testing.learner()


def test_assessor_scores_a_task_and_the_standing_follows(world) -> None:
    credential, competency, task, learner = world
    calls = []
    cycle.on_standing_changed(lambda **kw: calls.append(kw["learner"]))
    try:
        submission = evidence.submission_create(
            learner=learner, credential=credential, item=task, text="My plan: ..."
        )
        [standing] = selectors.competency_standings(
            learner=learner, credential=credential
        )
        assert standing.status == "pending"
        assessor = testing.assessor(credential.issuing_organisation)
        evidence.submission_score(
            submission=submission,
            assessor=assessor,
            criterion_levels={"safety": 4, "communication": 3},
            feedback="Clear and safe.",
        )
    finally:
        cycle._handlers.pop()
    [standing] = selectors.competency_standings(learner=learner, credential=credential)
    assert standing.status == "demonstrated"
    assert standing.demonstrated_level == 3 and standing.method == "performance_task"
    assert calls == [learner, learner]


def test_a_low_score_is_a_gap_and_moderation_lets_a_second_assessor_decide(
    world,
) -> None:
    credential, competency, task, learner = world
    submission = evidence.submission_create(
        learner=learner, credential=credential, item=task, text="Plan"
    )
    first = testing.assessor(credential.issuing_organisation)
    second = testing.assessor(credential.issuing_organisation)
    evidence.submission_score(
        submission=submission,
        assessor=first,
        criterion_levels={"safety": 2, "communication": 3},
        request_moderation=True,
    )
    assert submission.status == SubmissionStatus.MODERATION
    with pytest.raises(ScoringError, match="different assessor"):
        evidence.submission_score(
            submission=submission,
            assessor=first,
            criterion_levels={"safety": 3, "communication": 3},
        )
    evidence.submission_score(
        submission=submission,
        assessor=second,
        criterion_levels={"safety": 2, "communication": 2},
    )
    assert submission.status == SubmissionStatus.DECIDED and submission.level == 2
    [standing] = selectors.competency_standings(learner=learner, credential=credential)
    assert standing.status == "gap" and standing.demonstrated_level == 2


def test_non_assessors_and_other_organisations_cannot_score(world) -> None:
    credential, competency, task, learner = world
    submission = evidence.submission_create(
        learner=learner, credential=credential, item=task, text="Plan"
    )
    levels = {"safety": 3, "communication": 3}
    for person in (
        testing.coordinator(credential.issuing_organisation),
        testing.assessor(),  # an assessor of another organisation
        testing.learner(),
    ):
        with pytest.raises(PermissionDenied):
            evidence.submission_score(
                submission=submission, assessor=person, criterion_levels=levels
            )
    with pytest.raises(ScoringError):
        evidence.submission_score(
            submission=submission,
            assessor=testing.assessor(credential.issuing_organisation),
            criterion_levels={"safety": 3},
        )


def test_uploads_are_checked_for_type_and_size(world, settings) -> None:
    credential, competency, task, learner = world
    fake = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    with pytest.raises(EvidenceRejected, match="does not match"):
        evidence.submission_create(
            learner=learner, credential=credential, item=task, upload=fake
        )
    script = SimpleUploadedFile("plan.exe", b"MZ\x90\x00", "application/octet-stream")
    with pytest.raises(EvidenceRejected, match="not accepted"):
        evidence.submission_create(
            learner=learner, credential=credential, item=task, upload=script
        )
    settings.SKILLPATH_EVIDENCE_MAX_BYTES = 1024
    big = SimpleUploadedFile("plan.pdf", PDF + b"0" * 2048, "application/pdf")
    with pytest.raises(EvidenceRejected, match="too large"):
        evidence.submission_create(
            learner=learner, credential=credential, item=task, upload=big
        )
    with pytest.raises(EvidenceRejected, match="Write an answer"):
        evidence.submission_create(learner=learner, credential=credential, item=task)
    good = SimpleUploadedFile("My Plan.pdf", PDF, "application/pdf")
    submission = evidence.submission_create(
        learner=learner, credential=credential, item=task, upload=good
    )
    assert submission.file_name == "My Plan.pdf"
    assert "My Plan" not in submission.file.name and submission.file.name.startswith(
        "private/evidence/"
    )


def test_prior_learning_is_recognised_by_an_assessor(world) -> None:
    credential, competency, task, learner = world
    with pytest.raises(EvidenceRejected):
        evidence.claim_create(
            learner=learner,
            credential=credential,
            competency=competency,
            description="x",
        )
    claim = evidence.claim_create(
        learner=learner,
        credential=credential,
        competency=competency,
        description="Two years as an ECE assistant at a licensed centre.",
        link="https://example.org/letter",
    )
    with pytest.raises(AssessmentNotAllowed):
        evidence.claim_create(
            learner=learner,
            credential=credential,
            competency=competency,
            description="again",
            link="https://example.org/x",
        )
    assessor = testing.assessor(credential.issuing_organisation)
    with pytest.raises(ScoringError):
        evidence.claim_decide(claim=claim, assessor=assessor, accept=False)
    evidence.claim_decide(claim=claim, assessor=assessor, accept=True, level=3)
    assert claim.status == ClaimStatus.ACCEPTED
    [standing] = selectors.competency_standings(learner=learner, credential=credential)
    assert standing.status == "demonstrated" and standing.method == "prior_learning"


def decline(claim, feedback: str = "The letter does not name the tasks you did."):
    assessor = testing.assessor(claim.credential.issuing_organisation)
    return evidence.claim_decide(
        claim=claim, assessor=assessor, accept=False, feedback=feedback
    )


def claim(learner, credential, competency):
    return evidence.claim_create(
        learner=learner,
        credential=credential,
        competency=competency,
        description="Two years as an ECE assistant at a licensed centre.",
        link="https://example.org/letter",
    )


def test_a_declined_claim_leaves_the_competency_not_demonstrated_yet_and_open(
    world,
) -> None:
    credential, competency, task, learner = world
    factories.bank(competency)
    declined = decline(claim(learner, credential, competency))
    assert declined.status == ClaimStatus.REJECTED
    [standing] = selectors.competency_standings(learner=learner, credential=credential)
    # Not "assessed at level 0 by prior learning": nothing is demonstrated yet.
    assert standing.status == "not_assessed"
    assert standing.demonstrated_level == 0
    assert standing.method == "" and standing.confidence is None
    # The declined claim is still evidence the results list.
    [result] = selectors.credential_results(learner=learner, credential=credential)
    assert [(f.source, f.counts) for f in result.findings] == [(declined, False)]
    # Every method stays open: the test, a task, another claim.
    sitting = delivery.assessment_start(learner=learner, credential=credential)
    assert [p.competency_id for p in sitting.parts.all()] == [competency.pk]
    evidence.submission_create(
        learner=learner, credential=credential, item=task, text="My plan: ..."
    )
    claim(learner, credential, competency)


def test_a_declined_claim_does_not_override_a_result_from_another_method(
    world,
) -> None:
    credential, competency, _task, learner = world
    # A rubric whose lowest level, 0, says the task did not show the competency.
    task = factories.task(competency)
    task.rubric = {
        **factories.RUBRIC,
        "levels": [
            {"level": 0, "en": "Not shown", "fr": "Non démontré"},
            *factories.RUBRIC["levels"],
        ],
    }
    task.save()
    submission = evidence.submission_create(
        learner=learner, credential=credential, item=task, text="My plan: ..."
    )
    evidence.submission_score(
        submission=submission,
        assessor=testing.assessor(credential.issuing_organisation),
        criterion_levels={"safety": 0, "communication": 2},
        feedback="Nothing about safety yet.",
    )
    [scored] = selectors.competency_standings(learner=learner, credential=credential)
    assert scored.status == "gap" and scored.method == "performance_task"

    decline(claim(learner, credential, competency))
    [after] = selectors.competency_standings(learner=learner, credential=credential)
    assert after == scored
    [result] = selectors.credential_results(learner=learner, credential=credential)
    assert [f.method for f in result.findings] == ["prior_learning", "performance_task"]


def test_methods_the_credential_does_not_allow_are_refused() -> None:
    credential = micro_credential(levels=(2,), methods=("adaptive_test",))
    competency = factories.competencies(credential)[0]
    task = factories.task(competency)
    learner = testing.learner()
    with pytest.raises(AssessmentNotAllowed):
        evidence.submission_create(
            learner=learner, credential=credential, item=task, text="x"
        )
    with pytest.raises(AssessmentNotAllowed):
        evidence.claim_create(
            learner=learner,
            credential=credential,
            competency=competency,
            description="x",
            link="https://example.org",
        )
