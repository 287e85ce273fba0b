"""Bounds on the work of verifying a credential: checked before, and while, hashing.

RDFC-1.0 is factorial in the number of blank nodes that look alike: a credential
whose results hold identical alignments makes it try every permutation of them
(issue 14: 2 results × 8 alignments, 34 KiB, took 9 s; 9 alignments 80 s). Anyone
may ask for a verification, so the work is bounded twice: the document's size,
values, depth and blank nodes are counted before anything is expanded, and the
canonicalisation itself runs on a budget of steps and seconds. Either bound
refuses the credential as too complex to verify; nothing this platform issues
comes near them.
"""

from __future__ import annotations

from typing import Any

MAX_DOCUMENT_BYTES = 512 * 1024
MAX_VALUES = 20_000
MAX_DEPTH = 32
MAX_BLANK_NODES = 500
# Calls of Hash N-Degree Quads plus identifier-issuer copies (one per permutation
# tried). An ordinary credential needs none; 4 alike alignments in 2 alike
# results need 376, 5 need 2,210, the 8 of the poison over a million.
MAX_CANONICALIZATION_STEPS = 1_000
MAX_CANONICALIZATION_SECONDS = 0.5

TOO_COMPLEX = "Too complex to verify"


def document_complexity_problem(document: Any) -> str | None:
    """Return why ``document`` is too big to canonicalise, or None if it is not.

    Counts without recursion, so a deeply nested document cannot exhaust the stack:
    approximate bytes (keys and strings), values, nesting depth, and the JSON
    objects without an ``id`` (each becomes a blank node).
    """
    size = values = blank_nodes = 0
    pending: list[tuple[Any, int]] = [(document, 1)]
    while pending:
        node, depth = pending.pop()
        values += 1
        if depth > MAX_DEPTH:
            return f"{TOO_COMPLEX}: it is nested more than {MAX_DEPTH} levels deep."
        if isinstance(node, dict):
            if "id" not in node and "@id" not in node and "@value" not in node:
                blank_nodes += 1
            for key, value in node.items():
                size += len(str(key)) + 4
                pending.append((value, depth + 1))
        elif isinstance(node, list):
            pending.extend((item, depth + 1) for item in node)
        elif isinstance(node, str):
            size += len(node) + 3
        else:
            size += 8
        if size > MAX_DOCUMENT_BYTES:
            return (
                f"{TOO_COMPLEX}: it is larger than {MAX_DOCUMENT_BYTES // 1024} KiB "
                "(bytes of JSON)."
            )
        if values > MAX_VALUES:
            return f"{TOO_COMPLEX}: it holds more than {MAX_VALUES} JSON values."
    if blank_nodes > MAX_BLANK_NODES:
        return blank_node_problem(blank_nodes)
    return None


def blank_node_problem(blank_nodes: int) -> str:
    """Return the refusal for a document with too many blank nodes."""
    return (
        f"{TOO_COMPLEX}: it has {blank_nodes} blank nodes (objects without an id); "
        f"at most {MAX_BLANK_NODES} are canonicalised."
    )
