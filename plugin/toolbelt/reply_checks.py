"""What a complete reply must be before the transport keeps it: checks on the body stored on disk.

A server can answer 200 with nothing usable in it: no body at all, a web page where data was asked for,
bytes that are not UTF-8 where JSON (always UTF-8) was asked for, an XML document that declares entities
(a data service never does; "billion laughs" expands a few hundred bytes into gigabytes in the reader).
Each of these is refused here with the reason a caller can act on, before the reply enters the cache
(offline mode must never serve it) and before GDAL or a JSON parser sees it. Only the head of the file
is read, except for the UTF-8 check, which streams the whole file in large blocks (C speed).
"""

from __future__ import annotations

import codecs
import re

HEAD_BYTES = 64 * 1024
BLOCK_BYTES = 8 * 1024 * 1024
XML_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
CHARSET = re.compile(r"charset=\"?([\w.:-]+)", re.IGNORECASE)
XML_ENCODING = re.compile(rb"^<\?xml[^>]*encoding=[\"']([\w.:-]+)[\"']", re.IGNORECASE)
UTF8 = ("utf-8", "utf8")

# Reasons (the `reason` of the ReplyError the transport raises for them).
EMPTY, WEB_PAGE, ENCODING, ENTITIES = "empty", "content", "encoding", "entities"


def read_head(path: str, size: int = HEAD_BYTES) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(size)


def looks_like_html(head: bytes, content_type: str) -> bool:
    if "html" in content_type.lower():
        return True
    start = head.lstrip()[:15].lower()
    return start.startswith(b"<!doctype html") or start.startswith(b"<html")


def declares_xml_entities(head: bytes) -> bool:
    """An XML document (after an optional BOM and blanks) whose head declares an entity."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:5]
    return start.startswith(b"<") and XML_ENTITY.search(head) is not None


def declared_charset(content_type: str) -> str:
    found = CHARSET.search(content_type or "")
    return found.group(1).lower() if found else ""


def text_encoding(head: bytes, content_type: str, expect: str | None) -> str:
    """The encoding a reply's text must be in, "" when it is not text the transport can tell about:
    JSON (asked for, or declared by the Content-Type) is UTF-8 unless the server declared a charset (RFC
    8259); XML is what its prolog declares, else UTF-8 (XML 1.0, 4.3.3); anything else is for its reader."""
    declared = declared_charset(content_type)
    if expect == "json" or "json" in (content_type or "").lower():
        return declared or "utf-8"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"<?xml"):
        found = XML_ENCODING.match(start)
        return found.group(1).decode("ascii").lower() if found else "utf-8"
    return ""


def first_invalid_utf8(path: str) -> int | None:
    """The offset of the first byte of `path` that is not UTF-8 text, None when the whole file is."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with open(path, "rb") as handle:
        while True:
            block = handle.read(BLOCK_BYTES)
            pending = len(decoder.getstate()[0])  # bytes of a character cut by the previous block
            try:
                decoder.decode(block, final=not block)
            except UnicodeDecodeError as error:
                return offset - pending + error.start
            if not block:
                return None
            offset += len(block)


def refusal(path: str, size: int, content_type: str, expect: str | None) -> tuple | None:
    """(reason, detail) when the stored reply must be refused, None when it may be kept.

    expect: "json" when the caller asked for JSON: a web page is refused. Text whose encoding is UTF-8
    (text_encoding: JSON, XML) must be valid UTF-8."""
    if size == 0:
        return EMPTY, ""
    head = read_head(path)
    if expect == "json" and looks_like_html(head, content_type):
        return WEB_PAGE, ""
    if declares_xml_entities(head):
        return ENTITIES, ""
    if text_encoding(head, content_type, expect) in UTF8:
        position = first_invalid_utf8(path)
        if position is not None:
            return ENCODING, str(position)
    return None
