"""One learner who touched every app: the world the privacy tests export and delete."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile

from skillpath.accounts.models import LearnerProfile, User
from skillpath.accounts.services import learner_profile_update
from skillpath.assessments.models import Sitting
from skillpath.assessments.services import delivery, evidence
from skillpath.assessments.tests import factories
from skillpath.assessments.tests.test_delivery import answer_all
from skillpath.credentials.models import Award
from skillpath.credentials.testing import micro_credential
from skillpath.jobs.models import Application
from skillpath.jobs.services import applications as application_services
from skillpath.jobs.testing import JobsWorld
from skillpath.outcomes.testing import consenting_holder

NAME = "Zephyrine Quillfeather"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class PersonWorld:
    jobs: JobsWorld
    learner: User
    email: str
    award: Award
    application: Application
    sitting: Sitting


def person_world() -> PersonWorld:
    """Return a learner with an award, a sitting, a claim with a file, an
    application with a message, consents changed, and follow-ups due."""
    holding = consenting_holder()
    learner = holding.learner
    User.objects.filter(pk=learner.pk).update(full_name=NAME)
    learner.refresh_from_db()
    profile = LearnerProfile.objects.get(user=learner)
    learner_profile_update(
        profile=profile,
        changed_by=learner,
        job_alerts_by_email=True,
        identifies_newcomer="yes",
    )
    tested = micro_credential(levels=(2,))
    factories.bank(factories.competencies(tested)[0], size=12)
    sitting = delivery.assessment_start(learner=learner, credential=tested)
    answer_all(sitting)
    claimed = micro_credential(levels=(3,))
    evidence.claim_create(
        learner=learner,
        credential=claimed,
        competency=factories.competencies(claimed)[0],
        description=f"I, {NAME}, ran the toddler room for two years.",
        link="https://example.org/letter",
        upload=SimpleUploadedFile("letter.pdf", PDF, "application/pdf"),
    )
    application = application_services.application_create(
        seeker=learner,
        posting=holding.world.posting,
        awards=[holding.award],
        message=f"Hello, this is {NAME}.",
    )
    return PersonWorld(
        jobs=holding.world,
        learner=learner,
        email=learner.email,
        award=holding.award,
        application=application,
        sitting=sitting,
    )
