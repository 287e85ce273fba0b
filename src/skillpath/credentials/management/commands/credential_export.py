"""Write an award's signed credential to standard output."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from skillpath.core.badges import badge_png, badge_svg, bake_png, bake_svg
from skillpath.credentials.exceptions import IssuingError
from skillpath.credentials.services.awards import award_lookup


class Command(BaseCommand):
    help = (
        "Write the signed credential of AWARD (an id as credential_list prints it) "
        "to standard output as JSON (Data Integrity), a VC-JWT, or a baked PNG/SVG."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "award", help="The award's id, as credential_list prints it."
        )
        parser.add_argument(
            "--format", choices=["json", "jwt", "png", "svg"], default="json"
        )
        parser.add_argument(
            "--alg",
            choices=["RS256", "EdDSA"],
            default="RS256",
            help="The JWT signature algorithm (with --format jwt).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            award = award_lookup(options["award"])
        except IssuingError as error:
            raise CommandError(str(error)) from error
        name = str(award.document.get("name", "credential"))
        form = options["format"]
        if form == "json":
            self.stdout.write(json.dumps(award.document, ensure_ascii=False, indent=2))
        elif form == "jwt":
            token = award.jwt_rs256 if options["alg"] == "RS256" else award.jwt_eddsa
            self.stdout.write(token)
        elif form == "svg":
            self.stdout.write(bake_svg(badge_svg(name), award.document), ending="")
        else:
            data = bake_png(badge_png(name), award.document)
            stream = getattr(self.stdout, "_out", sys.stdout)
            buffer = getattr(stream, "buffer", None)
            if buffer is None:
                raise CommandError("Standard output cannot take binary data.")
            self.stdout.flush()
            buffer.write(data)
            buffer.flush()
