"""The GTFS network computed last in this process, kept so that one feed's stops and routes are computed once.

A profile lists a network twice (its stops under transit_stop, its routes under transit_route, one layer per
entry), and the dock or gtfs_load writes both layers of one network: reading a large feed takes seconds, so
the network (its scratch GeoPackage) is kept, keyed by what it was computed from (the zip's path, size and
modification time, the service day, the extent). One network is kept at a time; the one it replaces is removed
as soon as nobody reads it any more, and the last one when the process ends.

Two entries of the same feed loaded at once (the territory load may fetch in parallel) compute it once: builds
run one at a time, and the second finds the first's result.
"""

from __future__ import annotations

import atexit
import contextlib
import shutil
import tempfile
import threading
from collections import Counter
from typing import Callable, Iterator

from ...formats.gtfs import NetworkResult


class NetworkMemo:
    def __init__(self) -> None:
        self.lock = threading.Lock()  # guards the fields below
        self.build_lock = threading.Lock()  # one build at a time
        self.kept = None  # (key, NetworkResult, scratch folder)
        self.readers = Counter()  # scratch folder -> users of its network
        self.retired = set()  # folders replaced while still read: removed by their last reader

    @contextlib.contextmanager
    def network(self, key: tuple, build: Callable) -> Iterator[NetworkResult]:
        """The network of `key`, kept or computed by `build(folder)` (which writes into the new scratch
        `folder`), for the time of the `with` block: it is not removed while the block reads it."""
        with self.build_lock:
            with self.lock:
                found = self.kept if self.kept is not None and self.kept[0] == key else None
                if found is not None:
                    self.readers[found[2]] += 1
            if found is None:
                found = self._build(key, build)
        try:
            yield found[1]
        finally:
            with self.lock:
                self.readers[found[2]] -= 1
                if found[2] in self.retired and self.readers[found[2]] <= 0:
                    self._remove(found[2])

    def _build(self, key: tuple, build: Callable) -> tuple:
        folder = tempfile.mkdtemp(prefix="open_territory_gtfs_")
        try:
            result = build(folder)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        with self.lock:
            self._retire(self.kept)
            self.kept = (key, result, folder)
            self.readers[folder] += 1
        return self.kept

    def _retire(self, kept: tuple | None) -> None:
        if kept is None:
            return
        if self.readers[kept[2]] > 0:
            self.retired.add(kept[2])
        else:
            self._remove(kept[2])

    def _remove(self, folder: str) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        self.retired.discard(folder)
        self.readers.pop(folder, None)

    def forget(self) -> None:
        """Drop the kept network (its folder removed once nobody reads it)."""
        with self.lock:
            self._retire(self.kept)
            self.kept = None


MEMO = NetworkMemo()
atexit.register(MEMO.forget)
