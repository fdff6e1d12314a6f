"""Disk cache of network replies, keyed by method, URL, parameters and body.

Each entry is two files in a two-level folder: `<key>.body` (the reply as received) and
`<key>.json` (url, status, headers, fetched_at). Entries are written beside and renamed, so a cut
download never leaves a half entry that offline mode would serve. The metadata holds no secret: the URL
and the headers' values are redacted (redaction.py) and cookies are not kept; the key is a hash.

Entries are kept for offline use, not forever: `prune` deletes those fetched longer ago than the
settings' `cache_keep_days`, then the oldest ones while the cache is over `cache_max_mb`. The transport
calls `prune_once` when it first writes into a folder in a session. Only entries are touched (other
folders under the cache, such as the dock's `layers/`, are left alone), and never a cache bundled
inside the plugin (the demo's recorded replies).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import threading
import time
import uuid
from dataclasses import dataclass
from urllib.parse import urlencode

from .metadata import PLUGIN_DIR
from .redaction import redact, redact_text

ENTRY_FOLDER = re.compile(r"^[0-9a-f]{2}$")
ENTRY_FILE = re.compile(r"^([0-9a-f]{64})\.(body|json)((?:\.[0-9a-f]+)?\.part)?$")
LEFTOVER_FILE = re.compile(r"^\.(download-.*\.part|[0-9a-f]{64}(?:\.[0-9a-f]+)?\.incoming)$")
LEFTOVER_AGE = 86400  # seconds: a download still being written is never that old
UNKEPT_HEADERS = ("set-cookie", "set-cookie2", "authorization", "proxy-authorization")


def cache_key(method: str, url: str, params: dict | None = None, data: object = None, authcfg: str = "") -> str:
    parts = [method.upper(), url, urlencode(sorted((params or {}).items()), doseq=True)]
    if data is not None:
        body = data if isinstance(data, bytes) else urlencode(sorted(data.items()), doseq=True).encode()
        parts.append(hashlib.sha256(body).hexdigest())
    # Replies fetched with credentials are kept apart from anonymous ones.
    parts.append(authcfg or "")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


@dataclass
class CacheEntry:
    body_path: str
    url: str
    status: int
    headers: dict
    fetched_at: float

    def age(self) -> float:
        return time.time() - self.fetched_at


class ReplyCache:
    def __init__(self, folder: str):
        self.folder = folder

    def _paths(self, key: str):
        base = os.path.join(self.folder, key[:2], key)
        return base + ".body", base + ".json"

    def get(self, key: str) -> CacheEntry | None:
        body, meta = self._paths(key)
        if not (os.path.exists(body) and os.path.exists(meta)):
            return None
        try:
            with open(meta, encoding="utf-8") as handle:
                info = json.load(handle)
        except (OSError, ValueError):
            return None
        return CacheEntry(
            body,
            info.get("url", ""),
            int(info.get("status", 200)),
            info.get("headers", {}),
            float(info.get("fetched_at", 0)),
        )

    def put_file(
        self, key: str, source_path: str, url: str, status: int, headers: dict, move: bool = False
    ) -> CacheEntry:
        body, meta = self._paths(key)
        os.makedirs(os.path.dirname(body), exist_ok=True)
        # One writer's own names: two jobs fetching the same URL at once must not rename each other's files.
        token = uuid.uuid4().hex[:12]
        tmp_body = f"{body}.{token}.part"
        if move:
            shutil.move(source_path, tmp_body)
        else:
            shutil.copyfile(source_path, tmp_body)
        fetched_at = time.time()
        tmp_meta = f"{meta}.{token}.part"
        url, headers = redact(url), kept_headers(headers)
        with open(tmp_meta, "w", encoding="utf-8") as handle:
            json.dump({"url": url, "status": status, "headers": headers, "fetched_at": fetched_at}, handle)
        os.replace(tmp_body, body)
        os.replace(tmp_meta, meta)
        return CacheEntry(body, url, status, headers, fetched_at)

    def put_bytes(
        self, key: str, content: bytes, url: str, status: int = 200, headers: dict | None = None
    ) -> CacheEntry:
        """Store a reply given as bytes (bundled offline caches; a batch request's answers, one entry each): the
        body and its .json are written beside their names and renamed, as put_file does, with no other file
        (thousands of entries are written in a row)."""
        body, meta = self._paths(key)
        os.makedirs(os.path.dirname(body), exist_ok=True)
        token = uuid.uuid4().hex[:12]
        tmp_body, tmp_meta = f"{body}.{token}.part", f"{meta}.{token}.part"
        with open(tmp_body, "wb") as handle:
            handle.write(content)
        fetched_at = time.time()
        with open(tmp_meta, "w", encoding="utf-8") as handle:
            json.dump({"url": url, "status": status, "headers": headers or {}, "fetched_at": fetched_at}, handle)
        os.replace(tmp_body, body)
        os.replace(tmp_meta, meta)
        return CacheEntry(body, url, status, headers or {}, fetched_at)


def kept_headers(headers: dict) -> dict:
    """The reply headers worth keeping with an entry, without cookies and with secrets masked (a Location
    may carry a token)."""
    return {name: redact_text(value) for name, value in headers.items() if name.lower() not in UNKEPT_HEADERS}


def _is_bundled(folder: str) -> bool:
    """A folder inside the plugin itself holds shipped data (the demo's cache), never pruned."""
    folder, plugin = os.path.realpath(folder), os.path.realpath(PLUGIN_DIR)
    try:
        return os.path.commonpath([folder, plugin]) == plugin
    except ValueError:  # another drive
        return False


def prune(folder: str, keep_seconds: float, max_bytes: int, now: float = None) -> tuple:
    """Delete the entries of the cache `folder` fetched more than `keep_seconds` ago (0: no age limit),
    then the least recently fetched ones until the entries fit in `max_bytes` (0: no size limit), and
    the leftovers of cut downloads. Returns (entries removed, bytes freed).

    An entry's age is its `.json` file's modification time, written with it: one stat per file, no
    reading. Files still being written (`.part`, an entry whose `.json` is not renamed yet) are left
    alone unless a day old. A file that vanishes meanwhile (another job pruning) is skipped."""
    if not os.path.isdir(folder) or _is_bundled(folder):
        return 0, 0
    now = time.time() if now is None else now
    entries, leftovers = _scan(folder)
    complete = _complete_entries(entries, leftovers)
    freed = 0
    for item in leftovers:
        try:
            stat = item.stat()
        except OSError:
            continue
        if now - stat.st_mtime > LEFTOVER_AGE and _remove(item.path):
            freed += stat.st_size
    removed = 0
    complete.sort()
    total = sum(size for _fetched_at, size, _paths in complete)
    for fetched_at, size, paths in complete:
        too_old = keep_seconds and now - fetched_at > keep_seconds
        too_big = max_bytes and total > max_bytes
        if not (too_old or too_big):
            break  # the later entries are newer, and the total no longer exceeds the cap
        # The .json first: a body without its .json is never served, whatever happens next.
        for path in sorted(paths, key=lambda p: not p.endswith(".json")):
            _remove(path)
        removed += 1
        freed += size
        total -= size
    return removed, freed


def _scan(folder: str) -> tuple:
    """({key: {"body" or "json": os.DirEntry}}, [os.DirEntry of files being written or cut]) of a cache."""
    entries, leftovers = {}, []
    with os.scandir(folder) as top:
        for item in top:
            if item.is_file(follow_symlinks=False) and LEFTOVER_FILE.match(item.name):
                leftovers.append(item)
            elif item.is_dir(follow_symlinks=False) and ENTRY_FOLDER.match(item.name):
                with os.scandir(item.path) as sub:
                    for file in sub:
                        match = ENTRY_FILE.match(file.name)
                        if not match or not file.is_file(follow_symlinks=False):
                            continue
                        if match.group(3):
                            leftovers.append(file)
                        else:
                            entries.setdefault(match.group(1), {})[match.group(2)] = file
    return entries, leftovers


def _complete_entries(entries: dict, leftovers: list) -> list:
    """[(fetched_at, size, paths)] of the entries with both their body and their .json; the files of the
    others join `leftovers`."""
    complete = []
    for files in entries.values():
        try:
            stats = {kind: (item.path, item.stat()) for kind, item in files.items()}
        except OSError:
            continue
        if "json" in stats and "body" in stats:
            size = sum(stat.st_size for _path, stat in stats.values())
            complete.append((stats["json"][1].st_mtime, size, [path for path, _stat in stats.values()]))
        else:
            leftovers.extend(files.values())
    return complete


def _remove(path: str) -> bool:
    """Delete a file; False when it vanished meanwhile (another job pruning) or cannot be deleted."""
    try:
        os.remove(path)
    except OSError:
        return False
    return True


_pruned = set()
_pruned_lock = threading.Lock()


def prune_once(folder: str, keep_seconds: float, max_bytes: int) -> tuple | None:
    """`prune` the folder the first time this is called for it in the session; None the other times."""
    with _pruned_lock:
        real = os.path.realpath(folder)
        if real in _pruned:
            return None
        _pruned.add(real)
    return prune(folder, keep_seconds, max_bytes)
