"""JSON-LD expansion in "safe mode" and RDF Dataset Canonicalization (RDFC-1.0).

A Data Integrity signature covers the RDF statements a document expands to, not
its JSON. A property that no context defines is silently dropped by expansion,
so it would be displayed to a person yet not be signed. Strict verifiers
(Digital Bazaar's ``jsonld`` safe mode, used by the DCC verifier) refuse such
documents; so do we, when signing and when verifying.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from pyld import jsonld
from pyld.context_resolver import ContextResolver

from skillpath.core.badges.errors import ContextNotAllowedError, JsonLdError
from skillpath.core.badges.loader import document_loader

_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S*$")
_MAX_CACHED_CONTEXTS = 64


class _BoundedCache(dict[Any, Any]):
    """A dict that forgets everything when full: enough for a handful of contexts."""

    def __setitem__(self, key: Any, value: Any) -> None:
        if len(self) >= _MAX_CACHED_CONTEXTS:
            self.clear()
        super().__setitem__(key, value)


# Our own resolved-context cache, so no other loader in the process can feed ours.
_context_cache = _BoundedCache()
# pyld's per-context caches (cachetools) are not thread-safe; JSON-LD work is
# CPU-bound under the GIL anyway, so one lock costs no throughput.
_pyld_lock = threading.Lock()


def _options(**extra: Any) -> dict[str, Any]:
    # base=None keeps relative IRIs relative (pyld otherwise resolves them against
    # http://example.org/base/), so the strict check below can reject them.
    return {
        "documentLoader": document_loader,
        "contextResolver": ContextResolver(_context_cache, document_loader),
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
    try:
        with _pyld_lock:
            return _SafeModeProcessor().expand(document, _options())
    except jsonld.JsonLdError as exc:
        raise _reraise(exc) from exc


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


def canonicalize_rdfc(document: dict[str, Any], *, strict: bool = True) -> str:
    """Return the RDFC-1.0 canonical N-Quads of a JSON-LD document.

    Each N-Quad ends with a newline, which is part of what gets hashed. With
    ``strict`` (the default) the expansion is checked as :func:`expand_strict`
    does, and a :class:`JsonLdError` is raised for anything that would be dropped.
    """
    processor = _SafeModeProcessor() if strict else jsonld.JsonLdProcessor()
    try:
        with _pyld_lock:
            canonical: str = processor.normalize(
                document, _options(algorithm="URDNA2015", format="application/n-quads")
            )
    except jsonld.JsonLdError as exc:
        raise _reraise(exc) from exc
    return canonical
