"""Create skillpath's demo world; running it again changes nothing."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from skillpath.demo.seed import seed


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
        seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
