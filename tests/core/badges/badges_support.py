"""Test data for the badges core tests: an issuer, a micro-credential, helpers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from skillpath.core.badges import (
    Achievement,
    AchievementLevel,
    Alignment,
    CompetencyResult,
    CompetencyResultDescription,
    Evidence,
    IssuerProfile,
    Recipient,
    StatusEntry,
    build_open_badge_credential,
)

VECTORS = Path(__file__).parent / "vectors"
ISSUER_ID = "https://skillpath.example/issuers/northern-college"
ED_KID = f"{ISSUER_ID}#key-ed25519-1"
RSA_KID = f"{ISSUER_ID}#key-rsa-1"
STATUS_URL = "https://skillpath.example/status/northern-college/1"
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def load_vector(name: str) -> dict[str, Any]:
    """Return a test vector file as JSON."""
    return json.loads((VECTORS / f"{name}.json").read_text(encoding="utf-8"))


LEVELS = (
    AchievementLevel(
        "https://skillpath.example/scales/3/levels/1", "Novice", level="1"
    ),
    AchievementLevel(
        "https://skillpath.example/scales/3/levels/2", "Competent", level="2"
    ),
    AchievementLevel(
        "https://skillpath.example/scales/3/levels/3", "Proficient", level="3"
    ),
)
FIREWALL = CompetencyResultDescription(
    id="https://skillpath.example/competencies/17/result",
    name="Configure a network firewall",
    levels=LEVELS,
    required_level=LEVELS[1].id,
    alignments=(
        Alignment(
            target_name="Configure a network firewall",
            target_url="https://case.skillpath.example/uri/7e1b-17",
            target_framework="Network Support Competencies",
            target_code="NET.3.2",
            target_type="CFItem",
        ),
    ),
)
BACKUPS = CompetencyResultDescription(
    id="https://skillpath.example/competencies/18/result",
    name="Restore data from backups",
    levels=LEVELS,
    required_level=LEVELS[1].id,
    alignments=(
        Alignment(
            target_name="back up data",
            target_url="http://data.europa.eu/esco/skill/1b8c-example",
            target_framework="ESCO",
            target_code="S5.6.1",
        ),
    ),
)
ACHIEVEMENT = Achievement(
    id="https://skillpath.example/micro-credentials/network-support-technician",
    name="Network Support Technician",
    description="Can configure and maintain a small organisation's network.",
    criteria_narrative="Demonstrate every required competency at its required level.",
    image="https://skillpath.example/micro-credentials/network-support-technician.png",
    alignments=(
        Alignment(
            target_name="ICT network technician",
            target_url="http://data.europa.eu/esco/occupation/ict-network-technician",
            target_framework="ESCO",
            target_code="3513.1",
        ),
    ),
    result_descriptions=(FIREWALL, BACKUPS),
    tags=("networking", "IT support"),
    in_language="en",
)
ISSUER = IssuerProfile(
    id=ISSUER_ID,
    name="Northern College",
    url="https://northern-college.example",
    email="credentials@northern-college.example",
    image="https://skillpath.example/issuers/northern-college/logo.png",
)


def make_credential(
    *,
    valid_until: datetime | None = datetime(2029, 6, 1, tzinfo=UTC),
    status_index: int | None = 4242,
    email: str | None = "Learner@Example.org",
    learner_id: str | None = None,
) -> dict[str, Any]:
    """Return an unsigned OpenBadgeCredential with every feature used."""
    return build_open_badge_credential(
        credential_id="urn:uuid:8d4f0c1e-2b6a-4c1e-9a51-6f1d7c3b2a10",
        issuer=ISSUER,
        achievement=ACHIEVEMENT,
        recipient=Recipient(id=learner_id, email=email, salt="5a1t-42"),
        valid_from=datetime(2026, 1, 15, 9, 30, tzinfo=UTC),
        valid_until=valid_until,
        results=(
            CompetencyResult(FIREWALL.id, LEVELS[2].id),
            CompetencyResult(BACKUPS.id, LEVELS[1].id),
        ),
        evidence=(
            Evidence(
                id="https://skillpath.example/evidence/991",
                name="Firewall configuration task",
                narrative="Configured a firewall for a 20-seat office; scored by an assessor.",
                genre="Performance task",
            ),
        ),
        status=StatusEntry(STATUS_URL, status_index)
        if status_index is not None
        else None,
    )


def leaf_paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Yield the path of every leaf value (str, bool, int) in a JSON document."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaf_paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from leaf_paths(value, (*prefix, index))
    else:
        yield prefix


def mutated(document: dict[str, Any], path: tuple[Any, ...]) -> dict[str, Any]:
    """Return a deep copy of ``document`` with the leaf at ``path`` changed."""
    copy = json.loads(json.dumps(document))
    parent = copy
    for step in path[:-1]:
        parent = parent[step]
    value = parent[path[-1]]
    if isinstance(value, bool):
        parent[path[-1]] = not value
    elif isinstance(value, int):
        parent[path[-1]] = value + 1
    else:
        parent[path[-1]] = value[:-1] + ("Y" if value[-1:] != "Y" else "Z")
    return copy


def poisoned_credential(
    *, alignments: int = 8, results: int = 2, proof: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Return the issue-14 poison: identical results holding identical alignments.

    Every alignment blank node has the same first-degree hash and so does every
    result, so RDFC-1.0 tries every permutation of them: factorial work. The
    padding brings the default (2 × 8) to about 34 KiB, as reported.
    """
    document = make_credential()
    alignment = {
        "type": ["Alignment"],
        "targetName": "Configure a network firewall",
        "targetUrl": "https://case.skillpath.example/uri/item-17",
        "targetDescription": "x" * 1700,
        "targetType": "CFItem",
    }
    document["credentialSubject"]["result"] = [
        {
            "type": ["Result"],
            "resultDescription": "https://skillpath.example/competencies/17/result",
            "alignment": [dict(alignment) for _ in range(alignments)],
        }
        for _ in range(results)
    ]
    if proof is not None:
        document["proof"] = proof
    return document
