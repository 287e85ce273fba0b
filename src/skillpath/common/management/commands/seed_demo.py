"""Create skillpath's demo world; running it again changes nothing."""

from __future__ import annotations

import importlib
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Create the demo organisations, people, profiles and credentials. Idempotent: "
        "what exists already is kept."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Seed only when the database holds no user yet.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"]:
            if get_user_model().objects.exists():
                self.stdout.write(
                    "The database holds data already: no demo data added."
                )
                return
            self.stdout.write("The database is empty: seeding the demo data.")
        # Each app may have a ``demo`` module with ``seed(stdout)``; apps run in the
        # order of INSTALLED_APPS, which is the order of the cycle.
        for config in apps.get_app_configs():
            if not config.name.startswith("skillpath."):
                continue
            try:
                module = importlib.import_module(f"{config.name}.demo")
            except ModuleNotFoundError as error:
                if error.name == f"{config.name}.demo":
                    continue
                raise
            self.stdout.write(f"Seeding {config.label}…")
            with transaction.atomic():
                module.seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
