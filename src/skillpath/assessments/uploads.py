"""Check uploaded evidence files: an allowed type (by content, not only by name), a size.

Files are stored under ``MEDIA_ROOT/private/`` with random names and are served only
by a view that checks access (``assessments:evidence_file``), never by a public URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from skillpath.assessments.exceptions import EvidenceRejected

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class FileType:
    extensions: tuple[str, ...]
    content_type: str
    magic: tuple[bytes, ...]  # empty: plain text, checked separately


FILE_TYPES = {
    "pdf": FileType(("pdf",), "application/pdf", (b"%PDF-",)),
    "png": FileType(("png",), "image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpeg": FileType(("jpg", "jpeg"), "image/jpeg", (b"\xff\xd8\xff",)),
    "docx": FileType(
        ("docx",),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    "odt": FileType(
        ("odt",), "application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)
    ),
    "txt": FileType(("txt",), "text/plain; charset=utf-8", ()),
}
IMAGE_TYPES = ("png", "jpeg")


def max_upload_bytes() -> int:
    return int(getattr(settings, "SKILLPATH_EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES))


def allowed_extensions(kinds: tuple[str, ...] | None = None) -> list[str]:
    return [
        ext
        for name, file_type in FILE_TYPES.items()
        if kinds is None or name in kinds
        for ext in file_type.extensions
    ]


def check_upload(upload: Any, *, kinds: tuple[str, ...] | None = None) -> FileType:
    """Return the type of an uploaded file, or raise ``EvidenceRejected``."""
    limit = max_upload_bytes()
    if upload.size == 0:
        raise EvidenceRejected(_("The file is empty."))
    if upload.size > limit:
        raise EvidenceRejected(
            _("The file is too large: %(size).1f MB; the limit is %(limit)d MB.")
            % {"size": upload.size / 1_048_576, "limit": limit // 1_048_576}
        )
    name = str(upload.name or "")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    candidates = [
        (key, t)
        for key, t in FILE_TYPES.items()
        if extension in t.extensions and (kinds is None or key in kinds)
    ]
    refused = EvidenceRejected(
        _("This type of file is not accepted. Upload one of: %(types)s.")
        % {"types": ", ".join(allowed_extensions(kinds))}
    )
    if not candidates:
        raise refused
    _key, file_type = candidates[0]
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if file_type.magic:
        if not any(head.startswith(magic) for magic in file_type.magic):
            raise EvidenceRejected(
                _("The file's content does not match its name (.%(ext)s).")
                % {"ext": extension}
            )
    else:
        if b"\x00" in head:
            raise refused
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            # A multi-byte character may be cut at 2048 bytes; check a bit less.
            try:
                head[:-4].decode("utf-8")
            except UnicodeDecodeError:
                raise EvidenceRejected(_("Text files must be UTF-8.")) from None
    return file_type


def safe_display_name(name: str) -> str:
    """Return the uploaded file's own name, shortened, for display only."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in base if ch.isprintable())[:200] or "file"
