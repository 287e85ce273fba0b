"""Find the Chromium that the browser tests drive (no Django needed)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def chromium_path() -> str | None:
    """Return the Chromium executable the browser tests drive, if there is one."""
    configured = os.environ.get("SKILLPATH_CHROMIUM", "/usr/bin/chromium")
    if Path(configured).exists():
        return configured
    return shutil.which("chromium")
