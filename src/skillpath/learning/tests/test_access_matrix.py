"""The matrix of roles against plans and proofs: employers see neither.

An employer sees what a learner shares (credentials, and the job match), never the
learning plan, the levels in progress it shows, or the proof files behind it.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from skillpath.accounts import testing
from skillpath.accounts.models import OrganisationKind
from skillpath.credentials.testing import micro_credential
from skillpath.learning.models import LearningPlan, PlanItem
from skillpath.learning.services import progress
from skillpath.learning.tests import helpers as h

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    college = testing.organisation(OrganisationKind.COLLEGE)
    learner = testing.learner(share_with_employers=True, home=college)
    credential = micro_credential(levels=())
    plan = LearningPlan.objects.create(learner=learner, credential=credential)
    module = h.module(teaches={h.competency(): 1}, asks_for_proof=True)
    item = PlanItem.objects.create(plan=plan, module=module, position=1)
    progress.proof_submit(
        item=item,
        submitted_by=learner,
        file=SimpleUploadedFile("proof.pdf", PDF, "application/pdf"),
    )
    return {
        "plan": plan,
        "item": item,
        "anonymous": None,
        "learner": learner,
        "other_learner": testing.learner(share_with_employers=True),
        "coordinator": testing.coordinator(college),
        "assessor": testing.assessor(college),
        "other_coordinator": testing.coordinator(
            testing.organisation(OrganisationKind.COLLEGE)
        ),
        "employer": testing.employer(),
        "pending_employer": testing.employer(approved=False),
    }


ROLES = [
    ("anonymous", False),
    ("learner", True),
    ("other_learner", False),
    ("coordinator", True),
    ("assessor", True),
    ("other_coordinator", False),
    ("employer", False),
    ("pending_employer", False),
]


def _client(world, role: str) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    if world[role] is not None:
        client.force_login(world[role])
    return client


def _allowed(response) -> bool:  # type: ignore[no-untyped-def]
    assert response.status_code in (200, 302, 403, 404), response.status_code
    return response.status_code == 200


@pytest.mark.parametrize(("role", "allowed"), ROLES)
def test_who_may_see_a_learning_plan_page(world, role: str, allowed: bool) -> None:  # type: ignore[no-untyped-def]
    response = _client(world, role).get(f"/learning/plans/{world['plan'].pk}/")
    assert _allowed(response) is allowed


@pytest.mark.parametrize(("role", "allowed"), ROLES)
def test_who_may_read_a_learning_plan_through_the_api(
    world, role: str, allowed: bool
) -> None:  # type: ignore[no-untyped-def]
    response = _client(world, role).get(f"/api/v1/learning/plans/{world['plan'].pk}")
    assert response.status_code in (200, 401, 403, 404)
    assert (response.status_code == 200) is allowed


@pytest.mark.parametrize(("role", "allowed"), ROLES)
def test_who_may_download_a_proof_file(world, role: str, allowed: bool) -> None:  # type: ignore[no-untyped-def]
    response = _client(world, role).get(
        f"/learning/items/{world['item'].pk}/proof/file/"
    )
    assert _allowed(response) is allowed
    if allowed:
        assert b"".join(response.streaming_content) == PDF


def test_employer_cannot_see_a_sharing_learners_plan_or_proof(world) -> None:  # type: ignore[no-untyped-def]
    from skillpath.learning import access

    employer = world["employer"]
    assert not access.can_view_plan(employer, world["plan"])
    assert not access.can_confirm_proof(employer, world["item"])
