"""Read the employer's side: candidate search, a candidate's page, verified credentials.

Candidate search ranks every consenting seeker at once: their evidence in one go
(:func:`evidence_by_seeker`), then the core's vectorised index
(:class:`~skillpath.core.matching.MatchIndex`) scores them all against the posting's
requirements, or against the competencies and levels the employer asked for. Only
the page shown is explained requirement by requirement (:func:`match`), from the
evidence already read. Consent is read from the database on every search.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.db.models import Max
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from skillpath.accounts.models import LearnerProfile
from skillpath.core.matching import Evidence, Match, Part, Requirement, match
from skillpath.credentials.documents.verification import Verdict, credential_verify
from skillpath.credentials.models import Award
from skillpath.frameworks.models import Competency, ProficiencyLevel
from skillpath.jobs import access
from skillpath.jobs.models import Application, Invitation, JobPosting
from skillpath.jobs.selectors.matching import (
    equivalents_for,
    evidence_by_seeker,
    requirements_by_posting,
    requirements_index,
)
from skillpath.jobs.selectors.postings import match_summary

PER_PAGE = 20

#: The query key of the ad-hoc "posting" a competency search ranks against.
QUERY = "query"


@dataclass(frozen=True)
class CompetencyLevel:
    """One row of a search by competency: at least ``level`` in ``competency``."""

    competency: Competency
    level: int


@dataclass
class CandidateRow:
    """One seeker in a candidate search, with the explained match."""

    profile: LearnerProfile
    match: Match
    summary: dict[str, Any]
    parts: list[tuple[Part, Competency | None]]
    invited: bool = False
    application: Application | None = None

    @property
    def seeker(self) -> Any:
        return self.profile.user


@dataclass
class CandidateResults:
    """A page of ranked candidates and how many there are in all."""

    rows: list[CandidateRow]
    total: int
    page: int
    pages: int
    searched: bool = True

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


EMPTY = CandidateResults(rows=[], total=0, page=1, pages=1, searched=False)


@dataclass
class SearchCompetencies:
    """The competencies one may search by: by id, their scales' top levels, and
    grouped by framework for the form's list."""

    by_id: dict[int, Competency]
    top_levels: dict[int, int]
    groups: list[tuple[str, list[Competency]]]


def search_competencies() -> SearchCompetencies:
    """Return every framework's competencies, for a search by competency (2 queries)."""
    found = list(
        Competency.objects.select_related("framework").order_by(
            "framework__title", "framework_id", "position", "id"
        )
    )
    top_levels = dict(
        ProficiencyLevel.objects.values("scale__framework_id")
        .annotate(top=Max("level"))
        .values_list("scale__framework_id", "top")
    )
    groups: dict[int, tuple[str, list[Competency]]] = {}
    for competency in found:
        groups.setdefault(competency.framework_id, (competency.framework.title, []))[
            1
        ].append(competency)
    return SearchCompetencies(
        by_id={c.pk: c for c in found},
        top_levels=top_levels,
        groups=list(groups.values()),
    )


def query_requirements(rows: Sequence[CompetencyLevel]) -> list[Requirement]:
    """Return the rows of a competency search as requirements, every one essential."""
    return [
        Requirement(
            competency=str(row.competency.pk),
            level=float(row.level),
            weight=1.0,
            essential=True,
        )
        for row in rows
    ]


def _consenting_ids(user: Any) -> list[int]:
    """Return consenting seekers' ids, by name: ties in the ranking go by name."""
    return list(
        access.consenting_profiles()
        .exclude(user_id=user.pk)
        .order_by("user__full_name", "user_id")
        .values_list("user_id", flat=True)
    )


def _names(requirements: Sequence[Requirement]) -> dict[str, Competency]:
    ids = {int(r.competency) for r in requirements}
    return {str(c.pk): c for c in Competency.objects.filter(pk__in=ids)}


def _explained(
    *,
    requirements: list[Requirement],
    evidence: dict[str, Evidence],
    equivalents: dict[str, set[str]],
    names: dict[str, Competency],
) -> tuple[Match, list[tuple[Part, Competency | None]]]:
    result = match(
        requirements=requirements, evidence=evidence, equivalents=equivalents
    )
    return result, [(part, names.get(part.competency)) for part in result.parts]


def candidate_search(
    *,
    user: Any,
    posting: JobPosting | None = None,
    rows: Sequence[CompetencyLevel] = (),
    page: int = 1,
    per_page: int = PER_PAGE,
) -> CandidateResults:
    """Return consenting seekers ranked by their match, one page explained.

    Rank against ``posting`` (one of the employer's own) or, without one, against
    ``rows`` of competency and least level. Seekers who show nothing the search
    asks for (score 0) are left out; ties go by name.
    """
    if posting is not None:
        requirements = requirements_by_posting([posting])[posting.pk]
    elif rows:
        requirements = query_requirements(rows)
    else:
        return EMPTY
    equivalents = equivalents_for(r.competency for r in requirements)
    seeker_ids = _consenting_ids(user)
    evidence = evidence_by_seeker(seeker_ids)
    if not seeker_ids or not requirements:
        return CandidateResults(rows=[], total=0, page=1, pages=1)
    index = requirements_index(
        seekers=evidence, requirements={QUERY: requirements}, equivalents=equivalents
    )
    scores, _essential_met, _eligible = index.seeker_scores(0)
    positions = np.flatnonzero(scores > 0)
    ranked = positions[np.lexsort((positions, -scores[positions]))]
    total = len(ranked)
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    chosen = [seeker_ids[i] for i in ranked[(page - 1) * per_page : page * per_page]]
    profiles = LearnerProfile.objects.select_related("user").in_bulk(
        chosen, field_name="user_id"
    )
    names = _names(requirements)
    invited: set[int] = set()
    applications: dict[int, Application] = {}
    if posting is not None and chosen:
        invited = set(
            Invitation.objects.filter(
                posting=posting, seeker_id__in=chosen
            ).values_list("seeker_id", flat=True)
        )
        applications = {
            a.seeker_id: a
            for a in Application.objects.filter(posting=posting, seeker_id__in=chosen)
        }
    out = []
    for seeker_id in chosen:
        result, parts = _explained(
            requirements=requirements,
            evidence=evidence[seeker_id],
            equivalents=equivalents,
            names=names,
        )
        out.append(
            CandidateRow(
                profile=profiles[seeker_id],
                match=result,
                summary=match_summary(result),
                parts=parts,
                invited=seeker_id in invited,
                application=applications.get(seeker_id),
            )
        )
    return CandidateResults(rows=out, total=total, page=page, pages=pages)


# Credentials, verified as anyone would verify them


@dataclass(frozen=True)
class VerifiedCredential:
    """An award with the platform's verdict on its signed document."""

    award: Award
    verdict: Verdict
    state: str  # "verified", "revoked", "expired" or "not_verified"
    reason: str

    @property
    def label(self) -> str | Promise:
        return STATE_LABELS[self.state]


STATE_LABELS: dict[str, str | Promise] = {
    "verified": _("Verified"),
    "revoked": _("Revoked"),
    "expired": _("Expired"),
    "not_verified": _("Not verified"),
}


def verified_credential(award: Award) -> VerifiedCredential:
    """Verify ``award``'s stored document and say what the verdict means."""
    verdict = credential_verify(award.document)
    failed = [row for row in verdict.rows if not row.passed]
    if verdict.verified:
        return VerifiedCredential(award, verdict, "verified", "")
    if verdict.revoked:
        reason = award.revocation_reason or next(
            (row.message for row in failed if row.name == "status"), ""
        )
        return VerifiedCredential(award, verdict, "revoked", reason)
    validity = next((row for row in failed if row.name == "validity"), None)
    if validity is not None and validity.message.startswith("Expired"):
        return VerifiedCredential(award, verdict, "expired", validity.message)
    reason = " ".join(f"{row.label}: {row.message}" for row in failed)
    return VerifiedCredential(award, verdict, "not_verified", reason)


def verified_credentials(awards: Sequence[Award]) -> list[VerifiedCredential]:
    return [verified_credential(award) for award in awards]


def shared_awards(seeker: Any) -> list[Award]:
    """Return every credential a consenting seeker holds, revoked ones too.

    The consent covers "profile and credentials": an employer sees them all, each
    with its verdict, so a revoked credential is shown as revoked, not hidden.
    """
    return list(
        Award.objects.filter(learner=seeker)
        .select_related("credential", "issuer")
        .order_by("-valid_from", "-id")
    )


# A candidate's page


@dataclass
class PostingMatch:
    """The match of one seeker with one of the employer's open postings."""

    posting: JobPosting
    match: Match
    summary: dict[str, Any]
    parts: list[tuple[Part, Competency | None]]
    invited: bool = False
    application: Application | None = None


@dataclass
class CandidateDetail:
    profile: LearnerProfile
    credentials: list[VerifiedCredential]
    postings: list[PostingMatch] = field(default_factory=list)


def candidate_detail(*, user: Any, profile: LearnerProfile) -> CandidateDetail:
    """Return a candidate's credentials, verified, and their match to every open
    posting of the employers ``user`` represents, best first."""
    seeker = profile.user
    postings = list(
        access.postings_managed_by(user)
        .filter(status="open")
        .select_related("employer")
        .order_by("-opened_at", "-id")
    )
    requirements = requirements_by_posting(postings)
    everything = [r for rs in requirements.values() for r in rs]
    equivalents = equivalents_for(r.competency for r in everything)
    names = _names(everything)
    evidence = evidence_by_seeker([seeker])[seeker.pk]
    invited = set(
        Invitation.objects.filter(seeker=seeker, posting__in=postings).values_list(
            "posting_id", flat=True
        )
    )
    applications = {
        a.posting_id: a
        for a in Application.objects.filter(seeker=seeker, posting__in=postings)
    }
    matches = []
    for posting in postings:
        result, parts = _explained(
            requirements=requirements[posting.pk],
            evidence=evidence,
            equivalents=equivalents,
            names=names,
        )
        matches.append(
            PostingMatch(
                posting=posting,
                match=result,
                summary=match_summary(result),
                parts=parts,
                invited=posting.pk in invited,
                application=applications.get(posting.pk),
            )
        )
    matches.sort(key=lambda m: -m.match.score)
    return CandidateDetail(
        profile=profile,
        credentials=verified_credentials(shared_awards(seeker)),
        postings=matches,
    )
