"""A local HTTP server for tests that answers like a real service, or fails in any way a real one does.

`FaultServer` serves routes (a path and the body a real service would send, `route`) on 127.0.0.1, and
any route can be armed with a fault (`arm(path, name, **options)`; the path "*" arms every route). A
fault is a function registered under its name with `@fault(name)`: it gets the `Exchange` of one
request (the route's body and content type, the fault's options, raw writing to the socket) and answers
as it likes. Adding a fault is writing one such function.

The faults (a real server's failures, each generated on the fly, never stored):

    never_answer        accepts the connection, reads the request and never answers
    headers_then_stall  status and headers (with the body's length), then nothing
    drip                status and headers, then one byte a second (`interval`), for ever
    html_200            an HTML error page with status 200
    busy                503 (or `status`) with Retry-After (`retry_after`), `times` times, then the route
    redirect_loop       a redirect (302) to itself, for ever
    huge                a body of `size` bytes (5 GiB by default) announced in Content-Length
    huge_unannounced    a body without Content-Length that never ends
    corrupt_gzip        Content-Encoding: gzip over bytes that do not inflate
    invalid_utf8        the route's body with a byte sequence that is not UTF-8 inside its first string
    xml_bomb            an XML document whose entities expand to gigabytes ("billion laughs")
    empty               status 200 and no body
    reset               the first half of the body, then a TCP reset
    cut_short           the first half of the body, then a normal close, short of Content-Length
    slow_first_byte     the route's reply after `delay` seconds (2 by default): a slow server, no fault

The server logs every request (`requests`) and how many it was answering at once (`max_in_flight`).
Stalled answers end when the server closes, so a test never waits on them.
"""

from __future__ import annotations

import gzip
import json
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

FAULTS = {}
CHUNK = b"[" + b"0," * (512 * 1024) + b"0]\n"  # about 1 MiB of filler for the huge bodies


def fault(name: str):
    """Register the decorated function as the fault `name`: `function(exchange)` answers one request."""

    def register(function):
        FAULTS[name] = function
        return function

    return register


@dataclass
class Route:
    body: bytes
    content_type: str = "application/json"
    status: int = 200
    headers: dict = field(default_factory=dict)


@dataclass
class Armed:
    name: str
    options: dict
    times: int | None = None  # None: every request; else how many requests still get the fault


@dataclass
class LoggedRequest:
    method: str
    path: str
    query: str
    headers: dict
    body: bytes
    started: float
    ended: float = 0.0


class Exchange:
    """One request being answered: what a fault needs to write its reply."""

    def __init__(self, handler: FaultHandler, route: Route | None, options: dict):
        self.handler = handler
        self.route = route or Route(json.dumps({"message": "no such route"}).encode(), status=404)
        self.options = options
        self.server: FaultServer = handler.server.owner
        self.hop = 0

    @property
    def body(self) -> bytes:
        return self.route.body

    def head(self, status: int, headers: dict, keep_alive: bool = False) -> None:
        """The status line and the headers; the connection is closed after this answer unless `keep_alive`."""
        lines = [f"HTTP/1.1 {status} {self.reason(status)}"]
        self.handler.close_connection = not keep_alive
        for name, value in {**headers, **({} if keep_alive else {"Connection": "close"})}.items():
            lines.append(f"{name}: {value}")
        self.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))

    def write(self, data: bytes) -> bool:
        """Send bytes; False once the client has gone."""
        try:
            self.handler.wfile.write(data)
            self.handler.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            return False
        return True

    def answer(self, body: bytes, status: int = 200, content_type: str = None, headers: dict | None = None) -> None:
        self.head(
            status,
            {
                "Content-Type": content_type or self.route.content_type,
                "Content-Length": str(len(body)),
                **(headers or {}),
            },
        )
        self.write(body)

    def answer_route(self) -> None:
        route = self.route
        self.answer(route.body, route.status, route.content_type, route.headers)

    def wait(self, seconds: float) -> bool:
        """Sleep, waking when the server closes; False when it closed."""
        return not self.server.closing.wait(seconds)

    def hold(self) -> None:
        """Say nothing until the server closes."""
        self.server.closing.wait()

    def reset(self) -> None:
        """Close the connection with a TCP reset (RST) rather than a normal end."""
        connection = self.handler.connection
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        connection.close()

    @staticmethod
    def reason(status: int) -> str:
        return {200: "OK", 302: "Found", 307: "Temporary Redirect", 404: "Not Found", 429: "Too Many Requests"}.get(
            status, "Service Unavailable" if status == 503 else "Status"
        )


# -- the faults -------------------------------------------------------------------------------------------


@fault("never_answer")
def never_answer(exchange: Exchange) -> None:
    exchange.hold()


@fault("headers_then_stall")
def headers_then_stall(exchange: Exchange) -> None:
    exchange.head(200, {"Content-Type": exchange.route.content_type, "Content-Length": str(len(exchange.body))})
    exchange.hold()


@fault("drip")
def drip(exchange: Exchange) -> None:
    exchange.head(200, {"Content-Type": exchange.route.content_type})
    interval = exchange.options.get("interval", 1.0)
    body = exchange.body or b" "
    position = 0
    while exchange.write(body[position % len(body) : position % len(body) + 1]) and exchange.wait(interval):
        position += 1


@fault("html_200")
def html_200(exchange: Exchange) -> None:
    page = (
        b"<!DOCTYPE html><html><head><title>Maintenance</title></head>"
        b"<body><h1>Service temporarily unavailable</h1><p>Please come back later.</p></body></html>"
    )
    exchange.answer(page, 200, "text/html; charset=utf-8")


@fault("busy")
def busy(exchange: Exchange) -> None:
    status = exchange.options.get("status", 503)
    body = json.dumps({"message": "Server busy, retry later"}).encode()
    exchange.answer(body, status, "application/json", {"Retry-After": str(exchange.options.get("retry_after", 1))})


@fault("redirect_loop")
def redirect_loop(exchange: Exchange) -> None:
    # 302, the redirect most servers send (a POST then goes on as a GET). With 307, which keeps a POST a POST,
    # Qt 5.15 ends one loop in thirty or so with "Unknown error" instead of "Too many redirects" (a retry
    # then gets the loop's message): a flaw of Qt's re-sent body, not of a server. The connection is kept, as a
    # real server keeps it (closed after each hop, Qt sends some hops twice).
    exchange.head(302, {"Location": exchange.handler.path, "Content-Length": "0"}, keep_alive=True)


def endless(exchange: Exchange, size: int | None) -> None:
    sent = 0
    while size is None or sent < size:
        chunk = CHUNK if size is None else CHUNK[: size - sent]
        if not exchange.write(chunk) or exchange.server.closing.is_set():
            return
        sent += len(chunk)


@fault("huge")
def huge(exchange: Exchange) -> None:
    size = exchange.options.get("size", 5 * 1024**3)
    exchange.head(200, {"Content-Type": exchange.route.content_type, "Content-Length": str(size)})
    endless(exchange, size)


@fault("huge_unannounced")
def huge_unannounced(exchange: Exchange) -> None:
    exchange.head(200, {"Content-Type": exchange.route.content_type})
    endless(exchange, None)


@fault("corrupt_gzip")
def corrupt_gzip(exchange: Exchange) -> None:
    packed = gzip.compress(exchange.body or b"{}")
    # A valid gzip header, then the deflate stream with its middle overwritten: nothing inflates.
    broken = packed[:10] + bytes(b ^ 0x5A for b in packed[10:-8]) + packed[-8:]
    exchange.answer(broken, 200, headers={"Content-Encoding": "gzip"})


@fault("invalid_utf8")
def invalid_utf8(exchange: Exchange) -> None:
    body = exchange.body
    quote = body.find(b'"', body.find(b'"') + 1) if body.count(b'"') > 1 else -1
    # Inside the first string, a byte that no UTF-8 text holds (0xFF), then a lone continuation byte.
    broken = body[:quote] + b"\xff\x80" + body[quote:] if quote > 0 else b"\xff\x80" + body
    exchange.answer(broken)


@fault("xml_bomb")
def xml_bomb(exchange: Exchange) -> None:
    entities = ['<!ENTITY lol0 "lollollollollollollollollollol">']
    entities += [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE osm [\n'
        + "\n".join(entities)
        + '\n]>\n<osm version="0.6" generator="Overpass API">\n'
        + '<node id="1" lat="48.11" lon="-1.68"><tag k="amenity" v="&lol9;"/></node>\n</osm>\n'
    )
    exchange.answer(document.encode(), 200, "application/osm3s+xml")


@fault("empty")
def empty(exchange: Exchange) -> None:
    exchange.answer(b"")


@fault("reset")
def reset(exchange: Exchange) -> None:
    body = exchange.body
    exchange.head(200, {"Content-Type": exchange.route.content_type, "Content-Length": str(len(body))})
    exchange.write(body[: len(body) // 2])
    exchange.wait(0.2)  # the half reaches the client before the reset
    exchange.reset()


@fault("cut_short")
def cut_short(exchange: Exchange) -> None:
    body = exchange.body
    exchange.head(200, {"Content-Type": exchange.route.content_type, "Content-Length": str(len(body))})
    exchange.write(body[: len(body) // 2])


@fault("slow_first_byte")
def slow_first_byte(exchange: Exchange) -> None:
    if exchange.wait(exchange.options.get("delay", 2.0)):
        exchange.answer_route()


# -- the server -------------------------------------------------------------------------------------------


class FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *_args) -> None:  # quiet: the test reads `requests`
        pass

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.serve()

    # CONNECT: the server can stand for a proxy that never answers (every host stalls, https included).
    do_POST = do_HEAD = do_PUT = do_CONNECT = do_GET  # noqa: N815

    def serve(self) -> None:
        self.close_connection = True
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        logged = LoggedRequest(
            self.command, parts.path, parts.query, dict(self.headers.items()), body, time.monotonic()
        )
        owner: FaultServer = self.server.owner
        owner.started(logged)
        try:
            route, armed = owner.lookup(parts.path)
            exchange = Exchange(self, route, armed.options if armed else {})
            if armed is not None:
                FAULTS[armed.name](exchange)
            elif self.command == "HEAD":
                exchange.head(exchange.route.status, {"Content-Length": str(len(exchange.body))})
            else:
                exchange.answer_route()
        finally:
            owner.ended(logged)


class FaultServer:
    """A threaded HTTP server on 127.0.0.1 (a port of its own), started at once; `close()` ends it."""

    def __init__(self):
        self.routes = {}
        self.armed = {}
        self.requests = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.closing = threading.Event()
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), FaultHandler)
        self.httpd.daemon_threads = True
        self.httpd.owner = self
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        """The server's base URL, without a trailing slash."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(
        self, path: str, body: bytes | str, content_type: str = "application/json", status: int = 200, **headers
    ) -> None:
        """Serve `body` at `path` (whatever the query string) as a real service would."""
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.routes[path] = Route(body, content_type, status, headers)

    def arm(self, path: str, name: str, times: int | None = None, **options) -> None:
        """Answer the requests of `path` ("*": every path) with the fault `name` (`times` times, else always)."""
        if name not in FAULTS:
            raise KeyError(f"no fault named {name}; known: {', '.join(sorted(FAULTS))}")
        self.armed[path] = Armed(name, options, times)

    def disarm(self) -> None:
        self.armed.clear()

    def lookup(self, path: str) -> tuple:
        with self._lock:
            armed = self.armed.get(path) or self.armed.get("*")
            if armed is not None and armed.times is not None:
                if armed.times <= 0:
                    armed = None
                else:
                    armed.times -= 1
        return self.routes.get(path), armed

    def started(self, request: LoggedRequest) -> None:
        with self._lock:
            self.requests.append(request)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def ended(self, request: LoggedRequest) -> None:
        with self._lock:
            self.in_flight -= 1
            request.ended = time.monotonic()

    def hits(self, path: str) -> int:
        return sum(request.path == path for request in self.requests)

    def close(self) -> None:
        self.closing.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)
