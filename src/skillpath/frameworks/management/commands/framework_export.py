"""Print a competency framework as a CASE 1.1 package (JSON on standard output)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from skillpath.frameworks.interchange.case_export import export_case
from skillpath.frameworks.models import Framework


class Command(BaseCommand):
    help = (
        "Print FRAMEWORK as a CASE 1.1 CFPackage on standard output. FRAMEWORK is the "
        "framework's identifier (for an imported CASE package, its CFDocument identifier)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("framework", help="The framework's identifier.")
        parser.add_argument("--format", default="case", choices=["case"])
        parser.add_argument("--indent", type=int, default=2)

    def handle(self, *args: Any, **options: Any) -> None:
        framework = Framework.objects.filter(identifier=options["framework"]).first()
        if framework is None:
            known = ", ".join(
                Framework.objects.values_list("identifier", flat=True)[:10]
            )
            raise CommandError(
                f"No framework has the identifier {options['framework']!r}. Known: {known or 'none'}."
            )
        package = export_case(framework)
        self.stdout.write(
            json.dumps(package, indent=options["indent"] or None, ensure_ascii=False)
        )
