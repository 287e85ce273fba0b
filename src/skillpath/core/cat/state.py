"""Turn adaptive-test state into plain JSON-able data and back.

JSON numbers lose precision past 2**53 in many stores, and a numpy generator's
state holds 128-bit integers, so integers in generator states are written as
decimal strings.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

__all__ = [
    "STATE_VERSION",
    "bank_fingerprint",
    "decode_test",
    "encode_test",
    "json_floats",
    "rng_from_dict",
    "rng_to_dict",
]

STATE_VERSION = 1


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


def encode_test(
    *,
    kind: str,
    cuts: Mapping[str, Any],
    settings: Mapping[str, Any],
    discrimination: ArrayLike,
    difficulty: ArrayLike,
    exclude: Sequence[int],
    administered: Sequence[int],
    scores: Sequence[int],
    pending: int | None,
    rng: np.random.Generator | None,
    exposure_parameters: ArrayLike | None,
    exposure_rates: ArrayLike | None,
    include_bank: bool,
) -> dict[str, Any]:
    """Return an adaptive test's state as plain JSON-able data.

    The responses are stored, not the posterior: loading replays them, so a loaded
    test is bit for bit the one saved. Without the bank, a fingerprint of it is kept.
    """
    state: dict[str, Any] = {
        "kind": kind,
        "version": STATE_VERSION,
        **cuts,
        "settings": dict(settings),
        "bank_fingerprint": bank_fingerprint(discrimination, difficulty),
        "exclude": sorted(int(i) for i in exclude),
        "administered": [int(i) for i in administered],
        "scores": [int(x) for x in scores],
        "pending": pending,
        "rng": rng_to_dict(rng),
    }
    if include_bank:
        state["discrimination"] = json_floats(discrimination)
        state["difficulty"] = json_floats(difficulty)
        for name, values in (
            ("exposure_parameters", exposure_parameters),
            ("exposure_rates", exposure_rates),
        ):
            state[name] = None if values is None else json_floats(values)
    return state


def decode_test(
    data: Mapping[str, Any],
    kind: str,
    *,
    discrimination: ArrayLike | None,
    difficulty: ArrayLike | None,
    exposure_parameters: ArrayLike | None,
    exposure_rates: ArrayLike | None,
) -> tuple[ArrayLike, ArrayLike, dict[str, Any]]:
    """Return the bank and the constructor keywords of a saved test.

    Raises
    ------
    ValueError
        If the data is for another kind of test or version, or holds no bank and
        none was passed.
    """
    if data.get("kind") != kind or data.get("version") != STATE_VERSION:
        raise ValueError(
            f"state is a {data.get('kind')!r} v{data.get('version')}, "
            f"expected {kind!r} v{STATE_VERSION}"
        )
    if discrimination is None or difficulty is None:
        if "discrimination" not in data:
            raise ValueError(
                "state has no item bank: pass discrimination and difficulty"
            )
        discrimination = np.array(data["discrimination"], dtype=float)
        difficulty = np.array(data["difficulty"], dtype=float)
        exposure_parameters = data.get("exposure_parameters")
        exposure_rates = data.get("exposure_rates")
    keywords = dict(data["settings"])
    keywords["grid_bounds"] = tuple(keywords["grid_bounds"])
    keywords.update(
        rng=rng_from_dict(data.get("rng")),
        exposure_parameters=exposure_parameters,
        exposure_rates=exposure_rates,
        exclude=tuple(data.get("exclude", ())),
    )
    return discrimination, difficulty, keywords
