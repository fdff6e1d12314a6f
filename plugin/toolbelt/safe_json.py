"""The one JSON reader for what servers and users hand over: it refuses absurd nesting before Python's.

Python's `json` decodes nested arrays and objects by recursion: a body nested a million levels deep
(a hostile or broken server, a damaged profile) ends in a RecursionError raised deep inside, and a body
nested a few hundred levels deep parses but breaks whatever walks it next (the profile validator,
`json.dumps`). Real documents nest a few levels (GeoJSON polygons five or six); MAX_DEPTH leaves room
for anything real. The depth is measured before parsing, at C speed (regular expressions over the text:
strings taken out, then the innermost brackets removed level by level), and a RecursionError that
still happens is caught here: no caller ever sees one.

    payload = loads(text, "data.gouv.fr")               # ReplyError naming the source when unusable
    data = load_file(path, kind=InputError)             # a user's file: InputError naming the file
"""

from __future__ import annotations

import json
import re

from .errors import OpenTerritoryError, ReplyError
from .i18n import tr

MAX_DEPTH = 100
# What the depth count keeps of a document: brackets, and the quotes that tell which brackets are text.
KEPT = b'[]{}"'
NOT_KEPT = bytes(c for c in range(256) if c not in KEPT)
STRING = re.compile(rb'"[^"]*"')
ONE_BRACKET_KIND = bytes.maketrans(b"{}", b"[]")


def nesting_exceeds(text: str | bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether the JSON `text` nests arrays and objects more than `limit` levels deep. Text that is not JSON
    may give either answer: the parser says what is wrong with it.

    Every step runs at C speed: escaped backslashes and quotes are dropped, then everything but brackets and
    quotes, then the strings (so a "[" inside one is text); objects count as arrays; each pass then removes
    the innermost pairs "[]", one level of nesting."""
    if isinstance(text, str):
        if text.count("[") + text.count("{") <= limit:
            return False  # not enough brackets to go that deep: the common case costs two counts
        text = text.encode("utf-8", "surrogatepass")
    elif text.count(b"[") + text.count(b"{") <= limit:
        return False
    unescaped = text.replace(b"\\\\", b"").replace(b'\\"', b"")
    brackets = STRING.sub(b"", unescaped.translate(None, NOT_KEPT)).translate(ONE_BRACKET_KIND)
    if b"[" * (limit + 1) in brackets:
        return True  # the usual attack, a run of openings, found at once
    for _level in range(limit):
        reduced = brackets.replace(b"[]", b"")
        if not reduced or reduced == brackets:
            return False  # all read (or unbalanced: the parser will say so)
        brackets = reduced
    return True


def too_deep(kind: type = ReplyError, where: str = "", limit: int = MAX_DEPTH, **facts) -> OpenTerritoryError:
    """The error of a document nested deeper than `limit` levels, naming `where` it came from."""
    text = tr("The JSON document is nested too deeply to be read") + f" (> {limit} " + tr("levels") + ")"
    return kind(f"{where}: {text}" if where else text, reason="json_depth", **facts)


def loads(text: str | bytes, where: str = "", kind: type = ReplyError, limit: int = MAX_DEPTH, **facts) -> object:
    """The JSON value of `text`. `kind` (ReplyError for a server's reply, InputError for a user's file) is
    raised, naming `where` and carrying `facts` (url, source...), when the text is nested deeper than
    `limit` levels (reason "json_depth") or is not JSON (reason "json", the parser's words after the
    message)."""
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8-sig", "replace")
    if nesting_exceeds(text, limit):
        raise too_deep(kind, where, limit, **facts)
    try:
        return json.loads(text)
    except RecursionError:  # deeper than the interpreter's stack even within the limit
        raise too_deep(kind, where, limit, **facts) from None
    except ValueError as error:
        message = tr("The document is not valid JSON") + f": {error}"
        raise kind(f"{where}: {message}" if where else message, reason="json", **facts) from None


def load_file(path: str, where: str = "", kind: type = ReplyError, limit: int = MAX_DEPTH, **facts) -> object:
    """The JSON value of the file at `path` (UTF-8, with or without BOM), as `loads` reads it; `where`
    defaults to the path."""
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = tr("The file is not UTF-8 text") + f": {error}"
        raise kind(f"{where or path}: {message}", reason="json", **facts) from None
    return loads(text, where or path, kind, limit, **facts)


# -- reading a parsed value as the type expected (a server may send `true` where an object stands) ---------------


def obj(value: object) -> dict:
    """`value` when it is a JSON object, else {}."""
    return value if isinstance(value, dict) else {}


def array(value: object) -> list:
    """`value` when it is a JSON array, else []."""
    return value if isinstance(value, list) else []


def text(value: object) -> str:
    """`value` as text when it is a string or a number (not a boolean), else ""."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""
