"""Issue 14, fix 2: verification work is bounded and never waits on a global lock."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from badges_support import ED_KID, NOW, make_credential, poisoned_credential
from cryptography.hazmat.primitives.asymmetric import ed25519

from skillpath.core.badges import (
    TooComplexError,
    VerificationKey,
    canonicalize_rdfc,
    document_complexity_problem,
    sign_data_integrity,
    verify_credential,
)

Resolver = Callable[[str], VerificationKey | None]


def _nested(depth: int) -> dict[str, Any]:
    node: dict[str, Any] = {}
    for _ in range(depth):
        node = {"type": ["Result"], "alignment": [node]}
    return node


def _signed(ed_key: ed25519.Ed25519PrivateKey) -> dict[str, Any]:
    return sign_data_integrity(make_credential(), ed_key, verification_method=ED_KID)


def test_the_poisoned_credential_is_refused_as_too_complex_to_verify(
    ed_key: ed25519.Ed25519PrivateKey, resolve_key: Resolver
) -> None:
    # A real proof from this issuer, so verification gets as far as canonicalising.
    poison = poisoned_credential(proof=_signed(ed_key)["proof"])
    result = verify_credential(poison, resolve_key=resolve_key, now=NOW)
    assert not result.verified
    complexity = result.check("complexity")
    assert not complexity.passed
    assert "too complex to verify" in complexity.message.lower()
    assert [check.name for check in result.checks][-1] == "complexity"


def test_canonicalisation_stops_at_its_step_budget() -> None:
    with pytest.raises(TooComplexError, match="(?i)too complex to verify"):
        canonicalize_rdfc(poisoned_credential(alignments=6))
    # The same shape, small enough, canonicalises with the default budget.
    assert canonicalize_rdfc(poisoned_credential(alignments=3)).count("\n") > 20


def test_canonicalisation_stops_at_its_time_budget() -> None:
    started = time.perf_counter()
    with pytest.raises(TooComplexError, match="(?i)too complex to verify"):
        canonicalize_rdfc(
            poisoned_credential(alignments=9), max_steps=10**9, max_seconds=0.3
        )
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda d: d.__setitem__("name", "x" * 600_000), "bytes"),
        (lambda d: d.__setitem__("name", list(range(25_000))), "values"),
        (lambda d: d.__setitem__("name", _nested(40)), "levels deep"),
        (
            lambda d: d["credentialSubject"].__setitem__(
                "result",
                [{"type": ["Result"], "alignment": [{"type": ["Alignment"]}] * 4}]
                * 100,
            ),
            "blank nodes",
        ),
    ],
)
def test_oversized_documents_are_refused_before_canonicalising(
    change: Callable[[dict[str, Any]], None], named: str
) -> None:
    document = make_credential()
    change(document)
    problem = document_complexity_problem(document)
    assert problem is not None and named in problem
    with pytest.raises(TooComplexError, match=named):
        canonicalize_rdfc(document)


def test_an_ordinary_credential_is_within_every_limit(
    ed_key: ed25519.Ed25519PrivateKey, resolve_key: Resolver
) -> None:
    assert document_complexity_problem(make_credential()) is None
    result = verify_credential(_signed(ed_key), resolve_key=resolve_key, now=NOW)
    assert result.check("proof").passed, result.failures


def test_a_verification_proceeds_while_another_thread_is_canonicalising(
    ed_key: ed25519.Ed25519PrivateKey, resolve_key: Resolver
) -> None:
    """No process-wide lock: the slow one does not hold up the normal one."""
    signed = _signed(ed_key)
    slow_outcome: list[BaseException] = []

    def slow() -> None:
        try:
            canonicalize_rdfc(
                poisoned_credential(alignments=9), max_steps=10**9, max_seconds=4.0
            )
        except TooComplexError as exc:
            slow_outcome.append(exc)

    worker = threading.Thread(target=slow)
    worker.start()
    time.sleep(0.5)  # well inside the permutations by now
    assert worker.is_alive()
    result = verify_credential(signed, resolve_key=resolve_key, now=NOW)
    still_canonicalising = worker.is_alive()
    worker.join()
    assert result.check("proof").passed, result.failures
    assert still_canonicalising, "the normal verification waited for the slow one"
    assert slow_outcome, "the slow canonicalisation should have run out of time"
