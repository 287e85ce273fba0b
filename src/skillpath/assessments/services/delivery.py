"""Taking an assessment: start a sitting, record one answer at a time, finish.

A sitting holds one mastery test per competency (``SittingPart``), run one after the
other. The item to answer is chosen when the sitting starts or when the previous
answer is recorded, and stored on the sitting, so showing a page never changes
anything and a page can be reloaded, or the browser closed, at any point.

Each shown item carries the sitting's ``next_sequence``; an answer whose sequence is
not the expected one (a double click, a second tab) is refused, and the row lock on
the sitting plus the unique ``(sitting, sequence)`` constraint make sure only one
response is ever recorded for it.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from skillpath.accounts.models import LearnerProfile, User
from skillpath.assessments import adaptive, requirements, scoring
from skillpath.assessments.exceptions import (
    AnswerAlreadyRecorded,
    AssessmentClosed,
    AssessmentNotAllowed,
)
from skillpath.assessments.models import (
    Item,
    ItemStatus,
    Method,
    PartStatus,
    Response,
    Sitting,
    SittingPart,
    SittingStatus,
)
from skillpath.assessments.selectors import competency_standings, open_sitting
from skillpath.assessments.services.standings import standings_announce
from skillpath.common import cycle
from skillpath.common.audit import AuditVerb, audit_record

PILOTS_PER_PART = 1
PILOT_AFTER = 2  # slip a pilot item in after this many scored answers in a part
MIN_FRESH_ITEMS = 6  # on a retake, leave out items seen before if this many remain


def _bank(competency_id: int) -> tuple[adaptive.BankSnapshot, list[int]]:
    items = list(
        Item.objects.filter(
            competency_id=competency_id,
            kind__in=scoring.AUTO_SCORED,
            status__in=(ItemStatus.OPERATIONAL, ItemStatus.PILOT),
        ).order_by("pk")
    )
    operational = [
        i for i in items if i.status == ItemStatus.OPERATIONAL and i.thresholds
    ]
    pilots = [i.pk for i in items if i.status == ItemStatus.PILOT]
    bank = adaptive.BankSnapshot(
        item_ids=[i.pk for i in operational],
        discrimination=[float(i.discrimination) for i in operational],
        thresholds=[[float(t) for t in i.thresholds] for i in operational],
        exposure_rates=adaptive.exposure_rates(
            [i.exposure_count for i in operational], _tests_started(competency_id)
        ),
    )
    return bank, pilots


def _tests_started(competency_id: int) -> int:
    """Return how many tests of the competency have shown at least one item.

    ``Item.exposure_count`` grows each time an item is shown; this is the number it
    is a share of. A part that timed out before any answer may or may not have shown
    one; it is left out.
    """
    return (
        SittingPart.objects.filter(competency_id=competency_id)
        .exclude(status__in=(PartStatus.WAITING, PartStatus.NO_ITEMS))
        .exclude(status=PartStatus.TIMED_OUT, items_answered=0, pilots_given=0)
        .count()
    )


def _last_estimates(
    learner: User, competency_ids: list[int]
) -> dict[int, tuple[float, float]]:
    """Return, per competency, the (theta, SE) of the learner's latest decided test."""
    latest: dict[int, tuple[float, float]] = {}
    rows = (
        SittingPart.objects.filter(
            sitting__learner=learner,
            competency_id__in=competency_ids,
            status=PartStatus.DECIDED,
        )
        .order_by("competency_id", "-decided_at", "-pk")
        .values_list("competency_id", "theta", "se")
    )
    for competency_id, theta, se in rows:
        if competency_id not in latest and theta is not None and se is not None:
            latest[competency_id] = (float(theta), float(se))
    return latest


def _retake_check(*, learner: User, credential: Any) -> None:
    rules = requirements.retake_rules(credential)
    finished = Sitting.objects.filter(learner=learner, credential=credential).exclude(
        status=SittingStatus.IN_PROGRESS
    )
    count = finished.count()
    if rules.max_attempts is not None and count >= rules.max_attempts:
        raise AssessmentNotAllowed(
            _(
                "You have used all %(n)d attempts at this assessment. Ask your "
                "coordinator, or show the competencies by another method."
            )
            % {"n": rules.max_attempts}
        )
    last = finished.order_by("-finished_at").first()
    if last and last.finished_at and rules.cooldown_days:
        ready = last.finished_at + timedelta(days=rules.cooldown_days)
        if timezone.now() < ready:
            raise AssessmentNotAllowed(
                _("You can take this assessment again from %(date)s.")
                % {"date": timezone.localtime(ready).strftime("%Y-%m-%d %H:%M")}
            )


def assessment_start(
    *, learner: User, credential: Any, competencies: list[Any] | None = None
) -> Sitting:
    """Start (or resume) the adaptive test of a micro-credential.

    By default only the competencies not yet demonstrated, and assessed by the
    adaptive test, are included: a re-assessment covers only what is still open.
    Each test sets aside the items the competency's tests give too often, and a
    retake starts from the learner's last estimate of the competency (see
    ``adaptive``). Raises ``AssessmentNotAllowed`` when there is nothing to assess,
    or the retake rules forbid it for now.
    """
    if not LearnerProfile.objects.filter(user=learner).exists():
        raise AssessmentNotAllowed(_("Only job seekers take assessments."))
    with transaction.atomic():
        existing = open_sitting(learner=learner, credential=credential)
        if existing is not None:
            return existing
        _retake_check(learner=learner, credential=credential)
        wanted = (
            None
            if competencies is None
            else {getattr(c, "pk", c) for c in competencies}
        )
        open_ids = {
            s.competency_id
            for s in competency_standings(learner=learner, credential=credential)
            if s.status != cycle.StandingStatus.DEMONSTRATED
        }
        plan = []
        for need in requirements.credential_requirements(credential):
            cid = need.competency.pk
            if Method.ADAPTIVE_TEST not in need.methods:
                continue
            if (wanted is not None and cid not in wanted) or (
                wanted is None and cid not in open_ids
            ):
                continue
            cut = adaptive.cut_for(need.required_level, need.levels)
            bank, pilots = _bank(cid)
            if cut is None or bank.size == 0:
                continue
            plan.append((need, cut, bank, pilots))
        if not plan:
            raise AssessmentNotAllowed(
                _(
                    "There is nothing to assess by test for this micro-credential: "
                    "every competency is demonstrated, waiting for an assessor, or "
                    "assessed by another method."
                )
            )
        settings = requirements.assessment_settings(credential)
        now = timezone.now()
        sitting = Sitting.objects.create(
            learner=learner,
            credential=credential,
            seed=secrets.randbits(31),
            deadline=(
                now + timedelta(minutes=settings.time_limit_minutes)
                if settings.time_limit_minutes
                else None
            ),
        )
        seen = set(
            Response.objects.filter(sitting__learner=learner).values_list(
                "item_id", flat=True
            )
        )
        previous = _last_estimates(
            learner, [need.competency.pk for need, *_rest in plan]
        )
        for position, (need, cut, bank, pilots) in enumerate(plan, start=1):
            exclude = [i for i, pk in enumerate(bank.item_ids) if pk in seen]
            if bank.size - len(exclude) < MIN_FRESH_ITEMS:
                exclude = []
            test = adaptive.new_test(
                bank,
                cut=cut,
                seed=sitting.seed + position,
                exclude=exclude,
                max_items=settings.max_items_per_competency,
                prior=adaptive.prior_for(previous.get(need.competency.pk)),
                false_master_cost=adaptive.FALSE_MASTER_COST[settings.caution],
            )
            SittingPart.objects.create(
                sitting=sitting,
                competency=need.competency,
                position=position,
                required_level=need.required_level,
                levels=list(need.levels),
                cut_theta=cut,
                state=adaptive.save(test),
                item_ids=bank.item_ids,
                pilot_ids=[pk for pk in pilots if pk not in seen][:PILOTS_PER_PART],
                max_items=test.max_items,
            )
        _advance(sitting)
        audit_record(
            actor=learner,
            verb=AuditVerb.ASSESSMENT_START,
            target=sitting,
            competencies=[need.competency.pk for need, *_rest in plan],
        )
    return sitting


def _advance(sitting: Sitting) -> None:
    """Choose the next item of the sitting, finishing parts and the sitting on the way."""
    for part in sitting.parts.filter(
        status__in=(PartStatus.WAITING, PartStatus.IN_PROGRESS)
    ).order_by("position"):
        test = adaptive.load(part.state)
        if part.status == PartStatus.WAITING:
            part.status = PartStatus.IN_PROGRESS
        if (
            part.pilot_ids
            and part.pilots_given < len(part.pilot_ids)
            and part.items_answered >= PILOT_AFTER
            and not test.stopped
        ):
            item_pk = part.pilot_ids[part.pilots_given]
            part.save(update_fields=["status"])
            _show(sitting, item_pk, pilot=True)
            return
        index = test.next_item()
        if index is None:
            _decide(part, test)
            continue
        part.state = adaptive.save(test)
        part.save(update_fields=["status", "state"])
        _show(sitting, part.item_ids[index], pilot=False)
        return
    sitting.status = SittingStatus.COMPLETED
    sitting.finished_at = timezone.now()
    sitting.current_item = None
    sitting.current_is_pilot = False
    sitting.save()
    audit_record(
        actor=sitting.learner, verb=AuditVerb.ASSESSMENT_FINISH, target=sitting
    )


def _show(sitting: Sitting, item_pk: int, *, pilot: bool) -> None:
    sitting.current_item_id = item_pk
    sitting.current_is_pilot = pilot
    sitting.save(update_fields=["current_item", "current_is_pilot", "updated_at"])
    Item.objects.filter(pk=item_pk).update(exposure_count=F("exposure_count") + 1)


def _decide(part: SittingPart, test: Any) -> None:
    result = adaptive.outcome(
        test, required_level=part.required_level, levels=part.levels
    )
    part.status = PartStatus.DECIDED
    part.state = adaptive.save(test)
    part.decision = result.decision
    part.theta, part.se, part.p_mastery = result.theta, result.se, result.p_mastery
    part.demonstrated_level = result.demonstrated_level
    part.decided_at = timezone.now()
    part.save()
    standings_announce(learner=part.sitting.learner, credential=part.sitting.credential)


def sitting_expire_if_due(*, sitting: Sitting) -> bool:
    """End the sitting if its time ran out; return whether it did."""
    if not sitting.is_open or sitting.deadline is None:
        return False
    if timezone.now() < sitting.deadline:
        return False
    with transaction.atomic():
        locked = Sitting.objects.select_for_update().get(pk=sitting.pk)
        if locked.status != SittingStatus.IN_PROGRESS:
            return False
        locked.parts.filter(
            status__in=(PartStatus.WAITING, PartStatus.IN_PROGRESS)
        ).update(status=PartStatus.TIMED_OUT)
        locked.status = SittingStatus.TIMED_OUT
        locked.finished_at = timezone.now()
        locked.current_item = None
        locked.save()
        audit_record(actor=None, verb=AuditVerb.ASSESSMENT_TIME_OUT, target=locked)
    sitting.refresh_from_db()
    return True


def response_record(
    *, sitting: Sitting, learner: User, sequence: int, answer_data: Any
) -> Response:
    """Score and record the answer to the sitting's current item, then pick the next.

    Raises ``AnswerAlreadyRecorded`` when ``sequence`` is not the one expected (the
    question was answered already), ``AssessmentClosed`` when the sitting has
    ended, and ``AnswerInvalid`` when the answer cannot be read (nothing is written).
    """
    if sitting.learner_id != learner.pk:
        raise AssessmentClosed(_("This is not your assessment."))
    sitting_expire_if_due(sitting=sitting)
    with transaction.atomic():
        locked = (
            Sitting.objects.select_for_update(of=("self",))
            .select_related("current_item", "learner", "credential")
            .get(pk=sitting.pk)
        )
        if locked.status != SittingStatus.IN_PROGRESS:
            raise AssessmentClosed(_("This assessment has ended; see your results."))
        if int(sequence) != locked.next_sequence or locked.current_item is None:
            raise AnswerAlreadyRecorded(
                _("That question was already answered. Here is the next one.")
            )
        item = locked.current_item
        answer = scoring.parse_answer(item.kind, item.content, answer_data)
        result = scoring.score(
            item.kind,
            item.content,
            item.answer_key,
            answer,
            n_thresholds=item.n_thresholds,
        )
        part = locked.parts.select_for_update().get(status=PartStatus.IN_PROGRESS)
        try:
            with transaction.atomic():
                response = Response.objects.create(
                    sitting=locked,
                    part=part,
                    sequence=locked.next_sequence,
                    item=item,
                    answer=answer,
                    credit=result.credit,
                    score=result.category,
                    counted=not locked.current_is_pilot,
                )
        except IntegrityError as error:
            raise AnswerAlreadyRecorded(
                _("That question was already answered. Here is the next one.")
            ) from error
        if locked.current_is_pilot:
            part.pilots_given += 1
            part.save(update_fields=["pilots_given"])
        else:
            test = adaptive.load(part.state)
            test.record(part.item_ids.index(item.pk), result.category)
            part.items_answered += 1
            part.state = adaptive.save(test)
            part.save(update_fields=["items_answered", "state"])
            if test.stopped:
                _decide(part, test)
        locked.next_sequence += 1
        locked.save(update_fields=["next_sequence", "updated_at"])
        _advance(locked)
    sitting.refresh_from_db()
    return response
