"""Read import files safely: size limit, UTF-8, CSV records with their line numbers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive, make_aware
from django.utils.translation import gettext as _

from skillpath.frameworks.exceptions import FrameworkImportError

# The largest file an import reads (ESCO's biggest file is about 30 MB).
MAX_IMPORT_BYTES = 200 * 1024 * 1024


def check_size(path: Path, max_bytes: int) -> None:
    """Refuse a file larger than ``max_bytes`` before reading it."""
    size = path.stat().st_size
    if size > max_bytes:
        raise FrameworkImportError(
            path.name,
            "",
            _("the file is too large (%(size)s bytes; the limit is %(limit)s bytes).")
            % {"size": f"{size:,}", "limit": f"{max_bytes:,}"},
        )


def read_text(path: Path, max_bytes: int) -> str:
    """Return the file's text, refusing files too large or not UTF-8."""
    check_size(path, max_bytes)
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FrameworkImportError(
            path.name,
            _("byte %(position)d") % {"position": error.start},
            _("the file is not UTF-8 text. Save it as UTF-8 and import it again."),
        ) from error


@dataclass
class Table:
    """A delimited text file: its header and its records with their first line number."""

    name: str
    header: list[str]
    text: str
    delimiter: str

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """Yield (line number, cells) for each record after the header."""
        reader = csv.reader(
            io.StringIO(self.text, newline=""), delimiter=self.delimiter
        )
        width = len(self.header)
        try:
            next(reader)
            line = reader.line_num + 1
            for cells in reader:
                if not cells or cells == [""]:
                    line = reader.line_num + 1
                    continue
                if len(cells) != width:
                    raise FrameworkImportError(
                        self.name,
                        _("line %(line)d") % {"line": line},
                        _(
                            "the record has %(found)d cells but the header names %(expected)d "
                            "columns. Check the quotes around cells that hold commas or "
                            "line breaks."
                        )
                        % {"found": len(cells), "expected": width},
                    )
                yield line, cells
                line = reader.line_num + 1
        except csv.Error as error:
            raise FrameworkImportError(
                self.name,
                _("line %(line)d") % {"line": reader.line_num},
                _("the file is not valid CSV: %(error)s.") % {"error": error},
            ) from error

    def column(self, name: str) -> int:
        return self.header.index(name)


def read_table(path: Path, max_bytes: int, delimiter: str = ",") -> Table:
    """Read a CSV (or tab-separated) file's header; refuse what is not one."""
    text = read_text(path, max_bytes)
    if "\x00" in text:
        raise FrameworkImportError(
            path.name, "", _("the file is not CSV text: it holds binary data.")
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, [])
    except csv.Error as error:
        raise FrameworkImportError(
            path.name,
            _("line 1"),
            _("the file is not valid CSV: %(error)s.") % {"error": error},
        ) from error
    header = [name.strip() for name in header]
    if len(header) < 2:
        raise FrameworkImportError(
            path.name,
            _("line 1"),
            _(
                "the file is not CSV: its first line should name the columns, separated by “%(d)s”."
            )
            % {"d": "TAB" if delimiter == "\t" else delimiter},
        )
    return Table(name=path.name, header=header, text=text, delimiter=delimiter)


def line_label(line: int) -> str:
    """Return "line N", in the person's language (only when an error is reported)."""
    return _("line %(line)d") % {"line": line}


def parse_when(value: str) -> datetime | None:
    """Return an ISO 8601 date-time as an aware datetime, or ``None`` if not one."""
    if not value:
        return None
    try:
        when = parse_datetime(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when is None:
        return None
    return make_aware(when) if is_naive(when) else when


def format_when(value: datetime) -> str:
    """Return an aware datetime in ISO 8601 with an offset (as CASE wants)."""
    return value.isoformat()
