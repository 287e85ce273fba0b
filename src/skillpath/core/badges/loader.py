"""Offline JSON-LD document loader serving only the bundled contexts.

Verifying a credential must never fetch a context from the network: a remote
context could change what a signed document means, and a verifier that fetches
is slow and leaks who is verifying what. Every context a skillpath credential
uses is bundled, byte for byte, in ``contexts/``; every other URL is refused.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from skillpath.core.badges.errors import ContextNotAllowedError

CONTEXTS_DIR = Path(__file__).parent / "contexts"

VC_V2 = "https://www.w3.org/ns/credentials/v2"
VC_EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2"
OB_V3P0 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"

BUNDLED_CONTEXTS: dict[str, str] = {
    VC_V2: "credentials-v2.jsonld",
    VC_EXAMPLES_V2: "credentials-examples-v2.jsonld",
    OB_V3P0: "ob-context-3.0.3.json",
    OB_EXTENSIONS: "ob-extensions.json",
}


@cache
def _context_document(url: str) -> Any:
    return json.loads(
        (CONTEXTS_DIR / BUNDLED_CONTEXTS[url]).read_text(encoding="utf-8")
    )


def bundled_context_bytes(url: str) -> bytes:
    """Return the bundled bytes of a context, e.g. to serve it or compare hashes."""
    if url not in BUNDLED_CONTEXTS:
        raise ContextNotAllowedError(_refusal(url))
    return (CONTEXTS_DIR / BUNDLED_CONTEXTS[url]).read_bytes()


def _refusal(url: str) -> str:
    allowed = ", ".join(sorted(BUNDLED_CONTEXTS))
    return (
        f"JSON-LD context {url!r} is not available offline; skillpath only loads "
        f"its bundled contexts ({allowed})."
    )


def document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return a bundled context as a pyld RemoteDocument; refuse every other URL.

    Raises
    ------
    ContextNotAllowedError
        For any URL that is not one of :data:`BUNDLED_CONTEXTS`.
    """
    if url not in BUNDLED_CONTEXTS:
        raise ContextNotAllowedError(_refusal(url))
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": _context_document(url),
        "tag": "static",
    }
