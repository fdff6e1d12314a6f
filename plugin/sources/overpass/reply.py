"""What an Overpass reply says besides its elements: errors hidden in HTTP 200 replies (`<remark> runtime
error`, JSON `remark`), HTML error pages (400 parse error, 429 rate limited, 504 busy), replies cut before
`</osm>`, and the server's `out count` of the targets. Only the head and the tail of a reply are read."""

from __future__ import annotations

import html
import os
import re

from ...toolbelt.errors import NetworkError, ReplyError
from ...toolbelt.i18n import tr

# Bytes an element takes in a reply, with the nodes of its ways and the members of its relations (measured on
# French car parks, cycleways and street lamps): the size of a download told from the server's count.
ELEMENT_BYTES = {"node": 220, "way": 1400, "relation": 6000}
PROBE_BYTES = 8192  # head and tail of the reply read to detect hidden errors (never the whole file)
COUNT = re.compile(rb'<count id="0">(.*?)</count>', re.S)
COUNT_TAG = re.compile(rb'<tag k="(nodes|ways|relations)" v="(\d+)"/>')


def classify(message: str, timeout: int | None = None) -> ReplyError:
    """The user-facing error for an Overpass error text (remark or HTML error page); its reason is one of
    rate_limited, busy, timeout, memory, parse, runtime."""
    text = " ".join(html.unescape(message).split())
    lowered = text.lower()
    if "rate_limited" in lowered or "too many requests" in lowered:
        what = tr(
            "Overpass: the server limits the requests from this address "
            "(rate limited). Wait a minute or choose another server."
        )
        return ReplyError(what + f" [{text}]", reason="rate_limited")
    if "request_read_and_idx::timeout" in lowered or "too busy" in lowered:
        what = tr("Overpass: the server is too busy to take the query. Try again later or choose another server.")
        return ReplyError(what + f" [{text}]", reason="busy")
    if "timed out" in lowered or "timeout" in lowered:
        what = tr("Overpass: the query timed out on the server. Choose a smaller area or a longer timeout.")
        return ReplyError(what + (f" ({timeout} s)" if timeout else "") + f" [{text}]", reason="timeout")
    if "out of memory" in lowered:
        what = tr("Overpass: the query ran out of memory on the server. Choose a smaller area.")
        return ReplyError(what + f" [{text}]", reason="memory")
    if "parse error" in lowered or "static error" in lowered:
        return ReplyError(tr("Overpass: the server rejected the query") + f" [{text}]", reason="parse")
    return ReplyError(tr("Overpass: the server reported an error") + f" [{text}]", reason="runtime")


def _html_error(body: bytes) -> str:
    found = re.findall(rb"Error</strong>:\s*(.*?)</p>", body, re.S)
    if found:
        return " ".join(f.decode("utf-8", "replace") for f in found)
    text = re.sub(rb"<[^>]+>", b" ", body[:2000]).decode("utf-8", "replace")
    return " ".join(text.split())[:300]


def _probe(path: str):
    size = os.path.getsize(path)
    with open(path, "rb") as handle:
        head = handle.read(PROBE_BYTES)
        if size > 2 * PROBE_BYTES:
            handle.seek(size - PROBE_BYTES)
            tail = handle.read()
        else:
            tail = head if size <= PROBE_BYTES else head + handle.read()
    return head, tail


def check_reply(path: str, timeout: int | None = None) -> list:
    """Raise ReplyError (NetworkError "incomplete" for a cut reply) when the stored reply is an error or
    incomplete; return warnings otherwise. Only the head and the tail of the file are read: remarks come
    before or after the elements."""
    head, tail = _probe(path)
    start = head.lstrip()[:200].lower()
    if start.startswith(b"{"):
        remark = re.search(rb'"remark"\s*:\s*"((?:[^"\\]|\\.)*)"', tail) or re.search(
            rb'"remark"\s*:\s*"((?:[^"\\]|\\.)*)"', head
        )
        if remark and b"error" in remark.group(1).lower():
            raise classify(remark.group(1).decode("utf-8", "replace").replace('\\"', '"'), timeout)
        raise ReplyError(tr("Overpass: the server answered in JSON where OSM XML was asked"), reason="unexpected")
    if b"<html" in start or b"<!doctype html" in start or (b"<html" in head[:1000].lower()):
        raise classify(_html_error(head + (tail if tail is not head else b"")), timeout)
    warnings = []
    for part in (head, tail) if tail is not head else (head,):
        for remark in re.findall(rb"<remark>(.*?)</remark>", part, re.S):
            text = remark.decode("utf-8", "replace").strip()
            if "error" in text.lower():
                # A runtime error after some elements means the reply stops early: never a layer.
                raise classify(text, timeout)
            if text not in warnings:
                warnings.append(text)
    if b"<osm" not in head:
        raise ReplyError(tr("Overpass: the reply is not OSM XML"), reason="unexpected")
    if not tail.rstrip().endswith(b"</osm>"):
        raise NetworkError(
            tr("Overpass: the reply was cut before its end; nothing was written. Try again, or choose a smaller area."),
            reason="incomplete",
        )
    return warnings


def http_failure(error: ReplyError, timeout: int | None = None) -> ReplyError:
    """The user-facing error for an HTTP error status of the transport (an HTML page as body)."""
    body = getattr(error, "body", b"") or b""
    detail = _html_error(body) if body.strip() else ""
    if error.status == 429:
        return classify(detail or "rate_limited", timeout)
    if error.status in (502, 503, 504):
        found = classify(detail, timeout) if detail else None
        if found is not None and found.reason in ("busy", "timeout", "rate_limited"):
            return found
        what = tr("Overpass: the server is too busy to take the query. Try again later or choose another server.")
        return ReplyError(what + f" [HTTP {error.status}]", reason="busy", status=error.status)
    if error.status == 400:
        what = tr("Overpass: the server rejected the query")
        return ReplyError(what + f" [{detail or 'HTTP 400'}]", reason="parse", status=400)
    what = tr("Overpass: the server answered with an error") + f" HTTP {error.status}"
    return ReplyError(what + (f" [{detail}]" if detail else ""), reason="runtime", status=error.status)


def read_count(path: str) -> dict | None:
    """{"node": n, "way": n, "relation": n}: the server's count of the targets (`out count;`, printed before the
    elements); None when the reply has none."""
    head, _tail = _probe(path)
    found = COUNT.search(head)
    if found is None:
        return None
    names = {b"nodes": "node", b"ways": "way", b"relations": "relation"}
    counts = {names[key]: int(value) for key, value in COUNT_TAG.findall(found.group(1))}
    return {kind: counts.get(kind, 0) for kind in ("node", "way", "relation")}


def estimated_bytes(counts: dict) -> int:
    """The size of the reply a count announces (read_count's dict), roughly."""
    return sum(ELEMENT_BYTES[kind] * counts.get(kind, 0) for kind in ELEMENT_BYTES)
