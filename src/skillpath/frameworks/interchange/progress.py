"""A progress bar for the terminal, written to standard error."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class TerminalProgress:
    """Draw ``stage [#####.....] done/total`` on one line, at most ten times a second."""

    def __init__(self, stream: TextIO | None = None, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.width = width
        self._last = 0.0
        self._stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        finished = total > 0 and done >= total
        if stage == self._stage and now - self._last < 0.1 and not finished:
            return
        self._last, self._stage = now, stage
        if total > 0:
            filled = int(self.width * min(done, total) / total)
            bar = "#" * filled + "." * (self.width - filled)
            line = f"\r{stage:<13} [{bar}] {done:>9,}/{total:,}"
        else:
            line = f"\r{stage:<13} {done:>9,} records"
        self.stream.write(line)
        if finished:
            self.stream.write("\n")
        self.stream.flush()

    def close(self) -> None:
        """End the line the bar was drawn on."""
        self.stream.write("\n")
        self.stream.flush()
