"""The contracts of DESIGN.md: categories, common fields, mobility domains. Keys never change;
labels are translated."""

from __future__ import annotations

from .toolbelt.i18n import tr

CATEGORIES = (
    "traffic_signals",
    "bicycle_parking",
    "charging_station",
    "bus_stop",
    "car_park",
    "cycleway",
    "street_lamp",
    "bike_share_station",
    "car_sharing",
    "air_quality_sensor",
    "traffic_counter",
    "road_works",
    "other",
    # Round 2 (after "other", so that the index of every earlier category in Processing enums stays).
    "transit_stop",
    "transit_route",
    "public_vehicle",
    "carpool_area",
    "road_accident",
)

# Fields every resource layer carries beside the source's own attributes, in this order.
COMMON_FIELDS = ("category", "name", "source", "source_dataset", "licence", "fetched_at")

DOMAINS = (
    "voirie",
    "stationnement",
    "vehicules",
    "transport_collectif",
    "velo",
    "marche",
    "logistique",
    "securite_routiere",
    "qualite_air",
    "donnees",
    "autre",
)

OSM_ATTRIBUTION = "© OpenStreetMap contributors"
OSM_LICENCE = "ODbL"


def category_label(key: str) -> str:
    return {
        "traffic_signals": tr("Traffic signals"),
        "bicycle_parking": tr("Bicycle parking"),
        "charging_station": tr("Charging stations"),
        "bus_stop": tr("Bus stops"),
        "car_park": tr("Car parks"),
        "cycleway": tr("Cycleways"),
        "street_lamp": tr("Street lamps"),
        "bike_share_station": tr("Bike-share stations"),
        "car_sharing": tr("Car sharing"),
        "air_quality_sensor": tr("Air quality sensors"),
        "traffic_counter": tr("Traffic counters"),
        "road_works": tr("Road works"),
        "other": tr("Other resources"),
        "transit_stop": tr("Public transport stops"),
        "transit_route": tr("Public transport routes"),
        "public_vehicle": tr("Public vehicles (live)"),
        "carpool_area": tr("Carpooling areas"),
        "road_accident": tr("Road accidents"),
    }[key]


def domain_label(key: str) -> str:
    return {
        "voirie": tr("Roads"),
        "stationnement": tr("Parking"),
        "vehicules": tr("Vehicles and fleets"),
        "transport_collectif": tr("Public transport"),
        "velo": tr("Cycling"),
        "marche": tr("Walking"),
        "logistique": tr("Logistics"),
        "securite_routiere": tr("Road safety"),
        "qualite_air": tr("Air quality"),
        "donnees": tr("Data"),
        "autre": tr("Other"),
    }[key]


# Register nomenclatures (DESIGN.md "Register"): keys are stored, labels are translated.
CHALLENGE_STATUSES = ("identified", "in_progress", "solved")
PRIORITIES = (1, 2, 3)
ACTOR_KINDS = (
    "public body",
    "association",
    "company",
    "laboratory",
    "school",
    "cluster",
    "citizen group",
    "maker",
)
CATALOG_KINDS = ("knowledge", "competence", "dataset", "software", "physical_asset", "community", "commons")


def status_label(key: str) -> str:
    return {
        "identified": tr("Identified"),
        "in_progress": tr("In progress"),
        "solved": tr("Solved"),
    }[key]


def priority_label(key: int) -> str:
    return {1: tr("1 - High"), 2: tr("2 - Medium"), 3: tr("3 - Low")}[int(key)]


def actor_kind_label(key: str) -> str:
    return {
        "public body": tr("Public body"),
        "association": tr("Association"),
        "company": tr("Company"),
        "laboratory": tr("Laboratory"),
        "school": tr("School"),
        "cluster": tr("Cluster"),
        "citizen group": tr("Citizen group"),
        "maker": tr("Maker"),
    }[key]


def catalog_kind_label(key: str) -> str:
    return {
        "knowledge": tr("Knowledge"),
        "competence": tr("Competence"),
        "dataset": tr("Data set"),
        "software": tr("Software"),
        "physical_asset": tr("Physical asset"),
        "community": tr("Community"),
        "commons": tr("Commons"),
    }[key]
