"""Match job seekers with job postings, explainably; no Django.

For one seeker and one posting, :func:`match` judges every requirement on its own:
the seeker's demonstrated level against the required one, with where the evidence
comes from. The credit of a requirement is::

    credit = source_weight[source] * probability * min(1, level / required_level)

taking the best evidence among the competency and its aligned equivalents from
other frameworks (CASE exactMatchOf, same ESCO URI). A credential and an assessed
level count in full (an assessment's uncertainty comes in as ``probability``, the
chance the level is truly held); a self-declared level counts 0.6 and is labelled.
The score is the importance-weighted mean credit over the resolved requirements,
times a demotion for essential requirements not met::

    demotion = 1 - 0.5 * (1 - essential_met / essential_total)

Essential requirements demote but never filter; only a legal licence
(``Requirement(licence=True)``) filters: without it the seeker is not eligible, the
score is 0 and the band "weak". Each part's contribution is its share of the score,
so the contributions sum to the score. Bands: "strong" from 0.75 with every
essential and licence met; "partial" from 0.45; else "weak"; and "unknown" when the
posting has no resolved requirement to judge by (never "strong")::

    from skillpath.core.matching import Evidence, Requirement, match

    m = match(
        requirements=[
            Requirement(competency="c1", level=3, weight=3.0, essential=True),
            Requirement(competency="c2", level=2, weight=1.0),
        ],
        evidence={"c1": Evidence(level=3, source="credential"),
                  "c2": Evidence(level=1, source="self")},
    )
    m.score, m.band  # 0.825, "strong"
    m.parts[1].gap  # 1.0

:class:`MatchIndex` ranks many seekers against many postings with the same scores
(see :mod:`skillpath.core.matching.index`). The design is explained in
``docs/matching.md``.
"""

from skillpath.core.matching.index import MatchIndex, Ranking
from skillpath.core.matching.model import (
    BANDS,
    ESSENTIAL_DEMOTION,
    PARTIAL,
    SOURCE_WEIGHTS,
    SOURCES,
    STRONG,
    Evidence,
    Match,
    Part,
    Requirement,
)
from skillpath.core.matching.pair import match

__all__ = [
    "BANDS",
    "ESSENTIAL_DEMOTION",
    "PARTIAL",
    "SOURCES",
    "SOURCE_WEIGHTS",
    "STRONG",
    "Evidence",
    "Match",
    "MatchIndex",
    "Part",
    "Ranking",
    "Requirement",
    "match",
]
