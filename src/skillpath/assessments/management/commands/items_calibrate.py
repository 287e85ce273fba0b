"""Re-estimate item parameters from collected responses, and report what changed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from skillpath.assessments import requirements
from skillpath.assessments.services.calibration import items_calibrate


class Command(BaseCommand):
    help = (
        "Re-estimate the 2PL/GRM parameters of pilot and operational items from the "
        "responses collected (marginal maximum likelihood), and report the changes. "
        "Items with too few responses keep their parameters."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--competency",
            action="append",
            default=[],
            help="A competency identifier or code (repeat for several); all by default.",
        )
        parser.add_argument(
            "--min-responses",
            type=int,
            default=20,
            help="Responses an item needs to be re-estimated (default 20).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report only; save nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        ids = None
        if options["competency"]:
            ids = []
            for ref in options["competency"]:
                competency = requirements.competency_lookup(ref)
                if competency is None:
                    raise CommandError(
                        f"No competency '{ref}' (give its identifier or code)."
                    )
                ids.append(competency.pk)
        if options["min_responses"] < 2:
            raise CommandError("--min-responses must be at least 2.")
        report = items_calibrate(
            competency_ids=ids,
            min_responses=options["min_responses"],
            dry_run=options["dry_run"],
        )
        self.stdout.write(
            f"{report.competencies} competencies, {len(report.changes)} items, "
            f"{len(report.updated)} re-estimated"
            + (" (dry run: nothing saved)" if options["dry_run"] else "")
        )
        header = (
            f"{'item':<32} {'state':<12} {'n':>5}  {'a (old → new)':<18} b (old → new)"
        )
        self.stdout.write(header)
        for change in report.changes:
            old_b = ", ".join(f"{b:.2f}" for b in change.old_thresholds) or "—"
            if change.new_discrimination is None:
                self.stdout.write(
                    f"{change.code:<32} {change.status:<12} {change.responses:>5}  "
                    f"{change.old_discrimination:.2f} (kept)       {old_b} (too few responses)"
                )
                continue
            new_b = ", ".join(f"{b:.2f}" for b in change.new_thresholds or [])
            self.stdout.write(
                f"{change.code:<32} {change.status:<12} {change.responses:>5}  "
                f"{change.old_discrimination:.2f} → {change.new_discrimination:.2f}"
                f"{'':<5} {old_b} → {new_b}"
            )
