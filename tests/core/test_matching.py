"""Tests of the seeker x posting match: properties, bands, alignments, ranking."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillpath.core.matching import Evidence, MatchIndex, Requirement, match

COMPETENCIES = [f"c{i}" for i in range(6)]

requirements_st = st.lists(
    st.builds(
        Requirement,
        competency=st.sampled_from(COMPETENCIES),
        level=st.integers(1, 5),
        weight=st.floats(0.0, 5.0),
        essential=st.booleans(),
    ),
    min_size=1,
    max_size=6,
    unique_by=lambda r: r.competency,
)
evidence_st = st.dictionaries(
    st.sampled_from(COMPETENCIES),
    st.builds(
        Evidence,
        level=st.integers(0, 5),
        source=st.sampled_from(["credential", "assessed", "self"]),
        probability=st.floats(0.0, 1.0),
    ),
)


def test_contract_example_is_strong_with_contributions_summing_to_score() -> None:
    m = match(
        requirements=[
            Requirement(competency="c1", level=3, weight=3.0, essential=True),
            Requirement(competency="c2", level=2, weight=1.0, essential=False),
        ],
        evidence={
            "c1": Evidence(level=3, source="credential"),
            "c2": Evidence(level=1, source="self"),
        },
    )
    assert m.score == pytest.approx(0.825)
    assert m.band == "strong"
    assert sum(p.contribution for p in m.parts) == pytest.approx(m.score)
    assert (m.essential_met, m.essential_total) == (1, 1)
    assert m.parts[1].source == "self" and not m.parts[1].met


@settings(max_examples=150, deadline=None)
@given(requirements_st, evidence_st, st.sampled_from(COMPETENCIES), st.integers(1, 3))
def test_raising_a_level_never_lowers_the_score(reqs, evidence, competency, step):
    before = match(requirements=reqs, evidence=evidence)
    old = evidence.get(competency, Evidence(level=0))
    raised = {
        **evidence,
        competency: Evidence(old.level + step, old.source, old.probability),
    }
    assert match(requirements=reqs, evidence=raised).score >= before.score - 1e-12
    assert 0.0 <= before.score <= 1.0
    assert sum(p.contribution for p in before.parts) == pytest.approx(before.score)


@settings(max_examples=150, deadline=None)
@given(requirements_st, evidence_st, st.sampled_from(COMPETENCIES))
def test_self_declared_level_never_counts_more_than_assessed(
    reqs, evidence, competency
):
    old = evidence.get(competency, Evidence(level=3))
    assessed = {
        **evidence,
        competency: Evidence(old.level, "assessed", old.probability),
    }
    declared = {**evidence, competency: Evidence(old.level, "self", old.probability)}
    assert (
        match(requirements=reqs, evidence=declared).score
        <= match(requirements=reqs, evidence=assessed).score + 1e-12
    )


@settings(max_examples=150, deadline=None)
@given(requirements_st, evidence_st)
def test_seeker_below_an_essential_level_is_never_strong(reqs, evidence):
    m = match(requirements=reqs, evidence=evidence)
    if any(p.essential and not p.met for p in m.parts):
        assert m.band != "strong"


@settings(max_examples=150, deadline=None)
@given(requirements_st, evidence_st, st.integers(1, 20))
def test_listing_unrelated_competencies_does_not_raise_the_score(reqs, evidence, extra):
    more = {**evidence, **{f"other{i}": Evidence(level=5) for i in range(extra)}}
    assert (
        match(requirements=reqs, evidence=more).score
        == match(requirements=reqs, evidence=evidence).score
    )


def test_posting_without_resolved_requirements_is_unknown() -> None:
    m = match(
        requirements=[Requirement(competency="x", level=2, resolved=False)],
        evidence={"x": Evidence(level=5, source="credential")},
    )
    assert (m.band, m.score) == ("unknown", 0.0)


def test_missing_licence_filters_but_missing_essential_only_demotes() -> None:
    reqs = [
        Requirement(competency="drive", level=1, licence=True),
        Requirement(competency="c1", level=2, essential=True),
        Requirement(competency="c2", level=2),
    ]
    full = {"c1": Evidence(level=2), "c2": Evidence(level=2)}
    unlicensed = match(requirements=reqs, evidence=full)
    assert (unlicensed.eligible, unlicensed.score, unlicensed.band) == (
        False,
        0.0,
        "weak",
    )
    demoted = match(
        requirements=reqs[1:],
        evidence={"c1": Evidence(level=1), "c2": Evidence(level=2)},
    )
    assert 0 < demoted.score < 0.75 and demoted.band != "strong"


def test_aligned_competency_counts_and_is_named() -> None:
    m = match(
        requirements=[Requirement(competency="case:1", level=2)],
        evidence={"esco:9": Evidence(level=2, source="credential")},
        equivalents={"case:1": {"esco:9"}},
        closers={"case:1": ["m1"]},
    )
    assert m.score == 1.0 and m.parts[0].via == "esco:9" and m.parts[0].closers == ()


def test_short_requirement_names_its_gap_and_closers() -> None:
    m = match(
        requirements=[Requirement(competency="c1", level=4)],
        evidence={"c1": Evidence(level=1)},
        closers={"c1": ["m1", "m2"]},
    )
    assert m.parts[0].gap == 3 and m.parts[0].closers == ("m1", "m2")


@pytest.mark.parametrize(
    "make",
    [
        lambda: Requirement(competency="c", level=1, weight=-1),
        lambda: Requirement(competency="c", level=0),
        lambda: Evidence(level=-1),
        lambda: Evidence(level=1, source="rumour"),
        lambda: Evidence(level=1, probability=2),
    ],
)
def test_bad_input_raises_value_error(make) -> None:
    with pytest.raises(ValueError):
        make()


def test_ranking_equals_match_per_pair() -> None:
    rng = np.random.default_rng(3)
    pool = [f"k{i}" for i in range(30)]
    equivalents = {"k0": {"k29"}, "k1": {"k28", "k27"}}
    postings = {
        f"p{n}": [
            Requirement(
                competency=c,
                level=int(rng.integers(1, 5)),
                weight=float(rng.integers(1, 4)),
                essential=bool(rng.random() < 0.3),
                licence=bool(rng.random() < 0.05),
            )
            for c in rng.choice(pool, size=int(rng.integers(1, 7)), replace=False)
        ]
        for n in range(40)
    }
    sources = ["credential", "assessed", "self"]
    seekers = {
        f"s{n}": {
            str(c): Evidence(
                level=int(rng.integers(0, 6)),
                source=sources[int(rng.integers(3))],
                probability=float(rng.uniform(0.5, 1)),
            )
            for c in rng.choice(pool, size=int(rng.integers(0, 10)), replace=False)
        }
        for n in range(60)
    }
    index = MatchIndex().fit(
        seekers=seekers, postings=postings, equivalents=equivalents
    )
    expected = {
        (s, p): match(requirements=r, evidence=e, equivalents=equivalents)
        for s, e in seekers.items()
        for p, r in postings.items()
    }
    for s in seekers:
        top = index.top_postings(s, 10)
        for pid, score, band in zip(top.ids, top.scores, top.bands, strict=True):
            assert score == expected[(s, pid)].score and band == expected[(s, pid)].band
        best = sorted((-expected[(s, p)].score, n) for n, p in enumerate(postings))
        assert list(top.scores) == [-b[0] for b in best[:10]]
    for p in postings:
        top = index.top_seekers(p, 15)
        for sid, score in zip(top.ids, top.scores, strict=True):
            assert score == expected[(sid, p)].score
        if expected[(next(iter(seekers)), p)].band == "unknown":
            assert top.ids == []
            continue
        best = sorted(-expected[(s, p)].score for s in seekers)
        assert list(top.scores) == [-b for b in best[:15]]
