"""Framework imports in the background: the upload page's files, run by the queue."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils.translation import gettext as _

from skillpath.accounts.models import Organisation
from skillpath.common.imports import (
    ImportOutcome,
    ImportProgress,
    import_job_create,
    import_runner,
)
from skillpath.common.models import ImportJob
from skillpath.frameworks.services.frameworks import _check_owner, framework_import

KIND = "framework"


def framework_import_enqueue(
    *,
    files: Sequence[UploadedFile],
    source_format: str,
    imported_by: Any,
    owner: Organisation | None = None,
    identifier: str = "",
    version: str = "",
    replace: bool = False,
) -> ImportJob:
    """Keep the uploaded files and import them as a framework in the background.

    Who may import for which organisation is checked now, and again when it runs.
    """
    _check_owner(imported_by, owner)
    return import_job_create(
        kind=KIND,
        files=files,
        created_by=imported_by,
        options={
            "source_format": source_format,
            "owner": owner.pk if owner else None,
            "identifier": identifier,
            "version": version,
            "replace": replace,
            "again_url": reverse("frameworks:import"),
        },
    )


@import_runner(KIND)
def _framework_import_run(
    job: ImportJob, path: Path, progress: ImportProgress
) -> ImportOutcome:
    options = job.options
    owner = (
        Organisation.objects.get(pk=options["owner"]) if options.get("owner") else None
    )
    framework = framework_import(
        path=path,
        source_format=options["source_format"],
        imported_by=job.created_by,
        owner=owner,
        identifier=options.get("identifier", ""),
        version=options.get("version", ""),
        replace=bool(options.get("replace")),
        progress=lambda stage, done, total: progress(done, total),
    )
    message = _("“%(title)s” is imported: %(count)s competencies.") % {
        "title": framework.title,
        "count": f"{framework.competencies.count():,}",
    }
    return ImportOutcome(message=message, url=framework.get_absolute_url())
