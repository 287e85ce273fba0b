"""The common app's background tasks, imported by ``run_huey`` when it starts."""

from skillpath.common import imports, mail, queue

__all__ = ["imports", "mail", "queue"]
