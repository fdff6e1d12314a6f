"""The one redaction of secrets in URLs and texts: what the plugin shows, logs or stores never holds a key.

Credentials travel in URLs more often than they should: `?key=` in an Overpass server's address,
`apiKey=` in a GBFS feed, `token=` in a catalog's download link, `user:password@` before a host. Every
place where such a URL could be shown or kept goes through here: error messages (errors.py redacts
every message it is given), the log (logger.py), the reply cache's metadata (cache.py), the common
fields written into layers (layer_writer.py), the territory's `sources` table, layer properties.

`redact(url)` masks one URL; `redact_text(text)` masks every URL and every `name=value` pair whose
name looks like a credential anywhere in a free text. The value becomes `***`; the name stays, so that
a reader still sees that a key was given.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

MASK = "***"
# Names of query parameters that carry credentials (apiKey, api_key, key, token, access_token, secret,
# password, signature, sig, auth...).
SECRET_PARAM = re.compile(r"(key|token|secret|password|passwd|pwd|signature|^sig$|^auth$|credential)", re.IGNORECASE)
# `name=value` in a text: after the start, a URL's ? or &, a space or punctuation.
TEXT_PAIR = re.compile(r"(?P<lead>^|[?&;,\s(\[{\"'])(?P<name>[A-Za-z0-9_.\-]+)=(?P<value>[^&\s#\"'<>)\]},;]+)")
# A password before a host: scheme://user:password@host
USERINFO = re.compile(r"(?P<lead>[A-Za-z][A-Za-z0-9+.\-]*://[^/\s:@]*):(?P<password>[^@/\s]+)@")


def redact(url: str) -> str:
    """The URL with the values of credential-looking query parameters, and any password before the
    host, masked."""
    if not url:
        return url
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        if ":" in userinfo:
            netloc = userinfo.split(":", 1)[0] + ":" + MASK + "@" + host
    query = parts.query
    if query:
        pairs = [
            (name, MASK if SECRET_PARAM.search(name) else value)
            for name, value in parse_qsl(query, keep_blank_values=True)
        ]
        query = urlencode(pairs, safe="*,:()'\" ")
    if netloc == parts.netloc and query == parts.query:
        return url
    return urlunsplit(parts._replace(netloc=netloc, query=query))


def redact_text(text: str) -> str:
    """`text` with every credential-looking `name=value` pair and every URL password masked."""
    if not text or not isinstance(text, str):
        return text
    if "=" not in text and "@" not in text:
        return text  # nothing that could hold a credential: the common case, kept cheap
    text = USERINFO.sub(lambda m: f"{m.group('lead')}:{MASK}@", text)
    return TEXT_PAIR.sub(_mask_pair, text)


def _mask_pair(match: re.Match) -> str:
    if not SECRET_PARAM.search(match.group("name")) or match.group("value") == MASK:
        return match.group(0)
    if match.group("name").lower() == "key" and match.group("lead") not in "?&":
        # A bare `key=` outside a URL's query is OpenStreetMap's tag grammar ("key=value", "highway=*"),
        # not a credential; `?key=` and `&key=` are still masked.
        return match.group(0)
    return f"{match.group('lead')}{match.group('name')}={MASK}"


def host_of(url: str) -> str:
    """The host (and a port other than the scheme's) a URL points to, without credentials: how the
    plugin names a server in its messages ("no answer from data.example.fr in 60 s")."""
    parts = urlsplit(url or "")
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:
        port = None
    if port and port != {"http": 80, "https": 443}.get(parts.scheme):
        host = f"{host}:{port}"
    return host or url
