"""Turn adaptive-test state into plain JSON-able data and back.

JSON numbers lose precision past 2**53 in many stores, and a numpy generator's
state holds 128-bit integers, so integers in generator states are written as
decimal strings.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["bank_fingerprint", "json_floats", "rng_from_dict", "rng_to_dict"]


def _encode(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, np.ndarray):
        return {
            "__array__": [str(int(v)) for v in value.ravel()],
            "dtype": str(value.dtype),
        }
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, Mapping):
        if "__array__" in value:
            return np.array([int(v) for v in value["__array__"]], dtype=value["dtype"])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return value


def rng_to_dict(rng: np.random.Generator | None) -> dict[str, Any] | None:
    """Return a generator's exact state as JSON-able data (None for None)."""
    if rng is None:
        return None
    encoded: dict[str, Any] = _encode(rng.bit_generator.state)
    return encoded


def rng_from_dict(data: Mapping[str, Any] | None) -> np.random.Generator | None:
    """Return a generator restored from :func:`rng_to_dict` data.

    Raises
    ------
    ValueError
        If the data does not name a numpy bit generator.
    """
    if data is None:
        return None
    state = _decode(data)
    name = state.get("bit_generator") if isinstance(state, dict) else None
    if name not in {"PCG64", "PCG64DXSM", "Philox", "SFC64", "MT19937"}:
        raise ValueError(f"unknown random generator state {name!r}")
    bit_generator = getattr(np.random, name)()
    bit_generator.state = state
    return np.random.Generator(bit_generator)


def json_floats(values: ArrayLike) -> Any:
    """Return an array as nested lists, with nan and inf written as None."""
    array = np.asarray(values, dtype=float)
    cleaned = array.astype(object)
    cleaned[~np.isfinite(array)] = None
    return cleaned.tolist()


def bank_fingerprint(*arrays: ArrayLike) -> str:
    """Return a short hash that identifies an item bank's parameters."""
    digest = hashlib.sha256()
    for values in arrays:
        array = np.asarray(values, dtype="<f8")
        array = np.where(np.isfinite(array), array, np.nan)
        digest.update(str(array.shape).encode())
        digest.update(np.ascontiguousarray(array).tobytes())
    return digest.hexdigest()[:32]
