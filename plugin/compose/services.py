"""The services the composer asks, and the one way it asks them for JSON.

Three national access points, each with a base URL that tests and mirrors may replace (the
`GEO_API`, `TRANSPORT_API` and `DATAGOUV_API` parameters of `openterritory:compose_profile`, the
composer's settings for the dock), plus the sensor.community and Overpass servers written into the
entries when they are not the defaults.

`get_json` turns the transport's failures into the plugin's error vocabulary, naming the service:
a cancelled download is `Cancelled`, an HTTP error or a body that is not JSON a `ReplyError` (with
`status`), anything else on the way a `NetworkError`. The composer catches them step by step, so
one service down becomes a note in the profile, not a failed composition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..toolbelt.errors import Cancelled, InputError, OpenTerritoryError, ReplyError
from ..toolbelt.i18n import tr
from ..toolbelt.settings import PluginSettings

GEO_API = "https://geo.api.gouv.fr"
TRANSPORT_API = "https://transport.data.gouv.fr"
DATAGOUV_API = "https://www.data.gouv.fr"

# Seconds a cached reply is used without asking again. Outlines and codes change once a year; the
# catalogs daily at most; a composition from cached catalogs must not wait for the network.
GEO_MAX_AGE = 30 * 86400
NAME_SEARCH_MAX_AGE = 86400
CATALOG_MAX_AGE = 86400
SCHEMA_MAX_AGE = 30 * 86400

URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$")


def base_url(value: str, default: str, what: str) -> str:
    """A service's base URL without its trailing slash; InputError names the parameter when it is not one."""
    url = (value or "").strip() or default
    if not URL.match(url):
        raise InputError(tr("Not an http or https address") + f" ({what}): {url}", source=what)
    return url.rstrip("/")


@dataclass(frozen=True)
class Services:
    """Base URLs of the services a composition asks. Empty `sensor_community` and `overpass` leave the
    entries without a `server`, so they load from the defaults (Overpass: the plugin's settings)."""

    geo: str = GEO_API
    transport: str = TRANSPORT_API
    datagouv: str = DATAGOUV_API
    sensor_community: str = ""
    overpass: str = ""

    @classmethod
    def from_urls(
        cls, geo: str = "", transport: str = "", datagouv: str = "", sensor_community: str = "", overpass: str = ""
    ) -> Services:
        return cls(
            geo=base_url(geo, GEO_API, "GEO_API"),
            transport=base_url(transport, TRANSPORT_API, "TRANSPORT_API"),
            datagouv=base_url(datagouv, DATAGOUV_API, "DATAGOUV_API"),
            sensor_community=base_url(sensor_community, "", "SENSOR_API") if sensor_community else "",
            overpass=base_url(overpass, "", "OVERPASS_API") if overpass else "",
        )

    @classmethod
    def from_settings(cls, settings: PluginSettings) -> Services:
        """The services the plugin's settings name (the dock composes with these). Overpass is left to the
        settings at load time: the composed entries carry no server."""
        return cls.from_urls(
            geo=settings.compose_geo_api,
            transport=settings.compose_transport_api,
            datagouv=settings.compose_datagouv_api,
            sensor_community=settings.compose_sensor_api,
        )

    def geo_server(self) -> dict:
        """The `server` key of a boundary, when geo.api.gouv.fr is not the public one."""
        return {} if self.geo == GEO_API else {"server": self.geo}

    def datagouv_server(self) -> dict:
        """The `server` key of a datagouv entry, when data.gouv.fr is not the public one."""
        return {} if self.datagouv == DATAGOUV_API else {"server": self.datagouv}


RAISE = object()  # `if_missing` default: a 404 raises like any other error


def get_reply(
    transport,
    url: str,
    service: str,
    params=None,
    max_age: int = 0,
    expect: str = "json",
    if_missing=RAISE,
    progress: bool = False,
):
    """The reply of `url` (a file on disk, from the cache when younger than `max_age`); `if_missing` is
    returned for a 404 instead of raising (lookups by code). `progress`: the download's progress goes to
    the transport's feedback (large files; catalog replies leave the caller's progress alone).

    Raises Cancelled, ReplyError or NetworkError, each naming `service`."""
    headers = {"Accept": "application/json"} if expect == "json" else None
    try:
        return transport.get(url, params=params, headers=headers, expect=expect, max_age=max_age, progress=progress)
    except Cancelled:
        raise Cancelled(source=service, url=url) from None
    except OpenTerritoryError as error:
        if error.status == 404 and if_missing is not RAISE:
            return if_missing
        raise type(error)(
            f"{service}: {error}",
            source=service,
            url=error.url,
            status=error.status,
            reason=error.reason,
            payload=error.payload,
        ) from None


def get_json(transport, url: str, service: str, params=None, max_age: int = 0, if_missing=RAISE):
    """The decoded JSON reply of `url` (see get_reply)."""
    reply = get_reply(transport, url, service, params=params, max_age=max_age, if_missing=if_missing)
    if reply is if_missing:
        return if_missing
    try:
        return reply.json()
    except ReplyError as error:
        raise ReplyError(f"{service}: {error}", source=service, url=error.url) from None
