#!/usr/bin/env python
"""Run Django's administrative commands for skillpath."""

import os
import sys
from pathlib import Path


def main() -> None:
    """Run a management command."""
    sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skillpath.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
