"""Demo data of credentials, run by ``seed_demo`` after the assessments demo.

The demo micro-credential definitions are seeded by ``frameworks.demo`` (the first
app of the cycle); the awards are seeded here, by ``demo_issuing``.
"""

from skillpath.credentials.demo_issuing import seed

__all__ = ["seed"]
