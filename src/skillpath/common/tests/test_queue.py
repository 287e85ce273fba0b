"""The queue with real consumers: killed, restarted, doubled, every mail goes once.

These tests start ``manage.py run_huey`` in processes of their own, on a SQLite file
database, with the queue on SQLite and, when ``REDIS_URL`` is set, on Redis
(``.ci/run`` starts a Redis server and fails if the Redis ones were skipped).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from skillpath.common.tests.queue_harness import QueueWorld

MAILS = 60


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a migrated database file, made once for the module."""
    world = QueueWorld(tmp_path_factory.mktemp("template"))
    world.manage("migrate", "--no-input")
    return world.database


@pytest.fixture(params=["sqlite", "redis"])
def world(
    request: pytest.FixtureRequest, tmp_path: Path, migrated: Path
) -> Iterator[QueueWorld]:
    """Yield a fresh installation with its queue on SQLite, then on Redis."""
    redis_url = ""
    if request.param == "redis":
        redis_url = os.environ.get("REDIS_URL", "")
        if not redis_url:
            pytest.skip(
                "REDIS_URL is not set, so the queue was not tried on Redis "
                "(.ci/run starts redis-server and runs these tests with it)"
            )
    world = QueueWorld(tmp_path, redis_url=redis_url)
    world.use_database(migrated)
    yield world
    world.consumers_stop()
    if redis_url:
        world.queue_lose()  # leave nothing behind on a shared Redis


def every_mail_sent(world: QueueWorld) -> bool:
    return len(world.sent()) >= MAILS


def assert_each_sent_once(world: QueueWorld) -> None:
    world.wait_for(lambda: every_mail_sent(world), timeout=120, what="every mail")
    assert world.mail_states() == {"sent": MAILS}
    world.consumers_stop()  # a duplicate still in a worker's hands lands now
    sent = world.sent()
    assert len(sent) == MAILS
    twice = {to: times for to, times in sent.items() if times > 1}
    assert not twice, f"sent more than once: {twice}"


def kill_in_the_middle(world: QueueWorld) -> int:
    """Start a consumer, kill it in the middle of the 21st send; return how many went.

    One worker, so nothing else is in the middle of anything: the mails before the
    21st are sent and recorded as sent, the 21st is claimed and not sent.
    """
    world.hang_at("learner20@example.org")
    consumer = world.consumer_start(workers=1)
    world.wait_for(world.hanging, timeout=120, what="the 21st send")
    world.consumer_kill(consumer)
    sent_before = len(world.sent())
    assert world.mail_states() == {
        "sent": sent_before,
        "sending": 1,  # claimed by the dead consumer
        "pending": MAILS - sent_before - 1,
    }
    assert sent_before == 20
    time.sleep(1.2)  # the dead consumer's claim outlives its lease (1 s here)
    return sent_before


def test_consumer_killed_in_the_middle_of_a_sweep_sends_every_mail_once_on_restart(
    world: QueueWorld,
) -> None:
    world.mails_record(MAILS, tasks_each=0)  # only the database knows what is due
    kill_in_the_middle(world)  # of the sweep that consumer ran when it started
    world.consumer_start()
    assert_each_sent_once(world)


def test_queue_kept_across_a_kill_and_swept_again_sends_each_mail_once(
    world: QueueWorld,
) -> None:
    world.mails_record(MAILS)  # each enqueued after its commit
    kill_in_the_middle(world)
    # The tasks left in the queue, and the sweep's copies of them.
    world.consumer_start()
    assert_each_sent_once(world)


def test_two_consumers_running_each_task_three_times_send_each_mail_once(
    world: QueueWorld,
) -> None:
    world.mails_record(MAILS, tasks_each=3)
    world.consumer_start(workers=3)
    world.consumer_start(workers=3)
    assert_each_sent_once(world)
