"""Open Badges 3.0 micro-credentials: build, sign, bake, revoke and verify.

Framework-free: plain dicts, bytes and dataclasses in, plain data out. The Django
layer (``skillpath.credentials``) stores keys and awards, and passes callbacks for
what needs the outside world (key and status list lookup).

Typical issuing path::

    credential = build_open_badge_credential(...)
    signed = sign_data_integrity(credential, ed25519_key, verification_method=vm_id)
    token = sign_vc_jwt(credential, rsa_or_ed25519_key, kid=vm_id)
    png = bake_png(badge_png(name), signed)          # or bake_png(..., token)

and verifying::

    result = verify_credential(png_bytes, resolve_key=..., resolve_status_list=...)
    result.verified, [(c.name, c.passed, c.message) for c in result.checks]
"""

from skillpath.core.badges.baking import (
    bake_png,
    bake_svg,
    extract_baked,
    extract_png,
    extract_svg,
)
from skillpath.core.badges.data_integrity import (
    JCS_2022,
    RDFC_2022,
    create_proof,
    sign_data_integrity,
    verify_data_integrity,
)
from skillpath.core.badges.errors import (
    BadgeError,
    BakingError,
    ContextNotAllowedError,
    CredentialFormatError,
    JsonLdError,
    KeyDecryptionError,
    KeyFormatError,
    KeyResolutionError,
    ProofError,
    StatusListError,
    TooComplexError,
)
from skillpath.core.badges.identity import identity_hash, recipient_matches
from skillpath.core.badges.images import badge_png, badge_svg
from skillpath.core.badges.keys import (
    VerificationKey,
    controller_document,
    decode_private_multikey,
    decode_public_multikey,
    did_key_for,
    encode_private_multikey,
    encode_public_multikey,
    encrypt_private_key,
    generate_ed25519_key,
    generate_rsa_key,
    load_private_key,
    public_jwk,
    public_key_from_jwk,
    resolve_did_key,
    verification_key_from_document,
    verification_method_document,
)
from skillpath.core.badges.limits import document_complexity_problem
from skillpath.core.badges.linked_data import canonicalize_rdfc, expand_strict
from skillpath.core.badges.loader import document_loader
from skillpath.core.badges.openbadges import (
    Achievement,
    AchievementLevel,
    Alignment,
    CompetencyResult,
    CompetencyResultDescription,
    Evidence,
    IssuerProfile,
    Recipient,
    StatusEntry,
    build_open_badge_credential,
)
from skillpath.core.badges.results import Check, ProofResult, VerificationResult
from skillpath.core.badges.status_list import (
    MIN_BITS,
    build_status_list_credential,
    decode_status_list,
    encode_status_list,
    get_bit,
    new_bitstring,
    read_status,
    set_bit,
)
from skillpath.core.badges.structure import open_badge_problems
from skillpath.core.badges.vc_jwt import sign_vc_jwt, verify_vc_jwt
from skillpath.core.badges.verify import (
    CHECK_NAMES,
    detect_format,
    verify_credential,
    verify_status,
)

__all__ = [
    "CHECK_NAMES",
    "JCS_2022",
    "MIN_BITS",
    "RDFC_2022",
    "Achievement",
    "AchievementLevel",
    "Alignment",
    "BadgeError",
    "BakingError",
    "Check",
    "CompetencyResult",
    "CompetencyResultDescription",
    "ContextNotAllowedError",
    "CredentialFormatError",
    "Evidence",
    "IssuerProfile",
    "JsonLdError",
    "KeyDecryptionError",
    "KeyFormatError",
    "KeyResolutionError",
    "ProofError",
    "ProofResult",
    "Recipient",
    "StatusEntry",
    "StatusListError",
    "TooComplexError",
    "VerificationKey",
    "VerificationResult",
    "badge_png",
    "badge_svg",
    "bake_png",
    "bake_svg",
    "build_open_badge_credential",
    "build_status_list_credential",
    "canonicalize_rdfc",
    "document_complexity_problem",
    "controller_document",
    "create_proof",
    "decode_private_multikey",
    "decode_public_multikey",
    "decode_status_list",
    "detect_format",
    "did_key_for",
    "document_loader",
    "encode_private_multikey",
    "encode_public_multikey",
    "encode_status_list",
    "encrypt_private_key",
    "expand_strict",
    "extract_baked",
    "extract_png",
    "extract_svg",
    "generate_ed25519_key",
    "generate_rsa_key",
    "get_bit",
    "identity_hash",
    "load_private_key",
    "new_bitstring",
    "open_badge_problems",
    "public_jwk",
    "public_key_from_jwk",
    "read_status",
    "recipient_matches",
    "resolve_did_key",
    "set_bit",
    "sign_data_integrity",
    "sign_vc_jwt",
    "verification_key_from_document",
    "verification_method_document",
    "verify_credential",
    "verify_data_integrity",
    "verify_status",
    "verify_vc_jwt",
]
