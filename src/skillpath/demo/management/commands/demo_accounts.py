"""Print the demo accounts and their password."""

from typing import Any

from django.core.management.base import BaseCommand

from skillpath.demo.people import DEMO_PASSWORD, accounts_table


class Command(BaseCommand):
    help = "Print the demo accounts that seed_demo creates, and their password."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for email, role in accounts_table():
            self.stdout.write(f"  {email:40} {role}")
