"""W3C Bitstring Status List v1.0: revocation bits published in a signed credential.

Bit ``i`` is the ``i``-th bit counted from the left of the bitstring: the most
significant bit of byte ``i // 8``. The list is at least 131,072 bits (16 KiB) so
that a single revocation does not single out a learner; it is GZIP-compressed
and written as multibase base64url without padding (``u…``).
"""

from __future__ import annotations

import base64
import gzip
import zlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from skillpath.core.badges.dates import format_datetime
from skillpath.core.badges.errors import StatusListError
from skillpath.core.badges.loader import VC_V2

MIN_BITS = 131_072
# A decompression ceiling keeps a hostile list from exhausting memory (128 Mi entries).
MAX_BYTES = 16 * 1024 * 1024


def new_bitstring(size_bits: int = MIN_BITS) -> bytearray:
    """Return an all-zero bitstring of ``size_bits`` bits (a multiple of 8, >= 131,072)."""
    if size_bits < MIN_BITS or size_bits % 8:
        raise StatusListError(
            f"A status list needs at least {MIN_BITS} bits, in whole bytes; got {size_bits}."
        )
    return bytearray(size_bits // 8)


def _check_index(bits: bytes | bytearray, index: int) -> None:
    if not 0 <= index < len(bits) * 8:
        raise StatusListError(
            f"Status list index {index} is outside the list of {len(bits) * 8} entries."
        )


def get_bit(bits: bytes | bytearray, index: int) -> bool:
    """Return the status bit at ``index`` (True = set, e.g. revoked)."""
    _check_index(bits, index)
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def set_bit(bits: bytearray, index: int, value: bool = True) -> None:
    """Set (or clear) the status bit at ``index`` in place."""
    _check_index(bits, index)
    mask = 0x80 >> (index % 8)
    if value:
        bits[index // 8] |= mask
    else:
        bits[index // 8] &= ~mask & 0xFF


def encode_status_list(bits: bytes | bytearray) -> str:
    """Return the ``encodedList`` value: ``u`` + base64url(GZIP(bits)), unpadded."""
    if len(bits) * 8 < MIN_BITS:
        raise StatusListError(f"A status list needs at least {MIN_BITS} bits.")
    compressed = gzip.compress(bytes(bits), compresslevel=9, mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def decode_status_list(encoded: str) -> bytearray:
    """Return the bitstring of an ``encodedList`` value.

    Raises
    ------
    StatusListError
        If the value is not multibase base64url GZIP data of 131,072 bits or more.
    """
    if not isinstance(encoded, str) or not encoded.startswith("u"):
        raise StatusListError(
            "encodedList must be multibase base64url (start with 'u')."
        )
    body = encoded[1:]
    try:
        compressed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        inflater = zlib.decompressobj(wbits=31)  # 31 = GZIP container
        bits = inflater.decompress(compressed, MAX_BYTES + 1)
    except (ValueError, zlib.error) as exc:
        raise StatusListError(
            "encodedList is not GZIP-compressed base64url data."
        ) from exc
    if len(bits) > MAX_BYTES or inflater.unconsumed_tail:
        raise StatusListError(f"The status list is larger than {MAX_BYTES} bytes.")
    if len(bits) * 8 < MIN_BITS:
        raise StatusListError(
            f"The status list has {len(bits) * 8} bits; the minimum is {MIN_BITS}."
        )
    return bytearray(bits)


def build_status_list_credential(
    *,
    credential_id: str,
    issuer_id: str,
    bits: bytes | bytearray,
    valid_from: datetime,
    valid_until: datetime | None = None,
    status_purpose: str = "revocation",
) -> dict[str, Any]:
    """Return an unsigned ``BitstringStatusListCredential`` publishing ``bits``."""
    credential: dict[str, Any] = {
        "@context": [VC_V2],
        "id": credential_id,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_id,
        "validFrom": format_datetime(valid_from),
    }
    if valid_until is not None:
        credential["validUntil"] = format_datetime(valid_until)
    credential["credentialSubject"] = {
        "id": f"{credential_id}#list",
        "type": "BitstringStatusList",
        "statusPurpose": status_purpose,
        "encodedList": encode_status_list(bits),
    }
    return credential


@dataclass(frozen=True)
class StatusOutcome:
    """The value of a credential's status bit and what it means."""

    purpose: str
    index: int
    is_set: bool

    @property
    def message(self) -> str:
        """Return a sentence for people: e.g. "revoked" or "not revoked"."""
        word = {"revocation": "revoked", "suspension": "suspended"}.get(
            self.purpose, self.purpose
        )
        return (
            f"{word} (status list index {self.index})" if self.is_set else f"not {word}"
        )


def read_status(
    entry: dict[str, Any], status_list_credential: dict[str, Any]
) -> StatusOutcome:
    """Return the status bit that ``entry`` points to in a status list credential.

    This reads the list only; verifying the list credential's proof, issuer and
    dates is :func:`skillpath.core.badges.verify.verify_credential`'s job.
    """
    if not isinstance(entry, dict) or entry.get("type") != "BitstringStatusListEntry":
        raise StatusListError("credentialStatus is not a BitstringStatusListEntry.")
    index_text = entry.get("statusListIndex")
    if not isinstance(index_text, str) or not index_text.isdigit():
        raise StatusListError("statusListIndex must be a string of digits.")
    if status_list_credential.get("id") != entry.get("statusListCredential"):
        raise StatusListError(
            "The status list credential's id is not the one the entry names."
        )
    types = status_list_credential.get("type") or []
    if "BitstringStatusListCredential" not in types:
        raise StatusListError("The status list is not a BitstringStatusListCredential.")
    subject = status_list_credential.get("credentialSubject")
    if not isinstance(subject, dict) or subject.get("type") != "BitstringStatusList":
        raise StatusListError(
            "The status list credential's subject is not a BitstringStatusList."
        )
    purposes = subject.get("statusPurpose")
    purposes = purposes if isinstance(purposes, list) else [purposes]
    purpose = entry.get("statusPurpose")
    if not isinstance(purpose, str) or purpose not in purposes:
        raise StatusListError(
            f"Status purpose {purpose!r} does not match the list's {purposes!r}."
        )
    bits = decode_status_list(subject.get("encodedList", ""))
    index = int(index_text)
    return StatusOutcome(purpose=purpose, index=index, is_set=get_bit(bits, index))
