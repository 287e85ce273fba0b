"""Follow-ups on the real queue: a consumer killed in the middle, started again, sends
every due survey exactly once; withdrawing consent stops what is queued.

Consumers run as ``manage.py run_huey`` in processes of their own on a SQLite file
database (``common/tests/queue_harness.py``), with the queue on SQLite and, when
``REDIS_URL`` is set, on Redis (``.ci/run`` runs this file on Redis too).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from skillpath.common.tests.queue_harness import QueueWorld

HOLDERS = 60

#: Run in the world's Django shell: HOLDERS consenting holders awarded 95 days ago,
#: learner<i>@example.org, their surveys scheduled (and ``extra`` code after).
SETUP = """
import datetime as dt, json
from django.utils import timezone
from skillpath.credentials.models import Award
from skillpath.jobs.testing import jobs_world
from skillpath.outcomes.models import FollowUp
from skillpath.outcomes.services.followups import follow_ups_schedule
from skillpath.outcomes.testing import consenting_holder
world = jobs_world()
for i in range({holders}):
    held = consenting_holder(world)
    held.learner.email = f"learner{{i}}@example.org"
    held.learner.save(update_fields=["email"])
Award.objects.update(valid_from=timezone.now() - dt.timedelta(days=95))
follow_ups_schedule()
{extra}
print(json.dumps(FollowUp.objects.filter(state="scheduled", due_on__lte=timezone.localdate()).count()))
"""

#: Make every survey of every award due (five per learner): a longer sweep.
ALL_DUE = """
FollowUp.objects.update(state="scheduled", closed_at=None)
for follow_up in FollowUp.objects.all():
    follow_up.due_on = follow_up.due_on - dt.timedelta(days=400)
    follow_up.save(update_fields=["due_on"])
"""


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    world = QueueWorld(tmp_path_factory.mktemp("template"))
    world.manage("migrate", "--no-input")
    return world.database


@pytest.fixture(params=["sqlite", "redis"])
def world(
    request: pytest.FixtureRequest, tmp_path: Path, migrated: Path
) -> Iterator[QueueWorld]:
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
        world.queue_lose()


def query(world: QueueWorld, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(world.database, timeout=20)) as database:
        return database.execute(sql).fetchall()


def follow_up_states(world: QueueWorld) -> dict[str, int]:
    return dict(
        query(world, "SELECT state, COUNT(*) FROM outcomes_followup GROUP BY state")
    )


def survey_mails(world: QueueWorld) -> Counter[str]:
    """Return, per follow-up, how many of its first mails are recorded as sent."""
    rows = query(
        world,
        "SELECT key FROM common_outgoingmail WHERE key LIKE 'follow-up:%' "
        "AND status = 'sent'",
    )
    return Counter(key for (key,) in rows)


def assert_each_survey_mailed_once(world: QueueWorld, surveys: int) -> None:
    world.wait_for(
        lambda: (
            len(world.sent()) >= HOLDERS
            and sum(survey_mails(world).values()) >= surveys
        ),
        timeout=180,
        what="every survey's mail",
    )
    world.consumers_stop()  # a duplicate in a worker's hands would land now
    assert follow_up_states(world).get("sent") == surveys
    per_key = survey_mails(world)
    assert len(per_key) == surveys
    assert set(per_key.values()) == {1}
    (outbox,) = query(world, "SELECT COUNT(*) FROM common_outgoingmail")
    assert outbox == (surveys,)
    handed = world.sent()
    assert sum(handed.values()) == surveys, "a mail went to the mail server twice"
    assert set(handed.values()) == {surveys // HOLDERS}


def test_consumer_killed_in_the_middle_of_its_sweeps_mail_sends_each_survey_once(
    world: QueueWorld,
) -> None:
    due = world.python(SETUP.format(holders=HOLDERS, extra=""))
    assert due == HOLDERS
    # The consumer's start-up sweep moves every due survey to sent with its mail in
    # the outbox; its one worker is killed while the 21st mail is being sent.
    world.hang_at("learner20@example.org")
    consumer = world.consumer_start(workers=1)
    world.wait_for(world.hanging, timeout=120, what="the 21st survey mail")
    world.consumer_kill(consumer)
    assert follow_up_states(world).get("sent") == HOLDERS
    assert len(world.sent()) == 20
    time.sleep(1.2)  # the dead consumer's claim outlives its lease (1 s here)
    world.consumer_start()
    assert_each_survey_mailed_once(world, HOLDERS)


def test_consumer_killed_while_its_sweep_moves_surveys_sends_each_once_on_restart(
    world: QueueWorld,
) -> None:
    surveys = world.python(SETUP.format(holders=HOLDERS, extra=ALL_DUE))
    assert surveys == HOLDERS * 5
    consumer = world.consumer_start(workers=1)
    # Kill it once part of the surveys are marked sent: the sweep is half-way.
    world.wait_for(
        lambda: follow_up_states(world).get("sent", 0) >= 20,
        timeout=120,
        what="the sweep to start",
    )
    world.consumer_kill(consumer)
    moved = follow_up_states(world).get("sent", 0)
    assert 20 <= moved < surveys, "the sweep ended before the kill: make it longer"
    (mails,) = query(world, "SELECT COUNT(*) FROM common_outgoingmail")
    assert mails == (moved,)  # each survey moved with its mail, none without
    time.sleep(1.2)
    world.consumer_start(workers=2)
    world.consumer_start(workers=2)  # two consumers sweeping at once
    assert_each_survey_mailed_once(world, surveys)


def test_withdrawing_consent_stops_the_mail_already_queued(world: QueueWorld) -> None:
    # The surveys are sent (mail in the outbox, tasks in the queue) while no consumer
    # runs; the learners withdraw; then a consumer starts and sends none of them.
    world.python(
        SETUP.format(
            holders=5,
            extra=(
                "from skillpath.outcomes.services.followups import follow_ups_send\n"
                "from skillpath.outcomes.services.consent import follow_up_consent_set\n"
                "follow_ups_send()\n"
                "for follow_up in FollowUp.objects.select_related('learner'):\n"
                "    follow_up_consent_set(learner=follow_up.learner, granted=False)\n"
            ),
        )
    )
    assert set(follow_up_states(world)) == {"cancelled"}
    world.consumer_start()
    time.sleep(4)  # the start-up sweep and the queued tasks have run
    world.wait_for(
        lambda: (
            not query(
                world,
                "SELECT 1 FROM common_outgoingmail WHERE status IN ('pending', 'sending')",
            )
        ),
        timeout=30,
        what="the outbox to settle",
    )
    assert world.sent() == Counter()
    statuses = query(
        world, "SELECT status, COUNT(*) FROM common_outgoingmail GROUP BY status"
    )
    assert statuses == [("failed", 5)]
