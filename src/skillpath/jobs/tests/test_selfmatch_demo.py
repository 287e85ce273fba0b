"""Self-match on the demo's own job profiles: holders of a profile outrank the rest.

Synthetic holders of each demo profile (every competency at the level the profile
needs, from a random mix of sources, plus 0-24 random competencies of the other
frameworks) are scored against every demo profile's posting requirements, the way a
posting on that profile is built (``posting_create``: highest level, highest
importance, essential from importance 4).
"""

from __future__ import annotations

from io import StringIO

import numpy as np
import pytest

from skillpath.core.matching import Evidence, MatchIndex, Requirement
from skillpath.credentials.models import MicroCredential
from skillpath.demo import people, supply
from skillpath.frameworks.models import Competency
from skillpath.frameworks.selectors import competency_profile
from skillpath.jobs.services.postings import ESSENTIAL_FROM

pytestmark = pytest.mark.django_db

SOURCES = ("credential", "assessed", "self")
HOLDERS_PER_PROFILE = 40


def _auc(positive: np.ndarray, negative: np.ndarray) -> float:
    """Return P(own > other) + P(tie) / 2 (the Mann-Whitney statistic)."""
    greater = (positive[:, None] > negative[None, :]).sum()
    ties = (positive[:, None] == negative[None, :]).sum()
    return float((greater + ties / 2) / (len(positive) * len(negative)))


def test_demo_profile_holders_outscore_other_holders_and_listing_more_does_not_help() -> (
    None
):
    people.seed(StringIO())
    supply.seed(StringIO())
    versions = [
        credential.profile_version
        for credential in MicroCredential.objects.select_related("profile_version")
    ]
    postings = {
        f"v{version.pk}": [
            Requirement(
                competency=str(need.competency.pk),
                level=float(need.required_level),
                weight=float(need.importance),
                essential=need.importance >= ESSENTIAL_FROM,
            )
            for need in competency_profile(version)
        ]
        for version in versions
    }
    assert len(postings) == 3 and all(postings.values())
    every = [str(pk) for pk in Competency.objects.values_list("pk", flat=True)]
    rng = np.random.default_rng(7)
    seekers: dict[str, dict[str, Evidence]] = {}
    owner, listed = [], []
    for key, requirements in postings.items():
        own = {r.competency for r in requirements}
        others = [c for c in every if c not in own]
        for h in range(HOLDERS_PER_PROFILE):
            evidence = {
                r.competency: Evidence(
                    level=r.level, source=SOURCES[int(rng.integers(3))]
                )
                for r in requirements
            }
            extra = rng.choice(others, size=int(rng.integers(0, 25)), replace=False)
            for competency in extra:
                evidence[str(competency)] = Evidence(
                    level=int(rng.integers(1, 5)), source=SOURCES[int(rng.integers(3))]
                )
            seekers[f"{key}-{h}"] = evidence
            owner.append(key)
            listed.append(len(evidence))
    index = MatchIndex().fit(seekers=seekers, postings=postings)
    scores = np.array([index.posting_scores(n)[0] for n in range(len(seekers))])
    own_mask = np.array([[o == key for key in postings] for o in owner])
    auc = _auc(scores[own_mask], scores[~own_mask])
    counts = np.repeat(np.array(listed, dtype=float), len(postings))
    r = float(np.corrcoef(counts, scores.ravel())[0, 1])
    print(f"demo self-match AUC {auc:.4f}, r(listed, score) {r:+.4f}")
    assert auc >= 0.95
    assert abs(r) <= 0.2
