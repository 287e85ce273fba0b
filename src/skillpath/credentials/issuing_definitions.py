"""Read a micro-credential definition as the plain facts issuing needs.

The definitions (``MicroCredential``, competencies, levels, methods) belong to the
definitions side of this app and to ``frameworks``; issuing reads them only here, so
that a change there touches one function.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

from django.utils import translation


@dataclass(frozen=True)
class CompetencySpec:
    """One required competency of a micro-credential."""

    id: int
    name: str
    description: str
    required_level: int
    levels: tuple[tuple[int, str], ...]  # (level, label), lowest first
    source_uri: str  # the CASE CFItem or ESCO skill URI, if any
    source_kind: str  # "case", "esco" or ""
    framework_name: str
    code: str
    allowed_methods: tuple[str, ...]  # empty: any method


@dataclass(frozen=True)
class DefinitionSpec:
    """What a credential says about the micro-credential it awards."""

    id: int
    name: str
    description: str
    criteria: str
    organisation: Any
    validity_months: int | None
    competencies: tuple[CompetencySpec, ...]
    code: str
    language: str = "en"


def _first(obj: Any, *names: str, default: Any = "") -> Any:
    for name in names:
        value = getattr(obj, name, None)
        if value not in (None, ""):
            return value() if inspect.ismethod(value) else value
    return default


def _levels(competency: Any, required: int) -> tuple[tuple[int, str], ...]:
    scale = _first(competency, "scale", "proficiency_scale", default=None)
    levels: list[tuple[int, str]] = []
    if scale is not None:
        manager = _first(scale, "levels", default=None)
        if manager is not None and hasattr(manager, "all"):
            for level in manager.all():
                number = int(
                    _first(level, "level", "value", "number", "rank", default=0)
                )
                label = str(_first(level, "name", "label", default=""))
                levels.append((number, label or f"Level {number}"))
    if required not in {number for number, _label in levels}:
        levels = []  # an incomplete scale: number the levels instead
    if not levels:
        top = max(required, 4)
        levels = [(number, f"Level {number}") for number in range(1, top + 1)]
    return tuple(sorted(levels))


def _source(competency: Any) -> tuple[str, str]:
    case = _first(competency, "case_uri", "case_identifier", "case_id", default="")
    if case:
        return str(case), "case"
    esco = _first(competency, "esco_uri", "esco_identifier", "esco_id", default="")
    if esco:
        return str(esco), "esco"
    uri = str(_first(competency, "source_uri", "uri", default=""))
    if not uri.startswith(("http://", "https://", "urn:")):
        return "", ""  # a bare identifier is no alignment target
    kind = str(_first(competency, "source_kind", "source", default="")).lower()
    if kind not in ("case", "esco"):
        kind = "esco" if "data.europa.eu/esco" in uri else "case"
    return uri, kind


def _requirements(credential: Any) -> list[Any]:
    for name in ("requirements", "competency_requirements", "required_competencies"):
        manager = getattr(credential, name, None)
        if manager is not None and hasattr(manager, "all"):
            return list(manager.all())
    return []


def _methods(requirement: Any, credential: Any) -> tuple[str, ...]:
    methods = _first(requirement, "allowed_methods", "methods", default=None)
    if methods is None:
        methods = _first(credential, "allowed_methods", "methods", default=())
    if hasattr(methods, "all"):
        methods = [str(_first(m, "code", "value", "name")) for m in methods.all()]
    return tuple(str(method) for method in methods or ())


def definition_spec(credential: Any) -> DefinitionSpec:
    """Return the facts of a ``MicroCredential`` that go into its credentials.

    Credentials are written in English (Open Badges 3.0 has one language per
    document), whatever the language of the request that triggers the award.
    """
    with translation.override("en"):
        return _definition_spec(credential)


def _definition_spec(credential: Any) -> DefinitionSpec:
    competencies = []
    for requirement in _requirements(credential):
        competency = _first(requirement, "competency", default=requirement)
        required = int(_first(requirement, "required_level", "level", default=1))
        source_uri, source_kind = _source(competency)
        framework = _first(competency, "framework", default=None)
        competencies.append(
            CompetencySpec(
                id=int(competency.pk),
                name=str(_first(competency, "name", "title", default=str(competency))),
                description=str(_first(competency, "description", default="")),
                required_level=required,
                levels=_levels(competency, required),
                source_uri=source_uri,
                source_kind=source_kind,
                framework_name=str(_first(framework, "title", "name", default=""))
                if framework is not None
                else "",
                code=str(_first(competency, "code", "human_code", default="")),
                allowed_methods=_methods(requirement, credential),
            )
        )
    validity = _first(credential, "validity_months", default=None)
    return DefinitionSpec(
        id=int(credential.pk),
        name=str(_first(credential, "name", "title", default=str(credential))),
        description=str(_first(credential, "description", "summary", default="")),
        criteria=str(_first(credential, "criteria", "criteria_narrative", default="")),
        organisation=_first(
            credential, "issuing_organisation", "organisation", "issuer", default=None
        ),
        validity_months=int(validity) if validity else None,
        competencies=tuple(competencies),
        code=str(_first(credential, "code", "slug", default="")),
    )
