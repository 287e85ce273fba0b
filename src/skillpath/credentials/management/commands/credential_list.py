"""Print one line per award: id, learner, micro-credential, issuer id, status."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from skillpath.credentials.models import Award


class Command(BaseCommand):
    help = (
        "List every award, one per line, tab-separated: id, learner, "
        "micro-credential, issuer id, status (active / revoked / expired)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        awards = Award.objects.select_related(
            "learner", "credential", "issuer"
        ).order_by("valid_from", "id")
        for award in awards.iterator():
            name = str(award.document.get("name") or award.credential)
            self.stdout.write(
                "\t".join(
                    [
                        str(award.public_id),
                        award.learner.email,
                        name,
                        award.issuer.iri,
                        award.display_status,
                    ]
                )
            )
