"""The outcomes app's background work, imported by ``run_huey`` when it starts."""

from skillpath.outcomes.services import sweep

__all__ = ["sweep"]
