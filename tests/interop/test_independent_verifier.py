"""skillpath's credentials verify with independent, widely used implementations.

Digital Bazaar's ``@digitalbazaar/vc`` (Data Integrity ``eddsa-rdfc-2022``, Bitstring
Status List) and panva's ``jose`` (VC-JWT RS256 and EdDSA) check what the commands
``credential_export``, ``issuer_keys`` and ``status_list`` print, offline: their
document loader knows only the bundled contexts, the keys and the status list.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from skillpath.credentials.tests.issuing_world import awarded

HERE = Path(__file__).resolve().parent
CONTEXTS = HERE.parents[1] / "src" / "skillpath" / "core" / "badges" / "contexts"

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="session")
def node_verifier() -> Path:
    """Install the pinned verifier packages once (npm ci), and return the script."""
    if not (shutil.which("node") and shutil.which("npm")):
        message = "Node.js and npm are needed for the independent verifier tests."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    stamp = HERE / "node_modules" / ".package-lock.json"
    lock = HERE / "package-lock.json"
    if not stamp.exists() or stamp.stat().st_mtime < lock.stat().st_mtime:
        subprocess.run(
            ["npm", "ci", "--silent", "--no-audit", "--no-fund"],
            cwd=HERE,
            check=True,
            timeout=600,
        )
    return HERE / "verify.mjs"


def command(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def verify(
    script: Path, tmp_path: Path, credential: str, keys: str, status: str
) -> dict[str, Any]:
    files = {}
    for name, text in (("credential", credential), ("keys", keys), ("status", status)):
        files[name] = tmp_path / f"{name}.txt"
        files[name].write_text(text)
    completed = subprocess.run(
        [
            "node",
            str(script),
            str(files["credential"]),
            str(files["keys"]),
            str(files["status"]),
            str(CONTEXTS),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_independent_verifiers_accept_every_form_and_see_revocation(
    node_verifier: Path, tmp_path: Path
) -> None:
    award = awarded()
    award_id = str(award.public_id)
    issuer = award.issuer.iri
    keys = command("issuer_keys", issuer)
    status = command("status_list", issuer)
    forms = {
        "json": command("credential_export", award_id, "--format", "json"),
        "RS256": command(
            "credential_export", award_id, "--format", "jwt", "--alg", "RS256"
        ),
        "EdDSA": command(
            "credential_export", award_id, "--format", "jwt", "--alg", "EdDSA"
        ),
    }
    for name, credential in forms.items():
        outcome = verify(node_verifier, tmp_path, credential, keys, status)
        assert outcome == {"verified": True, "revoked": False, "errors": []}, name

    command("credential_revoke", award_id, "--reason", "Issued in error")
    revoked_status = command("status_list", issuer)
    for name, credential in forms.items():
        outcome = verify(node_verifier, tmp_path, credential, keys, revoked_status)
        assert outcome["verified"] is True and outcome["revoked"] is True, name


def test_independent_verifier_rejects_a_changed_credential(
    node_verifier: Path, tmp_path: Path
) -> None:
    award = awarded()
    issuer = award.issuer.iri
    document = json.loads(
        command("credential_export", str(award.public_id), "--format", "json")
    )
    document["credentialSubject"]["result"][0]["achievedLevel"] = (
        document["credentialSubject"]["result"][0]["achievedLevel"] + "-forged"
    )
    outcome = verify(
        node_verifier,
        tmp_path,
        json.dumps(document),
        command("issuer_keys", issuer),
        command("status_list", issuer),
    )
    assert outcome["verified"] is False
    token = command(
        "credential_export", str(award.public_id), "--format", "jwt"
    ).strip()
    header, payload, signature = token.split(".")
    forged = ".".join(
        [
            header,
            payload[:-4] + ("AAAA" if payload[-4:] != "AAAA" else "BBBB"),
            signature,
        ]
    )
    outcome = verify(
        node_verifier,
        tmp_path,
        forged,
        command("issuer_keys", issuer),
        command("status_list", issuer),
    )
    assert outcome["verified"] is False
