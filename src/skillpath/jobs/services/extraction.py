"""Suggest a draft posting's requirements from the text of a job ad it already has.

The one place the jobs app touches :mod:`skillpath.core.extraction`: the candidates
are the competencies of the frameworks the posting's job profile version uses (the
profile's framework, those of the competencies its tasks need, and those of the
posting's requirements), leaves only, one candidate per language. An extractor is
fitted once per set of frameworks and kept until one of their competencies changes.
Accepting a suggestion is :func:`~skillpath.jobs.services.postings.requirement_set`
with ``origin="ad"`` and the sentence; rejecting one writes nothing.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, Max
from django.utils.translation import gettext as _

from skillpath.core.extraction import (
    MAX_AD_CHARS,
    Candidate,
    Extractor,
    default_extractor,
    labels_from_statement,
    sentences,
)
from skillpath.frameworks.models import Competency
from skillpath.frameworks.selectors import competency_profile
from skillpath.jobs import access
from skillpath.jobs.exceptions import InvalidAd, NotAllowed
from skillpath.jobs.models import JobPosting, PostingStatus

__all__ = ["AdSuggestion", "ad_suggestions", "candidates_for", "framework_ids_for"]

#: How many fitted extractors (one per set of frameworks) stay in memory.
CACHE_SIZE = 16


@dataclass(frozen=True)
class AdSuggestion:
    """A competency the ad asks for, the sentence that says so, and how sure."""

    competency: Competency
    sentence: str
    confidence: float
    method: str
    required: bool

    @property
    def percent(self) -> int:
        """Return the confidence as a whole percentage."""
        return round(100 * self.confidence)


_cache: OrderedDict[tuple[Any, ...], tuple[Extractor, dict[str, Competency]]] = (
    OrderedDict()
)
_lock = threading.Lock()


def framework_ids_for(posting: JobPosting) -> frozenset[int]:
    """Return the frameworks whose competencies an ad for ``posting`` may name."""
    version = posting.profile_version
    ids = {need.competency.framework_id for need in competency_profile(version)}
    ids |= set(posting.requirements.values_list("competency__framework_id", flat=True))
    if version.profile.framework_id:
        ids.add(version.profile.framework_id)
    return frozenset(ids)


def candidates_for(competencies: list[Competency]) -> list[Candidate]:
    """Return the extractor's candidates: each competency in English and in French.

    A competency's labels are its title, its other names (one a line) and the terms
    in parentheses of its title; its statement is the title and the description.
    """
    candidates = []
    for competency in competencies:
        for language in ("en", "fr"):
            title = getattr(competency, f"title_{language}").strip()
            if not title:
                continue
            others = getattr(competency, f"alt_labels_{language}").splitlines()
            description = getattr(competency, f"description_{language}").strip()
            labels = (*labels_from_statement(title), *(o.strip() for o in others))
            statement = f"{title}. {description}" if description else title
            candidates.append(
                Candidate(str(competency.pk), tuple(filter(None, labels)), statement)
            )
    return candidates


def _extractor(
    framework_ids: frozenset[int],
) -> tuple[Extractor, dict[str, Competency]]:
    in_frameworks = Competency.objects.filter(framework_id__in=framework_ids)
    stamp: dict[str, Any] = in_frameworks.aggregate(
        changed=Max("updated_at"), n=Count("pk")
    )
    changed: datetime | None = stamp["changed"]
    key = (framework_ids, changed, stamp["n"])
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    competencies = list(
        in_frameworks.filter(children__isnull=True)
        .select_related("framework")
        .order_by("pk")
    )
    by_pk = {str(c.pk): c for c in competencies}
    extractor = default_extractor()
    if by_pk:
        extractor.fit(candidates_for(competencies))
    with _lock:
        _cache[key] = (extractor, by_pk)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return extractor, by_pk


def ad_suggestions(*, posting: JobPosting, user: Any, text: str) -> list[AdSuggestion]:
    """Return the competencies a pasted job ad asks for, most confident first.

    Raises
    ------
    NotAllowed
        If ``user`` does not manage the posting.
    InvalidAd
        If the ad is empty or longer than the extractor reads.
    """
    if not access.can_manage_posting(user, posting):
        raise NotAllowed(
            _("Only representatives of %(org)s can change this posting.")
            % {"org": posting.employer.name}
        )
    if posting.status != PostingStatus.DRAFT:
        raise InvalidAd(_("Requirements can change only while the posting is a draft."))
    if len(text) > MAX_AD_CHARS:
        raise InvalidAd(
            _(
                "The ad is %(length)s characters long; paste at most %(limit)s "
                "characters (the part that describes the job)."
            )
            % {"length": f"{len(text):,}", "limit": f"{MAX_AD_CHARS:,}"}
        )
    if not sentences(text):
        raise InvalidAd(_("The ad is empty: paste the text of the job ad."))
    extractor, by_pk = _extractor(framework_ids_for(posting))
    if not by_pk:
        return []
    try:
        found = extractor.suggest(text)
    except ValueError as error:  # the core's own checks, should ours miss one
        raise InvalidAd(str(error)) from error
    required = set(posting.requirements.values_list("competency_id", flat=True))
    return [
        AdSuggestion(
            competency=by_pk[s.competency],
            sentence=s.sentence,
            confidence=s.confidence,
            method=s.method,
            required=by_pk[s.competency].pk in required,
        )
        for s in found
    ]
