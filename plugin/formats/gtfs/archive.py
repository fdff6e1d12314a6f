"""A GTFS zip opened for streaming: its members checked, found by name, read as CSV rows.

Nothing is extracted: every table is read straight from the archive through `csv`, so a 500 MB
stop_times.txt never lands on disk nor whole in memory. The member names are still checked with
`safe_zip.check_archive` (absolute paths, `..`, links, encrypted or oversized members), so a hostile
archive is refused as a whole with one sentence. Real feeds put their files at the root or in one
folder (`gtfs/stops.txt`); both are found. Files are UTF-8 (a BOM is dropped); a file that is not UTF-8
in its first megabyte is read as Windows-1252, as some French producers write, with a warning.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import os
import tempfile
import zipfile
import zlib

from ...toolbelt.errors import InputError, ReplyError
from ...toolbelt.i18n import tr
from ...toolbelt.logger import log
from ..safe_zip import check_archive

SNIFF_BYTES = 1 << 20
REQUIRED = ("stops.txt", "routes.txt", "trips.txt", "stop_times.txt")

# What reading a damaged member can raise, beside csv.Error.
DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, OSError)


class GtfsArchive:
    """The members of one GTFS zip. `label` names the feed in every message (a redacted URL or a file
    name); `error_kind` is the error raised for a bad feed (InputError for the user's file, ReplyError
    for a download)."""

    def __init__(self, path: str, label: str, error_kind=InputError):
        self.path = path
        self.label = label
        self.error_kind = error_kind
        self.warnings = []
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise self.error(tr("the file is not a readable zip archive") + f" ({error})") from None
        try:
            # Nothing is written: the target only anchors the check of every member's name.
            check_archive(self.zip, os.path.join(tempfile.gettempdir(), "open_territory_gtfs_check"))
        except ReplyError as error:  # safe_zip's refusal (reason unsafe_archive)
            self.zip.close()
            raise self.error(str(error)) from None
        self.members = self._find_members()
        missing = [name for name in REQUIRED if name not in self.members]
        if missing:
            self.zip.close()
            raise self.error(tr("the archive has no") + " " + ", ".join(missing) + " (" + tr("not a GTFS feed?") + ")")
        if "calendar.txt" not in self.members and "calendar_dates.txt" not in self.members:
            self.zip.close()
            raise self.error(tr("the archive has neither calendar.txt nor calendar_dates.txt"))

    def error(self, cause: str):
        return self.error_kind(f"GTFS {self.label}: {cause}", source=self.label)

    def close(self) -> None:
        self.zip.close()

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        self.close()

    def _find_members(self) -> dict:
        """{file name: ZipInfo}, the shallowest member of each name (the root, else one folder)."""
        found = {}
        for info in self.zip.infolist():
            if info.is_dir():
                continue
            parts = info.filename.replace("\\", "/").split("/")
            name = parts[-1].strip().lower()
            if parts[0] == "__MACOSX" or name.startswith("._") or not name.endswith(".txt"):
                continue
            depth = len(parts)
            if name not in found or depth < found[name][0]:
                found[name] = (depth, info)
        return {name: info for name, (_depth, info) in found.items()}

    def has(self, name: str) -> bool:
        return name in self.members and self.members[name].file_size > 0

    def size(self, name: str) -> int:
        return self.members[name].file_size if name in self.members else 0

    def _encoding(self, info: zipfile.ZipInfo) -> str:
        with self.zip.open(info) as handle:
            head = handle.read(SNIFF_BYTES)
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        except UnicodeDecodeError:
            warning = f"GTFS {self.label}: {info.filename} " + tr("is not UTF-8: read as Windows-1252")
            log(warning, "warning")
            self.warnings.append(warning)
            return "cp1252"
        return "utf-8-sig"

    def table(self, name: str):
        """(columns {name: index}, iterator of rows as lists of str) of a member; a missing optional
        file gives no columns and no rows. Blank lines are skipped. Errors met while iterating (a damaged
        member, a broken quote) surface as `self.error` inside `reading(name)`."""
        info = self.members.get(name)
        if info is None or info.file_size == 0:
            return {}, iter(())
        try:
            encoding = self._encoding(info)
            text = io.TextIOWrapper(self.zip.open(info), encoding=encoding, errors="replace", newline="")
            reader = csv.reader(text, skipinitialspace=True)
            header = next(reader, None)
        except DAMAGE as error:
            raise self.error(f"{name} " + tr("is damaged") + f" ({error})") from None
        except csv.Error as error:
            raise self.error(f"{name}: {error}") from None
        if not header:
            return {}, iter(())
        columns = {}
        for index, column in enumerate(header):
            columns.setdefault(column.strip().strip("\ufeff").strip().lower(), index)
        # csv gives [] for a blank line: filter(None, ...) drops them without a Python call per row.
        return columns, filter(None, reader)

    @contextlib.contextmanager
    def reading(self, name: str):
        """Turn a damaged member or a CSV error met while reading `name` into one error naming the feed
        and the file."""
        try:
            yield
        except DAMAGE as error:
            raise self.error(f"{name} " + tr("is damaged") + f" ({error})") from None
        except csv.Error as error:
            raise self.error(f"{name}: {error}") from None


def column_getter(columns: dict, name: str, default: str = ""):
    """A function row -> value of column `name` (stripped), `default` when the column or the cell is
    missing. For the small tables, read row by row in Python."""
    index = columns.get(name)
    if index is None:
        return lambda _row: default

    def get(row):
        return row[index].strip() if index < len(row) else default

    return get
