"""Baking credentials into PNG and SVG badges, and extracting them."""

from __future__ import annotations

import io
import json
import struct
import zlib

import pytest
from badges_support import ED_KID, make_credential
from cryptography.hazmat.primitives.asymmetric import ed25519
from PIL import Image

from skillpath.core.badges import (
    BakingError,
    badge_png,
    badge_svg,
    bake_png,
    bake_svg,
    extract_baked,
    extract_png,
    extract_svg,
    sign_vc_jwt,
)


@pytest.fixture(scope="module")
def token(ed_key: ed25519.Ed25519PrivateKey) -> str:
    return sign_vc_jwt(make_credential(), ed_key, kid=ED_KID)


def itxt_chunks(png: bytes) -> list[bytes]:
    chunks, offset = [], 8
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind = png[offset + 4 : offset + 8]
        if kind == b"iTXt":
            chunks.append(png[offset + 8 : offset + 8 + length])
        offset += 12 + length
    return chunks


def test_generated_png_is_a_square_image() -> None:
    png = badge_png(
        "Network Support Technician", primary="#0B6E4F", secondary="#F2C14E"
    )
    with Image.open(io.BytesIO(png)) as picture:
        assert picture.format == "PNG" and picture.size == (400, 400)
    assert extract_png(png) is None


def test_png_json_round_trip() -> None:
    credential = make_credential()
    baked = bake_png(badge_png("Badge"), credential)
    assert json.loads(extract_png(baked) or "") == credential
    [chunk] = itxt_chunks(baked)
    assert chunk.startswith(b"openbadgecredential\x00\x00\x00")  # uncompressed
    with Image.open(io.BytesIO(baked)) as picture:
        picture.load()


def test_png_jwt_round_trip_and_rebaking_replaces(token: str) -> None:
    once = bake_png(badge_png("Badge"), make_credential())
    twice = bake_png(once, token)
    assert extract_png(twice) == token
    assert len(itxt_chunks(twice)) == 1
    assert extract_baked(twice) == token


def test_compressed_chunk_is_refused() -> None:
    png = badge_png("Badge")
    body = b"openbadgecredential\x00\x01\x00\x00\x00" + zlib.compress(b"{}")
    chunk = struct.pack(">I", len(body)) + b"iTXt" + body
    chunk += struct.pack(">I", zlib.crc32(b"iTXt" + body))
    tampered = png[:33] + chunk + png[33:]  # after the IHDR chunk
    with pytest.raises(BakingError, match="compressed"):
        extract_png(tampered)


def test_damaged_png_is_refused() -> None:
    png = bytearray(bake_png(badge_png("Badge"), "a.b.c"))
    png[40] ^= 0xFF
    with pytest.raises(BakingError):
        extract_png(bytes(png))
    with pytest.raises(BakingError):
        bake_png(b"GIF89a", "a.b.c")


def test_generated_svg_escapes_the_name() -> None:
    svg = badge_svg('R&D <Lead> "Quality"')
    assert "R&amp;D &lt;Lead&gt;" in svg
    assert extract_svg(svg) is None
    with pytest.raises(ValueError, match="#RRGGBB"):
        badge_svg("x", primary="red")


def test_svg_json_round_trip_uses_cdata() -> None:
    credential = make_credential()
    credential["name"] = "Tricky ]]> name & <stuff>"
    baked = bake_svg(badge_svg("Badge"), credential)
    assert 'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"' in baked
    assert "<openbadges:credential><![CDATA[" in baked
    assert json.loads(extract_svg(baked) or "") == credential
    assert json.loads(extract_baked(baked.encode()) or "") == credential


def test_svg_jwt_round_trip_uses_verify_attribute(token: str) -> None:
    baked = bake_svg(badge_svg("Badge"), token)
    assert f'<openbadges:credential verify="{token}">' in baked
    assert extract_svg(baked) == token
    rebaked = bake_svg(baked, make_credential())
    assert rebaked.count("<openbadges:credential") == 1
    assert json.loads(extract_svg(rebaked) or "")["id"] == make_credential()["id"]


def test_element_comes_right_after_the_svg_start_tag(token: str) -> None:
    baked = bake_svg(badge_svg("Badge"), token)
    start = baked.index("<svg")
    after_tag = baked[baked.index(">", start) + 1 :].lstrip()
    assert after_tag.startswith("<openbadges:credential")


def test_svg_entities_are_refused() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>'
        '<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    )
    with pytest.raises(BakingError, match="entity"):
        extract_svg(bomb)
    with pytest.raises(BakingError, match="well-formed"):
        extract_svg("<svg><unclosed></svg>")
    with pytest.raises(BakingError, match="no <svg>"):
        bake_svg("<html></html>", "a.b.c")
