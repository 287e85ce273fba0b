"""The background queue: Huey, and the sweeps that make lost tasks harmless.

Huey delivers a task at most once: a consumer killed in the middle of one loses it.
So nothing durable lives in the queue. Each kind of background work keeps what is due
in the database (``OutgoingMail``, ``ImportJob``, follow-ups), its task claims a row
with a conditional update before doing the work (so a task run twice does it once),
and registers a *sweep* with :func:`sweep`: a function that enqueues again whatever is
due and has no live task. The consumer runs every sweep once a minute, and once when
it starts, so what a dead consumer left undone is done after the next start or
within a minute by any other consumer.

Apps define tasks in their ``tasks.py`` (or import them there), which ``run_huey``
imports on start.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from huey import crontab
from huey.contrib.djhuey import HUEY, db_periodic_task, db_task, on_startup

__all__ = ["HUEY", "db_task", "queue_sweep_task", "sweep", "sweeps_run"]

logger = logging.getLogger(__name__)

Sweep = Callable[[], int]
_sweeps: dict[str, Sweep] = {}
_started = threading.Event()


def sweep(function: Sweep) -> Sweep:
    """Register ``function`` as a sweep: it enqueues what is due, returns how many."""
    _sweeps[f"{function.__module__}.{function.__qualname__}"] = function
    return function


def sweeps_run() -> dict[str, int]:
    """Run every registered sweep; return how many tasks each enqueued.

    One sweep failing (its table locked, a bug) does not stop the others.
    """
    enqueued: dict[str, int] = {}
    for name, function in _sweeps.items():
        try:
            enqueued[name] = function()
        except Exception:
            logger.exception("Sweep %s failed; the next sweep tries again", name)
            enqueued[name] = 0
    return enqueued


@db_periodic_task(crontab(minute="*"), name="queue_sweep")
def queue_sweep_task() -> dict[str, int]:
    """Enqueue what is due and has no live task, every minute."""
    return sweeps_run()


@on_startup(name="queue_sweep_at_start")
def _sweep_at_start() -> None:
    # Each worker thread runs the start-up hooks: sweep once per consumer process.
    if not _started.is_set():
        _started.set()
        queue_sweep_task()
