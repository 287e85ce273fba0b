"""Import a competency framework from CASE, ESCO or O*NET files."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser

from skillpath.accounts.models import Organisation
from skillpath.frameworks import services
from skillpath.frameworks.exceptions import FrameworksError
from skillpath.frameworks.interchange.files import MAX_IMPORT_BYTES
from skillpath.frameworks.interchange.progress import TerminalProgress


class Command(BaseCommand):
    help = (
        "Import a competency framework in one transaction. PATH is a CASE 1.1 JSON "
        "package (--format case); a folder of ESCO CSV files, or one of them "
        "(--format esco); a folder of O*NET text files, or one of them (--format onet). "
        "A bad file is refused with the file, the record and the rule broken, and "
        "nothing is written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="The file or folder to import.")
        parser.add_argument(
            "--format",
            required=True,
            choices=services.IMPORT_FORMATS,
            dest="source_format",
        )
        parser.add_argument(
            "--organisation",
            default="",
            help="Short name (slug) of the organisation that owns the framework; its "
            "coordinators edit it. Without it, only site administrators edit it.",
        )
        parser.add_argument(
            "--identifier",
            default="",
            help="The framework's identifier (default: the CASE document's; 'esco'; 'onet').",
        )
        parser.add_argument("--framework-version", default="", help="e.g. v1.2.0")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace a framework with the same identifier, if nothing uses it yet.",
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=MAX_IMPORT_BYTES,
            help=f"Refuse files larger than this (default {MAX_IMPORT_BYTES:,}).",
        )
        parser.add_argument(
            "--quiet", action="store_true", help="Draw no progress bar."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        owner = None
        if options["organisation"]:
            owner = Organisation.objects.filter(slug=options["organisation"]).first()
            if owner is None:
                raise CommandError(
                    f"No organisation has the short name {options['organisation']!r}."
                )
        progress = (
            None
            if options["quiet"]
            else TerminalProgress(cast(TextIO, self.stderr._out))
        )
        try:
            framework = services.framework_import(
                path=Path(options["path"]),
                source_format=options["source_format"],
                imported_by=None,
                owner=owner,
                identifier=options["identifier"],
                version=options["framework_version"],
                replace=options["replace"],
                max_bytes=options["max_bytes"],
                **({"progress": progress} if progress else {}),
            )
        except FrameworksError as error:
            raise CommandError(f"Nothing was imported. {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported “{framework.title}” ({framework.identifier}): "
                f"{framework.competencies.count():,} competencies, "
                f"{framework.occupations.count():,} occupations."
            )
        )
