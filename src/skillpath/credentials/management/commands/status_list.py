"""Print an issuer's current signed status list credential."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from skillpath.credentials.exceptions import IssuingError
from skillpath.credentials.models import StatusList
from skillpath.credentials.services.issuers import issuer_lookup
from skillpath.credentials.services.status_lists import status_list_credential


class Command(BaseCommand):
    help = (
        "Print the current signed BitstringStatusListCredential of ISSUER (its id "
        "URL or its organisation's short name). With several lists, --number picks "
        "one (default: the newest)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("issuer")
        parser.add_argument("--number", type=int, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            issuer = issuer_lookup(options["issuer"])
        except IssuingError as error:
            raise CommandError(str(error)) from error
        lists = StatusList.objects.filter(issuer=issuer).select_related("issuer")
        if options["number"] is not None:
            lists = lists.filter(number=options["number"])
        found = lists.order_by("-number").first()
        if found is None:
            raise CommandError(f"{issuer.iri} has no such status list.")
        self.stdout.write(json.dumps(status_list_credential(found), indent=2))
