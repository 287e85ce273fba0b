"""Demo item banks, tasks, and demo learners at different stages of assessment.

Run by ``seed_demo``; running it again changes nothing. The learners:

* sofia@skillpath.example has demonstrated every competency of a micro-credential;
* learner@skillpath.example (Amina) finished the adaptive test with a gap, and
  handed in a performance task that waits in the assessor's queue;
* jean@skillpath.example is in the middle of an assessment (resume it);
* tyler@skillpath.example has not started.
"""

from __future__ import annotations

import importlib
from typing import Any

import numpy as np

from skillpath.accounts.models import User
from skillpath.assessments import demo_bank, requirements
from skillpath.assessments.models import (
    Item,
    ItemKind,
    ItemStatus,
    Method,
    Sitting,
    TaskSubmission,
)
from skillpath.assessments.services import delivery, evidence
from skillpath.core import irt

# email, ability, answers to give (None: to the end), preferred issuer slug
LEARNER_STAGES = [
    ("sofia@skillpath.example", 2.6, None, "bow-river-college"),
    ("learner@skillpath.example", -0.2, None, "bow-river-college"),
    ("jean@skillpath.example", 0.4, 3, "college-saint-laurent"),
]


def _credentials() -> list[Any]:
    from skillpath.credentials.models import CredentialState, MicroCredential

    return list(
        MicroCredential.objects.filter(state=CredentialState.PUBLISHED)
        .select_related("issuing_organisation")
        .order_by("pk")
    )


def _ensure_credentials(stdout: Any) -> list[Any]:
    found = _credentials()
    if found:
        return found
    # seed_demo runs apps in INSTALLED_APPS order, where credentials come after
    # assessments: seed the (idempotent) credentials demo first.
    try:
        module = importlib.import_module("skillpath.credentials.demo")
    except ModuleNotFoundError:
        return []
    module.seed(stdout)
    return _credentials()


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


def _seed_banks(credentials: list[Any], stdout: Any) -> int:
    created = 0
    for credential in credentials:
        taken: set[str] = set()
        needs = requirements.credential_requirements(credential)
        domain = demo_bank.domain_for([n.competency for n in needs])
        # Competencies assessed by the test choose their topic first.
        for need in sorted(needs, key=lambda n: Method.ADAPTIVE_TEST not in n.methods):
            topic = demo_bank.topic_for(need.competency, taken, domain)
            taken.add(topic)
            task = None
            if Method.PERFORMANCE_TASK in need.methods:
                task = ItemKind.PERFORMANCE_TASK
            elif Method.EVIDENCE in need.methods:
                task = ItemKind.EVIDENCE_REQUEST
            created += demo_bank.seed_competency(need.competency, topic, task=task)
    return created


def _pick(credentials: list[Any], issuer_slug: str) -> Any:
    for credential in credentials:
        if credential.issuing_organisation.slug == issuer_slug:
            return credential
    return credentials[0]


def _seed_learners(credentials: list[Any], stdout: Any) -> list[str]:
    done = []

    for number, (email, theta, answers, issuer) in enumerate(LEARNER_STAGES):
        learner = User.objects.filter(email__iexact=email).first()
        if learner is None:
            continue
        credential = _pick(credentials, issuer)
        if Sitting.objects.filter(learner=learner, credential=credential).exists():
            continue
        try:
            sitting = delivery.assessment_start(learner=learner, credential=credential)
        except Exception as error:  # noqa: BLE001 (demo: say why and go on)
            stdout.write(f"  {email}: no assessment ({error})")
            continue
        _simulate(sitting, theta=theta, answers=answers, seed=number + 11)
        done.append(f"{email} → {credential.title}")
        if email.startswith("learner@"):
            _hand_in_task(learner, credential)
    return done


def _hand_in_task(learner: User, credential: Any) -> None:
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
    fitting = [t for t in tasks if "infection" in t.competency.title_en.lower()]
    task = (fitting or tasks)[0] if tasks else None
    if (
        task is None
        or TaskSubmission.objects.filter(learner=learner, item=task).exists()
    ):
        return
    evidence.submission_create(
        learner=learner,
        credential=credential,
        item=task,
        text=(
            "At the centre where I volunteered, I checked the room every morning before "
            "the children arrived: outlets covered, cleaning products locked away, toys "
            "washed. When a toddler ran a fever I moved him to a quiet corner, stayed "
            "with him and called his mother, then wrote the incident report the same day."
        ),
    )


def seed(stdout: Any) -> None:
    """Create the demo item banks and put the demo learners at their stages."""
    credentials = _ensure_credentials(stdout)
    if not credentials:
        stdout.write("  no published micro-credential: no item bank seeded")
        return
    created = _seed_banks(credentials, stdout)
    learners = _seed_learners(credentials, stdout)
    stdout.write(
        f"  {created} items and tasks for {len(credentials)} micro-credentials; "
        f"{len(learners)} demo learners assessed"
    )
