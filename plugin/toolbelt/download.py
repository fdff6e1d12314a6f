"""One download under way: its clocks, its byte count, and the reason the transport stops it early.

The transport (network.py) streams a reply to disk in a local event loop and asks its `Download`, every
tick, whether to stop. The plugin's own limits decide, never QGIS's global network timeout (the transport
removes that timer from its replies):

- first byte: the server must start answering (its status and headers) within `first_byte` seconds of
  the request: connection plus the server's own work; Overpass's query timeout extends it;
- stall: once it answers, the reply must keep coming: no byte for `stall` seconds, or fewer than
  STALL_MIN_BYTES in a window of `stall` seconds (a server dripping a byte a second never ends), is a stall;
- size: a reply announcing more than `max_bytes` (Content-Length), or delivering more, is stopped at once;
- cancel: the job's feedback, checked every tick (50 ms).

It also writes the progress text the user sees ("data.example.fr: 3.2 MB", "data.example.fr: waiting for an
answer (12 s)"), at most a few times a second.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from qgis.PyQt.QtCore import QLocale

from .i18n import tr

STALL_MIN_BYTES = 1024  # fewer bytes than this in a whole stall window: the server is not really sending
TEXT_INTERVAL = 0.25  # seconds between two progress texts

# Why a download was stopped before its end.
CANCELLED, NO_ANSWER, STALL, TOO_LARGE = "cancelled", "no_answer", "stall", "too_large"


NBSP = "\u00a0"  # between a number and its unit, so that a narrow dock never parts them


def human_size(size: float | None) -> str:
    """A byte count as people read it, in the user's language: "3.2 MB", "3,2 Mo"; "" for nothing."""
    if not size:
        return ""
    locale = QLocale()
    for unit, factor in ((tr("GB"), 1024**3), (tr("MB"), 1024**2), (tr("kB"), 1024)):
        if size >= factor:
            return f"{locale.toString(size / factor, 'f', 1)}{NBSP}{unit}"
    return f"{int(size)}{NBSP}{tr('B')}"


@dataclass
class Download:
    host: str
    first_byte: float  # seconds
    stall: float  # seconds
    max_bytes: int  # 0: no limit
    started: float = field(default_factory=time.monotonic)
    received: int = 0
    announced: int | None = None  # Content-Length, when the server gave one
    answered_at: float | None = None  # when the status and headers came
    last_byte_at: float = 0.0
    window_start: float = 0.0
    window_bytes: int = 0
    stopped: str = ""  # CANCELLED, NO_ANSWER, STALL, TOO_LARGE: why the transport aborted the reply
    error: OSError | None = None  # writing the reply to disk failed
    text_at: float = float("-inf")  # when the last progress text was written

    def answered(self, announced: int | None, now: float | None = None) -> None:
        """The server's status and headers came (`announced`: its Content-Length, None when not given)."""
        now = time.monotonic() if now is None else now
        self.answered_at = self.last_byte_at = self.window_start = now
        self.announced = announced
        self.window_bytes = self.received

    def got(self, count: int, now: float | None = None) -> None:
        self.received += count
        self.last_byte_at = time.monotonic() if now is None else now

    def reason_to_stop(self, cancelled: bool, now: float | None = None) -> str:
        """The reason to stop the download now, "" to go on."""
        now = time.monotonic() if now is None else now
        if cancelled:
            return CANCELLED
        if self.max_bytes and max(self.received, self.announced or 0) > self.max_bytes:
            return TOO_LARGE
        if self.answered_at is None:
            return NO_ANSWER if now - self.started > self.first_byte else ""
        if now - self.last_byte_at > self.stall:
            return STALL
        if now - self.window_start >= self.stall:
            if self.received - self.window_bytes < STALL_MIN_BYTES:
                return STALL
            self.window_start, self.window_bytes = now, self.received
        return ""

    def progress_text(self, now: float | None = None) -> str:
        """What the user reads while it runs, "" when the last text is too recent to write another."""
        now = time.monotonic() if now is None else now
        if now - self.text_at < TEXT_INTERVAL:
            return ""
        self.text_at = now
        if self.answered_at is None:
            waited = int(now - self.started)
            if not waited:
                return tr("{host}: waiting for an answer…").format(host=self.host)
            return tr("{host}: waiting for an answer ({seconds} s)").format(host=self.host, seconds=waited)
        size = human_size(self.received) or f"0{NBSP}{tr('B')}"
        if self.announced:
            return tr("{host}: {size} of {total}").format(host=self.host, size=size, total=human_size(self.announced))
        return tr("{host}: {size}").format(host=self.host, size=size)

    def percent(self) -> float | None:
        """The share received when the size was announced, else None."""
        if not self.announced:
            return None
        return min(100.0, 100.0 * self.received / self.announced)
