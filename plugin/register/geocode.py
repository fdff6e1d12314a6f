"""Addresses to points through the Base Adresse Nationale API (api-adresse.data.gouv.fr), with the
plugin's transport: its retries on 429/5xx, its cancellation, and its disk cache (an address already
asked for is answered from the cache, for GEOCODE_MAX_AGE seconds).

The reply is a GeoJSON FeatureCollection; the best match is the first feature, with a `score`
between 0 and 1 in its properties. A reply without features, or whose best score is under
MIN_SCORE, is a failure the caller reports for that row.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..toolbelt.errors import Cancelled, OpenTerritoryError
from ..toolbelt.i18n import tr
from ..toolbelt.network import Transport

BAN_URL = "https://api-adresse.data.gouv.fr"
MIN_SCORE = 0.4
GEOCODE_MAX_AGE = 30 * 86400  # seconds: addresses rarely move


@dataclass
class Geocoded:
    lon: float
    lat: float
    score: float
    label: str
    from_cache: bool = False


class GeocodeError(Exception):
    """This address could not be located; the message says why."""


class BanGeocoder:
    """One geocoder per import: it remembers the addresses of the run and counts cache hits."""

    def __init__(self, transport: Transport = None, base_url: str = None, min_score: float = MIN_SCORE):
        self.transport = transport or Transport()
        self.base_url = (base_url or BAN_URL).rstrip("/")
        self.min_score = min_score
        self.memo = {}
        self.requests = 0
        self.cache_hits = 0

    def geocode(self, address: str) -> Geocoded:
        query = " ".join(str(address or "").split())
        if len(query) < 3:
            raise GeocodeError(tr("The address is too short to be located") + f": '{query}'")
        key = query.lower()
        if key in self.memo:
            outcome = self.memo[key]
            if isinstance(outcome, GeocodeError):
                raise outcome
            return outcome
        try:
            outcome = self._ask(query)
        except GeocodeError as error:
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
            raise GeocodeError(tr("Geocoding failed") + f": {error.detail}") from None
        if response.from_cache:
            self.cache_hits += 1
        features = payload.get("features") if isinstance(payload, dict) else None
        if not isinstance(features, list):
            raise GeocodeError(tr("The geocoder's reply is not a GeoJSON FeatureCollection"))
        if not features:
            raise GeocodeError(tr("Address not found") + f": '{query}'")
        feature = features[0] or {}
        try:
            lon, lat = (float(v) for v in feature["geometry"]["coordinates"][:2])
        except (KeyError, TypeError, ValueError):
            raise GeocodeError(tr("The geocoder's reply has no coordinates") + f": '{query}'") from None
        properties = feature.get("properties") or {}
        score = float(properties.get("score") or 0.0)
        label = str(properties.get("label") or "")
        if score < self.min_score:
            raise GeocodeError(
                tr("Address found with too little confidence") + f": '{query}' → '{label}' ({tr('score')} {score:.2f})"
            )
        return Geocoded(lon, lat, score, label, response.from_cache)
