"""Progress: completions count once, only the learner changes a plan, proof."""

from __future__ import annotations

import threading
import time

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection

from skillpath.accounts import testing
from skillpath.common.models import AuditEvent
from skillpath.credentials.testing import micro_credential
from skillpath.learning.exceptions import NotInPlan, ProofRequired
from skillpath.learning.models import ItemStatus, PlanItem
from skillpath.learning.services import plans, progress
from skillpath.learning.tests import helpers as h

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned():  # type: ignore[no-untyped-def]
    comp = h.competency()
    other = h.competency()
    cred = micro_credential(levels=(), full_program_hours=120)
    org = h.provider()
    module = h.module(teaches={comp: 2}, provider_org=org)
    proof_module = h.module(teaches={other: 2}, provider_org=org, asks_for_proof=True)
    learner = testing.learner()
    plan = plans.plan_refresh(
        learner=learner,
        credential=cred,
        standings=[h.standing(comp, 2), h.standing(other, 2)],
    )
    return {
        "learner": learner,
        "plan": plan,
        "org": org,
        "item": plan.items.get(module=module),
        "proof_item": plan.items.get(module=proof_module),
        "module": module,
    }


def test_completing_a_module_twice_counts_once(planned) -> None:  # type: ignore[no-untyped-def]
    item = planned["item"]
    first = progress.module_complete(item=item, completed_by=planned["learner"])
    second = progress.module_complete(item=item, completed_by=planned["learner"])
    assert first.completed_at == second.completed_at
    assert (
        PlanItem.objects.filter(plan=planned["plan"], status="completed").count() == 1
    )
    assert AuditEvent.objects.filter(verb="module_complete").count() == 1


@pytest.mark.django_db(transaction=True)
def test_completing_from_two_tabs_at_once_counts_once(planned) -> None:  # type: ignore[no-untyped-def]
    item, learner = planned["item"], planned["learner"]
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def tab() -> None:
        try:
            barrier.wait()
            for _attempt in range(50):
                try:
                    progress.module_complete(item=item, completed_by=learner)
                    break
                except OperationalError as error:
                    # SQLite's shared in-memory test database locks whole tables
                    # and does not wait: the tab tries again, as a person would.
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.02)
        except BaseException as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connection.close()

    tabs = [threading.Thread(target=tab) for _ in range(2)]
    for thread in tabs:
        thread.start()
    for thread in tabs:
        thread.join()
    assert errors == []
    item.refresh_from_db()
    assert item.status == ItemStatus.COMPLETED
    assert AuditEvent.objects.filter(verb="module_complete").count() == 1


def test_a_learner_cannot_change_another_learners_plan(planned) -> None:  # type: ignore[no-untyped-def]
    intruder = testing.learner()
    with pytest.raises(PermissionDenied):
        progress.module_complete(item=planned["item"], completed_by=intruder)
    with pytest.raises(PermissionDenied):
        progress.item_start(item=planned["item"], started_by=intruder)
    with pytest.raises(PermissionDenied):
        plans.plan_settings_update(
            plan=planned["plan"],
            changed_by=intruder,
            languages=[],
            formats=[],
            max_cost=None,
            region="",
            objective="cost",
            standings=[],
        )
    planned["item"].refresh_from_db()
    assert planned["item"].status == ItemStatus.PLANNED


def test_a_provider_records_completions_only_for_its_own_modules(planned) -> None:  # type: ignore[no-untyped-def]
    own_staff = h.provider_staff(planned["org"])
    other_staff = h.provider_staff(h.provider())
    with pytest.raises(PermissionDenied):
        progress.completion_record(
            module=planned["module"],
            learner=planned["learner"],
            recorded_by=other_staff,
        )
    planned["item"].refresh_from_db()
    assert planned["item"].status == ItemStatus.PLANNED
    items = progress.completion_record(
        module=planned["module"], learner=planned["learner"], recorded_by=own_staff
    )
    assert [i.status for i in items] == [ItemStatus.COMPLETED]
    # Recording again changes nothing.
    again = progress.completion_record(
        module=planned["module"], learner=planned["learner"], recorded_by=own_staff
    )
    assert again[0].completed_at == items[0].completed_at
    assert AuditEvent.objects.filter(verb="completion_record").count() == 1


def test_completion_for_a_learner_without_the_module_is_refused(planned) -> None:  # type: ignore[no-untyped-def]
    staff = h.provider_staff(planned["org"])
    with pytest.raises(NotInPlan):
        progress.completion_record(
            module=planned["module"], learner=testing.learner(), recorded_by=staff
        )


def test_a_module_asking_for_proof_completes_once_confirmed(planned) -> None:  # type: ignore[no-untyped-def]
    item, learner = planned["proof_item"], planned["learner"]
    with pytest.raises(ProofRequired):
        progress.module_complete(item=item, completed_by=learner)
    with pytest.raises(ProofRequired):
        progress.proof_submit(
            item=item,
            submitted_by=learner,
            file=SimpleUploadedFile("proof.exe", b"MZ"),
        )
    item = progress.proof_submit(
        item=item,
        submitted_by=learner,
        file=SimpleUploadedFile("certificate.pdf", b"%PDF-1.4"),
    )
    assert item.status == ItemStatus.PROOF_SUBMITTED
    with pytest.raises(PermissionDenied):
        progress.proof_confirm(item=item, confirmed_by=learner)
    item = progress.proof_confirm(
        item=item, confirmed_by=h.provider_staff(planned["org"])
    )
    assert item.status == ItemStatus.COMPLETED
