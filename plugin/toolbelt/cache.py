"""Disk cache of network replies, keyed by method, URL, parameters and body.

Each entry is two files in a two-level folder: `<key>.body` (the reply as received) and
`<key>.json` (url, status, headers, fetched_at). Entries are written beside and renamed, so a cut
download never leaves a half entry that offline mode would serve.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from urllib.parse import urlencode


def cache_key(method: str, url: str, params=None, data=None, authcfg: str = "") -> str:
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

    def get(self, key: str):
        body, meta = self._paths(key)
        if not (os.path.exists(body) and os.path.exists(meta)):
            return None
        try:
            with open(meta, encoding="utf-8") as handle:
                info = json.load(handle)
        except (OSError, ValueError):
            return None
        return CacheEntry(body, info.get("url", ""), int(info.get("status", 200)), info.get("headers", {}),
                          float(info.get("fetched_at", 0)))

    def put_file(self, key: str, source_path: str, url: str, status: int, headers: dict, move=False) -> CacheEntry:
        body, meta = self._paths(key)
        os.makedirs(os.path.dirname(body), exist_ok=True)
        tmp_body = body + ".part"
        if move:
            shutil.move(source_path, tmp_body)
        else:
            shutil.copyfile(source_path, tmp_body)
        fetched_at = time.time()
        tmp_meta = meta + ".part"
        with open(tmp_meta, "w", encoding="utf-8") as handle:
            json.dump({"url": url, "status": status, "headers": headers, "fetched_at": fetched_at}, handle)
        os.replace(tmp_body, body)
        os.replace(tmp_meta, meta)
        return CacheEntry(body, url, status, headers, fetched_at)

    def put_bytes(self, key: str, content: bytes, url: str, status: int = 200, headers=None) -> CacheEntry:
        """Store a reply given as bytes (used to build bundled offline caches)."""
        os.makedirs(self.folder, exist_ok=True)
        tmp = os.path.join(self.folder, f".{key}.incoming")
        with open(tmp, "wb") as handle:
            handle.write(content)
        return self.put_file(key, tmp, url, status, headers or {}, move=True)
