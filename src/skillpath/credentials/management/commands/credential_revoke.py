"""Revoke an award, with the reason the learner will read."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from skillpath.credentials.exceptions import IssuingError
from skillpath.credentials.services.awards import award_lookup, award_revoke


class Command(BaseCommand):
    help = (
        "Revoke AWARD (an id as credential_list prints it): its status list bit is "
        "set and signed at once, and the learner is e-mailed the reason."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("award")
        parser.add_argument("--reason", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            award = award_revoke(
                award=award_lookup(options["award"]),
                reason=options["reason"],
                actor=None,
            )
        except IssuingError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Revoked {award.public_id}: {award.revocation_reason}")
