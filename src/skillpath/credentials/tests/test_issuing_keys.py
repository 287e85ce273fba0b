"""Issuer profiles and keys: encrypted at rest, published, rotated, resolvable."""

from __future__ import annotations

import json

import pytest
from django.test import Client, override_settings

from skillpath.accounts import testing
from skillpath.credentials.documents.verification import credential_verify
from skillpath.credentials.exceptions import IssuerKeyUnavailable
from skillpath.credentials.keys import (
    controller_document,
    issuer_key_documents,
    private_key,
    resolve_method,
)
from skillpath.credentials.models import IssuerKey, KeyType
from skillpath.credentials.services.issuers import (
    issuer_ensure,
    issuer_key_rotate,
    issuer_lookup,
)
from skillpath.credentials.tests.issuing_world import awarded

pytestmark = pytest.mark.django_db


def test_issuer_gets_an_ed25519_and_an_rsa_key_encrypted_at_rest() -> None:
    issuer = issuer_ensure(organisation=testing.organisation())
    keys = {key.key_type: key for key in issuer.keys.all()}
    assert set(keys) == {KeyType.ED25519, KeyType.RSA}
    for key in keys.values():
        stored = bytes(key.encrypted_private_key)
        assert stored.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
        assert key.method_id.startswith(issuer.iri + "#")
    assert issuer.iri.endswith(f"/credentials/issuers/{issuer.slug}")
    assert issuer_ensure(organisation=issuer.organisation) == issuer


def test_key_documents_are_multikey_and_jsonwebkey_controlled_by_the_issuer() -> None:
    issuer = issuer_ensure(organisation=testing.organisation())
    documents = issuer_key_documents(issuer)
    types = sorted(document["type"] for document in documents.values())
    assert types == ["JsonWebKey", "Multikey"]
    for method_id, document in documents.items():
        assert document["id"] == method_id
        assert document["controller"] == issuer.iri
        if document["type"] == "Multikey":
            assert document["publicKeyMultibase"].startswith("z6Mk")
        else:
            assert document["publicKeyJwk"]["kty"] == "RSA"
            assert "d" not in document["publicKeyJwk"]
    text = json.dumps(documents)
    assert "PRIVATE" not in text and '"d"' not in text


def test_controller_document_is_served_at_the_issuer_id() -> None:
    issuer = issuer_ensure(organisation=testing.organisation())
    path = issuer.get_absolute_url()
    response = Client().get(path, HTTP_ACCEPT="application/did+json")
    assert response.status_code == 200
    document = response.json()
    assert document == controller_document(issuer)
    assert document["id"] == issuer.iri
    assert set(document["assertionMethod"]) == set(issuer_key_documents(issuer))
    page = Client().get(path, HTTP_ACCEPT="text/html")
    assert page.status_code == 200
    assert issuer.iri in page.content.decode()


def test_rotated_keys_stop_signing_but_what_they_signed_still_verifies() -> None:
    award = awarded()
    issuer = award.issuer
    old = IssuerKey.objects.get(issuer=issuer, key_type=KeyType.ED25519)
    new = issuer_key_rotate(issuer=issuer, key_type=KeyType.ED25519)
    issuer_key_rotate(issuer=issuer, key_type=KeyType.RSA)
    old.refresh_from_db()
    assert old.retired_at is not None and new.retired_at is None
    assert new.method_id != old.method_id
    for form in (award.document, award.jwt_rs256, award.jwt_eddsa):
        assert credential_verify(form).verified
    later = awarded(credential=None, organisation=issuer.organisation)
    assert later.document["proof"]["verificationMethod"] == new.method_id
    assert credential_verify(later.document).verified
    assert resolve_method(old.method_id) is not None
    assert len(issuer_key_documents(issuer)) == 4


def test_a_changed_encryption_key_refuses_to_sign_with_an_actionable_message() -> None:
    issuer = issuer_ensure(organisation=testing.organisation())
    key = issuer.keys.first()
    with (
        override_settings(
            SKILLPATH_KEY_ENCRYPTION_KEY="another-secret-entirely-0123456789"
        ),
        pytest.raises(IssuerKeyUnavailable, match="secret"),
    ):
        private_key(key)


def test_issuer_is_found_by_id_url_or_organisation_short_name() -> None:
    issuer = issuer_ensure(organisation=testing.organisation())
    assert issuer_lookup(issuer.iri) == issuer
    assert issuer_lookup(issuer.organisation.slug) == issuer


def test_unknown_methods_do_not_resolve() -> None:
    assert resolve_method("https://elsewhere.example/issuers/x#ed25519-1") is None
