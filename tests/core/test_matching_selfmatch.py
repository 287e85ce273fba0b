"""Self-match evaluation: holders of a profile score above holders of another."""

from __future__ import annotations

import numpy as np

from skillpath.core.matching import Evidence, MatchIndex, Requirement

SOURCES = ["credential", "assessed", "self"]


def _auc(positive: np.ndarray, negative: np.ndarray) -> float:
    """Return P(positive > negative) + P(tie) / 2."""
    both = np.concatenate([positive, negative])
    ranks = np.argsort(np.argsort(both, kind="stable"), kind="stable") + 1.0
    # average ranks of ties
    for value in np.unique(both):
        tied = both == value
        ranks[tied] = ranks[tied].mean()
    n_pos, n_neg = len(positive), len(negative)
    return float((ranks[:n_pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def test_own_profile_outscores_other_profiles_and_listing_more_does_not_help() -> None:
    rng = np.random.default_rng(11)
    pool = [f"k{i:03d}" for i in range(400)]
    sectors = [pool[i * 80 : (i + 1) * 80] for i in range(5)]
    profiles = {}
    for n in range(30):
        sector = sectors[n % 5]
        size = int(rng.integers(8, 17))
        chosen = rng.choice(sector, size=size, replace=False)
        profiles[f"p{n}"] = [
            Requirement(
                competency=str(c),
                level=int(rng.integers(1, 5)),
                weight=float(rng.integers(1, 4)),
                essential=bool(rng.random() < 0.3),
            )
            for c in chosen
        ]
    seekers, owner, listed = {}, [], []
    for pid, reqs in profiles.items():
        own = {r.competency for r in reqs}
        for h in range(10):
            evidence = {
                r.competency: Evidence(
                    level=r.level, source=SOURCES[int(rng.integers(3))]
                )
                for r in reqs
            }
            others = [c for c in pool if c not in own]
            for c in rng.choice(others, size=int(rng.integers(0, 25)), replace=False):
                evidence[str(c)] = Evidence(
                    level=int(rng.integers(1, 6)), source=SOURCES[int(rng.integers(3))]
                )
            seekers[f"{pid}-h{h}"] = evidence
            owner.append(pid)
            listed.append(len(evidence))
    index = MatchIndex().fit(seekers=seekers, postings=profiles)
    scores = np.array([index.posting_scores(n)[0] for n in range(len(seekers))])
    own_mask = np.array([[o == p for p in profiles] for o in owner])
    auc = _auc(scores[own_mask], scores[~own_mask])
    counts = np.repeat(np.array(listed, dtype=float), len(profiles))
    r = float(np.corrcoef(counts, scores.ravel())[0, 1])
    print(f"self-match AUC {auc:.4f}, r(listed, score) {r:+.4f}")
    assert auc >= 0.95
    assert abs(r) <= 0.2
