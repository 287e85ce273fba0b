"""Run the queue for real: consumers in processes of their own, on a file database.

A :class:`QueueWorld` is one throw-away installation: a migrated SQLite file, the
queue (a SQLite file beside it, or a fresh queue name on Redis), and a mail directory
that :class:`SlowFileBackend` writes one file per mail handed to it. Every command
runs as ``manage.py`` in a subprocess with the world's environment, so what is
tested is what an operator runs.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import closing
from email import message_from_bytes
from pathlib import Path
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage

MANAGE = Path(__file__).resolve().parents[4] / "manage.py"


class SlowFileBackend(BaseEmailBackend):
    """Write each mail to its own file, slowly, the way a mail server takes time.

    ``<EMAIL_FILE_PATH>/started/`` gets a marker when a send begins, ``sent/`` the
    message when it ends. The first send to ``SKILLPATH_TEST_MAIL_HANG_FOR`` hangs
    (a mail server that does not answer), so a test knows where to kill a consumer:
    in the middle of a send, before the mail server took the mail.
    """

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        root = Path(os.environ["EMAIL_FILE_PATH"])
        hang_for = os.environ.get("SKILLPATH_TEST_MAIL_HANG_FOR", "")
        for message in email_messages:
            name = f"{message.to[0]}-{uuid.uuid4().hex}"
            (root / "started" / name).touch()
            if message.to[0] == hang_for and not (root / "hung").exists():
                (root / "hung").touch()
                time.sleep(120)
            time.sleep(0.02)
            (root / "sent" / f"{name}.eml").write_bytes(message.message().as_bytes())
        return len(email_messages)


class QueueWorld:
    """One installation to run consumers against, under ``root``."""

    def __init__(self, root: Path, *, redis_url: str = "") -> None:
        self.root = root
        self.mail_dir = root / "mail"
        for folder in ("started", "sent"):
            (self.mail_dir / folder).mkdir(parents=True, exist_ok=True)
        self.database = root / "skillpath.sqlite3"
        self.consumers: list[subprocess.Popen[bytes]] = []
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("SKILLPATH_", "DJANGO_", "DATABASE_", "REDIS_"))
        } | {
            "DJANGO_SETTINGS_MODULE": "skillpath.config.settings",
            "SKILLPATH_TESTING": "1",
            "SKILLPATH_VAR_DIR": str(root),
            "DATABASE_URL": f"sqlite:///{self.database}",
            "SKILLPATH_QUEUE_IMMEDIATE": "0",
            "SKILLPATH_QUEUE_NAME": f"skillpath-test-{uuid.uuid4().hex[:12]}",
            "SKILLPATH_QUEUE_FILE": str(root / "huey.sqlite3"),
            "SKILLPATH_QUEUE_SWEEP_AFTER_SECONDS": "0",
            "SKILLPATH_MAIL_LEASE_SECONDS": "1",
            "EMAIL_BACKEND": f"{__name__}.SlowFileBackend",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "LOG_LEVEL": "WARNING",
        }
        if redis_url:
            self.env["REDIS_URL"] = redis_url

    def use_database(self, template: Path) -> None:
        """Start from a copy of an already migrated database (migrating takes 9 s)."""
        shutil.copyfile(template, self.database)

    def manage(self, *args: str) -> str:
        """Run ``manage.py`` with the world's environment; return what it printed."""
        done = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
            [sys.executable, str(MANAGE), *args],
            env=self.env,
            capture_output=True,
            check=False,
            timeout=120,
        )
        if done.returncode:
            raise AssertionError(
                f"manage.py {' '.join(args)} failed:\n{done.stderr.decode()}"
            )
        return done.stdout.decode()

    def python(self, code: str) -> Any:
        """Run ``code`` in Django's shell; return the JSON it printed last."""
        lines = self.manage("shell", "--no-imports", "-c", code).strip().splitlines()
        return json.loads(lines[-1]) if lines else None

    def mails_record(self, count: int, *, tasks_each: int = 1) -> None:
        """Record ``count`` due mails through ``send_mail_later``.

        Each gets ``tasks_each`` tasks in the queue: 1 as recorded, 0 if they were
        all lost before a consumer ran, more if the task was enqueued again.
        """
        code = (
            "from skillpath.common.mail import mail_send_task, send_mail_later\n"
            "from skillpath.common.queue import HUEY\n"
            "mails = [send_mail_later(to=f'learner{i}@example.org',"
            " subject='Follow-up', body='How are you doing?', key=f'test:{i}')"
            f" for i in range({count})]\n"
        )
        if tasks_each == 0:
            code += "HUEY.flush()\n"
        code += (
            f"for _ in range({max(tasks_each - 1, 0)}):\n"
            "    for mail in mails:\n"
            "        mail_send_task(mail.pk)\n"
        )
        self.python(code)

    def queue_lose(self) -> None:
        """Empty the queue: every task in it is lost, as with a dead broker."""
        self.python("from skillpath.common.queue import HUEY\nHUEY.flush()")

    def mail_states(self) -> dict[str, int]:
        """Return how many recorded mails are in each state (read from the file)."""
        with closing(sqlite3.connect(self.database, timeout=20)) as database:
            rows = database.execute(
                "SELECT status, COUNT(*) FROM common_outgoingmail GROUP BY status"
            ).fetchall()
        return dict(rows)

    def consumer_start(self, *, workers: int = 2) -> subprocess.Popen[bytes]:
        """Start ``manage.py run_huey`` in a process group of its own."""
        log = (self.root / f"consumer-{len(self.consumers)}.log").open("wb")
        consumer = subprocess.Popen(  # noqa: S603 - our own manage.py
            [
                sys.executable,
                str(MANAGE),
                "run_huey",
                "-w",
                str(workers),
                "-k",
                "thread",
            ],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.consumers.append(consumer)
        return consumer

    def consumer_kill(self, consumer: subprocess.Popen[bytes]) -> None:
        """Kill the consumer with SIGKILL: no clean-up, tasks in hand are lost."""
        os.killpg(consumer.pid, signal.SIGKILL)
        consumer.wait(timeout=10)

    def consumers_stop(self) -> None:
        """Stop every consumer still running, the way Ctrl-C does."""
        for consumer in self.consumers:
            if consumer.poll() is None:
                os.killpg(consumer.pid, signal.SIGINT)
        for consumer in self.consumers:
            try:
                consumer.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(consumer.pid, signal.SIGKILL)
                consumer.wait()

    def logs(self) -> str:
        """Return what the consumers printed (shown when a test fails)."""
        return "\n".join(
            path.read_text(errors="replace")
            for path in sorted(self.root.glob("consumer-*.log"))
        )

    def hang_at(self, recipient: str) -> None:
        """Make the first send to ``recipient`` hang (for consumers started next)."""
        self.env["SKILLPATH_TEST_MAIL_HANG_FOR"] = recipient

    def hanging(self) -> bool:
        """Return whether a consumer is stuck in the hanging send."""
        return (self.mail_dir / "hung").exists()

    def sent(self) -> Counter[str]:
        """Return how many times each recipient was handed a mail."""
        counts: Counter[str] = Counter()
        for path in (self.mail_dir / "sent").iterdir():
            message = message_from_bytes(path.read_bytes())
            counts[str(message["To"])] += 1
        return counts

    def wait_for(
        self, condition: Callable[[], bool], *, timeout: float, what: str
    ) -> None:
        """Wait until ``condition()`` holds; fail with the consumers' logs if not."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"Gave up waiting for {what}.\n{self.logs()}")
            time.sleep(0.01)
