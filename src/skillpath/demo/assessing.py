"""Demo item banks, and demo learners at different stages of assessment.

The banks are item-bank JSON files (``docs/item-format.md``) imported through the
bank importer, with the same checks as any import, by the coordinator of the
framework's owner. The learners (``data/assessments.json``) take their assessments
through the delivery service, answering as a person of the given ability would:

* sofia@skillpath.example demonstrates every competency of a micro-credential;
* learner@skillpath.example (Amina) finishes the adaptive test with a gap, and
  hands in a performance task that waits in the assessor's queue;
* jean@skillpath.example is in the middle of an assessment (resume it);
* tyler@skillpath.example has not started.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from skillpath.accounts.models import User
from skillpath.assessments import requirements
from skillpath.assessments.models import (
    Item,
    ItemKind,
    ItemStatus,
    Sitting,
    TaskSubmission,
)
from skillpath.assessments.services import delivery, evidence, interchange
from skillpath.core import irt
from skillpath.credentials.models import MicroCredential
from skillpath.demo.files import load, path
from skillpath.demo.supply import PROFILES, profile_spec

LEARNERS = load("assessments.json")


def right_or_wrong_answer(item: Item, right: bool) -> dict[str, Any]:
    """Return an answer to ``item`` that is right (or wrong), for simulated learners."""
    key, content = item.answer_key, item.content
    if item.kind == ItemKind.SINGLE_CHOICE:
        ids = [o["id"] for o in content["options"]]
        return {
            "choice": key["correct"]
            if right
            else next(i for i in ids if i != key["correct"])
        }
    if item.kind == ItemKind.MULTIPLE_SELECT:
        return {"choices": key["correct"] if right else []}
    if item.kind == ItemKind.TRUE_FALSE:
        return {"value": key["correct"] if right else not key["correct"]}
    if item.kind == ItemKind.NUMERIC:
        value = float(key["value"])
        return {
            "value": value
            if right
            else value + 10 * (float(key.get("tolerance", 0)) + 1)
        }
    if item.kind == ItemKind.SHORT_TEXT:
        return {
            "text": key["accepted"][0]
            if right and key.get("accepted")
            else "I am not sure"
        }
    if item.kind == ItemKind.ORDERING:
        order = list(key["order"])
        return {"order": order if right else order[::-1]}
    if item.kind == ItemKind.MATCHING:
        pairs = dict(key["pairs"])
        if right:
            return {"pairs": pairs}
        values = list(pairs.values())
        return {"pairs": dict(zip(pairs, values[1:] + values[:1], strict=True))}
    raise ValueError(item.kind)


def bank_import(key: str) -> int:
    """Import the demo items of field ``key`` that are not in the bank yet."""
    name = f"items/{key}.items.json"
    document = load(name)
    known = set(
        Item.objects.filter(
            code__in=[entry["code"] for entry in document["items"]]
        ).values_list("code", flat=True)
    )
    missing = [entry for entry in document["items"] if entry["code"] not in known]
    if not missing:
        return 0
    data = (
        path(name).read_bytes()
        if not known
        else json.dumps({**document, "items": missing}).encode()
    )
    author = User.objects.get(email=profile_spec(key)["coordinator"])
    report = interchange.items_import(author=author, data=data, file_format="json")
    return len(report.created)


def _simulate(
    sitting: Sitting, *, theta: float, answers: int | None, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    given = 0
    while answers is None or given < answers:
        sitting.refresh_from_db()
        if not sitting.is_open or sitting.current_item is None:
            return
        item = sitting.current_item
        b = item.thresholds[-1] if item.thresholds else 0.0
        p = float(irt.probability(theta, [item.discrimination], [b])[0])
        delivery.response_record(
            sitting=sitting,
            learner=sitting.learner,
            sequence=sitting.next_sequence,
            answer_data=right_or_wrong_answer(item, bool(rng.random() < p)),
        )
        given += 1


def _sittings(stdout: Any) -> list[str]:
    done = []
    for spec in LEARNERS["sittings"]:
        learner = User.objects.filter(email__iexact=spec["learner"]).first()
        credential = MicroCredential.objects.filter(slug=spec["credential"]).first()
        if learner is None or credential is None:
            continue
        if Sitting.objects.filter(learner=learner, credential=credential).exists():
            continue
        try:
            sitting = delivery.assessment_start(learner=learner, credential=credential)
        except Exception as error:  # noqa: BLE001 (demo: say why and go on)
            stdout.write(f"  {spec['learner']}: no assessment ({error})")
            continue
        _simulate(
            sitting, theta=spec["ability"], answers=spec["answers"], seed=spec["seed"]
        )
        done.append(f"{spec['learner']} → {credential.title}")
        if spec["learner"] == LEARNERS["task_submission"]["learner"]:
            _hand_in_task(learner, credential)
    return done


def _hand_in_task(learner: User, credential: Any) -> None:
    spec = LEARNERS["task_submission"]
    tasks = list(
        Item.objects.filter(
            competency__in=[
                n.competency for n in requirements.credential_requirements(credential)
            ],
            kind=ItemKind.PERFORMANCE_TASK,
            status=ItemStatus.OPERATIONAL,
        )
        .select_related("competency")
        .order_by("pk")
    )
    words = spec["competency_words"]
    fitting = [t for t in tasks if words in t.competency.title_en.lower()]
    task = (fitting or tasks)[0] if tasks else None
    if (
        task is None
        or TaskSubmission.objects.filter(learner=learner, item=task).exists()
    ):
        return
    evidence.submission_create(
        learner=learner, credential=credential, item=task, text=spec["text"]
    )


def seed(stdout: Any) -> None:
    """Import the demo item banks and put the demo learners at their stages."""
    created = sum(bank_import(key) for key in PROFILES)
    learners = _sittings(stdout)
    stdout.write(
        f"  {created} items and tasks imported; {len(learners)} demo learners assessed"
    )
