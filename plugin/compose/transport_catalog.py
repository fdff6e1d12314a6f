"""transport.data.gouv.fr's catalog: the datasets of a territory, and its GBFS feeds and GTFS networks.

`GET /api/datasets` is one bare array of every dataset (no paging). A dataset carries `type`
("public-transit", "vehicles-sharing", "charging-stations", "private-parking", "carpooling-areas",
"bike-data", "road-data"...), `sub_types` ("bicycle", "scooter", "carsharing", "freefloating"...),
`covered_area` (its declared administrative areas, each `{"type", "insee", "nom"}`, type one of
"commune", "epci", "departement", "region", "pays"; an EPCI's `insee` is its SIREN, France's "FR"), `legal_owners`
(AOMs with their `siren`, regions, companies), `page_url`, `datagouv_id` and `resources`, each with
`format` ("GTFS", "gtfs-rt", "gbfs", "NeTEx", "csv"...), `url` (the stable download), `title`,
`is_available`, and `schema_name` for files following an Etalab schema. Absent keys are omitted.

`GET /api/aoms/<insee>` gives the AOM (the transport authority) of a commune, 404 for none.

A dataset belongs to the territory when its covered area is the territory (the EPCI), one of its
communes, the commune's EPCI, or the territory's AOM, or when that AOM is its legal owner. National
datasets (covered area "pays") are the national bases' business (national_bases.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..toolbelt.errors import ReplyError
from ..toolbelt.i18n import tr
from .services import CATALOG_MAX_AGE, GEO_MAX_AGE, Services, get_json
from .territory import COMMUNE, EPCI, Territory

SERVICE = "transport.data.gouv.fr"
PUBLIC_TRANSIT = "public-transit"
VEHICLES_SHARING = "vehicles-sharing"
# The `gtfs` entries of a resource, by its format: a network's stops and its routes (two layers of one
# feed, one entry each), the vehicles of a GTFS-RT feed.
GTFS_LAYERS = {
    "gtfs": (("transit_stop", "network"), ("transit_route", "network")),
    "gtfs-rt": (("public_vehicle", "vehicles"),),
}
# Other dataset types of the territory: listed for the user to tick (category, mobility domain).
TYPE_CATEGORIES = {
    "charging-stations": ("charging_station", "vehicules"),
    "private-parking": ("car_park", "stationnement"),
    "carpooling-areas": ("carpool_area", "vehicules"),
    "bike-data": ("cycleway", "velo"),
    "road-data": ("other", "voirie"),
    "low-emission-zones": ("other", "qualite_air"),
    "pedestrian-path": ("other", "marche"),
    "locations": ("other", "donnees"),
    "informations": ("other", "donnees"),
}


def read_catalog(transport, services: Services) -> list:
    reply = get_json(transport, f"{services.transport}/api/datasets", SERVICE, max_age=CATALOG_MAX_AGE)
    if not isinstance(reply, list):
        raise ReplyError(tr("transport.data.gouv.fr's catalog is not a list of datasets"), source=SERVICE)
    return [dataset for dataset in reply if isinstance(dataset, dict)]


def territory_aom(transport, services: Services, commune_code: str):
    """The AOM of a commune (`nom`, `siren`, `forme_juridique`...), or None."""
    reply = get_json(
        transport, f"{services.transport}/api/aoms/{commune_code}", SERVICE, max_age=GEO_MAX_AGE, if_missing=None
    )
    return reply if isinstance(reply, dict) and reply.get("siren") else None


def is_national(dataset: dict) -> bool:
    """Whether the dataset covers France (the platform also knows Monaco and Switzerland as countries)."""
    return any(
        isinstance(a, dict) and a.get("type") == "pays" and str(a.get("insee") or "").upper() == "FR"
        for a in dataset.get("covered_area") or []
    )


def why_matched(dataset: dict, territory: Territory, communes: dict, aom) -> str:
    """Why the dataset belongs to the territory, in one phrase; "" when it does not."""
    aom_siren = str((aom or {}).get("siren") or "")
    for area in dataset.get("covered_area") or []:
        if not isinstance(area, dict):
            continue
        kind, code, name = area.get("type"), str(area.get("insee") or "").upper(), area.get("nom") or ""
        if kind == "epci" and territory.kind == EPCI and code == territory.code:
            return tr("its covered area is the territory") + f" ({name})"
        if kind == "commune" and code in communes:
            return tr("its covered area is the commune") + f" {name or communes[code]} ({code})"
        if kind == "epci" and territory.kind == COMMUNE and code and code == territory.epci:
            return tr("its covered area is the commune's EPCI") + f" {name} ({code})"
        if kind == "epci" and code and code == aom_siren:
            return tr("its covered area is the territory's transport authority (AOM)") + f" {name} ({code})"
    for owner in dataset.get("legal_owners") or []:
        if (
            isinstance(owner, dict)
            and owner.get("type") == "aom"
            and aom_siren
            and str(owner.get("siren")) == aom_siren
        ):
            return tr("its legal owner is the territory's transport authority (AOM)") + f" {owner.get('name', '')}"
    return ""


def territory_datasets(catalog: list, territory: Territory, communes: dict, aom) -> list:
    """(dataset, reason) of every non-national dataset of the territory, in catalog order."""
    found = []
    for dataset in catalog:
        if is_national(dataset):
            continue
        reason = why_matched(dataset, territory, communes, aom)
        if reason:
            found.append((dataset, reason))
    return found


@dataclass
class CatalogEntry:
    category: str
    entry: dict


def provenance(dataset: dict, reason: str) -> str:
    """Where an entry comes from and why it was chosen, for its `note`."""
    title = dataset.get("title") or dataset.get("slug") or dataset.get("id") or "?"
    page = dataset.get("page_url") or ""
    return f"transport.data.gouv.fr, « {title} »" + (f" ({page})" if page else "") + f": {reason}"


def _availability(resource: dict, entry: dict) -> dict:
    if resource.get("is_available") is False:
        entry["unconfirmed"] = True
        entry["note"] += "; " + tr("the platform reports this resource unavailable: tick it to try")
    return entry


def feed_title(dataset: dict, resource: dict) -> str:
    title = dataset.get("title") or ""
    detail = resource.get("title") or ""
    return f"{title} — {detail}" if detail and detail not in title else title or detail


def dataset_entries(dataset: dict, reason: str, services: Services) -> list:
    """The profile entries one dataset of the territory gives: its GTFS networks and GTFS-RT feeds, its
    GBFS feeds, or itself as a data.gouv.fr dataset to tick."""
    note = provenance(dataset, reason)
    kind = dataset.get("type")
    sub_types = set(dataset.get("sub_types") or [])
    resources = [r for r in dataset.get("resources") or [] if isinstance(r, dict) and r.get("url")]
    found = []
    if kind == PUBLIC_TRANSIT:
        for resource in resources:
            fmt = str(resource.get("format") or "").lower()
            for category, feed_kind in GTFS_LAYERS.get(fmt, ()):
                entry = {
                    "source": "gtfs",
                    "feed": resource["url"],
                    "kind": feed_kind,
                    "title": feed_title(dataset, resource),
                    "domain": "transport_collectif",
                    "note": note,
                }
                found.append(CatalogEntry(category, _availability(resource, entry)))
    elif kind == VEHICLES_SHARING:
        category = "car_sharing" if "carsharing" in sub_types else "bike_share_station"
        domain = "velo" if "bicycle" in sub_types and category != "car_sharing" else "vehicules"
        feed_kind = "vehicles" if "freefloating" in sub_types else "stations"
        for resource in resources:
            if str(resource.get("format") or "").lower() == "gbfs":
                entry = {
                    "source": "gbfs",
                    "feed": resource["url"],
                    "kind": feed_kind,
                    "title": feed_title(dataset, resource),
                    "domain": domain,
                    "note": note,
                }
                found.append(CatalogEntry(category, _availability(resource, entry)))
    elif kind in TYPE_CATEGORIES and dataset.get("datagouv_id"):
        category, domain = TYPE_CATEGORIES[kind]
        entry = {
            "source": "datagouv",
            "dataset": str(dataset["datagouv_id"]),
            **services.datagouv_server(),
            "title": dataset.get("title") or str(dataset["datagouv_id"]),
            "domain": domain,
            "unconfirmed": True,
            "note": note + "; " + tr("listed for you to tick: its resources were not checked"),
        }
        found.append(CatalogEntry(category, entry))
    return found


def catalog_entries(matches: list, services: Services) -> list:
    """The entries of every matching dataset, a feed listed once per category even when two datasets share it."""
    seen, found = set(), []
    for dataset, reason in matches:
        for item in dataset_entries(dataset, reason, services):
            key = (item.category, item.entry.get("feed") or ("datagouv", item.entry.get("dataset")))
            if key in seen:
                continue
            seen.add(key)
            found.append(item)
    return found
