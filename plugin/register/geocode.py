"""Addresses to points through the Base Adresse Nationale API (api-adresse.data.gouv.fr), with the
plugin's transport: its retries on 429/5xx, its cancellation, and its disk cache (an address already
asked for is answered from the cache, for GEOCODE_MAX_AGE seconds).

The reply is a GeoJSON FeatureCollection; the best match is the first feature, with a `score`
between 0 and 1 in its properties. A reply without features, or whose best score is under
MIN_SCORE, is a failure the caller reports for that row: a ReplyError (what the geocoder answered),
a NetworkError (it could not be asked) or an InputError (an address too short to ask about), each
naming the address; a cancellation is the transport's own and passes through.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..toolbelt.errors import Cancelled, InputError, OpenTerritoryError, ReplyError
from ..toolbelt.i18n import tr
from ..toolbelt.network import Transport

BAN_URL = "https://api-adresse.data.gouv.fr"
SOURCE = "Base Adresse Nationale"
MIN_SCORE = 0.4
GEOCODE_MAX_AGE = 30 * 86400  # seconds: addresses rarely move


@dataclass
class Geocoded:
    lon: float
    lat: float
    score: float
    label: str
    from_cache: bool = False


class BanGeocoder:
    """One geocoder per import: it remembers the addresses of the run and counts cache hits."""

    def __init__(self, transport: Transport = None, base_url: str = None, min_score: float = MIN_SCORE) -> None:
        self.transport = transport or Transport()
        if self.transport.silent_hosts is None:
            # A geocoder that stalled is not asked again for every other address of the run.
            self.transport.silent_hosts = set()
        self.base_url = (base_url or BAN_URL).rstrip("/")
        self.min_score = min_score
        self.memo = {}
        self.requests = 0
        self.cache_hits = 0

    def geocode(self, address: str) -> Geocoded:
        query = " ".join(str(address or "").split())
        if len(query) < 3:
            raise InputError(tr("The address is too short to be located") + f": '{query}'", source=SOURCE)
        key = query.lower()
        if key in self.memo:
            outcome = self.memo[key]
            if isinstance(outcome, OpenTerritoryError):
                raise outcome
            return outcome
        try:
            outcome = self._ask(query)
        except OpenTerritoryError as error:
            self.memo[key] = error
            raise
        self.memo[key] = outcome
        return outcome

    def _ask(self, query: str) -> Geocoded:
        self.requests += 1
        try:
            response = self.transport.get(
                f"{self.base_url}/search/",
                params={"q": query, "limit": 1},
                max_age=GEOCODE_MAX_AGE,
                expect="json",
                progress=False,
            )
            payload = response.json()
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            # An answer the geocoder gave (an HTTP error, a web page) or no answer at all: the same kind,
            # in the geocoder's words.
            raise type(error)(
                tr("Geocoding failed") + f": {getattr(error, 'detail', '') or error.message}",
                source=SOURCE,
                url=error.url,
                status=error.status,
                reason=error.reason,
            ) from None
        if response.from_cache:
            self.cache_hits += 1
        features = payload.get("features") if isinstance(payload, dict) else None
        if not isinstance(features, list):
            raise ReplyError(tr("The geocoder's reply is not a GeoJSON FeatureCollection"), source=SOURCE)
        if not features:
            raise ReplyError(tr("Address not found") + f": '{query}'", source=SOURCE, reason="not_found")
        feature = features[0] or {}
        try:
            lon, lat = (float(v) for v in feature["geometry"]["coordinates"][:2])
        except (KeyError, TypeError, ValueError):
            raise ReplyError(tr("The geocoder's reply has no coordinates") + f": '{query}'", source=SOURCE) from None
        properties = feature.get("properties") or {}
        score = float(properties.get("score") or 0.0)
        label = str(properties.get("label") or "")
        if score < self.min_score:
            raise ReplyError(
                tr("Address found with too little confidence") + f": '{query}' → '{label}' ({tr('score')} {score:.2f})",
                source=SOURCE,
                reason="low_score",
            )
        return Geocoded(lon, lat, score, label, response.from_cache)
