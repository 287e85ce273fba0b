"""Build the demo world in the order of the cycle, from the files in ``data/``.

People first, then the supply side (frameworks imported from CASE, job profiles
endorsed by employers, credentials), the item banks imported and learners assessed,
the module catalogue imported and plans part-way, and last the awards. Each step
goes through the product's services and importers, in its own transaction, and
keeps what exists: running it again changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction

from skillpath.demo import assessing, awards, jobs, learning, outcomes, people, supply

STEPS: list[tuple[str, Callable[[Any], None]]] = [
    ("people", people.seed),
    ("frameworks, job profiles and credentials", supply.seed),
    ("item banks and assessments", assessing.seed),
    ("catalogue and learning plans", learning.seed),
    ("awards", awards.seed),
    ("job postings and applications", jobs.seed),
    ("baselines, follow-up surveys and ratings of hires", outcomes.seed),
]


def seed(stdout: Any) -> None:
    """Create the whole demo world, writing one line per step to ``stdout``."""
    for name, step in STEPS:
        stdout.write(f"Seeding {name}…")
        with transaction.atomic():
            step(stdout)
