"""The plain data of a match: requirements, evidence, parts and the result.

Also the few rules that :func:`~skillpath.core.matching.pair.match` and
:class:`~skillpath.core.matching.index.MatchIndex` share, so that both compute each
number with the same floating-point operations: the credit of one piece of
evidence, the essential demotion and the band.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

#: Where a demonstrated level comes from.
SOURCES = ("credential", "assessed", "self")

#: Share of credit each source earns for the same level. A self-declared level
#: counts 0.6 of an assessed one; an assessment's own uncertainty is carried by
#: ``Evidence.probability`` rather than by a lower source weight.
SOURCE_WEIGHTS: Mapping[str, float] = {"credential": 1.0, "assessed": 1.0, "self": 0.6}

#: Share of the score an essential requirement that is not met takes away, spread
#: over the essential requirements: missing all of them halves the score.
ESSENTIAL_DEMOTION = 0.5

#: Least score of the bands "strong" and "partial".
STRONG = 0.75
PARTIAL = 0.45

BANDS = ("strong", "partial", "weak", "unknown")


def _finite(value: float) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
    )


@dataclass(frozen=True)
class Requirement:
    """Describe one requirement of a job posting.

    Parameters
    ----------
    competency : str
        Id of the required competency (in the platform's frameworks).
    level : float
        Required level, greater than zero.
    weight : float
        Importance, non-negative; the score is the weighted mean of credits.
    essential : bool
        An essential requirement that is not met demotes the match (it lowers the
        score and rules out "strong"); it never filters.
    licence : bool
        A legal licence: without it the seeker is not eligible and scores 0. A
        licence does not add to the score, it only filters.
    resolved : bool
        False when the posting names a competency the platform does not know; the
        requirement is listed but neither scores nor filters.
    """

    competency: str
    level: float
    weight: float = 1.0
    essential: bool = False
    licence: bool = False
    resolved: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.competency, str) or not self.competency:
            raise ValueError(
                f"A requirement needs a competency id, not {self.competency!r}."
            )
        if not _finite(self.level) or self.level <= 0:
            raise ValueError(
                f"The required level of {self.competency!r} must be a number greater "
                f"than 0, not {self.level!r} (a level of 0 requires nothing)."
            )
        if not _finite(self.weight) or self.weight < 0:
            raise ValueError(
                f"The weight of {self.competency!r} must be a non-negative number, "
                f"not {self.weight!r}."
            )


@dataclass(frozen=True)
class Evidence:
    """Describe a seeker's demonstrated level of one competency.

    Parameters
    ----------
    level : float
        Demonstrated level, non-negative.
    source : str
        ``"credential"`` (an issued micro-credential), ``"assessed"`` (an
        assessment's result) or ``"self"`` (declared by the seeker, counts less).
    probability : float
        Chance that the seeker truly holds ``level`` (for an assessment, the
        posterior mass at or above it), in [0, 1]; 1 when certain. The credit is
        multiplied by it.
    """

    level: float
    source: str = "assessed"
    probability: float = 1.0

    def __post_init__(self) -> None:
        if not _finite(self.level) or self.level < 0:
            raise ValueError(
                f"A demonstrated level must be a non-negative number, not {self.level!r}."
            )
        if self.source not in SOURCES:
            raise ValueError(
                f"Unknown evidence source {self.source!r}: use one of {', '.join(SOURCES)}."
            )
        if not _finite(self.probability) or not 0.0 <= self.probability <= 1.0:
            raise ValueError(
                f"The probability of a demonstrated level must be in [0, 1], not "
                f"{self.probability!r}."
            )


@dataclass(frozen=True)
class Part:
    """Explain one requirement of a match.

    Attributes
    ----------
    competency : str
        The required competency.
    required_level, weight : float
        As in the requirement.
    essential, licence, resolved : bool
        As in the requirement.
    level : float or None
        Highest level demonstrated for it (directly or through an alignment), or
        None without evidence.
    source : str or None
        Source of the evidence that earned the credit: ``"credential"``,
        ``"assessed"`` or ``"self"`` (labelled: counts less), or None.
    via : str or None
        Competency the evidence is recorded under: the required one, or an aligned
        one from another framework (CASE exactMatchOf, same ESCO URI).
    credit : float
        Share of the requirement earned, in [0, 1]:
        ``source weight * probability * min(1, level / required_level)``.
    contribution : float
        Share of the score this requirement brings; they sum to the score.
    met : bool
        A level at or above the required one is demonstrated (any source).
    verified : bool
        Met by a credential or an assessment, not only by a declaration.
    gap : float
        Levels short (0 when met).
    closers : tuple of str
        Modules that would close the gap (supplied by the caller, from the
        planner); empty when met.
    """

    competency: str
    required_level: float
    weight: float
    essential: bool
    licence: bool
    resolved: bool
    level: float | None
    source: str | None
    via: str | None
    credit: float
    contribution: float
    met: bool
    verified: bool
    gap: float
    closers: tuple[str, ...]

    def explain(self) -> str:
        """Return one English sentence saying how this requirement was judged."""
        kind = (
            "licence"
            if self.licence
            else "essential"
            if self.essential
            else "requirement"
        )
        head = f"{self.competency} (level {self.required_level:g}, {kind})"
        if not self.resolved:
            return f"{head}: not a competency the platform knows; not counted."
        if self.level is None:
            found = "no evidence"
        else:
            label = {"self": "self-declared, counts less", "credential": "credential"}
            found = (
                f"level {self.level:g} ({label.get(str(self.source), str(self.source))}"
            )
            if self.via is not None and self.via != self.competency:
                found += f", through aligned {self.via}"
            found += ")"
        verdict = "met" if self.met else f"short by {self.gap:g}"
        text = f"{head}: {found}, {verdict}; contributes {self.contribution:.3f}."
        if self.closers:
            text += f" Would be closed by: {', '.join(self.closers)}."
        return text


@dataclass(frozen=True)
class Match:
    """Hold the match of one seeker with one posting.

    Attributes
    ----------
    score : float
        In [0, 1]: the weighted mean credit of the scored requirements, times the
        essential demotion; 0 when not eligible or unknown.
    band : str
        ``"strong"``, ``"partial"``, ``"weak"`` or ``"unknown"`` (no resolved
        requirement to judge by; never "strong").
    parts : list of Part
        One per requirement, in the posting's order.
    essential_met, essential_total : int
        Resolved essential requirements met, and their number.
    eligible : bool
        Every resolved licence is held; when False the score is 0 and the band
        "weak".
    demotion : float
        Factor the essential requirements not met put on the score, in
        [1 - ESSENTIAL_DEMOTION, 1].
    """

    score: float
    band: str
    parts: list[Part]
    essential_met: int
    essential_total: int
    eligible: bool
    demotion: float

    def explain(self) -> list[str]:
        """Return English lines explaining the score, its band and every part."""
        lines = [f"Score {self.score:.3f}, {self.band}."]
        if self.band == "unknown":
            lines.append("The posting has no requirement the platform can judge by.")
        if not self.eligible:
            lines.append("A required licence is not held: not eligible.")
        if self.essential_total:
            lines.append(
                f"Essential requirements met: {self.essential_met} of "
                f"{self.essential_total} (score times {self.demotion:.2f})."
            )
        lines.extend(part.explain() for part in self.parts)
        return lines


def check_source_weights(
    source_weights: Mapping[str, float] | None,
) -> dict[str, float]:
    """Return source weights, checked: each in (0, 1], self <= assessed <= credential."""
    weights = dict(SOURCE_WEIGHTS if source_weights is None else source_weights)
    if set(weights) != set(SOURCES) or not all(
        _finite(w) and 0.0 < w <= 1.0 for w in weights.values()
    ):
        raise ValueError(
            f"Source weights must give each of {', '.join(SOURCES)} a weight in (0, 1], "
            f"not {source_weights!r}."
        )
    if not weights["self"] <= weights["assessed"] <= weights["credential"]:
        raise ValueError(
            "A self-declared level may not count more than an assessed one, nor an "
            f"assessed one more than a credential: {source_weights!r}."
        )
    return weights


def check_demotion(essential_demotion: float) -> float:
    """Return the essential demotion, checked to lie in [0, 1)."""
    if not _finite(essential_demotion) or not 0.0 <= essential_demotion < 1.0:
        raise ValueError(
            f"The essential demotion must be in [0, 1) (1 would filter), not "
            f"{essential_demotion!r}."
        )
    return float(essential_demotion)


def check_equivalents(
    equivalents: Mapping[str, Collection[str]] | None,
) -> dict[str, tuple[str, ...]]:
    """Return competency -> sorted aligned competencies, without the competency."""
    if equivalents is None:
        return {}
    checked: dict[str, tuple[str, ...]] = {}
    for competency, aligned in equivalents.items():
        if isinstance(aligned, str):
            raise ValueError(
                f"The equivalents of {competency!r} must be a collection of ids, not "
                f"the string {aligned!r}."
            )
        checked[competency] = tuple(sorted(set(aligned) - {competency}))
    return checked


def check_requirements(requirements: Collection[Requirement]) -> None:
    """Raise ValueError if a posting lists a competency twice or holds a non-Requirement."""
    seen: set[str] = set()
    for requirement in requirements:
        if not isinstance(requirement, Requirement):
            raise ValueError(f"Expected a Requirement, not {requirement!r}.")
        if requirement.competency in seen:
            raise ValueError(
                f"The posting lists {requirement.competency!r} twice; merge the two "
                "requirements into one."
            )
        seen.add(requirement.competency)


def demotion_factor(met: float, total: float, essential_demotion: float) -> float:
    """Return the factor on the score for ``met`` of ``total`` essentials met."""
    if total == 0:
        return 1.0
    return 1.0 - essential_demotion * (1.0 - met / total)


def band_of(score: float, *, known: bool, essentials_met: bool, eligible: bool) -> str:
    """Return the band of a score."""
    if not known:
        return "unknown"
    if eligible and essentials_met and score >= STRONG:
        return "strong"
    if eligible and score >= PARTIAL:
        return "partial"
    return "weak"
