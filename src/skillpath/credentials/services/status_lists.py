"""Bitstring Status Lists: hand out revocation indexes, flip bits, sign the lists.

Each issuer publishes its lists at stable URLs under its id; every award holds one
index in one list. A list credential is signed again, with the issuer's current
Ed25519 key, whenever a bit changes, and served from the database.
"""

from __future__ import annotations

import math
import secrets
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from django.db import transaction
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from skillpath.core.badges import (
    MIN_BITS,
    build_status_list_credential,
    new_bitstring,
    set_bit,
    sign_data_integrity,
)
from skillpath.credentials.exceptions import StatusListFull
from skillpath.credentials.keys import current_key, ed25519_private_key
from skillpath.credentials.models import Issuer, KeyType, StatusList
from skillpath.credentials.site import absolute, base_url

CLOCK_LEEWAY = timedelta(minutes=1)


def status_list_url(status_list: StatusList) -> str:
    """Return the stable public URL (and id) of a status list credential."""
    return absolute(
        reverse(
            "credentials:status_list",
            args=[status_list.issuer.slug, status_list.number],
        )
    )


def _random_multiplier(size_bits: int) -> int:
    # Coprime with the size, so counter -> index is a permutation; taken from the
    # middle half of the range, so consecutive awards land at least a quarter of
    # the list apart and never in issue order (a small multiplier would give
    # nearly consecutive indexes, which tell who was awarded when).
    while True:
        candidate = size_bits // 4 + secrets.randbelow(max(size_bits // 2, 1))
        if math.gcd(candidate, size_bits) == 1:
            return candidate


def status_list_open(*, issuer: Issuer, size_bits: int = MIN_BITS) -> StatusList:
    """Create the issuer's next (empty) status list and return it."""
    number = (
        max(
            StatusList.objects.filter(issuer=issuer).values_list("number", flat=True),
            default=0,
        )
        + 1
    )
    status_list = StatusList.objects.create(
        issuer=issuer,
        number=number,
        size_bits=size_bits,
        multiplier=_random_multiplier(size_bits),
        offset=secrets.randbelow(size_bits),
        bits=bytes(new_bitstring(size_bits)),
    )
    status_list_sign(status_list=status_list)
    return status_list


def status_list_allocate(*, issuer: Issuer) -> tuple[StatusList, int]:
    """Return a status list of the issuer and an index nobody has had before.

    The list row is locked until the caller's transaction ends, so two awards
    issued at the same moment get different indexes.
    """
    with transaction.atomic():
        status_list = (
            StatusList.objects.select_for_update()
            .filter(issuer=issuer)
            .order_by("-number")
            .first()
        )
        if status_list is None or status_list.allocated >= status_list.size_bits:
            Issuer.objects.select_for_update().get(pk=issuer.pk)
            status_list = status_list_open(issuer=issuer)
            status_list = StatusList.objects.select_for_update().get(pk=status_list.pk)
        counter = status_list.allocated
        if counter >= status_list.size_bits:
            raise StatusListFull(f"Status list {status_list} is full.")
        index = (status_list.multiplier * counter + status_list.offset) % (
            status_list.size_bits
        )
        status_list.allocated = counter + 1
        status_list.save(update_fields=["allocated"])
    return status_list, index


def status_list_set(
    *, status_list: StatusList, index: int, revoked: bool = True
) -> None:
    """Set (or clear) one revocation bit and sign the list again, in a transaction."""
    with transaction.atomic():
        locked = StatusList.objects.select_for_update().get(pk=status_list.pk)
        bits = bytearray(locked.bits)
        set_bit(bits, index, revoked)
        locked.bits = bytes(bits)
        locked.save(update_fields=["bits"])
        status_list_sign(status_list=locked)


def status_list_sign(*, status_list: StatusList) -> dict[str, Any]:
    """Sign the list as a ``BitstringStatusListCredential`` and store it.

    ``validFrom`` is set a little before now: a verifier whose clock runs slightly
    behind this server's, or that started verifying a moment before the list
    changed, must not read the fresh list as "not yet valid".
    """
    issuer = status_list.issuer
    key = current_key(issuer, KeyType.ED25519)
    now = timezone.now()
    unsigned = build_status_list_credential(
        credential_id=status_list_url(status_list),
        issuer_id=issuer.iri,
        bits=bytes(status_list.bits),
        valid_from=now - CLOCK_LEEWAY,
    )
    signed = sign_data_integrity(
        unsigned,
        ed25519_private_key(key),
        verification_method=key.method_id,
        created=now,
    )
    StatusList.objects.filter(pk=status_list.pk).update(
        signed_credential=signed, signed_at=now
    )
    status_list.signed_credential, status_list.signed_at = signed, now
    return signed


def status_list_credential(status_list: StatusList) -> dict[str, Any]:
    """Return the signed status list credential, signing it the first time."""
    if status_list.signed_credential:
        return dict(status_list.signed_credential)
    return status_list_sign(status_list=status_list)


def status_list_by_url(url: str) -> StatusList | None:
    """Return the local status list published at ``url``, or None (never fetches)."""
    if not url.startswith(base_url() + "/"):
        return None
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    if match.view_name != "credentials:status_list":
        return None
    return (
        StatusList.objects.select_related("issuer")
        .filter(issuer__slug=match.kwargs["slug"], number=match.kwargs["number"])
        .first()
    )


def resolve_status_list(url: str) -> dict[str, Any]:
    """Return the status list credential at ``url`` if skillpath publishes it.

    Used as the verifier's callback: skillpath never fetches lists from elsewhere.
    """
    status_list = status_list_by_url(url)
    if status_list is None:
        raise LookupError(
            f"{url} is not a status list published by this skillpath; lists of "
            "other issuers are not fetched."
        )
    return status_list_credential(status_list)
