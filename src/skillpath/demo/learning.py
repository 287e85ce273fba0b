"""Demo catalogue and plans: modules from several providers for every demo credential.

Each provider's modules are a module CSV (``data/modules/<provider>.csv``) imported
through the CSV importer, with the same checks as any import. A module CSV names
only modules of its own provider, so ``data/modules/catalogue.json`` adds what a
CSV cannot say: which modules need another provider's module first, and which one
still waits for the coordinator's review (every other one is approved). Then a
learner with several gaps takes an assessment, and the demo learners' plans are
moved part-way. Running it again changes nothing.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from skillpath.accounts.models import Organisation, User
from skillpath.assessments.exceptions import AssessmentError
from skillpath.assessments.models import Sitting
from skillpath.assessments.services import delivery
from skillpath.credentials.models import MicroCredential
from skillpath.demo.assessing import right_or_wrong_answer
from skillpath.demo.files import load, path
from skillpath.learning.models import ItemStatus, LearningPlan, Module, ModuleStatus
from skillpath.learning.services import catalogue, csv_io, plans, progress

CATALOGUE = load("modules/catalogue.json")
LEARNING = load("learning.json")


def _new_rows(provider: Organisation) -> tuple[str, list[str]]:
    """Return the provider's CSV with only the modules it does not offer yet."""
    text = path(f"modules/{provider.slug}.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    known = set(Module.objects.filter(provider=provider).values_list("code", flat=True))
    new = [row for row in rows if row["code"] not in known]
    if len(new) == len(rows):
        return text, [row["code"] for row in rows]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=csv_io.COLUMNS)
    writer.writeheader()
    writer.writerows(new)
    return out.getvalue(), [row["code"] for row in new]


def _module(provider: str, code: str) -> Module:
    return Module.objects.get(provider__slug=provider, code=code)


def _catalogue() -> int:
    """Import every provider's new modules, link them and review them; return how many."""
    created: list[tuple[str, str]] = []
    for slug in CATALOGUE["providers"]:
        provider = Organisation.objects.get(slug=slug)
        text, codes = _new_rows(provider)
        if codes:
            csv_io.modules_import(provider=provider, imported_by=None, data=text)
            created += [(slug, code) for code in codes]
    new = set(created)
    for link in CATALOGUE["requires_other_providers"]:
        if (link["provider"], link["code"]) in new:
            catalogue.module_update(
                module=_module(link["provider"], link["code"]),
                changed_by=None,
                requires_modules=[
                    _module(other["provider"], other["code"])
                    for other in link["requires"]
                ],
            )
    waiting = {(m["provider"], m["code"]) for m in CATALOGUE["waiting_for_review"]}
    reviewer = User.objects.filter(email=CATALOGUE["reviewer"]).first()
    if reviewer is not None:
        for slug, code in created:
            if (slug, code) not in waiting:
                catalogue.module_review(
                    module=_module(slug, code), reviewer=reviewer, approve=True
                )
    return len(created)


def _assessed_learner(spec: dict[str, Any], stdout: Any) -> None:
    """Give a learner an adaptive test, strong on the first competency only."""
    learner = User.objects.filter(email__iexact=spec["learner"]).first()
    credential = MicroCredential.objects.filter(slug=spec["credential"]).first()
    if learner is None or credential is None:
        return
    if Sitting.objects.filter(learner=learner, credential=credential).exists():
        return
    try:
        sitting = delivery.assessment_start(learner=learner, credential=credential)
        for _answer in range(spec["max_answers"]):
            sitting.refresh_from_db()
            if not sitting.is_open or sitting.current_item is None:
                break
            item = sitting.current_item
            first = sitting.parts.order_by("pk")[0].competency_id
            delivery.response_record(
                sitting=sitting,
                learner=learner,
                sequence=sitting.next_sequence,
                answer_data=right_or_wrong_answer(item, item.competency_id == first),
            )
    except AssessmentError as error:
        stdout.write(f"  {spec['learner']}: no assessment ({error})")
        return
    stdout.write(f"  {spec['learner']} took the assessment of {credential.title}")


def _plans(credentials: list[MicroCredential], stdout: Any) -> None:
    learners = list(
        User.objects.filter(email__in=LEARNING["plan_learners"]).order_by("email")
    )
    moved = 0
    for learner in learners:
        for credential in credentials:
            plan = LearningPlan.objects.filter(
                learner=learner, credential=credential
            ).first()
            if plan is None or not plan.items.exists():
                # Plans made while the learners were assessed, before the catalogue
                # existed, are planned again now that there are modules.
                plan = plans.plan_refresh(learner=learner, credential=credential)
            if plan is None or plan.items.exclude(status=ItemStatus.PLANNED).exists():
                continue  # no gap, or progress seeded before: leave it as it is
            items = list(plan.items.order_by("position"))
            # Part-way: the first module done (or its proof sent), the next started.
            if items[0].module.asks_for_proof:
                progress.proof_submit(
                    item=items[0], submitted_by=learner, url=LEARNING["proof_url"]
                )
            else:
                progress.module_complete(item=items[0], completed_by=learner)
            if len(items) > 1:
                progress.item_start(item=items[1], started_by=learner)
            moved += 1
    total = LearningPlan.objects.filter(learner__in=learners).count()
    stdout.write(f"  {total} demo learning plans, {moved} moved part-way now")


def seed(stdout: Any) -> None:
    """Import the demo catalogue, then plan for the demo learners with gaps."""
    created = _catalogue()
    offered = Module.objects.filter(status=ModuleStatus.APPROVED).count()
    stdout.write(f"  {created} new modules; {offered} offered in the catalogue")
    for spec in LEARNING["sittings"]:
        _assessed_learner(spec, stdout)
    _plans(list(MicroCredential.objects.order_by("pk")), stdout)
