"""A local stand-in for the Base Adresse Nationale API (api-adresse.data.gouv.fr), answering and failing like it.

- `GET /search/?q=&limit=`: a GeoJSON FeatureCollection shaped like the BAN's (properties label, score,
  housenumber, id, name, postcode, citycode, x, y, city, context, type, importance, street);
- `POST /search/csv/`: a multipart form with the CSV file `data`, the query columns `columns` (repeated) and an
  optional `delimiter`, answered as the BAN's addok-csv answers: the same CSV, UTF-8 with a BOM, CRLF line
  ends, its own columns then latitude, longitude, result_label, result_score, result_score_next, result_type,
  result_id, result_housenumber, result_name, result_street, result_postcode, result_city, result_context,
  result_citycode, result_oldcitycode, result_oldcity, result_district, result_status (empty result columns
  and "not-found" for an address it cannot place);
- its failures: 413 (an HTML page, as the BAN's proxy sends it) for an upload over `max_upload` bytes, 400 (a
  JSON body) for a form without `data` or naming a column the file lacks, 429 with `Retry-After` beyond
  `rate_limit` requests a second (the BAN allows 50), or to the first `throttle_first` requests.

Places are made up, stable per address, around Rennes: an address holding "introuvable" is not found, one
holding "vague" is found with a score of 0.3, one holding "nulle part" comes back with NaN coordinates (what
the plugin must refuse, whatever the real service does).

    standin = BanStandIn(rate_limit=50)   # serving on 127.0.0.1 in a thread
    standin.url; standin.searches; standin.batches; standin.batch_rows; standin.throttled
    standin.close()
"""

from __future__ import annotations

import codecs
import csv
import email.parser
import email.policy
import hashlib
import io
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

RESULT_COLUMNS = (
    "latitude", "longitude", "result_label", "result_score", "result_score_next", "result_type", "result_id",
    "result_housenumber", "result_name", "result_street", "result_postcode", "result_city", "result_context",
    "result_citycode", "result_oldcitycode", "result_oldcity", "result_district", "result_status",
)  # fmt: skip
TOO_LARGE_PAGE = (
    "<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n"
    "<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)


def place_of(query: str) -> dict | None:
    """The made-up match of an address: None when not found."""
    text = " ".join(query.split())
    if not text or "introuvable" in text.lower():
        return None
    digest = hashlib.sha256(text.lower().encode("utf-8")).digest()
    lon = -1.75 + int.from_bytes(digest[:4], "big") / 2**32 * 0.2
    lat = 48.05 + int.from_bytes(digest[4:8], "big") / 2**32 * 0.1
    if "nulle part" in text.lower():
        lon = lat = float("nan")
    words = text.split()
    number = words[0] if words and words[0].isdigit() else ""
    street = " ".join(words[1:] if number else words) or text
    return {
        "label": f"{text} 35000 Rennes" if "rennes" not in text.lower() else text,
        "score": 0.3 if "vague" in text.lower() else 0.93,
        "housenumber": number,
        "id": f"35238_{int.from_bytes(digest[8:10], 'big'):04d}_{number or '00000'}",
        "name": text if not number else f"{number} {street}",
        "postcode": "35000",
        "citycode": "35238",
        "x": 351000.0,
        "y": 6789000.0,
        "city": "Rennes",
        "context": "35, Ille-et-Vilaine, Bretagne",
        "type": "housenumber" if number else "street",
        "importance": 0.71,
        "street": street,
        "lon": lon,
        "lat": lat,
    }


def search_body(query: str, limit: int) -> bytes:
    found = place_of(query)
    features = []
    if found is not None and limit > 0:
        properties = {k: v for k, v in found.items() if k not in ("lon", "lat")}
        geometry = {"type": "Point", "coordinates": [found["lon"], found["lat"]]}
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    reply = {"type": "FeatureCollection", "version": "draft", "features": features, "attribution": "BAN"}
    reply.update({"licence": "ETALAB-2.0", "query": query, "limit": limit})
    return json.dumps(reply).encode("utf-8")  # NaN written as NaN, as Python writes it


def geocoded_csv(content: str, columns: list, delimiter: str) -> bytes:
    """The /search/csv/ answer to `content` (the uploaded CSV, decoded); ValueError naming a missing column."""
    content = content.replace("\r", "").replace("\n", "\r\n")
    if not delimiter:
        try:
            delimiter = csv.Sniffer().sniff(content[:4096]).delimiter
        except csv.Error:
            delimiter = ","
    rows = csv.DictReader(content.splitlines(keepends=True), delimiter=delimiter)
    fieldnames = list(rows.fieldnames or [])
    for column in columns:
        if column not in fieldnames:
            raise ValueError(f"Cannot found column '{column}' in columns {fieldnames}")
    output = io.StringIO()
    output.write(codecs.BOM_UTF8.decode("utf-8"))
    columns_out = fieldnames + [column for column in RESULT_COLUMNS if column not in fieldnames]
    writer = csv.DictWriter(output, columns_out, delimiter=delimiter)
    writer.writeheader()
    for row in rows:
        query = " ".join(row.get(column) or "" for column in (columns or fieldnames))
        found = place_of(query)
        if found is None:
            row["result_status"] = "not-found"
        else:
            row.update({"latitude": found["lat"], "longitude": found["lon"], "result_status": "ok"})
            row.update({f"result_{key}": found[key] for key in ("label", "score", "type", "id", "housenumber")})
            row.update({f"result_{key}": found[key] for key in ("name", "street", "postcode", "city", "context")})
            row.update({"result_citycode": found["citycode"], "result_score_next": ""})
        writer.writerow(row)
    return output.getvalue().encode("utf-8")


def form_parts(content_type: str, body: bytes) -> dict:
    """{field name: [(file name or None, bytes)]} of a multipart/form-data body."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode("latin-1") + body
    )
    parts = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        parts.setdefault(name, []).append((part.get_filename(), part.get_payload(decode=True) or b""))
    return parts


class BanHandler(BaseHTTPRequestHandler):
    """The stand-in's answers; `self.server.standin` holds its knobs and counters."""

    protocol_version = "HTTP/1.1"
    # Keep-alive connections, as the BAN's: without TCP_NODELAY the body written after the headers waits for
    # the client's delayed acknowledgement, 40 ms a request that no real server adds.
    disable_nagle_algorithm = True

    def do_GET(self):  # noqa: N802
        standin = self.server.standin
        if standin.throttle(self):
            return
        parts = urlsplit(self.path)
        if parts.path.rstrip("/") != "/search":
            return self.reply(404, b'{"code": 404, "message": "Not found"}')
        query = parse_qs(parts.query)
        standin.count("searches")
        limit = int((query.get("limit") or ["5"])[0])
        self.reply(200, search_body((query.get("q") or [""])[0], limit))

    def do_POST(self):  # noqa: N802
        standin = self.server.standin
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if standin.throttle(self):
            return
        if urlsplit(self.path).path.rstrip("/") != "/search/csv":
            return self.reply(404, b'{"code": 404, "message": "Not found"}')
        if length > standin.max_upload:
            standin.count("too_large")
            return self.reply(413, TOO_LARGE_PAGE.encode(), "text/html")
        if standin.fail_batches:
            return self.reply(502, b"<html><body>Bad Gateway</body></html>", "text/html")
        self.batch(body)

    def batch(self, body: bytes) -> None:
        parts = form_parts(self.headers.get("Content-Type", ""), body)
        if not parts.get("data"):
            return self.reply(400, b'{"code": 400, "message": "Missing file"}')
        columns = [value.decode() for _name, value in parts.get("columns", [])]
        delimiter = b"".join(value for _name, value in parts.get("delimiter", [])).decode()
        content = parts["data"][0][1].decode("utf-8-sig")
        try:
            answer = geocoded_csv(content, columns, delimiter)
        except ValueError as error:
            return self.reply(400, json.dumps({"code": 400, "message": str(error)}).encode())
        self.server.standin.count("batches")
        self.server.standin.count("batch_rows", max(0, answer.count(b"\r\n") - 1))
        self.reply(200, answer, "text/csv; charset=utf-8-sig")

    def reply(self, status, body, content_type="application/json; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class BanStandIn:
    def __init__(
        self, rate_limit: int = 0, max_upload: int = 50 * 1024 * 1024, fail_batches: bool = False, throttle_first=0
    ):
        self.rate_limit = rate_limit
        self.throttle_first = throttle_first  # the first requests answered 429 whatever the rate (for tests)
        self.max_upload = max_upload
        self.fail_batches = fail_batches  # every /search/csv/ answers 502, as a proxy in trouble does
        self.searches = self.batches = self.batch_rows = self.throttled = self.too_large = 0
        self._lock = threading.Lock()
        self._window = (0, 0)  # (second, requests in it)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), BanHandler)
        self.server.daemon_threads = True
        self.server.standin = self
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def count(self, counter: str, amount: int = 1) -> None:
        with self._lock:
            setattr(self, counter, getattr(self, counter) + amount)

    def throttle(self, handler: BanHandler) -> bool:
        """Answer 429 with Retry-After beyond `rate_limit` requests in the current second, and to the first
        `throttle_first` requests (True when it did)."""
        with self._lock:
            second = int(time.monotonic())
            start, count = self._window
            count = count + 1 if start == second else 1
            self._window = (second, count)
            if self.throttled >= self.throttle_first and (not self.rate_limit or count <= self.rate_limit):
                return False
            self.throttled += 1
        handler.reply(429, b'{"code": 429, "message": "Too many requests"}', headers=(("Retry-After", "1"),))
        return True

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
