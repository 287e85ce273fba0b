"""JSON-LD expansion in "safe mode" and RDF Dataset Canonicalization (RDFC-1.0).

A Data Integrity signature covers the RDF statements a document expands to, not
its JSON. A property that no context defines is silently dropped by expansion,
so it would be displayed to a person yet not be signed. Strict verifiers
(Digital Bazaar's ``jsonld`` safe mode, used by the DCC verifier) refuse such
documents; so do we, when signing and when verifying.

No lock is held: pyld's caches live in the resolved contexts, and each thread has
its own (:func:`_thread_context_cache`), so a slow canonicalisation in one request
never holds up another. Canonicalisation runs within the bounds of
:mod:`skillpath.core.badges.limits`.
"""

from __future__ import annotations

import re
import threading
import time
from typing import Any

from pyld import jsonld
from pyld.canon import URDNA2015
from pyld.context_resolver import ContextResolver
from pyld.identifier_issuer import IdentifierIssuer

from skillpath.core.badges.errors import (
    ContextNotAllowedError,
    JsonLdError,
    TooComplexError,
)
from skillpath.core.badges.limits import (
    MAX_BLANK_NODES,
    MAX_CANONICALIZATION_SECONDS,
    MAX_CANONICALIZATION_STEPS,
    TOO_COMPLEX,
    blank_node_problem,
    document_complexity_problem,
)
from skillpath.core.badges.loader import document_loader

_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S*$")
_MAX_CACHED_CONTEXTS = 64


class _BoundedCache(dict[Any, Any]):
    """A dict that forgets everything when full: enough for a handful of contexts."""

    def __setitem__(self, key: Any, value: Any) -> None:
        if len(self) >= _MAX_CACHED_CONTEXTS:
            self.clear()
        super().__setitem__(key, value)


# Our own resolved-context cache, so no other loader in the process can feed ours;
# one per thread, because pyld's per-context caches (cachetools) are not
# thread-safe. A process-wide lock instead made every verification wait for the
# slowest one in the process (issue 14).
_thread_state = threading.local()


def _thread_context_cache() -> _BoundedCache:
    cache: _BoundedCache | None = getattr(_thread_state, "contexts", None)
    if cache is None:
        cache = _thread_state.contexts = _BoundedCache()
    return cache


def _options(**extra: Any) -> dict[str, Any]:
    # base=None keeps relative IRIs relative (pyld otherwise resolves them against
    # http://example.org/base/), so the strict check below can reject them.
    return {
        "documentLoader": document_loader,
        "contextResolver": ContextResolver(_thread_context_cache(), document_loader),
        "base": None,
        **extra,
    }


def _reraise(exc: jsonld.JsonLdError) -> ContextNotAllowedError | JsonLdError:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ContextNotAllowedError):
            return cause
        cause = cause.__cause__
    return JsonLdError(f"Invalid JSON-LD: {exc.args[0] if exc.args else exc}")


class _SafeModeProcessor(jsonld.JsonLdProcessor):
    """A pyld processor whose every expansion is checked in safe mode.

    RDFC canonicalisation expands the document once, inside ``to_rdf``; checking
    that expansion here avoids expanding twice.
    """

    def __init__(self) -> None:
        self.dropped: list[str] = []
        super().__init__(
            on_property_dropped=lambda prop: self.dropped.append(str(prop))
        )

    def expand(self, input_: Any, options: dict[str, Any]) -> list[dict[str, Any]]:
        expanded: list[dict[str, Any]] = super().expand(input_, options)
        problems = [
            f"property {name!r} is not defined by the @context" for name in self.dropped
        ]
        _collect_relative_iris(expanded, problems)
        if problems:
            raise JsonLdError(
                "JSON-LD safe mode: "
                + "; ".join(sorted(set(problems)))
                + ". Such data would not be covered by the signature."
            )
        return expanded


def expand_strict(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the JSON-LD expansion of ``document``, refusing anything unsigned.

    Raises
    ------
    JsonLdError
        If a property is not defined by the document's contexts (it would be
        dropped), or an ``@id``/``@type``/datatype is not an absolute IRI.
    ContextNotAllowedError
        If the document names a context that is not bundled.
    """
    problem = document_complexity_problem(document)
    if problem:
        raise TooComplexError(problem)
    try:
        return _SafeModeProcessor().expand(document, _options())
    except jsonld.JsonLdError as exc:
        raise _reraise(exc) from exc
    except ValueError as exc:  # pyld's IRI resolver, e.g. an empty base IRI
        raise JsonLdError(f"Invalid JSON-LD: {exc}") from exc


def _collect_relative_iris(node: Any, problems: list[str]) -> None:
    if isinstance(node, list):
        for item in node:
            _collect_relative_iris(item, problems)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key == "@id":
            _check_iri(value, "@id", problems)
        elif key == "@type":
            if "@value" in node:
                if value != "@json":
                    _check_iri(value, "datatype", problems)
            else:
                for type_iri in value if isinstance(value, list) else [value]:
                    _check_iri(type_iri, "type", problems)
        elif key == "@value":
            continue
        else:
            _collect_relative_iris(value, problems)


def _check_iri(value: Any, what: str, problems: list[str]) -> None:
    if not isinstance(value, str) or not (
        value.startswith("_:") or _ABSOLUTE_IRI.match(value)
    ):
        problems.append(f"{what} {value!r} is not an absolute IRI (undefined term?)")


class _Budget:
    """Steps and seconds left to a canonicalisation; raises when either runs out."""

    def __init__(self, *, max_steps: int, max_seconds: float) -> None:
        self.steps_left = max_steps
        self.max_seconds = max_seconds
        self.deadline = time.monotonic() + max_seconds

    def spend(self) -> None:
        self.steps_left -= 1
        if self.steps_left < 0:
            raise TooComplexError(
                f"{TOO_COMPLEX}: canonicalising it needs more work than allowed "
                "(its blank nodes are too many and too alike)."
            )
        if time.monotonic() > self.deadline:
            raise TooComplexError(
                f"{TOO_COMPLEX}: canonicalising it takes longer than "
                f"{self.max_seconds:g} s (its blank nodes are too many and too alike)."
            )


class _BudgetedIssuer(IdentifierIssuer):
    """An identifier issuer whose every copy spends a step of the budget.

    Hash N-Degree Quads copies the issuer once per permutation it tries, so the
    copies count the factorial part of the work.
    """

    def __init__(self, prefix: str, budget: _Budget) -> None:
        super().__init__(prefix)
        self.budget = budget

    @classmethod
    def adopt(cls, issuer: IdentifierIssuer, budget: _Budget) -> _BudgetedIssuer:
        adopted = cls(issuer.prefix, budget)
        adopted.counter = issuer.counter
        adopted.existing = dict(issuer.existing)
        adopted.order = list(issuer.order)
        return adopted

    def __deepcopy__(self, memo: dict[int, Any]) -> _BudgetedIssuer:
        self.budget.spend()
        return self.adopt(self, self.budget)


class _BudgetedURDNA2015(URDNA2015):
    """pyld's RDFC-1.0, aborting with :class:`TooComplexError` over budget."""

    def __init__(self, budget: _Budget) -> None:
        super().__init__()
        self.budget = budget

    def hash_n_degree_quads(self, id_: str, issuer: IdentifierIssuer) -> dict[str, Any]:
        self.budget.spend()
        if not isinstance(issuer, _BudgetedIssuer):
            issuer = _BudgetedIssuer.adopt(issuer, self.budget)
        result: dict[str, Any] = super().hash_n_degree_quads(id_, issuer)
        return result


def _blank_nodes(dataset: dict[str, list[dict[str, Any]]]) -> int:
    names: set[str] = {graph for graph in dataset if graph.startswith("_:")}
    for triples in dataset.values():
        for triple in triples:
            for position in ("subject", "object"):
                if triple[position]["type"] == "blank node":
                    names.add(triple[position]["value"])
    return len(names)


def canonicalize_rdfc(
    document: dict[str, Any],
    *,
    strict: bool = True,
    max_steps: int = MAX_CANONICALIZATION_STEPS,
    max_seconds: float = MAX_CANONICALIZATION_SECONDS,
) -> str:
    """Return the RDFC-1.0 canonical N-Quads of a JSON-LD document.

    Each N-Quad ends with a newline, which is part of what gets hashed. With
    ``strict`` (the default) the expansion is checked as :func:`expand_strict`
    does, and a :class:`JsonLdError` is raised for anything that would be dropped.

    Raises
    ------
    TooComplexError
        If the document is over the limits of :mod:`~skillpath.core.badges.limits`,
        or canonicalising it would take more than ``max_steps`` steps or
        ``max_seconds`` seconds.
    """
    problem = document_complexity_problem(document)
    if problem:
        raise TooComplexError(problem)
    processor = _SafeModeProcessor() if strict else jsonld.JsonLdProcessor()
    options = _options(algorithm="URDNA2015", format="application/n-quads")
    try:
        dataset = processor.to_rdf(
            document,
            {
                key: value
                for key, value in options.items()
                if key not in ("format", "algorithm")
            },
        )
        blank_nodes = _blank_nodes(dataset)
        if blank_nodes > MAX_BLANK_NODES:
            raise TooComplexError(blank_node_problem(blank_nodes))
        budget = _Budget(max_steps=max_steps, max_seconds=max_seconds)
        canonical: str = _BudgetedURDNA2015(budget).main(dataset, options)
    except jsonld.JsonLdError as exc:
        raise _reraise(exc) from exc
    except ValueError as exc:  # pyld's IRI resolver, e.g. an empty base IRI
        raise JsonLdError(f"Invalid JSON-LD: {exc}") from exc
    return canonical
