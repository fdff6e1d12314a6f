"""Addresses to points through the Base Adresse Nationale API (api-adresse.data.gouv.fr), with the
plugin's transport: its retries on 429/5xx, its cancellation, and its disk cache (an address already
asked for is answered from the cache, for GEOCODE_MAX_AGE seconds).

One address is asked at `/search/?q=&limit=1`: the reply is a GeoJSON FeatureCollection whose first
feature is the best match, with a `score` between 0 and 1. Many addresses (more than BATCH_THRESHOLD not
yet known) are asked in batches at `/search/csv/`, the endpoint the BAN made for files: a CSV upload
(multipart `data`, the query column named by `columns`) answered by the same CSV with `latitude`,
`longitude`, `result_label`, `result_score`... appended. Each batch answer fills the cache of the single
request it stands for, so the per-address path and a later import find it there; a batch the service
refuses (too large: halved; any other failure) falls back to one request per address. Both paths give the
same outcome per address and the same counts.

A reply without a match, with a best score under MIN_SCORE, or whose coordinates cannot be a place (not
finite, beyond ±180/±90) is a failure the caller reports for that row: a ReplyError (what the geocoder
answered), a NetworkError (it could not be asked) or an InputError (an address too short to ask about),
each naming the address; a cancellation is the transport's own and passes through.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass

from qgis.core import QgsFeedback

from ..toolbelt.errors import Cancelled, InputError, OpenTerritoryError, ReplyError
from ..toolbelt.i18n import tr
from ..toolbelt.logger import log
from ..toolbelt.network import Transport, multipart_form

BAN_URL = "https://api-adresse.data.gouv.fr"
SOURCE = "Base Adresse Nationale"
MIN_SCORE = 0.4
GEOCODE_MAX_AGE = 30 * 86400  # seconds: addresses rarely move
# Above this many distinct addresses not yet known, they are asked in batches: one request each would take
# minutes for a few thousand, and the BAN asks for no more than 50 requests a second.
BATCH_THRESHOLD = 50
# Rows per batch: about 150 kB of addresses, far under the service's 50 MB upload limit, and short enough
# for a progress bar and a cancel button that answer.
BATCH_ROWS = 2000
MIN_BATCH_ROWS = 50  # a batch refused as too large is halved down to this, then asked address by address
JSON_HEADERS = {"content-type": "application/json; charset=utf-8"}


@dataclass
class Geocoded:
    lon: float
    lat: float
    score: float
    label: str
    from_cache: bool = False


def normalized_query(address: str) -> str:
    return " ".join(str(address or "").split())


def _place(lon: object, lat: object, query: str) -> tuple:
    """(lon, lat) as floats when they make a place on Earth; a ReplyError naming the address otherwise."""
    try:
        lon, lat = float(lon), float(lat)
    except (TypeError, ValueError, OverflowError):
        raise ReplyError(tr("The geocoder's reply has no coordinates") + f": '{query}'", source=SOURCE) from None
    if not (math.isfinite(lon) and math.isfinite(lat) and abs(lon) <= 180 and abs(lat) <= 90):
        raise ReplyError(
            tr("The geocoder's reply has impossible coordinates") + f": '{query}' ({lon}, {lat})",
            source=SOURCE,
            reason="impossible_coordinates",
        )
    return lon, lat


def _score(value: object) -> float:
    try:
        score = float(value or 0.0)
    except (TypeError, ValueError, OverflowError):
        return 0.0
    return score if math.isfinite(score) else 0.0


def _match(lon: object, lat: object, score: object, label: object, query: str, min_score: float) -> Geocoded:
    """The geocoder's best match for `query` as a Geocoded, or the ReplyError that leaves its row out."""
    lon, lat = _place(lon, lat, query)
    score, label = _score(score), str(label or "")
    if score < min_score:
        raise ReplyError(
            tr("Address found with too little confidence") + f": '{query}' → '{label}' ({tr('score')} {score:.2f})",
            source=SOURCE,
            reason="low_score",
        )
    return Geocoded(lon, lat, score, label)


def not_found(query: str) -> ReplyError:
    return ReplyError(tr("Address not found") + f": '{query}'", source=SOURCE, reason="not_found")


def parse_search_reply(payload: object, query: str, min_score: float = MIN_SCORE) -> Geocoded:
    """The best match of a `/search/` reply (a GeoJSON FeatureCollection), or a ReplyError naming `query`."""
    features = payload.get("features") if isinstance(payload, dict) else None
    if not isinstance(features, list):
        raise ReplyError(tr("The geocoder's reply is not a GeoJSON FeatureCollection"), source=SOURCE)
    if not features:
        raise not_found(query)
    feature = features[0] if isinstance(features[0], dict) else {}
    geometry = feature.get("geometry") if isinstance(feature.get("geometry"), dict) else {}
    coordinates = geometry.get("coordinates")
    if not isinstance(coordinates, list) or len(coordinates) < 2:
        raise ReplyError(tr("The geocoder's reply has no coordinates") + f": '{query}'", source=SOURCE)
    properties = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
    return _match(coordinates[0], coordinates[1], properties.get("score"), properties.get("label"), query, min_score)


def row_found(row: dict) -> bool:
    """Whether a `/search/csv/` row holds a match: coordinates, and a status (when the service gives one) of
    "ok" (not "not-found", "skipped" or "error")."""
    placed = bool((row.get("latitude") or "").strip() and (row.get("longitude") or "").strip())
    return placed and (row.get("result_status") or "ok") == "ok"


def batch_outcome(row: dict, query: str, min_score: float = MIN_SCORE) -> Geocoded | OpenTerritoryError:
    """What a `/search/csv/` row says of `query`: a match, or the error that leaves its row out (as the single
    request's reply would)."""
    if not row_found(row):
        return not_found(query)
    try:
        return _match(
            row["longitude"], row["latitude"], row.get("result_score"), row.get("result_label"), query, min_score
        )
    except OpenTerritoryError as error:
        return error


def search_reply(query: str, row: dict) -> bytes:
    """The `/search/?q=&limit=1` reply (as the BAN writes it) a row of a `/search/csv/` answer stands for, to
    keep in the cache of that request: one feature when the row was found, none otherwise."""
    features = []
    if row_found(row):
        properties = {key[len("result_") :]: value for key, value in row.items() if key.startswith("result_") and value}
        properties.pop("status", None)
        properties["score"] = _score(row.get("result_score"))
        try:
            coordinates = [float(row["longitude"]), float(row["latitude"])]
        except ValueError:
            coordinates = [row["longitude"], row["latitude"]]  # kept as written: the reader refuses them
        features.append(
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": coordinates}, "properties": properties}
        )
    reply = {"type": "FeatureCollection", "version": "draft", "features": features, "attribution": "BAN"}
    reply.update({"licence": "ETALAB-2.0", "query": query, "limit": 1})
    return json.dumps(reply, ensure_ascii=False).encode("utf-8")


def batch_upload(queries: list) -> tuple:
    """(body, content type) of a `/search/csv/` request asking `queries`: a CSV of an `id` and a `q` column,
    geocoded on `q` alone (what the single request asks)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(["id", "q"])
    writer.writerows([index, query] for index, query in enumerate(queries))
    upload = ("data", "adresses.csv", text.getvalue().encode("utf-8"), "text/csv")
    return multipart_form([("columns", "q"), ("delimiter", ",")], [upload])


def parse_batch_reply(content: bytes, queries: list) -> list:
    """The answered rows of a `/search/csv/` reply, in the order of `queries` ({column: value}, None for a row
    the reply lacks); a ReplyError when it is not the CSV asked for."""
    try:
        text = content.decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
    except (UnicodeDecodeError, csv.Error) as error:
        raise ReplyError(tr("The geocoder's batch reply cannot be read") + f": {error}", source=SOURCE) from None
    if rows and not {"id", "latitude", "longitude", "result_score"} <= set(rows[0]):
        raise ReplyError(tr("The geocoder's batch reply lacks its result columns"), source=SOURCE)
    answered = [None] * len(queries)
    for row in rows:
        # A row with more cells than the header keeps them under None, one with fewer has None values.
        row = {key: value for key, value in row.items() if isinstance(key, str) and isinstance(value, str)}
        index = row.get("id", "")
        if index.isdigit() and int(index) < len(queries):
            answered[int(index)] = row
    return answered


class BanGeocoder:
    """One geocoder per import: it remembers the addresses of the run and counts requests and cache hits."""

    def __init__(self, transport: Transport = None, base_url: str = None, min_score: float = MIN_SCORE) -> None:
        self.transport = transport or Transport()
        if self.transport.silent_hosts is None:
            # A geocoder that stalled is not asked again for every other address of the run.
            self.transport.silent_hosts = set()
        self.base_url = (base_url or BAN_URL).rstrip("/")
        self.min_score = min_score
        self.memo = {}
        self.requests = 0  # distinct addresses looked up, whichever way they were answered
        self.cache_hits = 0  # of which answered from the transport's cache
        self.batch_requests = 0  # batch requests sent to /search/csv/

    @property
    def search_url(self) -> str:
        return f"{self.base_url}/search/"

    def geocode(self, address: str) -> Geocoded:
        query = normalized_query(address)
        if len(query) < 3:
            raise InputError(tr("The address is too short to be located") + f": '{query}'", source=SOURCE)
        key = query.lower()
        if key not in self.memo:
            try:
                self.memo[key] = self._ask(query)
            except Cancelled:
                raise
            except OpenTerritoryError as error:
                self.memo[key] = error
        outcome = self.memo[key]
        if isinstance(outcome, OpenTerritoryError):
            raise outcome
        return outcome

    def geocode_many(
        self, addresses: list, feedback: QgsFeedback | None = None, progress: tuple = (0.0, 100.0)
    ) -> None:
        """Learn the outcome of every address of `addresses` ahead of `geocode`: from the run's memory, the
        transport's cache, then, when more than BATCH_THRESHOLD remain, from batch requests (see the module's
        docstring), reporting within `progress` on `feedback`; fewer are left to `geocode`, one request each."""
        pending = {}
        for address in addresses:
            query = normalized_query(address)
            key = query.lower()
            if len(query) >= 3 and key not in self.memo and key not in pending:
                pending[key] = query
        for key, query in list(pending.items()):
            cached = self.transport.cached(self.search_url, self._params(query), GEOCODE_MAX_AGE)
            if cached is not None:
                self.requests += 1
                self.memo[key] = self._outcome(cached, query)
                del pending[key]
        if len(pending) <= BATCH_THRESHOLD:
            return
        queries = list(pending.values())
        for start in range(0, len(queries), BATCH_ROWS):
            if feedback is not None and feedback.isCanceled():
                raise Cancelled()
            self._ask_batch(queries[start : start + BATCH_ROWS])
            if feedback is not None:
                done = min(len(queries), start + BATCH_ROWS) / len(queries)
                feedback.setProgress(progress[0] + (progress[1] - progress[0]) * done)

    # -- one address ------------------------------------------------------------------------------

    @staticmethod
    def _params(query: str) -> dict:
        return {"q": query, "limit": 1}

    def _ask(self, query: str) -> Geocoded:
        self.requests += 1
        try:
            response = self.transport.get(
                self.search_url, params=self._params(query), max_age=GEOCODE_MAX_AGE, expect="json", progress=False
            )
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            raise self._failure(error) from None
        outcome = self._outcome(response, query)
        if isinstance(outcome, OpenTerritoryError):
            raise outcome
        return outcome

    def _outcome(self, response, query: str) -> Geocoded | OpenTerritoryError:
        """What a `/search/` reply (fetched or cached) says of `query`: a match or the error of its row."""
        if response.from_cache:
            self.cache_hits += 1
        try:
            found = parse_search_reply(response.json(), query, self.min_score)
        except OpenTerritoryError as error:
            return self._failure(error) if error.source != SOURCE else error
        found.from_cache = response.from_cache
        return found

    @staticmethod
    def _failure(error: OpenTerritoryError) -> OpenTerritoryError:
        """An answer the geocoder gave (an HTTP error, a web page) or no answer at all: the same kind, in the
        geocoder's words."""
        return type(error)(
            tr("Geocoding failed") + f": {getattr(error, 'detail', '') or error.message}",
            source=SOURCE,
            url=error.url,
            status=error.status,
            reason=error.reason,
        )

    # -- many addresses ---------------------------------------------------------------------------

    def _ask_batch(self, queries: list) -> None:
        """Ask `queries` at `/search/csv/` and learn each outcome; a batch refused as too large is halved, any
        other failure leaves its addresses to one request each."""
        body, content_type = batch_upload(queries)
        self.batch_requests += 1
        try:
            response = self.transport.post(
                f"{self.base_url}/search/csv/", data=body, headers={"Content-Type": content_type}, progress=False
            )
            answered = parse_batch_reply(response.content, queries)
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            if error.status == 413 and len(queries) > MIN_BATCH_ROWS:
                half = len(queries) // 2
                self._ask_batch(queries[:half])
                self._ask_batch(queries[half:])
                return
            log(f"{SOURCE}: batch of {len(queries)} addresses refused, asked one by one ({error})", "warning")
            return
        for query, row in zip(queries, answered):
            if row is None:
                continue  # left to the single request
            self.requests += 1
            self.memo[query.lower()] = batch_outcome(row, query, self.min_score)
            self.transport.remember(self.search_url, self._params(query), search_reply(query, row), JSON_HEADERS)
