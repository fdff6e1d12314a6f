"""Politeness: at most a few requests at once to one server, whichever job sends them.

A territory load fetches its sources in parallel, and the dock may run loads beside it: without a limit,
twelve datasets of one portal would hit it with twelve connections at once. Every request of the transport
takes a slot of its host (host and port) for its whole exchange, and waits for one while the host has
PER_HOST requests under way. Overpass servers, for one, give two slots per address and answer a third
query with "429 rate limited". The wait is cancellable (the transport's feedback) and reported.
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # names used in annotations only
    from typing import Callable, Iterator

PER_HOST = 2
POLL_SECONDS = 0.05

_busy = {}  # host -> requests under way
_condition = threading.Condition()


@contextlib.contextmanager
def host_slot(host: str, check_cancel: Callable[[], None], waiting: Callable[[float], None]) -> Iterator[None]:
    """Hold one of the host's slots for the block. While none is free, `check_cancel()` (which raises
    when the job is cancelled) and `waiting(seconds waited)` are called every POLL_SECONDS."""
    started = time.monotonic()
    while not _take(host):
        check_cancel()
        waiting(time.monotonic() - started)
    try:
        yield
    finally:
        with _condition:
            _busy[host] -= 1
            if not _busy[host]:
                del _busy[host]
            _condition.notify_all()


def _take(host: str) -> bool:
    """Take a slot of `host` if one is free, else wait up to POLL_SECONDS for one; True once taken."""
    with _condition:
        if _busy.get(host, 0) >= PER_HOST:
            _condition.wait(POLL_SECONDS)
            if _busy.get(host, 0) >= PER_HOST:
                return False
        _busy[host] = _busy.get(host, 0) + 1
        return True


def busy(host: str) -> int:
    """Requests under way to `host` (for tests and progress texts)."""
    with _condition:
        return _busy.get(host, 0)
