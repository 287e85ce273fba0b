"""Read postings: the public search, one posting, a seeker's applications."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from skillpath.core.matching import Match
from skillpath.core.matching.model import band_of
from skillpath.jobs import access
from skillpath.jobs.models import (
    Application,
    Invitation,
    JobPosting,
    MatchAlert,
    PostingRequirement,
    PostingStatus,
    SavedPosting,
    WageUnit,
    WorkMode,
)
from skillpath.jobs.selectors.matching import evidence_by_seeker, match_index

#: Hours of a full-time year, to compare a yearly wage with an hourly one.
HOURS_PER_YEAR = Decimal(2080)


@dataclass
class PostingFilters:
    """What a search narrows postings by."""

    q: str = ""
    noc: str = ""
    region: str = ""
    remote: bool = False
    wage: Decimal | None = None  # lowest acceptable hourly wage
    matching: bool = False


@dataclass
class PostingResult:
    posting: JobPosting
    score: float | None = None
    band: str = ""
    essential_met: int = 0
    essential_total: int = 0
    saved: bool = False
    applied: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def with_requirements(postings: QuerySet[JobPosting]) -> QuerySet[JobPosting]:
    return postings.select_related(
        "employer", "profile_version", "profile_version__profile"
    ).prefetch_related(
        Prefetch(
            "requirements",
            queryset=PostingRequirement.objects.select_related(
                "competency", "competency__framework"
            ),
        )
    )


def open_postings() -> QuerySet[JobPosting]:
    """Return the postings seekers can apply to today."""
    today = timezone.localdate()
    return with_requirements(
        JobPosting.objects.filter(status=PostingStatus.OPEN).filter(
            Q(closing_date__isnull=True) | Q(closing_date__gte=today)
        )
    )


def _filtered(postings: QuerySet[JobPosting], filters: PostingFilters):
    if filters.q:
        for word in filters.q.split()[:6]:
            postings = postings.filter(
                Q(title__icontains=word)
                | Q(description__icontains=word)
                | Q(employer__name__icontains=word)
                | Q(city__icontains=word)
                | Q(requirements__competency__title_en__icontains=word)
                | Q(requirements__competency__title_fr__icontains=word)
            )
    if filters.noc:
        postings = postings.filter(noc_code__startswith=filters.noc.strip())
    if filters.region:
        postings = postings.filter(region=filters.region)
    if filters.remote:
        postings = postings.filter(work_mode__in=[WorkMode.REMOTE, WorkMode.HYBRID])
    if filters.wage is not None:
        hourly = filters.wage
        postings = postings.filter(
            Q(wage_unit=WageUnit.HOUR, wage_max__gte=hourly)
            | Q(wage_unit=WageUnit.YEAR, wage_max__gte=hourly * HOURS_PER_YEAR)
        )
    return postings.distinct()


def posting_search(
    filters: PostingFilters, *, seeker: Any = None, limit: int = 100
) -> list[PostingResult]:
    """Return open postings that fit ``filters``; for a seeker, with their match.

    With ``filters.matching`` only strong and partial matches are kept, best first.
    """
    postings = list(_filtered(open_postings(), filters)[: limit * 3])
    results = [PostingResult(posting=p) for p in postings]
    if seeker is None or not getattr(seeker, "is_authenticated", False):
        return results[:limit]
    saved = set(
        SavedPosting.objects.filter(seeker=seeker).values_list("posting_id", flat=True)
    )
    applied = set(
        Application.objects.filter(seeker=seeker).values_list("posting_id", flat=True)
    )
    evidence = evidence_by_seeker([seeker])
    if postings:
        index = match_index(seekers=evidence, postings=postings)
        scores, essential_met, eligible = index.posting_scores(0)
        for number, result in enumerate(results):
            result.score = float(scores[number])
            result.essential_met = int(essential_met[number])
            result.essential_total = int(index.essential_total_[number])
            result.band = band_of(
                result.score,
                known=bool(index.known_[number]),
                essentials_met=result.essential_met == result.essential_total,
                eligible=bool(eligible[number]),
            )
    for result in results:
        result.saved = result.posting.pk in saved
        result.applied = result.posting.pk in applied
    if filters.matching:
        results = [r for r in results if r.band in ("strong", "partial")]
        results.sort(key=lambda r: -(r.score or 0))
    return results[:limit]


def seeker_applications(seeker: Any) -> QuerySet[Application]:
    return (
        Application.objects.filter(seeker=seeker)
        .select_related("posting", "posting__employer")
        .prefetch_related("events")
        .order_by("-updated_at")
    )


def saved_postings(seeker: Any) -> QuerySet[SavedPosting]:
    return SavedPosting.objects.filter(seeker=seeker).select_related(
        "posting", "posting__employer"
    )


def seeker_invitations(seeker: Any) -> QuerySet[Invitation]:
    return Invitation.objects.filter(seeker=seeker).select_related(
        "posting", "posting__employer"
    )


def seeker_alerts(seeker: Any) -> QuerySet[MatchAlert]:
    """Return the strong matches a seeker has not dismissed, on open postings."""
    return (
        MatchAlert.objects.filter(
            seeker=seeker, dismissed_at__isnull=True, posting__status=PostingStatus.OPEN
        )
        .select_related("posting", "posting__employer")
        .order_by("-created_at")
    )


def match_summary(result: Match) -> dict[str, Any]:
    """Return what a page shows of a match: score as a percentage, band, essentials."""
    return {
        "percent": round(result.score * 100),
        "band": result.band,
        "essential_met": result.essential_met,
        "essential_total": result.essential_total,
    }


def open_postings_of(user: Any) -> QuerySet[JobPosting]:
    """Return the open postings of the employers ``user`` represents."""
    return access.postings_managed_by(user).filter(status=PostingStatus.OPEN)
