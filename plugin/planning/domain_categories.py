"""Which resource categories serve which mobility domain: the one rule the overlays share.

A challenge in a domain is "served" by resources of these categories near it; the competence
matrix counts a resource for every domain its category serves.

A GTFS network's stops (transit_stop) are left out on purpose: challenge_context measures the level of
service near a challenge itself (its transit_departures_7_9), and the competence matrix's columns stay those
models rely on. Routes and live vehicles serve no place in particular.
"""

from __future__ import annotations

DOMAIN_CATEGORIES = {
    "voirie": ("traffic_signals", "road_works", "street_lamp", "traffic_counter", "cycleway"),
    "stationnement": ("car_park", "bicycle_parking", "charging_station"),
    "vehicules": ("charging_station", "car_sharing", "bike_share_station", "carpool_area"),
    "transport_collectif": ("bus_stop",),
    "velo": ("cycleway", "bicycle_parking", "bike_share_station"),
    "marche": ("traffic_signals", "street_lamp", "bus_stop"),
    "logistique": ("car_park", "road_works", "traffic_counter"),
    "securite_routiere": ("traffic_signals", "street_lamp", "traffic_counter", "road_accident"),
    "qualite_air": ("air_quality_sensor",),
    "donnees": ("traffic_counter", "air_quality_sensor"),
    "autre": (),
}


def categories_for(domain: str) -> tuple:
    return DOMAIN_CATEGORIES.get(domain or "", ())


def domains_for(category: str) -> list:
    return [domain for domain, categories in DOMAIN_CATEGORIES.items() if category in categories]
