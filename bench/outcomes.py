"""Benchmark: the outcome report over 100,000 learners and 300,000 follow-ups.

A college with 10 micro-credentials; 100,000 learners (``--quick``: 10,000) spread
over them, 24 monthly cohorts, 13 provinces and the five self-identification
questions. 60 % earn the credential, and each holder has 5 follow-up surveys
(300,000), 60 % answered; a quarter of holders are hired, each rated by the
employer. The rows are written with ``bulk_create`` into a throw-away database:
a SQLite file in a temporary folder, and, when ``DATABASE_URL`` names a PostgreSQL
server, a database created on it for the run and dropped after (each database in
its own process, one after the other, in the same run).

Timed, on each database:

- ``report, all``: :func:`skillpath.outcomes.selectors.reports.outcome_report`
  over the 10 credentials (every breakdown, with small-cell protection); target
  under 2 s;
- ``report, one``: the same over one credential (about a tenth of the learners);
- ``per-learner loop, one``: the figures of that credential computed the naive
  way, a few ORM queries per learner and Python sums, then the same tables. It is
  timed on one credential only (the loop over all 100,000 learners would take
  several minutes; pass ``--full-loop`` to time it too). Its report is compared
  with the selector's, every table, cell and figure.

Run ``python bench/outcomes.py [--quick] [--full-loop]``; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import _common  # noqa: F401  (one BLAS thread, before numpy)
from _common import Progress, table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TARGET_SECONDS = 2.0
CREDENTIALS = 10
SURVEYS_PER_HOLDER = 5
PROVINCES = (
    "AB",
    "BC",
    "MB",
    "NB",
    "NL",
    "NS",
    "NT",
    "NU",
    "ON",
    "PE",
    "QC",
    "SK",
    "YT",
)
PROVINCE_WEIGHTS = (12, 14, 4, 2, 2, 3, 0.2, 0.1, 38, 0.5, 22, 3, 0.2)


def people(n: int, seed: int = 7) -> list[Any]:
    """Return ``n`` learners' paths (60 % holders, 5 surveys each)."""
    from skillpath.outcomes.models import FollowUpState, RatingKind
    from skillpath.outcomes.testing import Person, Rating

    rng = random.Random(seed)
    states = (
        [FollowUpState.ANSWERED] * 60
        + [FollowUpState.NO_ANSWER] * 25
        + [FollowUpState.DECLINED] * 8
        + [FollowUpState.BOUNCED] * 7
    )
    kinds = (("month_3",), ("month_6",), ("quarter_2",), ("month_12",), ("quarter_4",))
    out = []
    for index in range(n):
        holder = index % 10 < 6
        stage = (
            rng.choice(("credential", "applied", "hired", "hired"))
            if holder
            else rng.choice(("assessed", "plan"))
        )
        surveys = tuple(_survey(rng, kind, states) for kind in kinds) if holder else ()
        out.append(
            Person(
                stage=stage,
                credential=rng.randrange(CREDENTIALS),
                province=rng.choices(PROVINCES, PROVINCE_WEIGHTS)[0],
                groups=tuple(rng.choice(("", "yes", "no", "no")) for _ in range(5)),  # type: ignore[arg-type]
                joined=date(2025, 1 + rng.randrange(12), 1 + rng.randrange(28))
                if rng.random() < 0.5
                else date(2026, 1 + rng.randrange(11), 1 + rng.randrange(28)),
                days_to_award=rng.randint(3, 240),
                plan_modules=rng.choice(((), (0,), (0, 1), (1, 2), (0, 1, 2))),
                baseline=(Decimal(rng.randint(1550, 3000)) / 100, "hour")
                if rng.random() < 0.5
                else None,
                surveys=surveys,
                ratings=(
                    Rating(
                        kind=RatingKind.MONTH_3,
                        state=rng.choice(
                            (FollowUpState.ANSWERED, FollowUpState.NO_ANSWER)
                        ),
                        overall=rng.randint(1, 5),
                        scores=(
                            (rng.randint(1, 5), rng.randint(1, 5)),
                            (rng.randint(1, 5), rng.randint(1, 5)),
                        ),
                    ),
                )
                if stage == "hired"
                else (),
            )
        )
    return out


def _survey(rng: random.Random, kinds: tuple[str, ...], states: list[str]) -> Any:
    from skillpath.outcomes.testing import Survey

    hourly = rng.random() < 0.8
    return Survey(
        kinds=kinds,
        state=rng.choice(states),
        employed=rng.random() < 0.72,
        in_field=rng.choice((True, True, False, None)),
        wage=Decimal(rng.randint(1600, 3400)) / 100
        if hourly
        else Decimal(rng.randint(34000, 72000)),
        wage_unit="hour" if hourly else "year",
        same_employer=rng.choice((True, True, False, None)),
    )


def naive_facts(credential_ids: Iterable[int]) -> Any:
    """Return the report's facts the naive way: a loop over learners, few queries each."""
    from datetime import UTC

    from skillpath.accounts.models import LearnerProfile, User
    from skillpath.assessments.models import Sitting
    from skillpath.credentials.models import Award, AwardStatus, MicroCredential
    from skillpath.jobs.models import Application, ApplicationStatus
    from skillpath.learning.models import LearningPlan
    from skillpath.outcomes.models import (
        Baseline,
        EmployerRating,
        FollowUp,
        FollowUpState,
    )
    from skillpath.outcomes.selectors import facts as f

    ids = set(credential_ids)
    credentials = {c.pk: c for c in MicroCredential.objects.filter(pk__in=ids)}
    learner_ids = (
        Sitting.objects.filter(credential_id__in=ids)
        .values_list("learner_id", flat=True)
        .distinct()
    )
    keys, pairs, rows = [], [], []
    for learner_id in list(learner_ids):
        user = User.objects.get(pk=learner_id)
        profile = LearnerProfile.objects.filter(user=user).first()
        cohort = user.date_joined.astimezone(UTC).strftime("%Y-%m")
        region = (profile.region if profile else "") or ""
        groups = tuple(
            (getattr(profile, f"identifies_{g}") if profile else "") or ""
            for g in f.GROUPS
        )
        sittings = list(Sitting.objects.filter(learner=user, credential_id__in=ids))
        awards = {
            a.credential_id: a
            for a in Award.objects.filter(learner=user, status=AwardStatus.ACTIVE)
        }
        plans = {
            p.credential_id: p
            for p in LearningPlan.objects.filter(learner=user).prefetch_related(
                "items__module"
            )
        }
        applications = list(Application.objects.filter(seeker=user))
        baseline = Baseline.objects.filter(learner=user).first()
        follow_ups = list(
            FollowUp.objects.filter(learner=user).select_related("award", "answer")
        )
        ratings = list(
            EmployerRating.objects.filter(application__seeker=user).prefetch_related(
                "competency_ratings"
            )
        )
        for credential_id in sorted({s.credential_id for s in sittings}):
            credential = credentials[credential_id]
            keys.append(
                (
                    credential_id,
                    credential.issuing_organisation_id,
                    cohort,
                    region,
                    *groups,
                )
            )
            pairs.append((learner_id, credential_id))
            row: dict[str, Any] = {"follow_ups": {k: [0] * 6 for k in f.KINDS}}
            rows.append(row)
            award = awards.get(credential_id)
            after = [
                a for a in applications if award and a.created_at >= award.valid_from
            ]
            if any(a.status == ApplicationStatus.HIRED for a in after):
                row["stage"] = 4
            elif after:
                row["stage"] = 3
            elif award:
                row["stage"] = 2
            elif credential_id in plans:
                row["stage"] = 1
            else:
                row["stage"] = 0
            row["retention"], row["satisfaction"] = [0, 0], [0, 0, 0]
            if award is None:
                continue
            first = min(
                s.started_at for s in sittings if s.credential_id == credential_id
            )
            row["days"] = float(
                max(0, int((award.valid_from - first).total_seconds() / 86400))
            )
            plan = plans.get(credential_id)
            items = list(plan.items.all()) if plan else []
            hours = sum((i.module.hours for i in items), Decimal(0))
            cost = sum((i.module.cost for i in items), Decimal(0))
            if credential.full_program_hours:
                row["saved"] = float(Decimal(credential.full_program_hours) - hours)
            row["cost"] = float(cost)
            if baseline and baseline.employed and baseline.wage is not None:
                row["before"] = f.hourly(baseline.wage, baseline.wage_unit)
            for fu in follow_ups:
                if (
                    fu.award.credential_id != credential_id
                    or fu.state not in f.CLOSED_STATES
                ):
                    continue
                answer = getattr(fu, "answer", None)
                if fu.state == FollowUpState.ANSWERED:
                    if answer.employed and answer.in_field:
                        column = 0
                    elif answer.employed:
                        column = 1
                    else:
                        column = 2
                else:
                    column = {"declined": 3, "bounced": 4}.get(fu.state, 5)
                for kind in fu.kinds:
                    row["follow_ups"][kind][column] += 1
                    if (
                        kind == "quarter_4"
                        and column in f.EMPLOYED
                        and answer.same_employer is not None
                    ):
                        row["retention"][0 if answer.same_employer else 1] += 1
                if (
                    "quarter_2" in fu.kinds
                    and column in f.EMPLOYED
                    and answer.wage is not None
                ):
                    row.setdefault("after", []).append(
                        f.hourly(answer.wage, answer.wage_unit)
                    )
            held = {a.pk for a in after}
            for rating in ratings:
                if rating.application_id not in held:
                    continue
                if rating.state == FollowUpState.ANSWERED:
                    row["satisfaction"][
                        0 if (rating.overall_satisfaction or 0) >= 4 else 1
                    ] += 1
                    for cr in rating.competency_ratings.all():
                        row.setdefault("competencies", []).append(cr)
                elif rating.state == FollowUpState.NO_ANSWER:
                    row["satisfaction"][2] += 1
    facts = f.Facts()
    facts.start(keys, pairs)
    competencies: dict[tuple[int, int], list[int]] = {}
    for at, row in enumerate(rows):
        facts.funnel[at, row["stage"]] = 1
        for kind, counts in row["follow_ups"].items():
            facts.follow_ups[kind][at] = counts
        facts.retention[at] = row["retention"]
        facts.satisfaction[at] = row["satisfaction"]
        for name, target in (
            ("days", facts.days_to_credential),
            ("saved", facts.hours_saved),
            ("cost", facts.plan_cost),
            ("before", facts.wage_before),
        ):
            if name in row:
                target.append((at, row[name]))
        facts.wage_after.extend((at, wage) for wage in row.get("after", []))
        for cr in row.get("competencies", []):
            entry = competencies.setdefault((keys[at][0], cr.competency_id), [0, 0, 0])
            entry[0] += 1
            entry[1] += cr.preparation
            entry[2] += cr.performance
    facts.competencies = [(c, k, *v) for (c, k), v in competencies.items()]
    return facts


def _figures_of(report: Any) -> Any:
    """Return everything the report shows, as plain data to compare."""
    shown = {}
    for key, breakdown in report.breakdowns.items():
        shown[key] = (
            [
                (line.row, line.reached, line.attainment)
                for line in breakdown.funnel_lines
            ],
            [(e.kind, e.lines) for e in breakdown.follow_ups],
            breakdown.retention_lines,
            breakdown.satisfaction_lines,
            breakdown.figures,
        )
    return shown, report.competencies


def worker(
    database_url: str, n_learners: int, full_loop: bool, skip_loop: bool = False
) -> dict[str, Any]:
    """Build the world in ``database_url``, time the report both ways, return figures."""
    folder = Path(tempfile.mkdtemp(prefix="skillpath-bench-outcomes-"))
    os.environ.pop("DEBUG", None)
    os.environ["SKILLPATH_TESTING"] = "1"
    os.environ["SKILLPATH_VAR_DIR"] = str(folder / "var")
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skillpath.config.settings")
    os.environ["LOG_LEVEL"] = "WARNING"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from django.db import connection

    from skillpath.outcomes.models import FollowUp
    from skillpath.outcomes.selectors.reports import outcome_report
    from skillpath.outcomes.testing import report_world, world_setup

    engine = connection.vendor
    paths = people(n_learners)
    started = time.perf_counter()
    progress = Progress(len(paths), f"{engine}: writing learners")
    world = world_setup(credentials=CREDENTIALS)
    report_world(paths, world=world, batch=5000, progress=progress.update)
    progress.close()
    if engine == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    built = time.perf_counter() - started
    follow_ups = FollowUp.objects.count()

    def timed(function: Any, repeat: int = 3) -> tuple[float, Any]:
        best, result = float("inf"), None
        for _ in range(repeat):
            began = time.perf_counter()
            result = function()
            best = min(best, time.perf_counter() - began)
        return best, result

    print(f"{engine}: timing the report…", file=sys.stderr)
    all_seconds, _everything = timed(lambda: outcome_report(world.credentials))
    one = world.credentials[:1]
    one_seconds, report_one = timed(lambda: outcome_report(one))
    loop_seconds, same = None, None
    if not skip_loop:
        print(f"{engine}: the per-learner loop over one credential…", file=sys.stderr)
        loop_seconds, loop_one = timed(
            lambda: outcome_report(one, load=naive_facts), repeat=1
        )
        same = _figures_of(report_one) == _figures_of(loop_one)
    loop_all = None
    same_all = None
    if full_loop:
        print(f"{engine}: the per-learner loop over all credentials…", file=sys.stderr)
        loop_all, loop_report = timed(
            lambda: outcome_report(world.credentials, load=naive_facts), repeat=1
        )
        same_all = _figures_of(_everything) == _figures_of(loop_report)
    learners_one = report_one.breakdown("credential").funnel_lines[-1].row.total
    return {
        "engine": engine,
        "learners": n_learners,
        "follow_ups": follow_ups,
        "built": built,
        "all": all_seconds,
        "one": one_seconds,
        "learners_one": learners_one,
        "loop_one": loop_seconds,
        "loop_all": loop_all,
        "same": same,
        "same_all": same_all,
    }


def _run(
    database_url: str, n: int, full_loop: bool, skip_loop: bool = False
) -> dict[str, Any]:
    command = [sys.executable, __file__, "--worker", database_url, "--learners", str(n)]
    if full_loop:
        command.append("--full-loop")
    if skip_loop:
        command.append("--skip-loop")
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _postgres(url: str) -> tuple[str, Any]:
    """Create a throw-away database on the server of ``url``; return its URL, drop."""
    import psycopg

    name = f"skillpath_bench_outcomes_{os.getpid()}"
    admin = psycopg.connect(url, autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    base = url.rsplit("/", 1)[0]

    def drop() -> None:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    return f"{base}/{name}", drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 learners")
    parser.add_argument("--full-loop", action="store_true", help="loop over everyone")
    parser.add_argument(
        "--databases",
        default="sqlite,postgresql",
        help="which of sqlite,postgresql to run (PostgreSQL needs DATABASE_URL)",
    )
    parser.add_argument(
        "--skip-loop", action="store_true", help="time the report only, no loop"
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--learners", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        result = worker(args.worker, args.learners, args.full_loop, args.skip_loop)
        print(json.dumps(result))
        return
    n = 10_000 if args.quick else 100_000
    results = []
    wanted = set(args.databases.split(","))
    if "sqlite" in wanted:
        with tempfile.TemporaryDirectory(prefix="skillpath-bench-") as temp:
            sqlite_url = f"sqlite:///{Path(temp) / 'outcomes.sqlite3'}"
            results.append(_run(sqlite_url, n, args.full_loop, args.skip_loop))
    url = os.environ.get("DATABASE_URL", "")
    if "postgresql" in wanted and url.startswith("postgres"):
        bench_url, drop = _postgres(url)
        try:
            results.append(_run(bench_url, n, args.full_loop, args.skip_loop))
        finally:
            drop()
    rows = []
    for r in results:
        rows.append(
            (r["engine"], "report, 10 credentials", r["learners"], r["all"], "", "")
        )
        rows.append(
            (r["engine"], "report, 1 credential", r["learners_one"], r["one"], "", "")
        )
        if r["loop_one"] is not None:
            rows.append(
                (
                    r["engine"],
                    "per-learner loop, 1 credential",
                    r["learners_one"],
                    r["loop_one"],
                    f"{r['loop_one'] / r['one']:.0f}x",
                    "yes" if r["same"] else "NO",
                )
            )
        if r["loop_all"] is not None:
            rows.append(
                (
                    r["engine"],
                    "per-learner loop, 10 credentials",
                    r["learners"],
                    r["loop_all"],
                    f"{r['loop_all'] / r['all']:.0f}x",
                    "yes" if r["same_all"] else "NO",
                )
            )
    for r in results:
        print(
            f"{r['engine']}: {r['learners']:,} learners, {r['follow_ups']:,} follow-ups, "
            f"written in {r['built']:.0f} s"
        )
    print(
        table(
            ["database", "what", "learners", "seconds", "x report", "same figures"],
            rows,
        )
    )
    verdicts = []
    for r in results:
        verdict = "under" if r["all"] < TARGET_SECONDS else "OVER"
        verdicts.append(
            f"{r['engine']}: report {r['all']:.2f} s ({verdict} the {TARGET_SECONDS:.0f} s "
            "target)"
            + (
                ""
                if r["loop_one"] is None
                else f", loop/report {r['loop_one'] / r['one']:.0f}x on one credential"
            )
        )
    print("; ".join(verdicts))
    if any(r["same"] is False or r["same_all"] is False for r in results):
        sys.exit("The loop and the report disagree: see above.")


if __name__ == "__main__":
    main()
