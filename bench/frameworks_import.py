"""Benchmark: importing an ESCO-sized framework into SQLite.

Generates ESCO-shaped CSV files in a temporary folder — about 14,000 skills (with
multi-line and ``|``-separated alternative labels), 3,000 occupations and 130,000
essential/optional occupation–skill relations, the size of ESCO v1.2 — and imports
them with ``framework_import`` (parse and check everything, then bulk inserts in
batches, one transaction) into a fresh SQLite database.

Named baselines, measured in the same run:

* **raw CSV parsing**: ``csv.reader`` over the same three files, no checks, no
  database — the floor of any importer;
* **naive ORM import**: the usual first attempt, one ``Model.objects.create()`` per
  skill, occupation and relation (in one transaction), run on files of the same shape
  at 1/20 of the size, and scaled up linearly to the full size.

Run ``python bench/frameworks_import.py [--quick]`` (``--quick``: a tenth of the size).
Progress goes to stderr, the table to stdout, and the last line gives the ratios.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _common import table  # noqa: E402

SKILLS, OCCUPATIONS, RELATIONS = 14_000, 3_000, 130_000
SUBSET = 20  # the naive baseline runs on 1/SUBSET of the data
WORDS = [
    "apply",
    "assess",
    "coordinate",
    "maintain",
    "operate",
    "inspect",
    "record",
    "prepare",
    "monitor",
    "repair",
    "install",
    "document",
    "analyse",
    "plan",
    "supervise",
    "communicate",
    "safety",
    "equipment",
    "customer",
    "data",
    "network",
    "children",
    "inventory",
    "quality",
    "welding",
    "software",
    "patient",
    "materials",
    "schedule",
    "report",
    "budget",
    "hygiene",
    "vehicle",
    "electrical",
]


def _phrase(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def generate(
    folder: Path, skills: int, occupations: int, relations: int, seed: int = 7
) -> None:
    """Write ESCO-shaped skills, occupations and relations CSV files into ``folder``."""
    rng = random.Random(seed)
    skill_uris = [
        f"http://data.europa.eu/esco/skill/{uuid.UUID(int=rng.getrandbits(128))}"
        for _ in range(skills)
    ]
    occupation_uris = [
        f"http://data.europa.eu/esco/occupation/{uuid.UUID(int=rng.getrandbits(128))}"
        for _ in range(occupations)
    ]
    with (folder / "skills_en.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "conceptType",
                "conceptUri",
                "skillType",
                "reuseLevel",
                "preferredLabel",
                "altLabels",
                "hiddenLabels",
                "status",
                "modifiedDate",
                "scopeNote",
                "definition",
                "inScheme",
                "description",
            ]
        )
        for index, uri in enumerate(skill_uris):
            alt = "\n".join(_phrase(rng, 3) for _ in range(rng.randint(0, 5)))
            writer.writerow(
                [
                    "KnowledgeSkillCompetence",
                    uri,
                    "knowledge" if index % 4 == 0 else "skill/competence",
                    rng.choice(
                        [
                            "transversal",
                            "cross-sector",
                            "sector-specific",
                            "occupation-specific",
                        ]
                    ),
                    f"{_phrase(rng, 3)} {index}",
                    alt,
                    "",
                    "released",
                    "2023-06-01T12:00:00Z",
                    "",
                    "",
                    "http://data.europa.eu/esco/concept-scheme/skills",
                    _phrase(rng, 25) + ", " + _phrase(rng, 12) + ".",
                ]
            )
    with (folder / "occupations_en.csv").open(
        "w", newline="", encoding="utf-8"
    ) as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "conceptType",
                "conceptUri",
                "iscoGroup",
                "preferredLabel",
                "altLabels",
                "hiddenLabels",
                "status",
                "modifiedDate",
                "regulatedProfessionNote",
                "scopeNote",
                "definition",
                "inScheme",
                "description",
                "code",
            ]
        )
        for index, uri in enumerate(occupation_uris):
            isco = f"{rng.randint(1000, 9999)}"
            writer.writerow(
                [
                    "Occupation",
                    uri,
                    isco,
                    f"{_phrase(rng, 2)} worker {index}",
                    "\n".join(_phrase(rng, 3) for _ in range(rng.randint(1, 8))),
                    "",
                    "released",
                    "2023-06-01T12:00:00Z",
                    "",
                    "",
                    "",
                    "http://data.europa.eu/esco/concept-scheme/occupations",
                    _phrase(rng, 40) + ".",
                    f"{isco}.{index}",
                ]
            )
    per_occupation = max(1, -(-relations // occupations))
    with (folder / "occupationSkillRelations_en.csv").open(
        "w", newline="", encoding="utf-8"
    ) as handle:
        writer = csv.writer(handle)
        writer.writerow(["occupationUri", "relationType", "skillType", "skillUri"])
        written = 0
        for occupation in occupation_uris:
            for skill in rng.sample(skill_uris, min(per_occupation, len(skill_uris))):
                if written >= relations:
                    break
                writer.writerow(
                    [
                        occupation,
                        "essential" if rng.random() < 0.55 else "optional",
                        "skill/competence",
                        skill,
                    ]
                )
                written += 1


def raw_parse(folder: Path) -> int:
    """Read every record of the three files with csv.reader; return the record count."""
    count = 0
    for name in (
        "skills_en.csv",
        "occupations_en.csv",
        "occupationSkillRelations_en.csv",
    ):
        with (folder / name).open(newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            next(reader)
            for _row in reader:
                count += 1
    return count


def naive_import(folder: Path) -> int:
    """Import one row at a time through the ORM, as a first attempt would."""
    from django.db import transaction

    from skillpath.frameworks.models import (
        Competency,
        Framework,
        Occupation,
        OccupationCompetency,
    )

    count = 0
    with transaction.atomic():
        framework = Framework.objects.create(
            identifier="naive", title="naive", source_format="esco"
        )
        skills: dict[str, int] = {}
        occupations: dict[str, int] = {}
        with (folder / "skills_en.csv").open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                competency = Competency.objects.create(
                    framework=framework,
                    identifier=row["conceptUri"].rsplit("/", 1)[-1],
                    uri=row["conceptUri"],
                    title_en=row["preferredLabel"],
                    description_en=row["description"],
                    alt_labels_en=row["altLabels"],
                    kind="knowledge" if row["skillType"] == "knowledge" else "skill",
                )
                skills[row["conceptUri"]] = competency.pk
                count += 1
        with (folder / "occupations_en.csv").open(
            newline="", encoding="utf-8"
        ) as handle:
            for row in csv.DictReader(handle):
                occupation = Occupation.objects.create(
                    framework=framework,
                    identifier=row["conceptUri"].rsplit("/", 1)[-1],
                    uri=row["conceptUri"],
                    code=row["code"],
                    title_en=row["preferredLabel"],
                    description_en=row["description"],
                    alt_labels_en=row["altLabels"],
                )
                occupations[row["conceptUri"]] = occupation.pk
                count += 1
        with (folder / "occupationSkillRelations_en.csv").open(
            newline="", encoding="utf-8"
        ) as handle:
            for row in csv.DictReader(handle):
                OccupationCompetency.objects.create(
                    occupation_id=occupations[row["occupationUri"]],
                    competency_id=skills[row["skillUri"]],
                    relation=row["relationType"],
                )
                count += 1
    return count


def setup_django(folder: Path) -> None:
    # Production-like: DEBUG off (no query log); local secrets in the temporary folder.
    os.environ.pop("DEBUG", None)
    os.environ["SKILLPATH_TESTING"] = "1"
    os.environ["SKILLPATH_VAR_DIR"] = str(folder / "var")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skillpath.config.settings")
    os.environ["LOG_LEVEL"] = "WARNING"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of ESCO's size")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    skills, occupations, relations = (
        SKILLS // scale,
        OCCUPATIONS // scale,
        RELATIONS // scale,
    )

    with tempfile.TemporaryDirectory(prefix="skillpath-bench-") as temp:
        root = Path(temp)
        full, small = root / "esco", root / "esco-subset"
        full.mkdir()
        small.mkdir()
        print(
            f"generating {skills:,} skills, {occupations:,} occupations, {relations:,} relations…",
            file=sys.stderr,
        )
        generate(full, skills, occupations, relations)
        # The baseline's subset has the same shape at 1/SUBSET of the size.
        sub_counts = (skills // SUBSET, occupations // SUBSET, relations // SUBSET)
        generate(small, *sub_counts, seed=11)
        size_mb = sum(p.stat().st_size for p in full.iterdir()) / 1e6
        print("migrating a fresh SQLite database…", file=sys.stderr)
        setup_django(root)

        from skillpath.frameworks import services
        from skillpath.frameworks.interchange.progress import TerminalProgress

        total_rows = skills + occupations + relations

        started = time.perf_counter()
        parsed_rows = raw_parse(full)
        raw_seconds = time.perf_counter() - started

        started = time.perf_counter()
        parsed = services.framework_parse(path=full, source_format="esco")
        parse_seconds = time.perf_counter() - started
        assert len(parsed.links) == relations, len(parsed.links)

        progress = TerminalProgress(sys.stderr)
        started = time.perf_counter()
        framework = services.framework_import(
            path=full,
            source_format="esco",
            imported_by=None,
            identifier="esco-bench",
            progress=progress,
        )
        import_seconds = time.perf_counter() - started
        imported = (
            framework.competencies.count()
            + framework.occupations.count()
            + framework.occupations.model.objects.filter(framework=framework)
            .values("competency_links")
            .count()
        )

        print("naive one-row-at-a-time ORM import of the 1/20 subset…", file=sys.stderr)
        started = time.perf_counter()
        naive_rows = naive_import(small)
        naive_seconds = time.perf_counter() - started
        naive_scaled = naive_seconds * total_rows / naive_rows

    rows = [
        [
            "skillpath framework_import (parse, check, bulk write)",
            f"{total_rows:,}",
            f"{import_seconds:.2f}",
            f"{total_rows / import_seconds:,.0f}",
        ],
        [
            "  of which parse and check (no database)",
            f"{total_rows:,}",
            f"{parse_seconds:.2f}",
            f"{total_rows / parse_seconds:,.0f}",
        ],
        [
            "baseline: raw csv.reader, no checks, no database",
            f"{parsed_rows:,}",
            f"{raw_seconds:.2f}",
            f"{parsed_rows / raw_seconds:,.0f}",
        ],
        [
            f"baseline: naive ORM, 1/{SUBSET} subset (measured)",
            f"{naive_rows:,}",
            f"{naive_seconds:.2f}",
            f"{naive_rows / naive_seconds:,.0f}",
        ],
        [
            "baseline: naive ORM, scaled to the full size",
            f"{total_rows:,}",
            f"{naive_scaled:.1f}",
            f"{total_rows / naive_scaled:,.0f}",
        ],
    ]
    print(
        f"ESCO-sized import into SQLite: {skills:,} skills, {occupations:,} occupations, "
        f"{relations:,} relations ({size_mb:.1f} MB of CSV); subset {sub_counts[0]:,}/"
        f"{sub_counts[1]:,}/{sub_counts[2]:,}; {imported:,} rows checked in the database"
    )
    print(table(["method", "records", "seconds", "records/s"], rows))
    print(
        f"ratios: naive-ORM/skillpath time {naive_scaled / import_seconds:.1f}x; "
        f"skillpath/raw-csv time {import_seconds / raw_seconds:.1f}x; "
        f"parse share of import {parse_seconds / import_seconds:.2f}"
    )


if __name__ == "__main__":
    main()
