"""Long imports in the background: the upload is kept, a consumer imports it.

An app registers what one kind of import does with :func:`import_runner`; its view
calls :func:`import_job_create` with the uploaded files and sends the person to the
job's page (``web:import_job``), which shows the progress and then the result or the
error. The runner runs inside one transaction that also marks the job done, so an
import is all or nothing, and a job whose consumer died (claimed longer ago than
``SKILLPATH_IMPORT_LEASE_SECONDS``) is simply run again by the sweep.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from skillpath.common.exceptions import SkillpathError
from skillpath.common.models import ImportJob, ImportStatus
from skillpath.common.queue import db_task, sweep

logger = logging.getLogger(__name__)

# progress(done, total): how far the import is.
ImportProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportOutcome:
    """What a finished import says: a sentence, and the page of what it made."""

    message: str
    url: str = ""


ImportRunner = Callable[[ImportJob, Path, ImportProgress], ImportOutcome]
_runners: dict[str, ImportRunner] = {}


def import_runner(kind: str) -> Callable[[ImportRunner], ImportRunner]:
    """Register the function that runs imports of ``kind``.

    It is called with the job, the path of the upload (the file, or the folder of
    them when there are several) and a progress callback, inside the transaction;
    it raises a ``SkillpathError`` with the message to show if the file is bad.
    """

    def register(runner: ImportRunner) -> ImportRunner:
        _runners[kind] = runner
        return runner

    return register


def import_folder(job: ImportJob) -> Path:
    """Return the folder that holds the job's uploaded files."""
    return Path(settings.MEDIA_ROOT) / job.folder


def import_job_create(
    *,
    kind: str,
    files: Sequence[UploadedFile],
    created_by: Any,
    options: dict[str, Any] | None = None,
) -> ImportJob:
    """Keep the uploaded files and import them in the background after the commit."""
    if kind not in _runners:
        raise SkillpathError(_("There is no import of this kind."))
    with transaction.atomic():
        job = ImportJob.objects.create(
            kind=kind,
            options=options or {},
            created_by=created_by
            if getattr(created_by, "is_authenticated", False)
            else None,
            filename=", ".join(upload.name or "" for upload in files)[:255],
            enqueued_at=timezone.now(),
        )
        job.folder = f"imports/{job.public_id}"
        folder = import_folder(job)
        folder.mkdir(parents=True, exist_ok=True)
        for upload in files:
            target = folder / get_valid_filename(Path(upload.name or "upload").name)
            with target.open("wb") as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
        job.save(update_fields=["folder"])
        job_id = job.pk
        transaction.on_commit(lambda: import_run_task(job_id))
    return job


class _ProgressFile:
    """Write the progress beside the upload, at most five times a second.

    The import's transaction holds the database until it commits (on SQLite, the
    whole file), so the progress page reads this file instead.
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / "progress.json"
        self.written_at = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.written_at < 0.2 and done < total:
            return
        self.written_at = now
        partial = self.path.with_suffix(".part")
        partial.write_text(json.dumps({"done": done, "total": total}))
        os.replace(partial, self.path)


def import_progress(job: ImportJob) -> tuple[int, int]:
    """Return (done, total) for the job: from the running import, or as recorded."""
    if job.status == ImportStatus.RUNNING:
        try:
            progress = json.loads((import_folder(job) / "progress.json").read_text())
            return int(progress["done"]), int(progress["total"])
        except (OSError, ValueError, KeyError):
            return 0, 0
    return job.done, job.total


def import_job_run(*, job_id: int) -> bool:
    """Run the import if no one else is: return whether this call ran it."""
    now = timezone.now()
    lease_start = now - timedelta(seconds=settings.SKILLPATH_IMPORT_LEASE_SECONDS)
    claimable = Q(status=ImportStatus.QUEUED) | Q(
        status=ImportStatus.RUNNING, started_at__lt=lease_start
    )
    if not ImportJob.objects.filter(claimable, pk=job_id).update(
        status=ImportStatus.RUNNING, started_at=now, updated_at=now
    ):
        return False
    job = ImportJob.objects.get(pk=job_id)
    mine = ImportJob.objects.filter(
        pk=job_id, status=ImportStatus.RUNNING, started_at=now
    )
    folder = import_folder(job)
    counted = [0, 0]
    progress = _ProgressFile(folder)

    def report(done: int, total: int) -> None:
        counted[:] = [done, total]
        progress(done, total)

    try:
        files = [path for path in folder.iterdir() if path.name != "progress.json"]
        if not files:
            raise FileNotFoundError(folder)
        upload = folder if len(files) > 1 else files[0]
        with transaction.atomic():
            outcome = _runners[job.kind](job, upload, report)
            mine.update(
                status=ImportStatus.DONE,
                message=outcome.message,
                result_url=outcome.url,
                done=counted[1] or counted[0],
                total=counted[1] or counted[0],
                finished_at=timezone.now(),
                updated_at=timezone.now(),
            )
    except SkillpathError as error:
        message = error.message
    except FileNotFoundError:
        logger.error("Import %s: the uploaded files are not in %s", job.pk, folder)
        message = _(
            "The uploaded files were not found on the machine that ran the import "
            "(MEDIA_ROOT must be shared by every server). Upload them again."
        )
    except Exception:
        logger.exception("Import %s (%s) failed", job.pk, job.kind)
        message = _(
            "The import stopped on an unexpected error, and nothing was saved. "
            "Try again; if it fails again, tell your administrator (import %(id)s)."
        ) % {"id": job.public_id}
    else:
        shutil.rmtree(folder, ignore_errors=True)
        return True
    mine.update(
        status=ImportStatus.FAILED,
        message=message,
        done=counted[0],
        total=counted[1],
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )
    shutil.rmtree(folder, ignore_errors=True)
    return True


@sweep
def import_sweep() -> int:
    """Enqueue again every import that is due and has no live task."""
    now = timezone.now()
    waited = now - timedelta(seconds=settings.SKILLPATH_QUEUE_SWEEP_AFTER_SECONDS)
    lease_start = now - timedelta(seconds=settings.SKILLPATH_IMPORT_LEASE_SECONDS)
    due = ImportJob.objects.filter(
        Q(status=ImportStatus.QUEUED, enqueued_at__lt=waited)
        | Q(status=ImportStatus.RUNNING, started_at__lt=lease_start)
    )
    job_ids = list(due.order_by("pk").values_list("pk", flat=True)[:1000])
    ImportJob.objects.filter(pk__in=job_ids).update(enqueued_at=now)
    for job_id in job_ids:
        import_run_task(job_id)
    return len(job_ids)


@db_task(name="import_run")
def import_run_task(job_id: int) -> bool:
    """Run one import (the queue's task)."""
    return import_job_run(job_id=job_id)
