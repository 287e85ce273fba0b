"""Offline contexts, JSON-LD safe mode, and RFC 8785 JCS."""

from __future__ import annotations

import hashlib
import json
import struct
from pathlib import Path
from typing import Any

import pytest
from badges_support import make_credential
from pyld import jsonld

from skillpath.core.badges import (
    ContextNotAllowedError,
    JsonLdError,
    canonicalize_rdfc,
    document_loader,
    expand_strict,
)
from skillpath.core.badges.jcs import canonicalize, format_number
from skillpath.core.badges.loader import (
    BUNDLED_CONTEXTS,
    CONTEXTS_DIR,
    bundled_context_bytes,
)

# File and sha256 of each context, as copied from the project's standards folder:
# signatures depend on these exact bytes.
CONTEXT_SHA256 = {
    "https://www.w3.org/ns/credentials/v2": (
        "credentials-v2.jsonld",
        "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734",
    ),
    "https://www.w3.org/ns/credentials/examples/v2": (
        "credentials-examples-v2.jsonld",
        "57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c",
    ),
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": (
        "ob-context-3.0.3.json",
        "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761",
    ),
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": (
        "ob-extensions.json",
        "2d013f981d1f4516081a6a04e55468ba2b071d4153b794f19a79715c45a89a5e",
    ),
}


def test_loader_serves_each_bundled_context() -> None:
    for url in CONTEXT_SHA256:
        remote = document_loader(url, {})
        assert remote["documentUrl"] == url
        assert "@context" in remote["document"]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.w3.org/2018/credentials/v1",
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        "https://evil.example/context.json",
        "file:///etc/passwd",
    ],
)
def test_loader_refuses_unknown_urls(url: str) -> None:
    with pytest.raises(ContextNotAllowedError, match="not available offline"):
        document_loader(url, {})


def test_document_with_unknown_context_is_refused_not_fetched() -> None:
    document = {"@context": ["https://evil.example/ctx.json"], "name": "x"}
    with pytest.raises(ContextNotAllowedError):
        expand_strict(document)
    with pytest.raises(ContextNotAllowedError):
        canonicalize_rdfc(document)


def test_bundled_contexts_are_byte_for_byte_copies() -> None:
    assert set(BUNDLED_CONTEXTS) == set(CONTEXT_SHA256)
    for url, (filename, digest) in CONTEXT_SHA256.items():
        assert BUNDLED_CONTEXTS[url] == filename
        assert (
            hashlib.sha256((CONTEXTS_DIR / filename).read_bytes()).hexdigest() == digest
        )
        assert hashlib.sha256(bundled_context_bytes(url)).hexdigest() == digest


def _compact_keys(node: Any) -> set[str]:
    keys: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key != "@context":
                keys.add(key)
                keys |= _compact_keys(value)
    elif isinstance(node, list):
        for item in node:
            keys |= _compact_keys(item)
    return keys


def test_every_term_of_a_built_credential_survives_expansion() -> None:
    credential = make_credential(learner_id="https://skillpath.example/learners/77")
    dropped: list[str] = []
    expanded = jsonld.JsonLdProcessor(on_property_dropped=dropped.append).expand(
        credential, {"documentLoader": document_loader, "base": None}
    )
    assert dropped == []
    # Compacting back with the same contexts returns every property we wrote.
    compacted = jsonld.compact(
        expanded,
        {"@context": credential["@context"]},
        {"documentLoader": document_loader},
    )
    assert _compact_keys(compacted) == _compact_keys(credential)
    assert expand_strict(credential)
    text = json.dumps(expanded)
    assert "1EdTechJsonSchemaValidator2019" in text
    assert (
        "https://purl.imsglobal.org/spec/vccs/v1p0/context.json#1EdTechJsonSchemaValidator2019"
        in text
    )


def test_undefined_property_is_refused_by_name() -> None:
    credential = make_credential()
    credential["credentialSubject"]["favouriteColour"] = "green"
    with pytest.raises(JsonLdError, match="favouriteColour"):
        expand_strict(credential)


def test_undefined_type_is_refused() -> None:
    credential = make_credential()
    credential["credentialSchema"][0]["type"] = "MadeUpValidator"
    with pytest.raises(JsonLdError, match="MadeUpValidator"):
        expand_strict(credential)


def test_schema_type_needs_the_extensions_context() -> None:
    credential = make_credential()
    credential["@context"] = credential["@context"][:2]
    with pytest.raises(JsonLdError, match="1EdTechJsonSchemaValidator2019"):
        expand_strict(credential)


def test_relative_id_is_refused() -> None:
    credential = make_credential()
    credential["id"] = "credentials/1"
    with pytest.raises(JsonLdError, match="absolute IRI"):
        expand_strict(credential)


# --- JCS (RFC 8785) -------------------------------------------------------------

# Appendix B of RFC 8785: IEEE 754 bit patterns and their canonical text.
RFC8785_NUMBERS = {
    "0000000000000000": "0",
    "8000000000000000": "0",
    "0000000000000001": "5e-324",
    "8000000000000001": "-5e-324",
    "7fefffffffffffff": "1.7976931348623157e+308",
    "ffefffffffffffff": "-1.7976931348623157e+308",
    "4340000000000000": "9007199254740992",
    "c340000000000000": "-9007199254740992",
    "4430000000000000": "295147905179352830000",
    "44b52d02c7e14af5": "9.999999999999997e+22",
    "44b52d02c7e14af6": "1e+23",
    "44b52d02c7e14af7": "1.0000000000000001e+23",
    "444b1ae4d6e2ef4e": "999999999999999700000",
    "444b1ae4d6e2ef4f": "999999999999999900000",
    "444b1ae4d6e2ef50": "1e+21",
    "3eb0c6f7a0b5ed8c": "9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d": "0.000001",
    "41b3de4355555553": "333333333.3333332",
    "41b3de4355555554": "333333333.33333325",
    "41b3de4355555555": "333333333.3333333",
    "41b3de4355555556": "333333333.3333334",
    "41b3de4355555557": "333333333.33333343",
    "becbf647612f3696": "-0.0000033333333333333333",
    "43143ff3c1cb0959": "1424953923781206.2",
}


@pytest.mark.parametrize(("bits", "expected"), sorted(RFC8785_NUMBERS.items()))
def test_jcs_numbers_follow_ecmascript(bits: str, expected: str) -> None:
    (number,) = struct.unpack(">d", bytes.fromhex(bits))
    assert format_number(number) == expected


def test_jcs_sorts_keys_by_utf16_code_units_and_escapes_like_json_stringify() -> None:
    value = {
        "\u20ac": "Euro Sign",
        "\r": "Carriage Return",
        "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\U0001f600": "Emoji: Grinning Face",
        "\u0080": "Control",
        "\u00f6": "Latin Small Letter O With Diaeresis",
    }
    expected = (
        '{"\\r":"Carriage Return","1":"One","\u0080":"Control",'
        '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",'
        '"\U0001f600":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}'
    )
    assert canonicalize(value).decode("utf-8") == expected
    assert canonicalize({"a": '\u0001\t"\\/', "b": [1, 2.5, True, None]}) == (
        b'{"a":"\\u0001\\t\\"\\\\/","b":[1,2.5,true,null]}'
    )


@pytest.mark.parametrize(
    "bad", [float("nan"), float("inf"), {1: "x"}, "\ud800", object()]
)
def test_jcs_refuses_what_json_cannot_hold(bad: Any) -> None:
    with pytest.raises(ValueError):
        canonicalize(bad)


def test_jcs_agrees_with_the_reference_implementation() -> None:
    reference = pytest.importorskip("c14n.Canonicalize")
    rng_bits = [0x3FF0000000000001 * k % (2**63) for k in range(1, 3000)]
    numbers = [struct.unpack(">d", b.to_bytes(8, "big"))[0] for b in rng_bits]
    numbers = [n for n in numbers if n == n and abs(n) != float("inf")]
    document = {
        "numbers": numbers,
        "text": "caf\u00e9 \u2603 \U0001f600",
        "nested": make_credential(),
    }
    assert canonicalize(document) == reference.canonicalize(document)


def test_contexts_dir_is_inside_the_package() -> None:
    assert Path(CONTEXTS_DIR).parts[-4:] == ("skillpath", "core", "badges", "contexts")
