"""W3C Bitstring Status List: encoding, bit order, minimum size, reading status."""

from __future__ import annotations

import base64
import gzip

import pytest
from badges_support import ISSUER_ID, NOW, STATUS_URL

from skillpath.core.badges import (
    MIN_BITS,
    StatusListError,
    build_status_list_credential,
    decode_status_list,
    encode_status_list,
    get_bit,
    new_bitstring,
    read_status,
    set_bit,
)

KNOWN = [0, 1, 7, 8, 4242, 94567, MIN_BITS - 1]


def test_new_list_has_the_minimum_size_and_is_clear() -> None:
    bits = new_bitstring()
    assert len(bits) * 8 == MIN_BITS == 131_072
    assert not any(bits)
    with pytest.raises(StatusListError, match="at least 131072"):
        new_bitstring(MIN_BITS - 8)


def test_round_trip_keeps_known_bit_positions() -> None:
    bits = new_bitstring()
    for index in KNOWN:
        set_bit(bits, index)
    encoded = encode_status_list(bits)
    assert encoded.startswith("u") and "=" not in encoded
    assert "+" not in encoded and "/" not in encoded
    decoded = decode_status_list(encoded)
    assert decoded == bits
    assert [index for index in range(MIN_BITS) if get_bit(decoded, index)] == KNOWN


def test_index_zero_is_the_leftmost_bit() -> None:
    bits = new_bitstring()
    set_bit(bits, 0)
    set_bit(bits, 9)
    assert bits[0] == 0b1000_0000 and bits[1] == 0b0100_0000
    set_bit(bits, 0, False)
    assert bits[0] == 0


def test_encoding_is_gzip_base64url_multibase() -> None:
    bits = new_bitstring()
    set_bit(bits, 3)
    body = encode_status_list(bits)[1:]
    raw = gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    assert raw == bytes(bits)


def test_empty_list_matches_the_w3c_example_size() -> None:
    # An all-zero 16 KiB list compresses to a few dozen characters.
    assert len(encode_status_list(new_bitstring())) < 100


@pytest.mark.parametrize(
    "encoded",
    [
        "zABC",
        "u!!!",
        "u" + base64.urlsafe_b64encode(b"not gzip").decode().rstrip("="),
        "u" + base64.urlsafe_b64encode(gzip.compress(bytes(100))).decode().rstrip("="),
    ],
)
def test_malformed_or_short_lists_are_refused(encoded: str) -> None:
    with pytest.raises(StatusListError):
        decode_status_list(encoded)


def test_out_of_range_index_is_refused() -> None:
    bits = new_bitstring()
    with pytest.raises(StatusListError, match="outside"):
        get_bit(bits, MIN_BITS)
    with pytest.raises(StatusListError):
        set_bit(bits, -1)


def _entry(index: int, purpose: str = "revocation") -> dict[str, str]:
    return {
        "id": f"{STATUS_URL}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": STATUS_URL,
    }


def test_status_list_credential_and_reading_status() -> None:
    bits = new_bitstring()
    set_bit(bits, 4242)
    status_list = build_status_list_credential(
        credential_id=STATUS_URL, issuer_id=ISSUER_ID, bits=bits, valid_from=NOW
    )
    assert status_list["type"] == [
        "VerifiableCredential",
        "BitstringStatusListCredential",
    ]
    subject = status_list["credentialSubject"]
    assert subject["type"] == "BitstringStatusList"
    assert subject["statusPurpose"] == "revocation"
    assert subject["id"] == f"{STATUS_URL}#list"
    revoked = read_status(_entry(4242), status_list)
    assert revoked.is_set and revoked.message.startswith("revoked")
    assert not read_status(_entry(4243), status_list).is_set
    with pytest.raises(StatusListError, match="purpose"):
        read_status(_entry(1, "suspension"), status_list)
    with pytest.raises(StatusListError, match="outside"):
        read_status(_entry(MIN_BITS), status_list)
    other = {**status_list, "id": "https://elsewhere.example/list"}
    with pytest.raises(StatusListError, match="id"):
        read_status(_entry(1), other)
