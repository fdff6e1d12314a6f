"""Reading GBFS 1.x, 2.x and 3.0 documents into plain rows, liberal with what real feeds publish.

No network here: `gbfs.py` downloads, these functions interpret. Real feeds deviate from the
specification (integer ids, 1/0 or "true" booleans, numeric strings, v3 localized names in a v2
feed, millisecond timestamps, Vélib's `num_bikes_available_types` list of one-key objects), so
every reader accepts the variants it can make sense of and leaves a value null otherwise.
"""

from __future__ import annotations

import re

from ...formats.point_rows import BAD_PLACE, as_bool, as_float, as_int, as_text, as_utc_iso, place
from ...toolbelt.errors import ReplyError
from ...toolbelt.i18n import tr

OPERATOR_TERMS = "see the operator's terms"

# Words in a system's name that mark a car-sharing service when it publishes no vehicle types.
CAR_SHARING_WORDS = re.compile(
    r"autopartage|car[\s_-]?shar|citiz|getaround|communauto|zity|free2move|share now|ubeeqo|"
    r"leo\s?&\s?go|mobilize|marcel|clem'|\bauto\b|\bcars?\b",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------------
# Values (generic readers in formats/point_rows.py)


def localized(value: object, language: str = None) -> str | None:
    """Text of a v3 localized list [{text, language}] in `language`, else French, English or the
    first; a plain string is returned as is."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict) and "text" in value:
        return as_text(value.get("text"))
    if isinstance(value, list):
        entries = [v for v in value if isinstance(v, dict) and v.get("text") not in (None, "")]
        if not entries:
            return None
        for wanted in (language, "fr", "en"):
            if not wanted:
                continue
            for entry in entries:
                tag = str(entry.get("language") or "").lower()
                if tag == wanted.lower() or tag.split("-")[0] == wanted.lower():
                    return as_text(entry["text"])
        return as_text(entries[0]["text"])
    return as_text(value)


# ---------------------------------------------------------------------------------------------
# Documents


def envelope_data(document: object, what: str, url: str) -> dict | list:
    """The `data` object of a GBFS document, or a ReplyError naming the file."""
    if not isinstance(document, dict) or not isinstance(document.get("data"), (dict, list)):
        raise ReplyError(tr("This is not a GBFS document (no 'data' object)") + f": {what} ({url})")
    return document["data"]


def document_version(document: object) -> str:
    version = document.get("version") if isinstance(document, dict) else None
    return str(version) if version not in (None, "") else ""


def discover_feeds(document: object, url: str, language: str = None) -> tuple:
    """{feed name: url} and the language chosen, from a gbfs.json of any version.

    v1/v2 group feeds by language (`data.<lang>.feeds`): the user's language, else French, English
    or the first. v3 lists them directly (`data.feeds`)."""
    data = envelope_data(document, "gbfs.json", url)
    chosen = None
    if isinstance(data, dict) and isinstance(data.get("feeds"), list):
        feeds = data["feeds"]
    else:
        by_language = {}
        if isinstance(data, dict):
            by_language = {k: v for k, v in data.items() if isinstance(v, dict) and isinstance(v.get("feeds"), list)}
        if not by_language:
            raise ReplyError(tr("The GBFS discovery file lists no feeds") + f" ({url})")
        chosen = next((lang for lang in (language, "fr", "en") if lang and lang in by_language), None)
        if chosen is None:
            prefixes = {k.split("-")[0].lower(): k for k in by_language}
            chosen = next(
                (prefixes[lang] for lang in (language, "fr", "en") if lang and lang in prefixes),
                next(iter(by_language)),
            )
        feeds = by_language[chosen]["feeds"]
    found = {}
    for feed in feeds:
        if isinstance(feed, dict) and feed.get("name") and feed.get("url"):
            found.setdefault(str(feed["name"]).strip(), str(feed["url"]).strip())
    if not found:
        raise ReplyError(tr("The GBFS discovery file lists no feeds") + f" ({url})")
    return found, chosen


def items(document: object, key: str, what: str, url: str, alternatives=()):
    data = envelope_data(document, what, url)
    for name in (key, *alternatives):
        value = data.get(name) if isinstance(data, dict) else None
        if isinstance(value, list):
            return [item for item in value if isinstance(item, dict)]
    if isinstance(data, list):
        return [item for item in data if isinstance(item, dict)]
    return []


def system_info(document: object, language: str = None) -> dict:
    """Name, operator, licence and terms of a system_information document (any version)."""
    data = document.get("data") if isinstance(document, dict) else None
    if not isinstance(data, dict):
        return {}
    return {
        "system_id": as_text(data.get("system_id")),
        "name": localized(data.get("name"), language),
        "operator": localized(data.get("operator"), language),
        "url": as_text(data.get("url")),
        "license_id": as_text(data.get("license_id")),
        "license_url": localized(data.get("license_url"), language),
        "terms_url": localized(data.get("terms_url"), language),
        "attribution": localized(data.get("attribution_organization_name"), language),
    }


def licence_of(info: dict) -> str:
    """license_id (v3, SPDX), else license_url (v2.x/v3), else a pointer to the operator's terms."""
    if info.get("license_id"):
        return info["license_id"]
    if info.get("license_url"):
        return info["license_url"]
    terms = info.get("terms_url") or info.get("url")
    return f"{OPERATOR_TERMS}: {terms}" if terms else OPERATOR_TERMS


def vehicle_types(document: object, language: str = None) -> dict:
    """{vehicle_type_id: {form_factor, propulsion_type, name, max_range_meters}}."""
    found = {}
    for item in items(document, "vehicle_types", "vehicle_types", ""):
        type_id = as_text(item.get("vehicle_type_id"))
        if type_id is None:
            continue
        found[type_id] = {
            "form_factor": as_text(item.get("form_factor")),
            "propulsion_type": as_text(item.get("propulsion_type")),
            "name": localized(item.get("name"), language) or localized(item.get("model"), language),
            "max_range_meters": as_float(item.get("max_range_meters")),
        }
    return found


def category_of(types: dict, info: dict) -> str:
    """car_sharing when every published vehicle type is a car; with no vehicle types, when the
    system's name says car sharing (Citiz, Getaround, autopartage...); bike_share_station otherwise."""
    factors = {t.get("form_factor") for t in types.values() if t.get("form_factor")}
    if factors:
        return "car_sharing" if factors == {"car"} else "bike_share_station"
    name = " ".join(filter(None, (info.get("name"), info.get("system_id"), info.get("operator"))))
    return "car_sharing" if CAR_SHARING_WORDS.search(name) else "bike_share_station"


def types_summary(status: dict, types: dict) -> str:
    """'mechanical=17; ebike=5' from v2.1+ vehicle_types_available or Vélib's num_bikes_available_types."""
    parts = []
    listed = status.get("vehicle_types_available")
    if isinstance(listed, list):
        for entry in listed:
            if isinstance(entry, dict):
                type_id = as_text(entry.get("vehicle_type_id"))
                label = (types.get(type_id) or {}).get("name") or type_id
                parts.append(f"{label}={as_int(entry.get('count'))}")
    velib = status.get("num_bikes_available_types")
    if not parts and isinstance(velib, list):
        for entry in velib:
            if isinstance(entry, dict):
                parts.extend(f"{k}={as_int(v)}" for k, v in entry.items())
    elif not parts and isinstance(velib, dict):
        parts.extend(f"{k}={as_int(v)}" for k, v in velib.items())
    return "; ".join(parts) or None


def station_status_rows(document: object, url: str = "") -> dict:
    """{station_id: status columns} from a station_status document."""
    found = {}
    for item in items(document, "stations", "station_status", url):
        station_id = as_text(item.get("station_id"))
        if station_id is None:
            continue
        vehicles = item.get("num_vehicles_available", item.get("num_bikes_available"))
        if vehicles is None:
            vehicles = item.get("numBikesAvailable")
        docks = item.get("num_docks_available", item.get("numDocksAvailable"))
        found[station_id] = {
            "vehicles_available": as_int(vehicles),
            "docks_available": as_int(docks),
            "vehicles_disabled": as_int(item.get("num_vehicles_disabled", item.get("num_bikes_disabled"))),
            "docks_disabled": as_int(item.get("num_docks_disabled")),
            "is_installed": as_bool(item.get("is_installed")),
            "is_renting": as_bool(item.get("is_renting")),
            "is_returning": as_bool(item.get("is_returning")),
            "last_reported": as_utc_iso(item.get("last_reported")),
            "_raw": item,
        }
    return found


STATION_FIELDS = (
    # (name, OGR type key): the schema of a station layer, in order
    ("station_id", "string"),
    ("station_name", "string"),
    ("short_name", "string"),
    ("address", "string"),
    ("capacity", "integer"),
    ("vehicles_available", "integer"),
    ("docks_available", "integer"),
    ("vehicles_disabled", "integer"),
    ("docks_disabled", "integer"),
    ("vehicles_by_type", "string"),
    ("is_installed", "boolean"),
    ("is_renting", "boolean"),
    ("is_returning", "boolean"),
    ("is_virtual_station", "boolean"),
    ("last_reported", "datetime"),
    ("system_id", "string"),
    ("system_name", "string"),
    ("gbfs_version", "string"),
)

STATUS_FIELDS = (
    "vehicles_available",
    "docks_available",
    "vehicles_disabled",
    "docks_disabled",
    "vehicles_by_type",
    "is_installed",
    "is_renting",
    "is_returning",
    "last_reported",
)

VEHICLE_FIELDS = (
    ("label", "string"),
    ("vehicle_id", "string"),
    ("vehicle_type_id", "string"),
    ("vehicle_type_name", "string"),
    ("form_factor", "string"),
    ("propulsion_type", "string"),
    ("is_reserved", "boolean"),
    ("is_disabled", "boolean"),
    ("current_range_meters", "real"),
    ("current_fuel_percent", "real"),
    ("station_id", "string"),
    ("last_reported", "datetime"),
    ("system_id", "string"),
    ("system_name", "string"),
    ("gbfs_version", "string"),
)


def status_columns(status: dict, types: dict) -> dict:
    columns = {key: status.get(key) for key in STATUS_FIELDS if key != "vehicles_by_type"}
    columns["vehicles_by_type"] = types_summary(status.get("_raw") or {}, types)
    return columns


def station_rows(
    information: object,
    status_document: object,
    types: dict,
    system: dict,
    version: str,
    language: str = None,
    url: str = "",
) -> tuple:
    """([(lon, lat, columns)] per station of station_information, joined with station_status by
    station_id (compared as text: one file may say 42 and the other "42"), number of stations skipped
    for bad coordinates). Stations without coordinates are skipped too; stations without status keep
    null status columns."""
    statuses = station_status_rows(status_document, url) if status_document is not None else {}
    rows, bad = [], 0
    for item in items(information, "stations", "station_information", url):
        station_id = as_text(item.get("station_id"))
        where = place(item.get("lon"), item.get("lat"))
        if where == BAD_PLACE:
            bad += 1
        if station_id is None or where in (None, BAD_PLACE):
            continue
        columns = {
            "station_id": station_id,
            "station_name": localized(item.get("name"), language),
            "short_name": localized(item.get("short_name"), language) or as_text(item.get("stationCode")),
            "address": localized(item.get("address"), language),
            "capacity": as_int(item.get("capacity")),
            "is_virtual_station": as_bool(item.get("is_virtual_station")),
            "system_id": system.get("system_id"),
            "system_name": system.get("name"),
            "gbfs_version": version or None,
        }
        columns.update(status_columns(statuses.get(station_id, {}), types))
        rows.append((*where, columns))
    return rows, bad


def vehicle_rows(document: object, types: dict, system: dict, version: str, url: str = "") -> tuple:
    """([(lon, lat, columns)] per free-floating vehicle of free_bike_status (bikes) or vehicle_status
    (vehicles), number of vehicles skipped for bad coordinates); vehicles parked at a station (no
    coordinates) are left out."""
    rows, bad = [], 0
    for item in items(document, "vehicles", "vehicle_status", url, alternatives=("bikes",)):
        where = place(item.get("lon"), item.get("lat"))
        if where == BAD_PLACE:
            bad += 1
        if where in (None, BAD_PLACE):
            continue
        lon, lat = where
        type_id = as_text(item.get("vehicle_type_id"))
        vehicle_type = types.get(type_id) or {}
        vehicle_id = as_text(item.get("vehicle_id", item.get("bike_id")))
        rows.append(
            (
                lon,
                lat,
                {
                    "label": vehicle_type.get("name") or vehicle_type.get("form_factor") or type_id or vehicle_id,
                    "vehicle_id": vehicle_id,
                    "vehicle_type_id": type_id,
                    "vehicle_type_name": vehicle_type.get("name"),
                    "form_factor": vehicle_type.get("form_factor"),
                    "propulsion_type": vehicle_type.get("propulsion_type"),
                    "is_reserved": as_bool(item.get("is_reserved")),
                    "is_disabled": as_bool(item.get("is_disabled")),
                    "current_range_meters": as_float(item.get("current_range_meters")),
                    "current_fuel_percent": as_float(item.get("current_fuel_percent")),
                    "station_id": as_text(item.get("station_id")),
                    "last_reported": as_utc_iso(item.get("last_reported")),
                    "system_id": system.get("system_id"),
                    "system_name": system.get("name"),
                    "gbfs_version": version or None,
                },
            )
        )
    return rows, bad
