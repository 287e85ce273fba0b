"""skillpath's credentials checked by an independent verifier, offline.

``tests/interop/verify.mjs`` (Digital Bazaar's ``@digitalbazaar/vc`` with
``eddsa-rdfc-2022`` and ``vc-bitstring-status-list``; ``jose`` for RS256 and EdDSA
VC-JWTs) gets only the credential, ``issuer_keys`` output and ``status_list`` output.
Run ``npm ci`` in ``tests/interop`` first; without it (or without Node.js) this test
skips, saying so.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from skillpath.core.badges.loader import CONTEXTS_DIR
from skillpath.credentials.awards import award_revoke
from skillpath.credentials.tests.issuing_world import awarded

HERE = Path(__file__).resolve().parents[1] / "interop"
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        shutil.which("node") is None or not (HERE / "node_modules").is_dir(),
        reason="Node.js and 'npm ci' in tests/interop are needed.",
    ),
]


def _command(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def _independent(tmp_path: Path, credential: str, issuer: str) -> dict[str, object]:
    (tmp_path / "credential").write_text(credential)
    (tmp_path / "keys.json").write_text(_command("issuer_keys", issuer))
    (tmp_path / "status.json").write_text(_command("status_list", issuer))
    run = subprocess.run(  # noqa: S603 - fixed arguments, our own script
        [
            str(shutil.which("node")),
            str(HERE / "verify.mjs"),
            str(tmp_path / "credential"),
            str(tmp_path / "keys.json"),
            str(tmp_path / "status.json"),
            str(CONTEXTS_DIR),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = run.stdout.strip().splitlines()
    assert lines, f"the verifier printed nothing: {run.stderr[-2000:]}"
    return json.loads(lines[-1])


def test_an_independent_verifier_accepts_every_form_and_sees_revocation(
    tmp_path: Path,
) -> None:
    award = awarded(validity_months=24)
    forms = {
        "json": json.dumps(award.document),
        "rs256": award.jwt_rs256,
        "eddsa": award.jwt_eddsa,
    }
    for name, text in forms.items():
        outcome = _independent(tmp_path, text, award.issuer.iri)
        assert outcome["verified"] is True, (name, outcome)
        assert outcome["revoked"] is False, (name, outcome)
    changed = json.dumps(dict(award.document, name="Something else"))
    assert _independent(tmp_path, changed, award.issuer.iri)["verified"] is False
    award_revoke(award=award, reason="Interoperability test.", actor=None)
    for name, text in forms.items():
        outcome = _independent(tmp_path, text, award.issuer.iri)
        assert outcome["revoked"] is True, (name, outcome)
