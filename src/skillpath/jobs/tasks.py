"""The jobs app's background tasks, imported by ``run_huey`` when it starts."""

from skillpath.jobs.services import alerts

__all__ = ["alerts"]
