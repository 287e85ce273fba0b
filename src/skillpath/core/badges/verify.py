"""Verify an Open Badges 3.0 credential, whatever form it arrives in.

:func:`verify_credential` takes a credential as a dict, JSON text, a VC-JWT, or a
baked PNG/SVG, and returns an ordered list of checks and a verdict. Everything
that needs the outside world comes in through callbacks, so the Django layer
decides how keys and status lists are found (database, cache, HTTP):

``resolve_key(verification_method_id) -> VerificationKey | None``
    the public key and its controller; Ed25519 ``did:key`` methods are resolved
    locally without calling it.
``resolve_status_list(url) -> dict | str``
    the status list credential at ``url`` (JSON dict, JSON text, or VC-JWT).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import jwt

from skillpath.core.badges.baking import PNG_SIGNATURE, extract_png, extract_svg
from skillpath.core.badges.data_integrity import (
    RDFC_2022,
    KeyResolver,
    verify_data_integrity,
)
from skillpath.core.badges.dates import parse_datetime
from skillpath.core.badges.errors import (
    BadgeError,
    CredentialFormatError,
    KeyResolutionError,
)
from skillpath.core.badges.keys import VerificationKey, resolve_did_key
from skillpath.core.badges.limits import document_complexity_problem
from skillpath.core.badges.linked_data import expand_strict
from skillpath.core.badges.results import Check, ProofResult, VerificationResult
from skillpath.core.badges.status_list import read_status
from skillpath.core.badges.structure import open_badge_problems
from skillpath.core.badges.vc_jwt import (
    credential_from_payload,
    issuer_id,
    looks_like_jwt,
    verify_vc_jwt,
)

StatusListResolver = Callable[[str], dict[str, Any] | str]

CHECK_NAMES = (
    "format",
    "structure",
    "jsonld",
    "proof",
    "issuer_key",
    "validity",
    "status",
)


def _safe_resolver(resolve_key: KeyResolver) -> Callable[[str], VerificationKey]:
    def resolve(method_id: str) -> VerificationKey:
        if method_id.startswith("did:key:"):
            return resolve_did_key(method_id)
        try:
            key = resolve_key(method_id)
        except BadgeError:
            raise
        except Exception as exc:  # the callback may fail in ways we cannot list
            raise KeyResolutionError(f"the key resolver failed: {exc}") from exc
        if key is None:
            raise KeyResolutionError("no such verification method is known")
        return key

    return resolve


def detect_format(
    data: dict[str, Any] | str | bytes,
) -> tuple[str, dict[str, Any] | str]:
    """Return the input's format and its credential (dict) or compact JWS (str).

    Formats: ``json``, ``jwt``, ``png+json``, ``png+jwt``, ``svg+json``, ``svg+jwt``.

    Raises
    ------
    CredentialFormatError
        If no credential can be found in ``data``.
    """
    if isinstance(data, dict):
        return "json", data
    container = ""
    if isinstance(data, bytes):
        if data.startswith(PNG_SIGNATURE):
            container, baked = "png+", extract_png(data)
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise CredentialFormatError(
                    "Not a PNG, SVG, JSON or JWT file."
                ) from exc
            container, baked = (
                ("svg+", extract_svg(text))
                if text.lstrip().startswith("<")
                else ("", text)
            )
        if baked is None:
            raise CredentialFormatError(
                f"The {container[:-1].upper()} image has no baked credential."
            )
        data = baked
    elif isinstance(data, str) and data.lstrip().startswith("<"):
        container, baked = "svg+", extract_svg(data)
        if baked is None:
            raise CredentialFormatError("The SVG image has no baked credential.")
        data = baked
    if not isinstance(data, str):
        raise CredentialFormatError(f"Cannot verify a {type(data).__name__}.")
    text = data.strip()
    if text.startswith("{"):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CredentialFormatError(
                f"The credential is not valid JSON: {exc}"
            ) from exc
        if not isinstance(document, dict):
            raise CredentialFormatError("The credential JSON is not an object.")
        return container + "json", document
    if looks_like_jwt(text):
        return container + "jwt", text
    raise CredentialFormatError(
        "Not a credential: expected JSON, a VC-JWT or a baked image."
    )


def _unverified_jwt_credential(token: str) -> dict[str, Any] | None:
    try:
        payload = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return None
    return credential_from_payload(payload) if isinstance(payload, dict) else None


def _proof_check(proof: ProofResult) -> Check:
    if proof.verified:
        return Check("proof", True, proof.message)
    return Check("proof", False, proof.message)


def _jsonld_check(credential: dict[str, Any], proof: ProofResult) -> Check:
    if proof.verified and proof.cryptosuite == RDFC_2022:
        # The RDFC proof was verified over a safe-mode expansion: no need to
        # expand the document a second time.
        return Check(
            "jsonld", True, "Every term is defined (checked while canonicalising)."
        )
    try:
        expand_strict(credential)
    except BadgeError as exc:
        return Check("jsonld", False, str(exc))
    return Check("jsonld", True, "Every term is defined by the bundled contexts.")


def _validity_check(credential: dict[str, Any], now: datetime) -> Check:
    try:
        valid_from = parse_datetime(credential.get("validFrom", ""))
    except ValueError:
        return Check("validity", False, "validFrom is missing or not a date-time.")
    if now < valid_from:
        return Check(
            "validity", False, f"Not yet valid: valid from {credential['validFrom']}."
        )
    if "validUntil" in credential:
        try:
            valid_until = parse_datetime(credential["validUntil"])
        except ValueError:
            return Check("validity", False, "validUntil is not a date-time.")
        if now >= valid_until:
            return Check("validity", False, f"Expired on {credential['validUntil']}.")
        return Check(
            "validity",
            True,
            f"Valid from {credential['validFrom']} until {credential['validUntil']}.",
        )
    return Check("validity", True, f"Valid from {credential['validFrom']}, no expiry.")


def _verify_proof(
    form: str, payload: dict[str, Any] | str, resolver: Callable[[str], VerificationKey]
) -> tuple[ProofResult, dict[str, Any] | None]:
    if isinstance(payload, str):
        return verify_vc_jwt(payload, resolver)
    return verify_data_integrity(payload, resolver), payload


def verify_status(
    credential: dict[str, Any],
    *,
    resolve_key: KeyResolver,
    resolve_status_list: StatusListResolver | None,
    now: datetime,
) -> Check:
    """Return the ``status`` check: is the credential revoked (or suspended)?

    Each ``BitstringStatusListEntry`` is looked up in its status list
    credential, which must itself verify, be issued by the credential's issuer
    (signed with one of its keys) and be within its validity dates.
    """
    resolver = _safe_resolver(resolve_key)
    entries = credential.get("credentialStatus")
    if entries is None:
        return Check(
            "status",
            True,
            "No credentialStatus: the issuer cannot revoke this credential.",
        )
    messages: list[str] = []
    for entry in entries if isinstance(entries, list) else [entries]:
        if (
            not isinstance(entry, dict)
            or entry.get("type") != "BitstringStatusListEntry"
        ):
            kind = entry.get("type") if isinstance(entry, dict) else entry
            return Check(
                "status", False, f"Unsupported credentialStatus type {kind!r}."
            )
        url = entry.get("statusListCredential")
        if resolve_status_list is None or not isinstance(url, str):
            return Check("status", False, "The revocation status could not be checked.")
        try:
            status_list = resolve_status_list(url)
            form, list_payload = detect_format(status_list)
            list_proof, list_credential = _verify_proof(form, list_payload, resolver)
        except BadgeError as exc:
            return Check(
                "status", False, f"Could not read the status list {url}: {exc}"
            )
        except Exception as exc:  # the callback may fail in ways we cannot list
            return Check(
                "status", False, f"Could not fetch the status list {url}: {exc}"
            )
        if not list_proof.verified or list_credential is None:
            return Check(
                "status",
                False,
                f"The status list {url} is not authentic: {list_proof.message}",
            )
        if list_proof.controller != issuer_id(credential) or issuer_id(
            list_credential
        ) != issuer_id(credential):
            return Check(
                "status",
                False,
                f"The status list {url} was not issued by the credential's issuer.",
            )
        list_dates = _validity_check(list_credential, now)
        if not list_dates.passed:
            return Check(
                "status",
                False,
                f"The status list {url} is not current: {list_dates.message}",
            )
        try:
            outcome = read_status(entry, list_credential)
        except BadgeError as exc:
            return Check("status", False, f"Could not read the status: {exc}")
        if outcome.is_set:
            return Check("status", False, f"The credential has been {outcome.message}.")
        messages.append(outcome.message.capitalize())
    return Check("status", True, "; ".join(messages) + ".")


def verify_credential(
    data: dict[str, Any] | str | bytes,
    *,
    resolve_key: KeyResolver,
    resolve_status_list: StatusListResolver | None = None,
    now: datetime | None = None,
) -> VerificationResult:
    """Verify a credential and return every check in order, and the verdict.

    Checks: ``format``, ``structure`` (Open Badges fields), ``jsonld`` (every term
    defined), ``proof`` (signature), ``issuer_key`` (the key's controller is the
    issuer), ``validity`` (dates against ``now``), ``status`` (not revoked).
    The credential is verified only if every check passed. A credential too big
    or too costly to canonicalise stops at a failed ``complexity`` check.
    """
    now = now or datetime.now(UTC)
    resolver = _safe_resolver(resolve_key)
    checks: list[Check] = []
    try:
        form, payload = detect_format(data)
    except BadgeError as exc:
        return VerificationResult(False, (Check("format", False, str(exc)),))
    checks.append(Check("format", True, f"Read as {form}."))

    credential = (
        payload if isinstance(payload, dict) else _unverified_jwt_credential(payload)
    )
    if credential is None:
        checks.append(
            Check("structure", False, "The JWT payload is not a JSON object.")
        )
        return VerificationResult(False, tuple(checks), form)
    too_complex = document_complexity_problem(credential)
    if too_complex:
        # Refused before any expansion or hashing: anyone may ask for this.
        checks.append(Check("complexity", False, too_complex))
        return VerificationResult(False, tuple(checks), form)

    problems = open_badge_problems(credential)
    checks.append(
        Check(
            "structure",
            not problems,
            " ".join(problems) or "Well-formed OpenBadgeCredential.",
        )
    )
    proof, verified_credential = _verify_proof(form, payload, resolver)
    over_budget = next(
        (check for check in proof.checks if check.name == "complexity"), None
    )
    if over_budget is not None:
        checks.append(over_budget)
        return VerificationResult(False, tuple(checks), form)
    checks.append(_jsonld_check(credential, proof))
    checks.append(_proof_check(proof))
    if verified_credential is not None:
        credential = verified_credential  # JWT: exp may have set validUntil

    issuer = issuer_id(credential)
    if proof.controller is None:
        checks.append(
            Check("issuer_key", False, "The signing key's controller is unknown.")
        )
    elif proof.controller == issuer:
        checks.append(
            Check("issuer_key", True, f"Signed with a key of the issuer {issuer}.")
        )
    else:
        checks.append(
            Check(
                "issuer_key",
                False,
                f"Signed with a key of {proof.controller}, not of the issuer {issuer}.",
            )
        )
    checks.append(_validity_check(credential, now))
    checks.append(
        verify_status(
            credential,
            resolve_key=resolve_key,
            resolve_status_list=resolve_status_list,
            now=now,
        )
    )
    return VerificationResult(
        all(check.passed for check in checks), tuple(checks), form, credential
    )
