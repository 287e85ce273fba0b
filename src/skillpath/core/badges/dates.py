"""XML Schema dateTime values as Verifiable Credentials write them."""

from __future__ import annotations

import re
from datetime import UTC, datetime

# VC 2.0 dateTimeStamp: a time zone is required.
_DATETIME = re.compile(
    r"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
)


def format_datetime(moment: datetime) -> str:
    """Return ``moment`` as ``YYYY-MM-DDTHH:MM:SSZ`` in UTC, whole seconds.

    Whole seconds keep ``validFrom`` equal to the JWT ``nbf`` NumericDate.
    """
    if moment.tzinfo is None:
        raise ValueError("Credential dates must be timezone-aware.")
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_datetime(text: str) -> datetime:
    """Return the aware datetime of an XML Schema ``dateTimeStamp``.

    Raises
    ------
    ValueError
        If ``text`` is not a date-time with a time zone.
    """
    if not isinstance(text, str) or not _DATETIME.match(text):
        raise ValueError(
            f"{text!r} is not a date-time with a time zone (e.g. 2025-01-31T09:00:00Z)."
        )
    # fromisoformat takes at most six fractional digits; finer ones do not matter.
    normalized = re.sub(r"(\.\d{6})\d+", r"\1", text.replace("Z", "+00:00"))
    return datetime.fromisoformat(normalized)


def is_datetime(text: object) -> bool:
    """Return whether ``text`` is an XML Schema ``dateTimeStamp``."""
    try:
        parse_datetime(text)  # type: ignore[arg-type]
    except ValueError:
        return False
    return True


def numeric_date(moment: datetime) -> int:
    """Return the JWT NumericDate (whole seconds since the epoch) of ``moment``."""
    return int(moment.timestamp())


def from_numeric_date(value: int | float) -> datetime:
    """Return the aware UTC datetime of a JWT NumericDate."""
    return datetime.fromtimestamp(value, tz=UTC)
