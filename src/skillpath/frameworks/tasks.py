"""The frameworks app's background work, imported by ``run_huey`` when it starts."""

from skillpath.frameworks.services import imports

__all__ = ["imports"]
