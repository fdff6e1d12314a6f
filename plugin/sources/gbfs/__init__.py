"""GBFS (General Bikeshare Feed Specification) shared-vehicle systems: stations with their live
status, and free-floating vehicles. Versions 1.x, 2.x and 3.0, found through the system's gbfs.json.

Spec keys (profiles and `load_territory`):
    {"source": "gbfs", "feed": "<gbfs.json URL>", "kind": "stations" | "vehicles"}
    optional: "language" (two-letter code for v1/v2 feeds grouped by language; default: QGIS's
    language, else "fr", else "en", else the first the feed lists).
`kind` defaults to "stations".

Layers (points, EPSG:4326), beside the common fields:
- stations: station_information joined with station_status on station_id: station_id,
  station_name (also the common `name`), short_name, address, capacity, vehicles_available
  (num_bikes_available or v3 num_vehicles_available), docks_available, vehicles_disabled,
  docks_disabled, vehicles_by_type ("mechanical=17; ebike=5"), is_installed, is_renting,
  is_returning, is_virtual_station (booleans, whatever 1/0/"true" the feed writes), last_reported
  (UTC date-time, from POSIX or ISO times), system_id, system_name, gbfs_version.
- vehicles: free_bike_status (bikes) or vehicle_status (vehicles) with vehicle_types where the
  system publishes them: label (type name, else form factor or id; also the common `name`),
  vehicle_id, vehicle_type_id, vehicle_type_name, form_factor, propulsion_type, is_reserved,
  is_disabled, current_range_meters, current_fuel_percent, station_id, last_reported, system_id,
  system_name, gbfs_version.

Category, when the caller gives none: `car_sharing` when every vehicle type the system publishes has
form_factor "car", or, with no vehicle types, when the system's name or id says car sharing (Citiz,
Getaround, autopartage...); `bike_share_station` otherwise (scooters included: DESIGN.md has no
other shared-vehicle category).
Licence: system_information license_id, else license_url, else "see the operator's terms" (with
the terms or system URL when published).
Stations and vehicles whose coordinates are unusable (unreadable, out of range, or 0/0 where feeds
put what they have not located) are left out and counted in a warning. A station_status that cannot
be read (HTTP error, no `data`) leaves the stations with empty availability columns and a warning.
Feed URLs may carry an API key (Bordeaux's `apiKey=`): `source_dataset` and every log or message
hold the redacted URL.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from qgis.core import QgsFeedback

from ...formats.point_rows import bad_places_warnings, write_point_rows
from ...toolbelt.errors import Cancelled, InputError, NetworkError, OpenTerritoryError, ReplyError
from ...toolbelt.i18n import qgis_locale, tr
from ...toolbelt.layer_checks import ScratchCheck
from ...toolbelt.layer_writer import OutputTarget, utc_now_iso
from ...toolbelt.logger import log
from ...toolbelt.metadata import resource_path
from ...toolbelt.network import cancelled_download, redact
from ..base import FetchResult, Source, SourceDeclaration, restated
from . import parse

SYSTEMS_CSV = resource_path("gbfs_systems_fr.csv")
KINDS = ("stations", "vehicles")


@dataclass
class GbfsSystem:
    """What a gbfs.json leads to: its feeds, the language chosen, the system and its vehicle types."""

    url: str
    version: str
    language: str
    feeds: dict
    info: dict = field(default_factory=dict)
    types: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.info.get("name") or urlsplit(self.url).netloc


def load_systems(path: str = SYSTEMS_CSV) -> list:
    """The bundled list of French systems (MobilityData's systems.csv, FR rows), as dicts with
    name, location, system_id, url (auto-discovery), versions, authentication."""
    systems = []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            url = (row.get("Auto-Discovery URL") or "").strip()
            if not url:
                continue
            systems.append(
                {
                    "name": (row.get("Name") or "").strip(),
                    "location": (row.get("Location") or "").strip(),
                    "system_id": (row.get("System ID") or "").strip(),
                    "url": url,
                    "versions": (row.get("Supported Versions") or "").strip(),
                    "authentication": (row.get("Authentication Type") or "").strip(),
                }
            )
    return systems


def check_spec(spec: dict) -> tuple:
    feed = str(spec.get("feed") or "").strip()
    if not feed:
        raise InputError(tr("GBFS: the 'feed' key (URL of the system's gbfs.json) is missing"))
    if urlsplit(feed).scheme not in ("http", "https"):
        raise InputError(tr("GBFS: the feed must be an http or https URL") + f": {redact(feed)}")
    kind = str(spec.get("kind") or "stations").strip().lower()
    if kind not in KINDS:
        raise InputError(tr("GBFS: 'kind' must be 'stations' or 'vehicles'") + f": {kind}")
    return feed, kind


class GbfsSource(Source):
    DECLARATION = SourceDeclaration(
        key="gbfs",
        label=lambda: tr("GBFS feed"),
        profile_fields={
            "feed": {"$ref": "#/definitions/url", "description": "URL of the system's gbfs.json"},
            "kind": {"enum": list(KINDS)},
        },
        required=("feed",),
        expectations=lambda: {"feed": tr("the URL of the system's gbfs.json")},
        algorithms=(("gbfs_stations", "GbfsStationsAlgorithm"), ("gbfs_vehicles", "GbfsVehiclesAlgorithm")),
    )

    # -- network --------------------------------------------------------------------------------

    def get_json(self, url: str, what: str) -> object:
        try:
            return self.transport.get(url, expect="json", headers={"Accept": "application/json"}).json()
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            raise restated(error, f"GBFS {what}: {error}") from error

    def discover(self, feed: str, language: str = None, with_types: bool = True) -> GbfsSystem:
        document = self.get_json(feed, "gbfs.json")
        feeds, chosen = parse.discover_feeds(document, redact(feed), language or qgis_locale())
        language = chosen or language or qgis_locale()
        system = GbfsSystem(feed, parse.document_version(document), language, feeds)
        if "system_information" in feeds:
            try:
                document = self.get_json(feeds["system_information"], "system_information")
                system.info = parse.system_info(document, system.language)
            except (NetworkError, ReplyError) as error:  # the layer is still worth having without a name and licence
                log(str(error), "warning")
        if with_types and "vehicle_types" in feeds:
            try:
                system.types = parse.vehicle_types(
                    self.get_json(feeds["vehicle_types"], "vehicle_types"), system.language
                )
            except (NetworkError, ReplyError) as error:
                log(str(error), "warning")
        return system

    def station_status(self, system: GbfsSystem) -> dict:
        """{station_id: status columns} of the system's current station_status (used by the refresh)."""
        url = system.feeds.get("station_status")
        if not url:
            raise ReplyError(tr("This GBFS system publishes no station status") + f" ({redact(system.url)})")
        document = self.get_json(url, "station_status")
        statuses = parse.station_status_rows(document, redact(url))
        return {sid: parse.status_columns(status, system.types) for sid, status in statuses.items()}

    def station_rows(self, system: GbfsSystem, warnings: list) -> tuple:
        """(rows, fields, name field) of the system's stations with their live status; a status that cannot
        be read leaves the availability columns empty and says so in `warnings`."""
        if "station_information" not in system.feeds:
            raise ReplyError(
                tr("This GBFS system publishes no stations (no station_information feed)") + f" ({redact(system.url)})"
            )
        information = self.get_json(system.feeds["station_information"], "station_information")
        status = None
        if "station_status" in system.feeds:
            try:
                status = self.get_json(system.feeds["station_status"], "station_status")
                parse.envelope_data(status, "station_status", redact(system.feeds["station_status"]))
            except (NetworkError, ReplyError) as error:  # the stations are still worth having without availability
                log(str(error), "warning")
                warnings.append(
                    tr("The station status could not be read: availability columns are empty") + f" ({error})"
                )
                status = None
        else:
            warnings.append(tr("No station_status feed: availability columns are empty"))
        rows, bad = parse.station_rows(
            information,
            status,
            system.types,
            system.info,
            system.version,
            system.language,
            redact(system.feeds["station_information"]),
        )
        warnings += bad_places_warnings(bad, tr("stations"))
        return rows, parse.STATION_FIELDS, "station_name"

    def vehicle_rows(self, system: GbfsSystem, warnings: list) -> tuple:
        """(rows, fields, name field) of the system's free-floating vehicles."""
        url = system.feeds.get("vehicle_status") or system.feeds.get("free_bike_status")
        if not url:
            raise ReplyError(
                tr("This GBFS system publishes no free-floating vehicles (no vehicle_status or free_bike_status feed)")
                + f" ({redact(system.url)})"
            )
        document = self.get_json(url, "vehicle_status")
        rows, bad = parse.vehicle_rows(document, system.types, system.info, system.version, redact(url))
        warnings += bad_places_warnings(bad, tr("vehicles"))
        return rows, parse.VEHICLE_FIELDS, "label"

    # -- Source interface -----------------------------------------------------------------------

    def describe(self, spec: dict) -> dict:
        feed, _kind = check_spec(spec)
        system = self.discover(feed, spec.get("language"))
        return {
            "title": system.label,
            "version": system.version,
            "language": system.language,
            "feeds": sorted(system.feeds),
            "licence": parse.licence_of(system.info),
            "category": parse.category_of(system.types, system.info),
            "vehicle_types": system.types,
            "has_stations": "station_information" in system.feeds,
            "has_vehicles": bool({"vehicle_status", "free_bike_status"} & set(system.feeds)),
        }

    def search(self, spec: dict, query: str) -> list:
        """Bundled French systems whose name, place or id contains every word of `query`."""
        words = (query or "").lower().split()
        found = []
        for system in load_systems():
            text = " ".join((system["name"], system["location"], system["system_id"])).lower()
            if all(word in text for word in words):
                found.append(system)
        return found

    def fetch(
        self, spec: dict, target: OutputTarget, category: str = None, feedback: QgsFeedback | None = None
    ) -> FetchResult:
        feed, kind = check_spec(spec)
        fetched_at = utc_now_iso()
        system = self.discover(feed, spec.get("language"))
        warnings = []
        if kind == "stations":
            rows, fields, name_field = self.station_rows(system, warnings)
        else:
            rows, fields, name_field = self.vehicle_rows(system, warnings)
        if feedback is not None and feedback.isCanceled():
            raise cancelled_download(feed)
        licence = parse.licence_of(system.info)
        source = f"GBFS {system.label}"
        common = {
            "category": category or parse.category_of(system.types, system.info),
            "source": source,
            "source_dataset": redact(feed),
            "licence": licence,
            "fetched_at": fetched_at,
        }
        shown = redact(feed)
        check = ScratchCheck(extent=spec.get("extent"), what=source)
        count = write_point_rows(rows, fields, target, common, name_field=name_field, feedback=feedback, check=check)
        warnings += check.warnings
        log(f"GBFS {system.label} ({shown}, v{system.version or '?'}): {count} {kind} -> {target.layer}")
        return FetchResult(target.layer, count, source, shown, licence, shown, fetched_at, warnings)
