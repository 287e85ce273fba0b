"""Status lists: indexes never reused, bits flipped and re-signed, served at a URL."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from skillpath.accounts import testing
from skillpath.core.badges import decode_status_list, get_bit, verify_credential
from skillpath.credentials.keys import resolve_method
from skillpath.credentials.models import StatusList
from skillpath.credentials.services.issuers import issuer_ensure
from skillpath.credentials.services.status_lists import (
    resolve_status_list,
    status_list_allocate,
    status_list_by_url,
    status_list_credential,
    status_list_set,
    status_list_url,
)

pytestmark = pytest.mark.django_db


def test_indexes_are_distinct_in_range_and_not_in_issue_order() -> None:
    issuer = issuer_ensure(organisation=testing.organisation())
    indexes = [status_list_allocate(issuer=issuer)[1] for _ in range(200)]
    assert len(set(indexes)) == 200
    status_list = StatusList.objects.get(issuer=issuer)
    assert all(0 <= index < status_list.size_bits for index in indexes)
    assert indexes != sorted(indexes)
    assert status_list.allocated == 200


def test_consecutive_awards_land_far_apart_in_every_new_list() -> None:
    # Whatever the random draw, consecutive indexes are at least a quarter of the
    # list apart (cyclically), so issue order cannot be read from them.
    for _ in range(20):
        issuer = issuer_ensure(organisation=testing.organisation())
        indexes = [status_list_allocate(issuer=issuer)[1] for _ in range(3)]
        size = StatusList.objects.get(issuer=issuer).size_bits
        for earlier, later in zip(indexes, indexes[1:], strict=False):
            gap = (later - earlier) % size
            assert size // 4 <= min(gap, size - gap)


def test_a_full_list_opens_the_next_one() -> None:
    issuer = issuer_ensure(organisation=testing.organisation())
    first = StatusList.objects.get(issuer=issuer)
    StatusList.objects.filter(pk=first.pk).update(allocated=first.size_bits)
    second, index = status_list_allocate(issuer=issuer)
    assert second.number == 2 and second.pk != first.pk
    assert 0 <= index < second.size_bits


def test_the_signed_list_is_served_at_its_url_and_verifies() -> None:
    issuer = issuer_ensure(organisation=testing.organisation())
    status_list, index = status_list_allocate(issuer=issuer)
    status_list_set(status_list=status_list, index=index, revoked=True)
    url = status_list_url(status_list)
    assert status_list_by_url(url) == status_list
    response = Client().get(url.removeprefix("http://127.0.0.1:8000"))
    assert response["Content-Type"].startswith("application/vc")
    served = json.loads(response.content)
    assert served == status_list_credential(StatusList.objects.get(pk=status_list.pk))
    assert served["id"] == url and served["issuer"] == issuer.iri
    assert served["credentialSubject"]["statusPurpose"] == "revocation"
    bits = decode_status_list(served["credentialSubject"]["encodedList"])
    assert get_bit(bits, index)
    assert len(bits) * 8 >= 131_072
    checked = verify_credential(served, resolve_key=resolve_method)
    assert checked.check("proof").passed and checked.check("issuer_key").passed


def test_lists_of_other_sites_are_never_fetched() -> None:
    with pytest.raises(LookupError):
        resolve_status_list("https://elsewhere.example/status/1")
