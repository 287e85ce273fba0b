"""The command-line contracts: credential_list, _export, _revoke, issuer_keys, status_list."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from skillpath.core.badges import decode_status_list, extract_png, extract_svg, get_bit
from skillpath.credentials.documents.verification import credential_verify
from skillpath.credentials.tests.issuing_world import awarded

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english() -> Any:
    """Read the services' messages in English, whatever an earlier test activated."""
    with translation.override("en"):
        yield


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_credential_list_prints_one_line_per_award() -> None:
    first, second = awarded(), awarded(validity_months=1)
    lines = run("credential_list").strip().splitlines()
    assert len(lines) == 2
    fields = lines[0].split("\t")
    assert fields == [
        str(first.public_id),
        first.learner.email,
        first.document["name"],
        first.issuer.iri,
        "active",
    ]
    assert lines[1].split("\t")[0] == str(second.public_id)


def test_credential_export_writes_each_signed_form() -> None:
    award = awarded()
    document = json.loads(run("credential_export", str(award.public_id)))
    assert document == award.document
    rs256 = run("credential_export", str(award.public_id), "--format", "jwt").strip()
    eddsa = run(
        "credential_export", str(award.public_id), "--format", "jwt", "--alg", "EdDSA"
    ).strip()
    assert rs256 == award.jwt_rs256 and eddsa == award.jwt_eddsa
    svg = run("credential_export", str(award.public_id), "--format", "svg")
    assert json.loads(extract_svg(svg) or "") == award.document
    binary = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    call_command(
        "credential_export", str(award.public_id), "--format", "png", stdout=binary
    )
    png = binary.buffer.getvalue()  # type: ignore[attr-defined]
    assert json.loads(extract_png(png) or "") == award.document
    assert credential_verify(png).verified
    with pytest.raises(CommandError, match="credential_list"):
        run("credential_export", "not-an-award")


def test_issuer_keys_prints_each_method_document() -> None:
    award = awarded()
    for reference in (award.issuer.iri, award.issuer.organisation.slug):
        keys = json.loads(run("issuer_keys", reference))
        assert len(keys) == 2
        ed = next(doc for doc in keys.values() if doc["type"] == "Multikey")
        rsa = next(doc for doc in keys.values() if doc["type"] == "JsonWebKey")
        assert ed["controller"] == rsa["controller"] == award.issuer.iri
        assert ed["publicKeyMultibase"].startswith("z6Mk")
        assert rsa["publicKeyJwk"]["kty"] == "RSA"
    rotated = json.loads(run("issuer_keys", award.issuer.iri, "--rotate", "ed25519"))
    assert len(rotated) == 3
    with pytest.raises(CommandError, match="No issuer"):
        run("issuer_keys", "nobody")


def test_status_list_and_credential_revoke() -> None:
    award = awarded()
    index = int(award.document["credentialStatus"]["statusListIndex"])
    before = json.loads(run("status_list", award.issuer.iri))
    assert before["id"] == award.document["credentialStatus"]["statusListCredential"]
    assert not get_bit(
        decode_status_list(before["credentialSubject"]["encodedList"]), index
    )
    output = run(
        "credential_revoke", str(award.public_id), "--reason", "Issued by mistake."
    )
    assert str(award.public_id) in output
    after = json.loads(run("status_list", award.issuer.organisation.slug))
    assert get_bit(decode_status_list(after["credentialSubject"]["encodedList"]), index)
    assert "proof" in after
    assert run("credential_list").strip().endswith("revoked")
    with pytest.raises(CommandError, match="already revoked"):
        run("credential_revoke", str(award.public_id), "--reason", "Again.")
