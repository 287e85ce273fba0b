"""Reads that pages, the API and other apps share: standings, results, queues.

``competency_standings`` is the seam with the credentials app (which awards) and the
learning app (which plans): for every competency of a micro-credential it says what
the learner has demonstrated, by the best of the methods the credential allows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet

from skillpath.accounts.models import User
from skillpath.assessments import access, requirements
from skillpath.assessments.models import (
    ClaimStatus,
    Item,
    ItemKind,
    ItemStatus,
    Method,
    PartStatus,
    PriorLearningClaim,
    Sitting,
    SittingPart,
    SittingStatus,
    SubmissionStatus,
    TaskSubmission,
)
from skillpath.common.cycle import CompetencyStanding, StandingStatus


@dataclass(frozen=True)
class Finding:
    """One piece of evidence about a competency: what a method showed, and when."""

    method: str
    level: int
    confidence: float | None
    decided_at: datetime | None
    decision: (
        str  # mastered / not_mastered / undetermined / scored / accepted / rejected
    )
    source: Any  # the SittingPart, TaskSubmission or PriorLearningClaim

    @property
    def counts(self) -> bool:
        """Whether the finding shows a level; a declined claim shows none.

        Declining a claim says the proof was not enough, not that the learner is at
        level 0: the claim is evidence considered, and the standing ignores it.
        """
        return self.decision != ClaimStatus.REJECTED


@dataclass
class CompetencyResult:
    """Everything the results page shows about one competency."""

    requirement: requirements.Requirement
    standing: CompetencyStanding
    findings: list[Finding] = field(default_factory=list)
    waiting: list[Any] = field(default_factory=list)

    @property
    def competency(self) -> Any:
        return self.requirement.competency

    @property
    def title(self) -> str:
        return requirements.competency_title(self.requirement.competency)

    @property
    def chance_reached(self) -> float | None:
        """Return how likely the required level is reached, after an adaptive test.

        The standing's confidence is that of its decision; a decision short of the
        level (or an undetermined one) is confident the level is *not* reached, so
        the chance is its complement. None when no test decided the standing.
        """
        confidence = self.standing.confidence
        if confidence is None or self.standing.method != Method.ADAPTIVE_TEST:
            return None
        demonstrated = self.standing.status == StandingStatus.DEMONSTRATED
        return confidence if demonstrated else 1.0 - confidence


def _findings(
    learner: User, competency_ids: list[int]
) -> tuple[dict[int, list[Finding]], dict[int, list[Any]]]:
    findings: dict[int, list[Finding]] = defaultdict(list)
    waiting: dict[int, list[Any]] = defaultdict(list)
    parts = SittingPart.objects.filter(
        sitting__learner=learner,
        competency_id__in=competency_ids,
        status=PartStatus.DECIDED,
    ).select_related("sitting")
    for part in parts:
        mastered = part.decision == "mastered"
        p = part.p_mastery
        findings[part.competency_id].append(
            Finding(
                method=Method.ADAPTIVE_TEST,
                level=int(part.demonstrated_level or 0),
                confidence=None if p is None else (p if mastered else 1.0 - p),
                decided_at=part.decided_at,
                decision=part.decision,
                source=part,
            )
        )
    submissions = (
        TaskSubmission.objects.filter(learner=learner, competency_id__in=competency_ids)
        .select_related("item")
        .prefetch_related("scores")
    )
    for submission in submissions:
        if submission.status == SubmissionStatus.DECIDED:
            findings[submission.competency_id].append(
                Finding(
                    method=submission.method,
                    level=int(submission.level or 0),
                    confidence=None,
                    decided_at=submission.decided_at,
                    decision="scored",
                    source=submission,
                )
            )
        else:
            waiting[submission.competency_id].append(submission)
    claims = PriorLearningClaim.objects.filter(
        learner=learner, competency_id__in=competency_ids
    )
    for claim in claims:
        if claim.status == ClaimStatus.SUBMITTED:
            waiting[claim.competency_id].append(claim)
            continue
        findings[claim.competency_id].append(
            Finding(
                method=Method.PRIOR_LEARNING,
                level=int(claim.level_granted or 0),
                confidence=None,
                decided_at=claim.decided_at,
                decision=str(claim.status),
                source=claim,
            )
        )
    return findings, waiting


def _waiting_method(entry: Any) -> str:
    if isinstance(entry, PriorLearningClaim):
        return Method.PRIOR_LEARNING
    return str(entry.method)


def credential_results(*, learner: User, credential: Any) -> list[CompetencyResult]:
    """Return, per competency of the credential, the standing and what it rests on."""
    needs = requirements.credential_requirements(credential)
    ids = [need.competency.pk for need in needs]
    findings, waiting = _findings(learner, ids)
    results = []
    for need in needs:
        cid = need.competency.pk
        allowed = [f for f in findings.get(cid, []) if f.method in need.methods]
        pending = [
            w for w in waiting.get(cid, []) if _waiting_method(w) in need.methods
        ]
        shown = [f for f in allowed if f.counts]
        best = max(
            shown,
            key=lambda f: (f.level, f.confidence or 0.0, f.decided_at or datetime.min),
            default=None,
        )
        level = best.level if best else 0
        demonstrated_at = max(
            (
                f.decided_at
                for f in shown
                if f.level >= need.required_level and f.decided_at is not None
            ),
            default=None,
        )
        if best is not None and level >= need.required_level:
            status = StandingStatus.DEMONSTRATED
        elif pending:
            status = StandingStatus.PENDING
        elif shown:
            status = StandingStatus.GAP
        else:
            status = StandingStatus.NOT_ASSESSED
        standing = CompetencyStanding(
            competency_id=cid,
            required_level=need.required_level,
            demonstrated_level=level,
            status=status,
            method=best.method if best else "",
            confidence=best.confidence if best else None,
            demonstrated_at=demonstrated_at,
        )
        allowed.sort(key=lambda f: f.decided_at or datetime.min, reverse=True)
        results.append(CompetencyResult(need, standing, allowed, pending))
    return results


def competency_standings(*, learner: User, credential: Any) -> list[CompetencyStanding]:
    """Return where each competency of ``credential`` stands for ``learner``.

    The demonstrated level is the best level shown by any method the credential
    allows for that competency; the status is ``demonstrated`` when it reaches the
    required level, else ``pending`` while an assessor has work to decide, ``gap``
    once assessed, and ``not_assessed`` before anything. A declined claim of prior
    learning shows no level: it leaves the standing as the other methods make it.
    ``confidence`` is the posterior probability that an adaptive test's decision is
    right (None for an assessor's judgement).
    """
    return [
        r.standing for r in credential_results(learner=learner, credential=credential)
    ]


def sittings_of(learner: User) -> QuerySet[Sitting]:
    return Sitting.objects.filter(learner=learner).select_related("credential")


def open_sitting(*, learner: User, credential: Any) -> Sitting | None:
    """Return the learner's unfinished sitting for ``credential``, if there is one."""
    return Sitting.objects.filter(
        learner=learner, credential=credential, status=SittingStatus.IN_PROGRESS
    ).first()


def finished_sittings(*, learner: User, credential: Any) -> QuerySet[Sitting]:
    return Sitting.objects.filter(learner=learner, credential=credential).exclude(
        status=SittingStatus.IN_PROGRESS
    )


def tasks_for(*, credential: Any) -> list[tuple[requirements.Requirement, list[Item]]]:
    """Return the operational performance tasks and evidence requests, by competency."""
    needs = requirements.credential_requirements(credential)
    items = Item.objects.filter(
        competency_id__in=[n.competency.pk for n in needs],
        kind__in=(ItemKind.PERFORMANCE_TASK, ItemKind.EVIDENCE_REQUEST),
        status=ItemStatus.OPERATIONAL,
    ).order_by("code")
    by_competency: dict[int, list[Item]] = defaultdict(list)
    for item in items:
        by_competency[item.competency_id].append(item)
    out = []
    for need in needs:
        allowed = [
            i
            for i in by_competency.get(need.competency.pk, [])
            if (
                Method.EVIDENCE
                if i.kind == ItemKind.EVIDENCE_REQUEST
                else Method.PERFORMANCE_TASK
            )
            in need.methods
        ]
        if allowed:
            out.append((need, allowed))
    return out


def assessor_queue(user: Any) -> tuple[list[TaskSubmission], list[PriorLearningClaim]]:
    """Return the work waiting for this assessor: submissions, moderation, claims."""
    org_ids = access.assessor_organisation_ids(user)
    if not org_ids:
        return [], []
    credential_ids = requirements.credentials_issued_by(org_ids)
    submissions = (
        TaskSubmission.objects.filter(
            credential_id__in=credential_ids,
            status__in=(SubmissionStatus.SUBMITTED, SubmissionStatus.MODERATION),
        )
        .exclude(learner=user)
        .exclude(Q(status=SubmissionStatus.MODERATION) & Q(scores__assessor=user))
        .select_related("learner", "item", "credential", "competency")
        .order_by("created_at")
        .distinct()
    )
    claims = (
        PriorLearningClaim.objects.filter(
            credential_id__in=credential_ids, status=ClaimStatus.SUBMITTED
        )
        .exclude(learner=user)
        .select_related("learner", "credential", "competency")
        .order_by("created_at")
    )
    return list(submissions), list(claims)


def bank_summary(competency_ids: list[int]) -> dict[int, dict[str, int]]:
    """Return, per competency, how many items are in each state."""
    summary: dict[int, dict[str, int]] = defaultdict(
        lambda: dict.fromkeys(ItemStatus.values, 0)
    )
    for cid, status in Item.objects.filter(
        competency_id__in=competency_ids
    ).values_list("competency_id", "status"):
        summary[cid][status] += 1
    return summary


@dataclass(frozen=True)
class DashboardAssessment:
    """One line of a learner's dashboard: an assessment and where to go next."""

    title: str
    status: str
    status_label: str
    url: str
    results_url: str


def dashboard_assessments(learner: User) -> list[DashboardAssessment]:
    """Return the learner's latest sitting per micro-credential, newest first."""
    from django.urls import reverse

    latest: dict[int, Sitting] = {}
    for sitting in sittings_of(learner).order_by("-started_at", "-id")[:50]:
        latest.setdefault(sitting.credential_id, sitting)
    return [
        DashboardAssessment(
            title=requirements.credential_title(s.credential),
            status=s.status,
            status_label=str(SittingStatus(s.status).label),
            url=s.get_absolute_url(),
            results_url=reverse("assessments:results", args=[s.credential_id]),
        )
        for s in latest.values()
    ]


def assessor_waiting_count(user: Any) -> int:
    """Return how many submissions and requests wait for this assessor."""
    submissions, claims = assessor_queue(user)
    return len(submissions) + len(claims)
