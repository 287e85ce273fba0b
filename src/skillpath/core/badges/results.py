"""Structured verification results: an ordered list of named checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Check:
    """One verification step: its name, whether it passed, and why."""

    name: str
    passed: bool
    message: str


@dataclass(frozen=True)
class ProofResult:
    """The outcome of verifying one proof (Data Integrity or VC-JWT)."""

    verified: bool
    checks: tuple[Check, ...]
    verification_method: str | None = None
    controller: str | None = None
    cryptosuite: str | None = None

    @property
    def message(self) -> str:
        """Return the message of the first failed check, or of the last one."""
        for check in self.checks:
            if not check.passed:
                return check.message
        return self.checks[-1].message if self.checks else ""


@dataclass(frozen=True)
class VerificationResult:
    """The outcome of :func:`verify_credential`: checks in order, and the verdict."""

    verified: bool
    checks: tuple[Check, ...]
    format: str | None = None
    credential: dict[str, Any] | None = field(default=None, compare=False)

    def check(self, name: str) -> Check:
        """Return the check called ``name``; raise KeyError if it did not run."""
        for check in self.checks:
            if check.name == name:
                return check
        raise KeyError(f"The {name!r} check did not run.")

    @property
    def failures(self) -> tuple[Check, ...]:
        """Return the checks that failed."""
        return tuple(check for check in self.checks if not check.passed)
