"""Shared Hypothesis strategies and settings for fuzzing what people upload.

Importers and the verifier take files from strangers: random bytes, JSON of any
shape, CSV-ish text, and a valid file with a slice of it replaced. Bounded and
derandomized, so that ``make test`` sees the same cases every run and stays quick.
"""

from __future__ import annotations

import json
from typing import Any

from django.apps import apps
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=40,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


def json_documents(keys: list[str] | None = None) -> st.SearchStrategy[bytes]:
    """JSON text: any value, or an object using the importer's own ``keys``."""
    anything = json_values
    if keys:
        anything = anything | st.dictionaries(
            st.sampled_from(keys), json_values, max_size=len(keys)
        )
    return anything.map(lambda value: json.dumps(value).encode())


def csv_text(columns: list[str]) -> st.SearchStrategy[bytes]:
    """CSV-ish text: a header of real and made-up columns, then rows of odd cells."""
    cell = st.text(max_size=12) | st.sampled_from(
        ["", '"', '""', "=1+1", "\x00", "1e999"]
    )
    header = st.lists(st.sampled_from(columns) | st.text(max_size=8), max_size=12)
    rows = st.lists(st.lists(cell, max_size=12), max_size=5)
    return st.builds(
        lambda h, r: "\n".join(",".join(line) for line in [h, *r]).encode(),
        header,
        rows,
    )


def spliced(valid: bytes) -> st.SearchStrategy[bytes]:
    """A valid file with a slice replaced by random bytes (reaches deeper checks)."""
    return st.builds(
        lambda start, length, junk: valid[:start] + junk + valid[start + length :],
        st.integers(0, len(valid)),
        st.integers(0, 40),
        st.binary(max_size=40) | st.text(max_size=20).map(str.encode),
    )


def uploads(
    *, valid: bytes, keys: list[str] | None = None, columns: list[str] | None = None
) -> st.SearchStrategy[bytes]:
    """Every kind of input above, mixed."""
    choices = [st.binary(max_size=200), json_documents(keys), spliced(valid)]
    if columns:
        choices.append(csv_text(columns))
    return st.one_of(choices)


def row_counts() -> dict[str, int]:
    """Return the number of rows of every model: equal before and after = nothing written."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy
    }


def accepted_or_refused(run: Any, refusal: type[Exception]) -> bool:
    """Run ``run()``: True if it succeeded; False if refused (and nothing written)."""
    before = row_counts()
    try:
        run()
    except refusal as error:
        assert str(error), "a refusal says why"
        assert row_counts() == before, "a refused file wrote something"
        return False
    return True
