"""JSON Canonicalization Scheme (RFC 8785), used by ``eddsa-jcs-2022``.

Objects are serialised with members sorted by the UTF-16 code units of their
names, no insignificant whitespace, strings escaped as ECMAScript's
``JSON.stringify`` does, and numbers formatted as ECMAScript's
``Number.prototype.toString`` (shortest round-trip digits, exponent outside
1e-7 .. 1e21).
"""

from __future__ import annotations

import json
import math
from typing import Any

_MAX_SAFE_INTEGER = 2**53


def canonicalize(value: Any) -> bytes:
    """Return the RFC 8785 canonical UTF-8 bytes of a JSON value.

    Raises
    ------
    ValueError
        For values JSON cannot hold in I-JSON: NaN, infinities, lone surrogates,
        non-string object keys, or types other than dict/list/str/int/float/bool/None.
    """
    parts: list[str] = []
    _serialize(value, parts)
    return "".join(parts).encode("utf-8")


def _serialize(value: Any, out: list[str]) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        out.append(_string(value))
    elif isinstance(value, int):
        out.append(
            str(value)
            if abs(value) <= _MAX_SAFE_INTEGER
            else format_number(float(value))
        )
    elif isinstance(value, float):
        out.append(format_number(value))
    elif isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise ValueError(f"JCS: object keys must be strings, not {key!r}.")
        out.append("{")
        for index, key in enumerate(sorted(value, key=_utf16_key)):
            if index:
                out.append(",")
            out.append(_string(key))
            out.append(":")
            _serialize(value[key], out)
        out.append("}")
    elif isinstance(value, list | tuple):
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(",")
            _serialize(item, out)
        out.append("]")
    else:
        raise ValueError(f"JCS: cannot serialise {type(value).__name__}.")


def _utf16_key(name: str) -> bytes:
    return name.encode("utf-16-be", "surrogatepass")


def _string(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(
            "JCS: strings must be valid Unicode (lone surrogate)."
        ) from exc
    # json.dumps without ASCII escaping escapes exactly what JSON.stringify does:
    # '"', '\\', and control characters (\b \t \n \f \r, else \u00xx lowercase).
    return json.dumps(text, ensure_ascii=False)


def format_number(number: float) -> str:
    """Return ``number`` formatted as ECMAScript ``Number.prototype.toString``."""
    if math.isnan(number) or math.isinf(number):
        raise ValueError("JCS: NaN and Infinity are not valid JSON numbers.")
    if number == 0:
        return "0"
    sign = "-" if number < 0 else ""
    mantissa, _, exponent_text = repr(abs(number)).partition("e")
    integer_part, _, fraction_part = mantissa.partition(".")
    digits = (integer_part + fraction_part).lstrip("0")
    # point = position of the decimal point relative to the start of ``digits``.
    point = len(integer_part) + int(exponent_text or 0)
    point -= len(integer_part + fraction_part) - len(
        (integer_part + fraction_part).lstrip("0")
    )
    digits = digits.rstrip("0")
    k, n = len(digits), point
    if k <= n <= 21:
        body = digits + "0" * (n - k)
    elif 0 < n <= 21:
        body = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        body = "0." + "0" * (-n) + digits
    else:
        exponent = n - 1
        exp_text = ("+" if exponent > 0 else "-") + str(abs(exponent))
        body = (
            digits + "e" + exp_text
            if k == 1
            else digits[0] + "." + digits[1:] + "e" + exp_text
        )
    return sign + body
