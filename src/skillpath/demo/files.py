"""Find and read the demo world's data files (``skillpath/demo/data/``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"


def path(name: str) -> Path:
    """Return the path of the data file ``name`` (relative to ``data/``)."""
    return DATA / name


def load(name: str) -> Any:
    """Return the parsed JSON of the data file ``name``."""
    return json.loads(path(name).read_text(encoding="utf-8"))
