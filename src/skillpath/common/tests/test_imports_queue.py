"""Background imports: run once, all or nothing, run again if their consumer died."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from skillpath.accounts import testing
from skillpath.common.imports import (
    import_folder,
    import_job_run,
    import_progress,
    import_sweep,
)
from skillpath.common.models import ImportJob, ImportStatus
from skillpath.frameworks.models import Framework
from skillpath.frameworks.services import framework_import_enqueue
from skillpath.frameworks.tests.support import DATA

pytestmark = pytest.mark.django_db


def case_upload(name: str = "ece.json") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, (DATA / "ece_assistant_case.json").read_bytes(), "application/json"
    )


def queued_import(**fields: Any) -> ImportJob:
    """Enqueue a CASE import whose task is lost (the on-commit hook never runs)."""
    college = testing.organisation()
    job = framework_import_enqueue(
        files=[case_upload()],
        source_format="case",
        imported_by=testing.coordinator(college),
        owner=college,
    )
    if fields:
        ImportJob.objects.filter(pk=job.pk).update(**fields)
        job.refresh_from_db()
    return job


def test_the_upload_is_kept_until_the_import_ran() -> None:
    job = queued_import()
    assert (import_folder(job) / "ece.json").exists()
    assert import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and job.finished_at is not None
    assert job.done == job.total and job.total > 0
    assert import_progress(job) == (job.done, job.total)
    assert not import_folder(job).exists()
    assert job.result_url == Framework.objects.get().get_absolute_url()


def test_an_import_task_run_twice_imports_once() -> None:
    job = queued_import()
    assert import_job_run(job_id=job.pk) is True
    assert import_job_run(job_id=job.pk) is False
    assert Framework.objects.count() == 1


def test_a_bad_file_fails_the_job_with_the_reason_and_saves_nothing() -> None:
    college = testing.organisation()
    job = framework_import_enqueue(
        files=[SimpleUploadedFile("bad.json", b"nope", "application/json")],
        source_format="case",
        imported_by=testing.coordinator(college),
        owner=college,
    )
    import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert job.message.startswith("bad.json") and "not JSON" in job.message
    assert not Framework.objects.exists()


def test_a_failure_while_writing_rolls_back_the_whole_import() -> None:
    # The same identifier as a framework made meanwhile: refused at the write.
    job = queued_import()
    other = queued_import()
    import_job_run(job_id=job.pk)
    import_job_run(job_id=other.pk)
    other.refresh_from_db()
    assert other.status == ImportStatus.FAILED and "exists already" in other.message
    assert Framework.objects.count() == 1


@override_settings(SKILLPATH_QUEUE_SWEEP_AFTER_SECONDS=300)
def test_the_sweep_runs_a_lost_import_but_not_one_just_queued() -> None:
    lost = queued_import(enqueued_at=timezone.now() - timedelta(seconds=301))
    assert import_sweep() == 1
    lost.refresh_from_db()
    assert lost.status == ImportStatus.DONE
    fresh = queued_import()  # another college's, enqueued now
    assert import_sweep() == 0
    fresh.refresh_from_db()
    assert fresh.status == ImportStatus.QUEUED


@override_settings(SKILLPATH_IMPORT_LEASE_SECONDS=600)
def test_an_import_whose_consumer_died_is_run_again_after_its_lease() -> None:
    alive = queued_import(
        status=ImportStatus.RUNNING, started_at=timezone.now() - timedelta(seconds=60)
    )
    assert import_sweep() == 0 and not import_job_run(job_id=alive.pk)
    ImportJob.objects.filter(pk=alive.pk).update(
        started_at=timezone.now() - timedelta(seconds=601)
    )
    assert import_sweep() == 1
    alive.refresh_from_db()
    assert alive.status == ImportStatus.DONE and Framework.objects.count() == 1


def test_files_missing_on_the_consumer_fail_the_job_with_what_to_do() -> None:
    job = queued_import()
    for path in import_folder(job).iterdir():
        path.unlink()
    import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED and "MEDIA_ROOT" in job.message
