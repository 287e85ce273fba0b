"""The common app's background tasks, imported by ``run_huey`` when it starts."""

from skillpath.common import mail, queue

__all__ = ["mail", "queue"]
