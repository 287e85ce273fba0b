"""Read skillpath's settings from the environment, in one place."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def env_str(name: str, default: str = "") -> str:
    """Return the environment variable ``name``, or ``default``."""
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    """Return the environment variable ``name`` read as a boolean."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    """Return the environment variable ``name`` read as an integer."""
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: list[str]) -> list[str]:
    """Return the comma-separated environment variable ``name`` as a list."""
    value = os.environ.get(name)
    if not value:
        return default
    return [part.strip() for part in value.split(",") if part.strip()]


def local_secret(name: str, var_dir: Path, *, nbytes: int = 48) -> str:
    """Return the secret ``name`` from the environment or from a file under ``var/``.

    In development the secret is generated once and kept in ``var/<name>``, which git
    ignores, so sessions and signed cookies survive a restart.
    """
    value = os.environ.get(name)
    if value:
        return value
    path = var_dir / name.lower()
    if path.exists():
        return path.read_text().strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(nbytes)
    # Created with O_EXCL so two processes starting together keep one secret.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(value)
    return value
