"""Where the jobs app meets the core's match: requirements, evidence, equivalents.

This is the one adapter between the database and :mod:`skillpath.core.matching`.
Competency ids become strings (the core's ids). A seeker's evidence is, per
competency, the best of:

* ``credential`` — a competency of an active award, at the level it was shown;
* ``assessed`` — a level shown in an assessment (an adaptive test, a scored
  performance task or evidence, an accepted prior-learning claim), with the
  adaptive test's probability of mastery as its uncertainty;
* ``self`` — a level the seeker declared (counts 0.6, and is labelled).

Competencies of other frameworks count through CASE ``exactMatchOf`` associations
and shared ESCO URIs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from skillpath.accounts.models import User
from skillpath.assessments import selectors as assessment_selectors
from skillpath.assessments.models import Sitting
from skillpath.core.matching import Evidence, Match, MatchIndex, Requirement, match
from skillpath.credentials.models import AwardEvidence, AwardStatus, MicroCredential
from skillpath.frameworks.models import (
    AssociationType,
    Competency,
    CompetencyAssociation,
)
from skillpath.jobs.models import JobPosting, PostingRequirement, SelfDeclaredSkill

_SOURCE_RANK = {"credential": 3, "assessed": 2, "self": 1}


def requirement_of(row: PostingRequirement) -> Requirement:
    return Requirement(
        competency=str(row.competency_id),
        level=float(row.required_level),
        weight=float(row.importance),
        essential=row.essential,
        licence=row.licence,
    )


def requirements_by_posting(
    postings: Iterable[JobPosting | int],
) -> dict[int, list[Requirement]]:
    """Return each posting's requirements as the core takes them (one query)."""
    ids = [p if isinstance(p, int) else p.pk for p in postings]
    out: dict[int, list[Requirement]] = {pk: [] for pk in ids}
    for row in PostingRequirement.objects.filter(posting_id__in=ids).order_by("id"):
        out[row.posting_id].append(requirement_of(row))
    return out


def equivalents_for(competency_ids: Iterable[int | str]) -> dict[str, set[str]]:
    """Return required competency -> aligned competencies of other frameworks.

    Two competencies are aligned when a CASE ``exactMatchOf`` association joins
    them (either way) or they carry the same ESCO URI.
    """
    ids = {int(c) for c in competency_ids}
    if not ids:
        return {}
    out: dict[str, set[str]] = defaultdict(set)
    rows = CompetencyAssociation.objects.filter(
        association_type=AssociationType.EXACT_MATCH_OF,
        origin__isnull=False,
        destination__isnull=False,
    ).values_list("origin_id", "destination_id")
    for origin, destination in rows.filter(origin_id__in=ids) | rows.filter(
        destination_id__in=ids
    ):
        if origin in ids:
            out[str(origin)].add(str(destination))
        if destination in ids:
            out[str(destination)].add(str(origin))
    uris = dict(
        Competency.objects.filter(pk__in=ids, uri__contains="/esco/").values_list(
            "pk", "uri"
        )
    )
    if uris:
        for pk, uri in Competency.objects.filter(
            uri__in=set(uris.values())
        ).values_list("pk", "uri"):
            for required, same_uri in uris.items():
                if same_uri == uri and pk != required:
                    out[str(required)].add(str(pk))
    return dict(out)


def _better(old: Evidence | None, new: Evidence) -> bool:
    if old is None:
        return True
    return (new.level * new.probability, _SOURCE_RANK[new.source]) > (
        old.level * old.probability,
        _SOURCE_RANK[old.source],
    )


def _put(bucket: dict[str, Evidence], competency: int, evidence: Evidence) -> None:
    key = str(competency)
    if _better(bucket.get(key), evidence):
        bucket[key] = evidence


def evidence_by_seeker(seekers: Sequence[Any]) -> dict[int, dict[str, Evidence]]:
    """Return each seeker's demonstrated levels, keyed by competency id (as str)."""
    ids = [s if isinstance(s, int) else s.pk for s in seekers]
    out: dict[int, dict[str, Evidence]] = {pk: {} for pk in ids}
    for learner_id, competency_id, level in AwardEvidence.objects.filter(
        award__learner_id__in=ids, award__status=AwardStatus.ACTIVE
    ).values_list("award__learner_id", "competency_id", "demonstrated_level"):
        _put(out[learner_id], competency_id, Evidence(level=level, source="credential"))
    engaged: dict[int, set[int]] = defaultdict(set)
    for learner_id, credential_id in Sitting.objects.filter(
        learner_id__in=ids
    ).values_list("learner_id", "credential_id"):
        engaged[learner_id].add(credential_id)
    if engaged:
        users = User.objects.in_bulk(list(engaged))
        credentials = MicroCredential.objects.select_related("profile_version").in_bulk(
            {c for cs in engaged.values() for c in cs}
        )
        for learner_id, credential_ids in engaged.items():
            for credential_id in credential_ids:
                for standing in assessment_selectors.competency_standings(
                    learner=users[learner_id], credential=credentials[credential_id]
                ):
                    if standing.demonstrated_level <= 0:
                        continue
                    probability = standing.confidence
                    if probability is None or not standing.demonstrated:
                        probability = 1.0
                    _put(
                        out[learner_id],
                        standing.competency_id,
                        Evidence(
                            level=standing.demonstrated_level,
                            source="assessed",
                            probability=max(0.0, min(1.0, float(probability))),
                        ),
                    )
    for learner_id, competency_id, level in SelfDeclaredSkill.objects.filter(
        seeker_id__in=ids
    ).values_list("seeker_id", "competency_id", "level"):
        _put(out[learner_id], competency_id, Evidence(level=level, source="self"))
    return out


def seeker_evidence(seeker: Any) -> dict[str, Evidence]:
    """Return one seeker's demonstrated levels, keyed by competency id (as str)."""
    return evidence_by_seeker([seeker])[seeker.pk]


def posting_match(
    *,
    posting: JobPosting,
    evidence: dict[str, Evidence],
    closers: dict[str, Sequence[str]] | None = None,
) -> Match:
    """Return the explained match of one seeker's evidence with ``posting``."""
    requirements = requirements_by_posting([posting])[posting.pk]
    return match(
        requirements=requirements,
        evidence=evidence,
        equivalents=equivalents_for(r.competency for r in requirements),
        closers=closers,
    )


def match_index(
    *, seekers: dict[int, dict[str, Evidence]], postings: Iterable[JobPosting | int]
) -> MatchIndex:
    """Return a fitted index of ``seekers`` × ``postings`` (ids as str)."""
    requirements = requirements_by_posting(postings)
    required = {r.competency for rs in requirements.values() for r in rs}
    return requirements_index(
        seekers=seekers,
        requirements={str(pk): rs for pk, rs in requirements.items()},
        equivalents=equivalents_for(required),
    )


def requirements_index(
    *,
    seekers: dict[int, dict[str, Evidence]],
    requirements: dict[str, list[Requirement]],
    equivalents: dict[str, set[str]],
) -> MatchIndex:
    """Return a fitted index of ``seekers`` × sets of requirements already read.

    A set of requirements need not be a posting: the employer's candidate search by
    competency and level ranks seekers against the rows it was given.
    """
    return MatchIndex().fit(
        seekers={str(pk): ev for pk, ev in seekers.items()},
        postings=requirements,
        equivalents=equivalents,
    )
