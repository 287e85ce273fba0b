"""Print an issuer's verification methods as one JSON object keyed by their ids."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from skillpath.credentials.exceptions import IssuingError
from skillpath.credentials.keys import issuer_key_documents
from skillpath.credentials.models import KeyType
from skillpath.credentials.services.issuers import issuer_key_rotate, issuer_lookup


class Command(BaseCommand):
    help = (
        "Print a JSON object mapping each verification-method id of ISSUER (its id "
        "URL or its organisation's short name) to its document: Multikey for "
        "Ed25519, JsonWebKey for RSA. Retired keys are included. --rotate first "
        "retires the current key of that type and creates a new one."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("issuer")
        parser.add_argument(
            "--rotate",
            choices=[KeyType.ED25519.value, KeyType.RSA.value],
            help="Rotate the issuer's key of this type before printing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            issuer = issuer_lookup(options["issuer"])
        except IssuingError as error:
            raise CommandError(str(error)) from error
        if options.get("rotate"):
            issuer_key_rotate(issuer=issuer, key_type=options["rotate"])
        self.stdout.write(json.dumps(issuer_key_documents(issuer), indent=2))
