"""What an import of challenges or actors reports, and how its rows fail, in the plugin's error vocabulary
(plugin/toolbelt/errors.py):

- an invalid row is an `InputError` with reason INVALID_ROW, raised by the checks of one row (import_values,
  import_geometry) and collected by import_csv into `ImportReport.rejected`;
- a file with invalid rows is refused whole: an `InputError` with reason INVALID_ROWS whose `report` attribute
  is the ImportReport listing every invalid row (the dock shows it in its report window, Processing writes it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..toolbelt.errors import InputError
from ..toolbelt.i18n import tr

INVALID_ROW = "invalid_row"
INVALID_ROWS = "invalid_rows"


@dataclass
class ImportReport:
    imported: int = 0
    failed: list = field(default_factory=list)  # [(line, reason)]: rows left out (address not found), and why
    geocoded: int = 0  # rows located by the geocoder
    skipped: list = field(default_factory=list)  # [(line, reason)]: rows already in the register
    rejected: list = field(default_factory=list)  # [(line, reason)]: invalid rows, which stopped the import
    geocoder_requests: int = 0
    geocoder_cache_hits: int = 0
    path: str = ""
    table: str = ""

    def summary(self) -> str:
        if self.rejected:
            return tr("Nothing was imported") + ", " + tr("invalid rows") + f": {len(self.rejected)}"
        text = tr("Imported") + f": {self.imported}"
        if self.geocoded:
            text += ", " + tr("located from their address") + f": {self.geocoded}"
        if self.skipped:
            text += ", " + tr("already in the register") + f": {len(self.skipped)}"
        if self.failed:
            text += ", " + tr("rows left out") + f": {len(self.failed)}"
        return text

    def lines(self) -> list:
        """One text line per row invalid, left out or skipped, for a report window or a log."""
        rows = self.rejected + self.failed + self.skipped
        return [tr("line") + f" {line}: {reason}" for line, reason in sorted(rows, key=lambda row: row[0])]


def invalid_row(message: str) -> InputError:
    """One row of the file cannot be imported; `message` says why (column, value, what was expected)."""
    return InputError(message, reason=INVALID_ROW)


def is_invalid_row(error: BaseException) -> bool:
    return isinstance(error, InputError) and error.reason == INVALID_ROW


def import_rejected(report: ImportReport) -> InputError:
    """Rows of the file are invalid: nothing was written. The message says so, one line per row; `report`
    travels with the error."""
    error = InputError(
        tr("Nothing was imported: rows of the file are invalid") + f" ({report.path}):\n" + "\n".join(report.lines()),
        source=report.path,
        reason=INVALID_ROWS,
    )
    error.report = report
    return error


def rejected_report(error: BaseException) -> ImportReport | None:
    """The report of an import refused for its invalid rows, None for any other error."""
    if isinstance(error, InputError) and error.reason == INVALID_ROWS:
        return error.report
    return None
