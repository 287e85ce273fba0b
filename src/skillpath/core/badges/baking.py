"""Bake credentials into badge images and extract them (Open Badges 3.0 §5.3).

PNG: one uncompressed ``iTXt`` chunk with keyword ``openbadgecredential`` whose
text is the compact JWS (VC-JWT) or the credential's JSON.

SVG: an ``<openbadges:credential>`` element, in the namespace
``https://purl.imsglobal.org/ob/v3p0``, right after the ``<svg>`` start tag; a
VC-JWT goes in its ``verify`` attribute, JSON goes in its body inside CDATA.
"""

from __future__ import annotations

import io
import json
import re
import struct
import zlib
from typing import Any
from xml.parsers import expat

from PIL import Image, UnidentifiedImageError
from PIL.PngImagePlugin import PngInfo

from skillpath.core.badges.errors import BakingError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_KEYWORD = "openbadgecredential"
OB_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"

_SVG_START = re.compile(r"<svg\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_BAKED_ELEMENT = re.compile(
    r"\s*<openbadges:credential\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*?"
    r"(?:/>|>.*?</openbadges:credential\s*>)",
    re.DOTALL,
)


def credential_text(credential: dict[str, Any] | str) -> str:
    """Return what gets baked: the JWT itself, or the credential as JSON text."""
    if isinstance(credential, str):
        return credential.strip()
    return json.dumps(credential, ensure_ascii=False, separators=(",", ":"))


# --- PNG ------------------------------------------------------------------------


def bake_png(image: bytes, credential: dict[str, Any] | str) -> bytes:
    """Return a copy of a PNG image carrying the credential (JSON or VC-JWT).

    Any credential already baked into the image is replaced.
    """
    if not image.startswith(PNG_SIGNATURE):
        raise BakingError("Only PNG and SVG images can be baked; this is not a PNG.")
    try:
        with Image.open(io.BytesIO(image)) as picture:
            info = PngInfo()
            info.add_itxt(PNG_KEYWORD, credential_text(credential), zip=False)
            out = io.BytesIO()
            picture.save(out, format="PNG", pnginfo=info)
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise BakingError(f"Could not read the PNG image: {exc}") from exc
    return out.getvalue()


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    if not data.startswith(PNG_SIGNATURE):
        raise BakingError("Not a PNG image.")
    chunks: list[tuple[bytes, bytes]] = []
    offset = len(PNG_SIGNATURE)
    while offset + 12 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        end = offset + 12 + length
        if end > len(data):
            raise BakingError("The PNG image is truncated.")
        body = data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : end])
        if zlib.crc32(kind + body) != crc:
            raise BakingError(f"PNG chunk {kind!r} is damaged (bad CRC).")
        chunks.append((kind, body))
        offset = end
        if kind == b"IEND":
            break
    return chunks


def extract_png(data: bytes) -> str | None:
    """Return the credential text baked into a PNG, or None if there is none."""
    for kind, body in _png_chunks(data):
        if kind != b"iTXt":
            continue
        keyword, _, rest = body.partition(b"\x00")
        if keyword != PNG_KEYWORD.encode("latin-1"):
            continue
        if len(rest) < 2:
            raise BakingError("The openbadgecredential iTXt chunk is malformed.")
        compressed = rest[0]
        _language, _, rest = rest[2:].partition(b"\x00")
        _translated, _, text = rest.partition(b"\x00")
        if compressed:
            raise BakingError(
                "The openbadgecredential chunk is compressed; the spec forbids it."
            )
        try:
            return text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BakingError("The openbadgecredential chunk is not UTF-8.") from exc
    return None


# --- SVG ------------------------------------------------------------------------


def _cdata(text: str) -> str:
    # "]]>" cannot appear inside CDATA: split it across two sections.
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def bake_svg(svg: str | bytes, credential: dict[str, Any] | str) -> str:
    """Return the SVG text carrying the credential (JSON or VC-JWT).

    Any ``<openbadges:credential>`` already present is replaced.
    """
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    text = _BAKED_ELEMENT.sub("", text, count=1)
    match = _SVG_START.search(text)
    if match is None:
        raise BakingError("Not an SVG image: no <svg> element.")
    start_tag = match.group(0)
    if start_tag.endswith("/>"):
        raise BakingError("The SVG is empty (<svg/>); there is nothing to bake into.")
    if "xmlns:openbadges=" not in start_tag:
        start_tag = f'{start_tag[:-1]} xmlns:openbadges="{OB_NAMESPACE}">'
    payload = credential_text(credential)
    if isinstance(credential, str):
        element = f'<openbadges:credential verify="{payload}"></openbadges:credential>'
    else:
        element = f"<openbadges:credential>{_cdata(payload)}</openbadges:credential>"
    baked = text[: match.start()] + start_tag + "\n  " + element + text[match.end() :]
    extract_svg(baked)  # refuse to hand out an SVG that does not parse
    return baked


class _CredentialFinder:
    """Expat handlers that capture the first ``openbadges:credential`` element."""

    def __init__(self) -> None:
        self.depth = 0  # > 0 while inside the credential element
        self.verify: str | None = None
        self.text: list[str] = []
        self.found = False

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if self.depth:
            self.depth += 1
        elif not self.found and name == f"{OB_NAMESPACE} credential":
            self.found, self.depth = True, 1
            self.verify = attributes.get("verify")

    def end(self, name: str) -> None:
        if self.depth:
            self.depth -= 1

    def characters(self, data: str) -> None:
        if self.depth == 1:
            self.text.append(data)


def _refuse_entities(*args: object) -> int:
    raise BakingError("SVG files with entity declarations are refused.")


def extract_svg(svg: str | bytes) -> str | None:
    """Return the credential text baked into an SVG, or None if there is none.

    Entity declarations are refused (no "billion laughs"), and nothing external
    is ever loaded.
    """
    data = svg.encode("utf-8") if isinstance(svg, str) else svg
    finder = _CredentialFinder()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _refuse_entities
    parser.ExternalEntityRefHandler = _refuse_entities
    parser.StartElementHandler = finder.start
    parser.EndElementHandler = finder.end
    parser.CharacterDataHandler = finder.characters
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise BakingError(f"The SVG is not well-formed XML: {exc}") from exc
    if not finder.found:
        return None
    if finder.verify:
        return finder.verify.strip()
    return "".join(finder.text).strip() or None


def extract_baked(data: bytes) -> str | None:
    """Return the credential text baked into a PNG or SVG image, or None."""
    if data.startswith(PNG_SIGNATURE):
        return extract_png(data)
    return extract_svg(data)
