"""Match one seeker with one job posting, requirement by requirement."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from skillpath.core.matching.model import (
    ESSENTIAL_DEMOTION,
    Evidence,
    Match,
    Part,
    Requirement,
    band_of,
    check_demotion,
    check_equivalents,
    check_requirements,
    check_source_weights,
    demotion_factor,
)

__all__ = ["match"]


def match(
    *,
    requirements: Sequence[Requirement],
    evidence: Mapping[str, Evidence],
    equivalents: Mapping[str, Collection[str]] | None = None,
    closers: Mapping[str, Sequence[str]] | None = None,
    source_weights: Mapping[str, float] | None = None,
    essential_demotion: float = ESSENTIAL_DEMOTION,
) -> Match:
    """Return the explained match of one seeker's evidence with one posting.

    Parameters
    ----------
    requirements : sequence of Requirement
        The posting's requirements, each competency at most once.
    evidence : Mapping[str, Evidence]
        Competency -> the seeker's demonstrated level. Competencies no requirement
        asks for (directly or through an alignment) are ignored.
    equivalents : Mapping[str, Collection[str]], optional
        Required competency -> aligned competencies of other frameworks (CASE
        exactMatchOf, same ESCO URI) whose evidence counts for it. The best credit
        among the competency and its equivalents is taken.
    closers : Mapping[str, Sequence[str]], optional
        Competency -> modules that would close a gap on it (from the planner);
        copied onto the parts that are short.
    source_weights : Mapping[str, float], optional
        Share of credit per source; defaults to
        :data:`~skillpath.core.matching.model.SOURCE_WEIGHTS`.
    essential_demotion : float
        Share of the score taken away when no essential requirement is met.

    Returns
    -------
    Match
        Score, band, one part per requirement, essentials met, eligibility.

    Raises
    ------
    ValueError
        On a duplicated requirement, bad evidence or bad settings.
    """
    check_requirements(requirements)
    weights = check_source_weights(source_weights)
    demotion = check_demotion(essential_demotion)
    aligned = check_equivalents(equivalents)
    for competency, found in evidence.items():
        if not isinstance(found, Evidence):
            raise ValueError(
                f"The evidence for {competency!r} must be an Evidence, not {found!r}."
            )
    closing = closers or {}

    judged = [
        _judge(requirement, evidence, aligned, weights) for requirement in requirements
    ]
    scored = [
        (requirement, credit)
        for requirement, (credit, *_rest) in zip(requirements, judged, strict=True)
        if requirement.resolved and not requirement.licence
    ]
    total_weight = 0.0
    earned = 0.0
    for requirement, credit in scored:
        total_weight += requirement.weight
        earned += requirement.weight * credit
    known = total_weight > 0
    eligible = all(
        met
        for requirement, (_, met, *_rest) in zip(requirements, judged, strict=True)
        if requirement.resolved and requirement.licence
    )
    essentials = [
        met
        for requirement, (_, met, *_rest) in zip(requirements, judged, strict=True)
        if requirement.resolved and requirement.essential and not requirement.licence
    ]
    essential_met = sum(essentials)
    factor = demotion_factor(essential_met, len(essentials), demotion)
    counted = known and eligible
    score = earned / total_weight * factor if counted else 0.0

    parts: list[Part] = []
    for requirement, (credit, met, verified, level, source, via) in zip(
        requirements, judged, strict=True
    ):
        in_score = counted and requirement.resolved and not requirement.licence
        contribution = (
            requirement.weight * credit / total_weight * factor if in_score else 0.0
        )
        gap = 0.0 if met else requirement.level - (level or 0.0)
        parts.append(
            Part(
                competency=requirement.competency,
                required_level=requirement.level,
                weight=requirement.weight,
                essential=requirement.essential,
                licence=requirement.licence,
                resolved=requirement.resolved,
                level=level,
                source=source,
                via=via,
                credit=credit if requirement.resolved else 0.0,
                contribution=contribution,
                met=met,
                verified=verified,
                gap=gap,
                closers=() if met else tuple(closing.get(requirement.competency, ())),
            )
        )
    return Match(
        score=score,
        band=band_of(
            score,
            known=known,
            essentials_met=essential_met == len(essentials),
            eligible=eligible,
        ),
        parts=parts,
        essential_met=essential_met,
        essential_total=len(essentials),
        eligible=eligible,
        demotion=factor,
    )


def _judge(
    requirement: Requirement,
    evidence: Mapping[str, Evidence],
    equivalents: Mapping[str, tuple[str, ...]],
    weights: Mapping[str, float],
) -> tuple[float, bool, bool, float | None, str | None, str | None]:
    """Return credit, met, verified, highest level, source and competency of the best."""
    best_credit = 0.0
    best: tuple[str, Evidence] | None = None
    level: float | None = None
    met = verified = False
    for candidate in (
        requirement.competency,
        *equivalents.get(requirement.competency, ()),
    ):
        found = evidence.get(candidate)
        if found is None:
            continue
        credit = credit_of(
            weights[found.source] * found.probability, found.level, requirement.level
        )
        if best is None or credit > best_credit:
            best_credit, best = credit, (candidate, found)
        level = found.level if level is None else max(level, found.level)
        reaches = found.level >= requirement.level
        met = met or reaches
        verified = verified or (reaches and found.source != "self")
    if best is None:
        return 0.0, False, False, None, None, None
    return best_credit, met, verified, level, best[1].source, best[0]


def credit_of(worth: float, level: float, required: float) -> float:
    """Return the credit of evidence of ``worth`` (source weight x probability)."""
    return worth * min(1.0, level / required)
