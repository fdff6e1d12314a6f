"""Writes the composer's fixture data: what geo.api.gouv.fr, transport.data.gouv.fr and data.gouv.fr answer
for the fixture territories, and the national files they point to.

    python3 tests/plugin/compose/data/build_fixtures.py      (rewrites the files beside this script)

The shapes follow the real services (see tests/plugin/compose/standins.py for the calls). URLs inside
the replies are written with the placeholder {base}: the stand-in server puts its own address there.
The output is deterministic: running the script again changes nothing unless this file changes.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os

from territories import EPCIS, LONE_COMMUNES, PARIS_ARRONDISSEMENTS, REGIONS

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = "{base}"


def write(relative: str, content) -> None:
    path = os.path.join(HERE, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if not isinstance(content, str):
        content = json.dumps(content, ensure_ascii=False, indent=1) + "\n"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(content)


# -- communes and EPCIs --------------------------------------------------------------------------


def department(code: str) -> str:
    return code[:3] if code.startswith("97") else code[:2]


def luhn_complete(digits: str) -> str:
    """`digits` followed by the check digit that makes the whole number pass Luhn's test (SIREN rule)."""
    for check in "0123456789":
        number = digits + check
        total = 0
        for index, char in enumerate(reversed(number)):
            value = int(char) * (2 if index % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return number
    raise ValueError(digits)


def commune_siren(code: str) -> str:
    """21 + department (Corsica: 20) on three digits + commune number on three digits + check digit:
    Rennes 35238 -> 213502388."""
    dep = department(code).replace("2A", "20").replace("2B", "20")
    number = code[len(department(code)) :]
    return luhn_complete("21" + dep.ljust(3, "0") + number.zfill(3))


def square(x: float, y: float, size: float) -> dict:
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [[[round(a, 6), round(b, 6)] for a, b in ring]]}


def grid(count: int, centre, size: float) -> list:
    """South-west corners of `count` cells laid out in a square grid around `centre`."""
    columns = math.ceil(math.sqrt(count))
    rows = math.ceil(count / columns)
    x0 = centre[0] - columns * size / 2
    y0 = centre[1] - rows * size / 2
    return [(x0 + (i % columns) * size, y0 + (i // columns) * size) for i in range(count)]


CELLS = {}  # INSEE code -> (x, y, size): where a commune lies, for the points of the national files


def commune_record(code, name, postcode, population, epci, corner, size) -> dict:
    dep = department(code)
    CELLS[code] = (corner[0], corner[1], size)
    record = {
        "code": code,
        "nom": name,
        "type": "commune-actuelle",
        "codesPostaux": [postcode],
        "siren": commune_siren(code),
        "codeDepartement": dep,
        "codeRegion": REGIONS[dep],
        "population": population,
        "zone": "drom" if dep.startswith("97") else "metro",
        "centre": {"type": "Point", "coordinates": [round(corner[0] + size / 2, 6), round(corner[1] + size / 2, 6)]},
        "contour": square(corner[0], corner[1], size),
    }
    if epci:
        record["codeEpci"] = epci
    return record


def build_geo():
    communes, epcis = [], []
    for siren, name, kind, members, centre, size in EPCIS:
        corners = grid(len(members), centre, size)
        for (code, nom, postcode, population), corner in zip(members, corners):
            communes.append(commune_record(code, nom, postcode, population, siren, corner, size))
        departments = sorted({department(code) for code, *_ in members})
        xs = [c[0] for c in corners]
        ys = [c[1] for c in corners]
        epcis.append(
            {
                "code": siren,
                "nom": name,
                "type": kind,
                "financement": "FPU",
                "codesDepartements": departments,
                "codesRegions": sorted({REGIONS[d] for d in departments}),
                "population": sum(m[3] for m in members),
                "zone": "drom" if any(d.startswith("97") for d in departments) else "metro",
                "centre": {"type": "Point", "coordinates": list(centre)},
                "contour": square(min(xs), min(ys), max(max(xs) - min(xs), max(ys) - min(ys)) + size),
            }
        )
    for members, centre, size in LONE_COMMUNES:
        (code, nom, postcode, population), corner = members[0], grid(1, centre, size)[0]
        communes.append(commune_record(code, nom, postcode, population, None, corner, size))
    x, y, size = CELLS["75056"]
    step = size / 5
    for index, (code, nom, postcode) in enumerate(PARIS_ARRONDISSEMENTS):
        corner = (x + (index % 5) * step, y + (index // 5) * step)
        CELLS[code] = (corner[0], corner[1], step)
        communes.append(
            {
                "code": code,
                "nom": nom,
                "type": "arrondissement-municipal",
                "codeParent": "75056",
                "codesPostaux": [postcode],
                "codeDepartement": "75",
                "codeRegion": "11",
                "population": 100000 + index * 1000,
                "zone": "metro",
                "centre": {
                    "type": "Point",
                    "coordinates": [round(corner[0] + step / 2, 6), round(corner[1] + step / 2, 6)],
                },
                "contour": square(corner[0], corner[1], step),
            }
        )
    write("geo/communes.json", communes)
    write("geo/epcis.json", epcis)


def point(code: str, k: int = 0) -> tuple:
    """A point inside the commune's cell, the k-th of a small spiral."""
    x, y, size = CELLS[code]
    fraction = 0.2 + 0.6 * ((k * 0.37) % 1)
    other = 0.2 + 0.6 * ((k * 0.61 + 0.3) % 1)
    return round(x + size * fraction, 6), round(y + size * other, 6)


# -- transport.data.gouv.fr ----------------------------------------------------------------------


def transport_resource(ident, title, fmt, url, updated="2026-07-01T06:00:00Z", **extra):
    resource = {
        "page_url": f"{BASE}/transport/resources/{ident}",
        "id": ident,
        "datagouv_id": f"r-{ident}",
        "title": title,
        "updated": updated,
        "is_available": True,
        "url": url,
        "original_url": url,
        "type": "main",
        "format": fmt,
    }
    resource.update(extra)
    return resource


def transport_dataset(
    ident, slug, title, kind, covered, resources, sub_types=(), owners=(), licence="lov2", datagouv_id=None
):
    return {
        "community_resources": [],
        "covered_area": covered,
        "legal_owners": list(owners),
        "created_at": "2021-03-15",
        "datagouv_id": datagouv_id or ident,
        "id": datagouv_id or ident,
        "licence": licence,
        "page_url": f"{BASE}/transport/datasets/{slug}",
        "publisher": {
            "name": "Point d'Accès National transport.data.gouv.fr",
            "id": "5abca8d588ee386ee6ece479",
            "type": "organization",
        },
        "resources": resources,
        "slug": slug,
        "title": title,
        "type": kind,
        "sub_types": list(sub_types),
        "updated": max((r["updated"] for r in resources), default="2026-07-01T06:00:00Z"),
        "tags": [],
        "offers": [],
    }


def area(kind, insee, nom):
    return {"insee": insee, "nom": nom, "type": kind}


def aom(name, siren, form, dep, main):
    return {"departement": dep, "forme_juridique": form, "insee_commune_principale": main, "nom": name, "siren": siren}


IRVE_DATASET = "5448d3e0c751df01f85d0572"
BNLC_DATASET = "5d6eaffc8b4c417cdc452ac3"
BNLS_DATASET = "5e5e6b4a634f4164071119c6"
CYCLE_DATASET = "60a37b7f303fdf4f2654b73d"


def build_transport():
    france = [area("pays", "FR", "France")]
    datasets = [
        transport_dataset(
            "6127a3f1b4f1c6a2e3d9a101",
            "reseau-vitre-bus",
            "Réseau urbain Vitré Bus",
            "public-transit",
            [area("epci", "200039022", "CA Vitré Communauté")],
            [
                transport_resource(
                    81001, "GTFS Vitré Bus", "GTFS", f"{BASE}/files/gtfs/vitre-bus.zip", filesize=182344
                ),
                transport_resource(81002, "Vitré Bus temps réel", "gtfs-rt", f"{BASE}/files/gtfs-rt/vitre-bus.pb"),
                transport_resource(81003, "NeTEx Vitré Bus", "NeTEx", f"{BASE}/files/netex/vitre-bus.zip"),
            ],
            sub_types=["urban"],
            owners=[{"name": "CA Vitré Communauté", "siren": "200039022", "type": "aom"}],
        ),
        transport_dataset(
            "6127a3f1b4f1c6a2e3d9a102",
            "velos-libre-service-vitre",
            "Vélos en libre-service de Vitré",
            "vehicles-sharing",
            [area("commune", "35360", "Vitré")],
            [transport_resource(81011, "GBFS", "gbfs", f"{BASE}/gbfs/vitre/gbfs.json", is_available=False)],
            sub_types=["bicycle"],
        ),
        transport_dataset(
            "5d4c1b8a8b4c4174ab2ac3f1",
            "bornes-de-recharge-de-vitre",
            "Bornes de recharge de Vitré",
            "charging-stations",
            [area("commune", "35360", "Vitré")],
            [transport_resource(81021, "bornes.csv", "csv", f"{BASE}/files/local/vitre-bornes.csv")],
        ),
        transport_dataset(
            "55ffbe0888ee387348ccb97d",
            "reseau-star",
            "Réseau STAR - GTFS",
            "public-transit",
            [area("epci", "243500139", "Rennes Métropole")],
            [
                transport_resource(82001, "GTFS STAR", "GTFS", f"{BASE}/files/gtfs/star.zip"),
                transport_resource(82002, "STAR GTFS-RT", "gtfs-rt", f"{BASE}/files/gtfs-rt/star.pb"),
            ],
            sub_types=["urban"],
            owners=[{"name": "Rennes Métropole", "siren": "243500139", "type": "aom"}],
            licence="odc-odbl",
        ),
        transport_dataset(
            "5c8a1bd8634f41505b7bb2c1",
            "le-velo-star-gbfs",
            "LE vélo STAR",
            "vehicles-sharing",
            [area("commune", "35238", "Rennes")],
            [transport_resource(82011, "GBFS", "gbfs", f"{BASE}/gbfs/star/gbfs.json")],
            sub_types=["bicycle"],
            licence="odc-odbl",
        ),
        transport_dataset(
            "62a9c4e8b2b6d7ab91e0a7c3",
            "citiz-rennes",
            "Citiz - autopartage Rennes Métropole",
            "vehicles-sharing",
            [area("epci", "243500139", "Rennes Métropole")],
            [transport_resource(82021, "GBFS Citiz", "gbfs", f"{BASE}/gbfs/citiz/gbfs.json")],
            sub_types=["carsharing"],
        ),
        transport_dataset(
            "63b7a0f2c9e1d4a5b6c7d8e9",
            "trottinettes-rennes",
            "Trottinettes en free-floating - Rennes",
            "vehicles-sharing",
            [area("commune", "35238", "Rennes")],
            [transport_resource(82031, "GBFS", "gbfs", f"{BASE}/gbfs/scooters/gbfs.json")],
            sub_types=["scooter", "freefloating"],
        ),
        transport_dataset(
            "5b0f2c3a88ee3803c3c2b9a1",
            "parcs-relais-star",
            "Parcs relais du réseau STAR",
            "private-parking",
            [area("epci", "243500139", "Rennes Métropole")],
            [transport_resource(82041, "parcs-relais.geojson", "geojson", f"{BASE}/files/local/parcs-relais.geojson")],
            datagouv_id="5b0f2c3a88ee3803c3c2b9a1",
        ),
        transport_dataset(
            "5a1b2c3d4e5f6a7b8c9d0e1f",
            "breizhgo-reseau-regional",
            "BreizhGo - réseau régional de Bretagne",
            "public-transit",
            [area("region", "53", "Bretagne")],
            [transport_resource(83001, "GTFS BreizhGo", "GTFS", f"{BASE}/files/gtfs/breizhgo.zip")],
            owners=[{"name": "Bretagne", "insee": "53", "type": "region"}],
        ),
        transport_dataset(
            "5f6e7d8c9b0a1f2e3d4c5b6a",
            "reseau-tibus-redon",
            "Réseau TIBUS - Redon Agglomération",
            "public-transit",
            [area("departement", "35", "Ille-et-Vilaine")],
            [transport_resource(83011, "GTFS TIBUS", "GTFS", f"{BASE}/files/gtfs/tibus.zip")],
            owners=[{"name": "CA Redon Agglomération", "siren": "243500726", "type": "aom"}],
        ),
        transport_dataset(
            "60d1e2f3a4b5c6d7e8f9a0b1",
            "reseau-citalis",
            "Réseau Citalis - CINOR",
            "public-transit",
            [area("epci", "249740119", "CA Intercommunale du Nord de La Réunion (CINOR)")],
            [transport_resource(84001, "GTFS Citalis", "GTFS", f"{BASE}/files/gtfs/citalis.zip")],
        ),
        transport_dataset(
            "61a2b3c4d5e6f7a8b9c0d1e2",
            "bus-bastia",
            "Bus de Bastia",
            "public-transit",
            [area("commune", "2B033", "Bastia")],
            [transport_resource(84011, "GTFS Bastia", "GTFS", f"{BASE}/files/gtfs/bastia.zip")],
        ),
        transport_dataset(
            "64a1b2c3d4e5f6a7b8c9d0e1",
            "irve-operateur-bretagne",
            "IRVE d'un opérateur breton",
            "charging-stations",
            [area("region", "53", "Bretagne")],
            [
                transport_resource(
                    85001,
                    "irve-operateur.csv",
                    "csv",
                    f"{BASE}/files/local/irve-operateur.csv",
                    schema_name="etalab/schema-irve-statique",
                    schema_version="2.3.1",
                )
            ],
        ),
        # National bases: covered area "pays", a resource following the base's schema.
        transport_dataset(
            IRVE_DATASET,
            "fichier-consolide-des-bornes-de-recharge-pour-vehicules-electriques",
            "Base nationale des Infrastructures de Recharge pour Véhicules Électriques (IRVE)",
            "charging-stations",
            france,
            [
                transport_resource(
                    79001,
                    "Fichier consolidé des Bornes de Recharge pour Véhicules Électriques",
                    "csv",
                    f"{BASE}/files/irve.csv",
                    schema_name="etalab/schema-irve-statique",
                    schema_version="2.3.1",
                    filesize=61834122,
                ),
                transport_resource(79002, "Journal de consolidation", "csv", f"{BASE}/files/irve-log.csv"),
            ],
            datagouv_id=IRVE_DATASET,
        ),
        transport_dataset(
            BNLC_DATASET,
            "base-nationale-des-lieux-de-covoiturage",
            "Base nationale des lieux de covoiturage",
            "carpooling-areas",
            france,
            [
                transport_resource(
                    79011,
                    "bnlc-.csv",
                    "csv",
                    f"{BASE}/files/bnlc.csv",
                    schema_name="etalab/schema-lieux-covoiturage",
                    schema_version="0.3.0",
                )
            ],
            licence="odc-odbl",
            datagouv_id=BNLC_DATASET,
        ),
        transport_dataset(
            BNLS_DATASET,
            "base-nationale-des-lieux-de-stationnement",
            "Base Nationale des Lieux de Stationnement",
            "private-parking",
            france,
            [
                transport_resource(
                    79021,
                    "bnls.csv",
                    "csv",
                    f"{BASE}/files/bnls.csv",
                    schema_name="etalab/schema-stationnement",
                    schema_version="0.1.3",
                )
            ],
            datagouv_id=BNLS_DATASET,
        ),
        transport_dataset(
            CYCLE_DATASET,
            "amenagements-cyclables-france-metropolitaine",
            "Aménagements cyclables France Métropolitaine",
            "bike-data",
            france,
            [
                transport_resource(
                    79031,
                    "france-20260701.geojson",
                    "geojson",
                    f"{BASE}/files/amenagements_cyclables.geojson",
                    schema_name="etalab/schema-amenagements-cyclables",
                    schema_version="0.3.3",
                )
            ],
            licence="odc-odbl",
            datagouv_id=CYCLE_DATASET,
        ),
    ]
    write("transport/datasets.json", datasets)
    aoms = {}
    for code, *_ in [m for e in EPCIS if e[0] == "243500139" for m in e[3]]:
        aoms[code] = aom("Rennes Métropole", "243500139", "Métropole", "35", "35238")
    for code, *_ in [m for e in EPCIS if e[0] == "200039022" for m in e[3]]:
        aoms[code] = aom("CA Vitré Communauté", "200039022", "Communauté d'agglomération", "35", "35360")
    for code, *_ in [m for e in EPCIS if e[0] == "243500726" for m in e[3]]:
        aoms[code] = aom("CA Redon Agglomération", "243500726", "Communauté d'agglomération", "35", "35236")
    for code in ("97411", "97418", "97420"):
        aoms[code] = aom(
            "CA Intercommunale du Nord de La Réunion (CINOR)", "249740119", "Communauté d'agglomération", "974", "97411"
        )
    for code in ("2A004", "2A006"):
        aoms[code] = aom("CA du Pays Ajaccien", "242010056", "Communauté d'agglomération", "2A", "2A004")
    for code in ("29155", "29083"):
        aoms[code] = aom("Région Bretagne", "233500016", "Région", "35", "35238")
    write("transport/aoms.json", aoms)


# -- data.gouv.fr --------------------------------------------------------------------------------


def organization(ident, slug, name, number, badges=("public-service", "local-authority")):
    return {
        "acronym": None,
        "badges": [{"kind": kind} for kind in badges],
        "business_number_id": number,
        "class": "Organization",
        "created_at": "2016-05-18T09:14:12.101000+00:00",
        "deleted": None,
        "id": ident,
        "last_modified": "2026-06-30T12:00:00.000000+00:00",
        "logo": None,
        "logo_thumbnail": None,
        "metrics": {"datasets": 0, "followers": 3, "members": 2, "reuses": 0, "views": 120},
        "name": name,
        "page": f"{BASE}/datagouv/fr/organizations/{slug}/",
        "slug": slug,
        "uri": f"{BASE}/datagouv/api/1/organizations/{slug}/",
        "url": None,
    }


ORGANIZATIONS = [
    organization("5a1f3c2b88ee38514c0a1b2c", "vitre-communaute", "Vitré Communauté", "20003902200016"),
    organization("5a1f3c2b88ee38514c0a1b2d", "ville-de-vitre", "Ville de Vitré", commune_siren("35360") + "00018"),
    organization(
        "5a1f3c2b88ee38514c0a1b2e",
        "office-de-tourisme-du-pays-de-vitre",
        "Office de tourisme du Pays de Vitré",
        "38453422100024",
        (),
    ),
    organization("534fff75a3a7292c64a77de4", "rennes-metropole", "Rennes Métropole", "24350013900189"),
    organization("534fff75a3a7292c64a77de5", "ville-de-rennes", "Ville de Rennes", commune_siren("35238") + "00019"),
    # An older organisation holds its SIREN alone.
    organization("5b2e4d6f88ee3821c0d1e2f3", "ville-dajaccio", "Ville d'Ajaccio", commune_siren("2A004")),
    organization(
        "534fff8ea3a7292c64a7809e",
        "ministere-de-l-interieur",
        "Ministère de l'Intérieur et des Outre-Mer",
        "11000801100017",
        ("public-service", "certified"),
    ),
    organization(
        "5abca8d588ee386ee6ece479",
        "point-d-acces-national-transport-data-gouv-fr",
        "Point d'Accès National transport.data.gouv.fr",
        "13000192400015",
        ("public-service", "certified"),
    ),
]
ORG_BY_SLUG = {o["slug"]: o for o in ORGANIZATIONS}


def datagouv_resource(ident, title, fmt, url, modified="2026-06-01T08:00:00+00:00", filesize=None, schema=None):
    return {
        "checksum": None,
        "created_at": "2020-01-10T10:00:00+00:00",
        "description": None,
        "extras": {},
        "filesize": filesize,
        "filetype": "file",
        "format": fmt,
        "harvest": None,
        "id": ident,
        "internal": {"created_at_internal": "2020-01-10T10:00:00+00:00", "last_modified_internal": modified},
        "last_modified": modified,
        "latest": f"{BASE}/datagouv/fr/datasets/r/{ident}",
        "metrics": {"views": 10},
        "mime": {
            "csv": "text/csv",
            "geojson": "application/geo+json",
            "pdf": "application/pdf",
            "zip": "application/zip",
        }.get(fmt, ""),
        "preview_url": None,
        "schema": schema,
        "title": title,
        "type": "main",
        "url": url,
    }


def datagouv_dataset(ident, slug, title, org_slug, resources, tags=(), license="lov2", archived=None):
    org = ORG_BY_SLUG[org_slug]
    return {
        "acronym": None,
        "archived": archived,
        "badges": [],
        "contact_points": [],
        "created_at": "2020-01-10T10:00:00+00:00",
        "deleted": None,
        "description": f"{title}.",
        "description_short": title,
        "extras": {},
        "featured": False,
        "frequency": "annual",
        "id": ident,
        "last_modified": "2026-06-01T08:00:00+00:00",
        "last_update": "2026-06-01T08:00:00+00:00",
        "license": license,
        "metrics": {"discussions": 0, "followers": 1, "reuses": 0, "views": 200},
        "organization": {
            k: org[k]
            for k in ("acronym", "badges", "class", "id", "logo", "logo_thumbnail", "name", "page", "slug", "uri")
        },
        "owner": None,
        "page": f"{BASE}/datagouv/fr/datasets/{slug}/",
        "private": False,
        "quality": {"score": 0.6},
        "resources": resources,
        "schema": None,
        "slug": slug,
        "spatial": None,
        "tags": list(tags),
        "temporal_coverage": None,
        "title": title,
        "uri": f"{BASE}/datagouv/api/1/datasets/{slug}/",
    }


def schema_ref(name, version):
    return {"name": name, "url": None, "version": version}


def build_datagouv():
    f = f"{BASE}/files"
    datasets = [
        datagouv_dataset(
            "61e8a2b3c4d5e6f7a8b9c001",
            "zones-dactivites-de-vitre-communaute",
            "Zones d'activités de Vitré Communauté",
            "vitre-communaute",
            [datagouv_resource("aa01", "zones-activites.geojson", "geojson", f"{f}/local/vitre-za.geojson")],
            tags=["economie", "urbanisme"],
        ),
        datagouv_dataset(
            "61e8a2b3c4d5e6f7a8b9c002",
            "parkings-de-vitre-communaute",
            "Parkings de Vitré Communauté",
            "vitre-communaute",
            [datagouv_resource("aa02", "parkings.csv", "csv", f"{f}/local/vitre-parkings.csv")],
            tags=["stationnement", "mobilite"],
        ),
        datagouv_dataset(
            "61e8a2b3c4d5e6f7a8b9c003",
            "itineraires-cyclables-de-vitre-communaute",
            "Itinéraires cyclables de Vitré Communauté",
            "vitre-communaute",
            [
                datagouv_resource(
                    "aa03", "itineraires-cyclables.zip", "esri shapefile (shp)", f"{f}/local/vitre-cyclable.zip"
                )
            ],
            tags=["velo"],
        ),
        datagouv_dataset(
            "61e8a2b3c4d5e6f7a8b9c004",
            "rapport-dactivite-2025-de-vitre-communaute",
            "Rapport d'activité 2025 de Vitré Communauté",
            "vitre-communaute",
            [datagouv_resource("aa04", "rapport-2025.pdf", "pdf", f"{f}/local/rapport.pdf")],
        ),
        datagouv_dataset(
            "61e8a2b3c4d5e6f7a8b9c005",
            "anciens-arrets-de-bus-vitre",
            "Anciens arrêts de bus (archivé)",
            "vitre-communaute",
            [datagouv_resource("aa05", "arrets.geojson", "geojson", f"{f}/local/old-stops.geojson")],
            archived="2024-01-01T00:00:00+00:00",
        ),
        datagouv_dataset(
            "61e8a2b3c4d5e6f7a8b9c006",
            "arretes-de-circulation-de-vitre",
            "Arrêtés de circulation de la ville de Vitré",
            "ville-de-vitre",
            [datagouv_resource("aa06", "arretes.geojson", "geojson", f"{f}/local/arretes.geojson")],
        ),
        datagouv_dataset(
            "5a7b8c9d88ee3812f0a1b001",
            "parkings-velos-sur-rennes-metropole",
            "Parkings vélos sur Rennes Métropole",
            "rennes-metropole",
            [datagouv_resource("bb01", "parkings-velos.geojson", "geojson", f"{f}/local/rm-parkings-velos.geojson")],
        ),
        datagouv_dataset(
            "5a7b8c9d88ee3812f0a1b002",
            "travaux-de-voirie-impactant-la-circulation",
            "Travaux de voirie impactant la circulation automobile",
            "rennes-metropole",
            [datagouv_resource("bb02", "travaux.geojson", "geojson", f"{f}/local/rm-travaux.geojson")],
        ),
        datagouv_dataset(
            "5a7b8c9d88ee3812f0a1b003",
            "sites-de-comptage-velo-et-pietons",
            "Sites de comptage vélo et piétons",
            "rennes-metropole",
            [datagouv_resource("bb03", "sites.csv", "csv", f"{f}/local/rm-comptage.csv")],
        ),
        datagouv_dataset(
            "5a7b8c9d88ee3812f0a1b004",
            "budget-primitif-rennes-metropole",
            "Budget primitif de Rennes Métropole",
            "rennes-metropole",
            [datagouv_resource("bb04", "budget.xlsx", "xlsx", f"{f}/local/budget.xlsx")],
        ),
        datagouv_dataset(
            "5c9d8e7f88ee3834a1b2c001",
            "eclairage-public-ajaccio",
            "Éclairage public de la ville d'Ajaccio",
            "ville-dajaccio",
            [datagouv_resource("cc01", "eclairage.geojson", "geojson", f"{f}/local/ajaccio-eclairage.geojson")],
        ),
        datagouv_dataset(
            "53698f4ca3a729239d2036df",
            "bases-de-donnees-annuelles-des-accidents-corporels-de-la-circulation-routiere-annees-de-2005-a-2023",
            "Bases de données annuelles des accidents corporels de la circulation routière - Années de 2005 à 2023",
            "ministere-de-l-interieur",
            [
                datagouv_resource(
                    "dd23c",
                    "caracteristiques-2023.csv",
                    "csv",
                    f"{f}/caracteristiques-2023.csv",
                    "2024-10-10T09:00:00+00:00",
                ),
                datagouv_resource("dd23l", "lieux-2023.csv", "csv", f"{f}/lieux-2023.csv", "2024-10-10T09:00:00+00:00"),
                datagouv_resource(
                    "dd23v", "vehicules-2023.csv", "csv", f"{f}/vehicules-2023.csv", "2024-10-10T09:00:00+00:00"
                ),
                datagouv_resource(
                    "dd23u", "usagers-2023.csv", "csv", f"{f}/usagers-2023.csv", "2024-10-10T09:00:00+00:00"
                ),
                datagouv_resource(
                    "dd22c",
                    "carcteristiques-2022.csv",
                    "csv",
                    f"{f}/carcteristiques-2022.csv",
                    "2023-10-04T09:00:00+00:00",
                ),
                datagouv_resource("dd22l", "lieux-2022.csv", "csv", f"{f}/lieux-2022.csv", "2023-10-04T09:00:00+00:00"),
                datagouv_resource(
                    "dd05d", "Description des bases de données annuelles 2005-2023", "pdf", f"{f}/description.pdf"
                ),
            ],
            tags=["accidents", "securite-routiere", "route"],
            license="lov2",
        ),
        datagouv_dataset(
            "5e1d2c3b88ee38a0b1c2d3e4",
            "accidents-corporels-de-la-circulation-a-paris",
            "Accidents corporels de la circulation à Paris",
            "ministere-de-l-interieur",
            [datagouv_resource("ee01", "accidents-paris.geojson", "geojson", f"{f}/local/accidents-paris.geojson")],
        ),
        datagouv_dataset(
            IRVE_DATASET,
            "fichier-consolide-des-bornes-de-recharge-pour-vehicules-electriques",
            "Fichier consolidé des Bornes de Recharge pour Véhicules Électriques",
            "point-d-acces-national-transport-data-gouv-fr",
            [
                datagouv_resource(
                    "eb76d20a-8501-400e-b336-d85724de5435",
                    "Fichier consolidé des Bornes de Recharge pour Véhicules Électriques",
                    "csv",
                    f"{f}/irve.csv",
                    "2026-07-20T03:00:00+00:00",
                    61834122,
                    schema_ref("etalab/schema-irve-statique", "2.3.1"),
                ),
                datagouv_resource("irve-geojson", "Fichier consolidé (GeoJSON)", "geojson", f"{f}/irve.geojson"),
            ],
        ),
        datagouv_dataset(
            BNLC_DATASET,
            "base-nationale-des-lieux-de-covoiturage",
            "Base nationale des lieux de covoiturage",
            "point-d-acces-national-transport-data-gouv-fr",
            [
                datagouv_resource(
                    "4fd78dee-e122-4c0d-8bf6-ff55d79f3af1",
                    "bnlc-.csv",
                    "csv",
                    f"{f}/bnlc.csv",
                    schema=schema_ref("etalab/schema-lieux-covoiturage", "0.3.0"),
                )
            ],
            license="odc-odbl",
        ),
    ]
    write("datagouv/datasets.json", datasets)
    write("datagouv/organizations.json", ORGANIZATIONS)


# -- Etalab schemas ------------------------------------------------------------------------------

IRVE_FIELDS = [
    ("nom_amenageur", "string"),
    ("siren_amenageur", "string"),
    ("contact_amenageur", "string"),
    ("nom_operateur", "string"),
    ("contact_operateur", "string"),
    ("telephone_operateur", "string"),
    ("nom_enseigne", "string"),
    ("id_station_itinerance", "string"),
    ("id_station_local", "string"),
    ("nom_station", "string"),
    ("implantation_station", "string"),
    ("adresse_station", "string"),
    ("code_insee_commune", "string"),
    ("coordonneesXY", "geopoint"),
    ("nbre_pdc", "integer"),
    ("id_pdc_itinerance", "string"),
    ("id_pdc_local", "string"),
    ("puissance_nominale", "number"),
    ("prise_type_ef", "boolean"),
    ("prise_type_2", "boolean"),
    ("prise_type_combo_ccs", "boolean"),
    ("prise_type_chademo", "boolean"),
    ("prise_type_autre", "boolean"),
    ("gratuit", "boolean"),
    ("paiement_acte", "boolean"),
    ("paiement_cb", "boolean"),
    ("paiement_autre", "boolean"),
    ("tarification", "string"),
    ("condition_acces", "string"),
    ("reservation", "boolean"),
    ("horaires", "string"),
    ("accessibilite_pmr", "string"),
    ("restriction_gabarit", "string"),
    ("station_deux_roues", "boolean"),
    ("raccordement", "string"),
    ("num_pdl", "string"),
    ("date_mise_en_service", "date"),
    ("observations", "string"),
    ("date_maj", "date"),
    ("cable_t2_attache", "boolean"),
]
IRVE_CONSOLIDATION = [
    "last_modified",
    "datagouv_dataset_id",
    "datagouv_resource_id",
    "datagouv_organization_or_owner",
    "created_at",
    "consolidated_longitude",
    "consolidated_latitude",
    "consolidated_code_postal",
    "consolidated_commune",
    "consolidated_is_lon_lat_correct",
    "consolidated_is_code_insee_verified",
]
BNLC_FIELDS = [
    ("id_lieu", "string"),
    ("id_local", "string"),
    ("nom_lieu", "string"),
    ("ad_lieu", "string"),
    ("com_lieu", "string"),
    ("insee", "string"),
    ("type", "string"),
    ("date_maj", "date"),
    ("ouvert", "boolean"),
    ("source", "string"),
    ("Xlong", "number"),
    ("Ylat", "number"),
    ("nbre_pl", "integer"),
    ("nbre_pmr", "integer"),
    ("duree", "integer"),
    ("horaires", "string"),
    ("proprio", "string"),
    ("lumiere", "boolean"),
    ("comm", "string"),
]
BNLS_FIELDS = [
    ("id", "string"),
    ("nom", "string"),
    ("insee", "string"),
    ("adresse", "string"),
    ("url", "string"),
    ("type_usagers", "string"),
    ("gratuit", "boolean"),
    ("nb_places", "integer"),
    ("nb_pr", "integer"),
    ("nb_pmr", "integer"),
    ("nb_voitures_electriques", "integer"),
    ("nb_velo", "integer"),
    ("nb_2r_el", "integer"),
    ("nb_autopartage", "integer"),
    ("nb_2_rm", "integer"),
    ("nb_covoit", "integer"),
    ("hauteur_max", "string"),
    ("num_siret", "string"),
    ("Xlong", "number"),
    ("Ylat", "number"),
    ("tarif_pmr", "string"),
    ("tarif_1h", "number"),
    ("tarif_2h", "number"),
    ("tarif_3h", "number"),
    ("tarif_4h", "number"),
    ("tarif_24h", "number"),
    ("abo_resident", "number"),
    ("abo_non_resident", "number"),
    ("type_ouvrage", "string"),
    ("info", "string"),
]
CYCLE_PROPERTIES = [
    "id_local",
    "id_osm",
    "num_iti",
    "code_com_d",
    "ame_d",
    "regime_d",
    "sens_d",
    "largeur_d",
    "local_d",
    "statut_d",
    "revet_d",
    "code_com_g",
    "ame_g",
    "regime_g",
    "sens_g",
    "largeur_g",
    "local_g",
    "statut_g",
    "revet_g",
    "access_ame",
    "date_maj",
    "trafic_vit",
    "lumiere",
    "d_service",
    "comm",
    "source",
    "project_c",
    "ref_geo",
]


def table_schema(title, version, fields):
    return {
        "$schema": "https://frictionlessdata.io/schemas/table-schema.json",
        "title": title,
        "version": version,
        "homepage": "https://github.com/etalab",
        "fields": [{"name": name, "type": kind, "constraints": {"required": False}} for name, kind in fields],
        "missingValues": [""],
    }


def versions(name, file, names):
    return [{"version_name": v, "schema_url": f"{BASE}/schemas/{name}/{v}/{file}"} for v in names]


def catalog_schema(name, title, kind, file, names, consolidation=None):
    schema = {
        "name": name,
        "title": title,
        "description": title,
        "schema_url": f"{BASE}/schemas/{name}/latest/{file}",
        "schema_type": kind,
        "contact": "contact@transport.beta.gouv.fr",
        "examples": [],
        "labels": ["transport.data.gouv.fr", "Socle Commun des Données Locales"],
        "versions": versions(name, file, names),
        "external_doc": None,
        "external_tool": None,
        "homepage": f"https://github.com/{name}",
    }
    if consolidation:
        schema["consolidation_dataset_id"] = consolidation
    return schema


def build_schemas():
    catalog = [
        catalog_schema(
            "etalab/schema-irve",
            "Infrastructures de recharges pour véhicules électriques",
            "datapackage",
            "datapackage.json",
            ["2.3.0", "2.3.1"],
            IRVE_DATASET,
        ),
        catalog_schema(
            "etalab/schema-irve-statique", "IRVE statique", "tableschema", "schema-statique.json", ["2.3.0", "2.3.1"]
        ),
        catalog_schema(
            "etalab/schema-lieux-covoiturage",
            "Lieux de covoiturage",
            "tableschema",
            "schema.json",
            ["0.2.3", "0.3.0"],
            BNLC_DATASET,
        ),
        catalog_schema(
            "etalab/schema-stationnement", "Lieux de stationnement", "tableschema", "schema.json", ["0.1.2", "0.1.3"]
        ),
        catalog_schema(
            "etalab/schema-amenagements-cyclables",
            "Aménagements cyclables",
            "jsonschema",
            "schema_amenagements_cyclables.json",
            ["0.3.2", "0.3.3"],
        ),
        catalog_schema("etalab/schema-zfe", "Zones à faibles émissions", "jsonschema", "schema.json", ["0.7.2"]),
    ]
    write("datagouv/schemas.json", catalog)
    irve = table_schema("IRVE statique", "2.3.1", IRVE_FIELDS)
    for version in ("2.3.1", "latest"):
        write(f"schemas/etalab/schema-irve-statique/{version}/schema-statique.json", irve)
    write(
        "schemas/etalab/schema-irve/2.3.1/datapackage.json",
        {"name": "schema-irve", "title": "IRVE", "resources": [{"name": "schema-irve-statique", "schema": irve}]},
    )
    bnlc = table_schema("Lieux de covoiturage", "0.3.0", BNLC_FIELDS)
    for version in ("0.3.0", "latest"):
        write(f"schemas/etalab/schema-lieux-covoiturage/{version}/schema.json", bnlc)
    bnls = table_schema("Lieux de stationnement", "0.1.3", BNLS_FIELDS)
    for version in ("0.1.3", "latest"):
        write(f"schemas/etalab/schema-stationnement/{version}/schema.json", bnls)


# -- national files ------------------------------------------------------------------------------


def csv_text(header, rows, delimiter=",", quote_all=False) -> str:
    out = io.StringIO()
    writer = csv.writer(
        out, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    )
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def irve_row(index, insee, where, name, power=22.0, free="false", pdc=2, verified="True"):
    lon, lat = where
    values = {
        "nom_amenageur": "Réseau de recharge public",
        "siren_amenageur": "200039022" if insee.startswith("35") else "",
        "contact_amenageur": "contact@recharge.example",
        "nom_operateur": "Opérateur IRVE",
        "contact_operateur": "exploitation@operateur.example",
        "telephone_operateur": "0299000000",
        "nom_enseigne": "Réseau public",
        "id_station_itinerance": f"FRXYZP{index:06d}",
        "id_station_local": f"ST{index}",
        "nom_station": name,
        "implantation_station": "Voirie",
        "adresse_station": f"{index} rue de la Gare",
        "code_insee_commune": insee,
        "coordonneesXY": f"[{lon}, {lat}]",
        "nbre_pdc": str(pdc),
        "id_pdc_itinerance": f"FRXYZE{index:06d}1",
        "id_pdc_local": f"PDC{index}",
        "puissance_nominale": f"{power}",
        "prise_type_ef": "true",
        "prise_type_2": "true",
        "prise_type_combo_ccs": "false" if power < 50 else "true",
        "prise_type_chademo": "false",
        "prise_type_autre": "false",
        "gratuit": free,
        "paiement_acte": "true",
        "paiement_cb": "true",
        "paiement_autre": "false",
        "tarification": "0,35 €/kWh",
        "condition_acces": "Accès libre",
        "reservation": "false",
        "horaires": "24/7",
        "accessibilite_pmr": "Accessible mais non réservé PMR",
        "restriction_gabarit": "Hauteur maximale 2,10 m",
        "station_deux_roues": "false",
        "raccordement": "Direct",
        "num_pdl": f"5001745518{index:04d}",
        "date_mise_en_service": "2022-03-01",
        "observations": "",
        "date_maj": "2026-06-15",
        "cable_t2_attache": "false",
        "last_modified": "2026-06-16T01:00:00+00:00",
        "datagouv_dataset_id": "64060c2ac773dcf3fabbe5d2",
        "datagouv_resource_id": "b11113db-875d-41c7-8673-0cf8ad43e917",
        "datagouv_organization_or_owner": "reseau-public",
        "created_at": "2023-06-28T11:46:08+00:00",
        "consolidated_longitude": f"{lon}",
        "consolidated_latitude": f"{lat}",
        "consolidated_code_postal": "",
        "consolidated_commune": "",
        "consolidated_is_lon_lat_correct": "True",
        "consolidated_is_code_insee_verified": verified,
    }
    return [values[name] for name, _ in IRVE_FIELDS] + [values[name] for name in IRVE_CONSOLIDATION]


def build_national_files():
    header = [name for name, _ in IRVE_FIELDS] + IRVE_CONSOLIDATION
    rows, index = [], 0

    def add(insee, count, name, **kw):
        nonlocal index
        for k in range(count):
            index += 1
            rows.append(irve_row(index, insee, point(insee, k), f"{name} {k + 1}", **kw))

    add("35238", 5, "Rennes République")
    add("35051", 2, "Cesson Zone Sud", power=50.0)
    add("35047", 1, "Bruz Centre")
    add("35360", 3, "Vitré Gare")
    add("35068", 1, "Châteaubourg Mairie", free="true")
    add("44058", 1, "Fégréac Bourg")
    add("2A004", 2, "Ajaccio Port")
    add("2B033", 1, "Bastia Vieux-Port")
    add("97411", 2, "Saint-Denis Barachois")
    add("93066", 1, "Saint-Denis Basilique")
    add("75115", 1, "Paris 15e Vaugirard")
    add("29155", 1, "Ouessant Lampaul")
    # A row whose commune the operator did not give: a filter on INSEE codes cannot keep it.
    index += 1
    rows.append(irve_row(index, "", point("35238", 9), "Sans commune", verified="False"))
    write("files/irve.csv", csv_text(header, rows))

    bnlc_header = [name for name, _ in BNLC_FIELDS] + ["dataset_id", "resource_id"]
    bnlc = []
    for insee, count, name, kind in [
        ("35360", 1, "Vitré Ouest", "Aire de covoiturage"),
        ("35125", 1, "La Guerche Rocade", "Aire de covoiturage"),
        ("35238", 2, "Rennes Porte", "Parking relais"),
        ("35051", 1, "Cesson Gare", "Parking"),
        ("44058", 1, "Fégréac Étang", "Délaissé routier"),
        ("2A004", 1, "Ajaccio Campo dell'Oro", "Parking"),
        ("97411", 1, "Saint-Denis Moufia", "Parking"),
        ("11339", 1, "Saint-Denis Montagne Noire", "Aire de covoiturage"),
    ]:
        for k in range(count):
            lon, lat = point(insee, k + 3)
            bnlc.append(
                [
                    f"{insee}-C-{k + 1:03d}",
                    f"L{k + 1}",
                    f"{name}",
                    "",
                    name.split()[0],
                    insee,
                    kind,
                    "2026-05-02",
                    "true",
                    "225300011",
                    f"{lon}",
                    f"{lat}",
                    str(20 + k),
                    "1",
                    "",
                    "",
                    "Département",
                    "false",
                    "",
                    BNLC_DATASET,
                    "4fd78dee-e122-4c0d-8bf6-ff55d79f3af1",
                ]
            )
    write("files/bnlc.csv", csv_text(bnlc_header, bnlc, quote_all=True))

    bnls_header = [name for name, _ in BNLS_FIELDS]
    bnls = []
    for insee, count, name in [
        ("35238", 3, "RENNES CENTRE"),
        ("35281", 1, "SAINT JACQUES AEROPORT"),
        ("35360", 1, "VITRE GARE"),
        ("75114", 1, "REPUBLIQUE"),
        ("2A004", 1, "AJACCIO PLACE DU DIAMANT"),
        ("97209", 1, "FORT DE FRANCE POINTE SIMON"),
    ]:
        for k in range(count):
            lon, lat = point(insee, k + 5)
            bnls.append(
                [
                    f"{insee}-P-{k + 1:03d}",
                    f"{name} {k + 1}",
                    insee,
                    f"{k + 1} place de la Gare",
                    "",
                    "tous",
                    "false" if k else "true",
                    str(200 + 50 * k),
                    "",
                    str(4 + k),
                    "2",
                    "10",
                    "",
                    "",
                    "",
                    "",
                    "210",
                    "80295478500028",
                    f"{lon}",
                    f"{lat}",
                    "normal_payant",
                    "1.8",
                    "3.2",
                    "4.5",
                    "5.8",
                    "18",
                    "45",
                    "90",
                    "ouvrage",
                    "",
                ]
            )
    write("files/bnls.csv", csv_text(bnls_header, bnls))

    features = []
    for number, (left, right, ame) in enumerate(
        [
            ("35238", "35238", "PISTE CYCLABLE"),
            ("35238", "35051", "BANDE CYCLABLE"),
            ("35051", "35051", "VOIE VERTE"),
            ("35047", "35047", "PISTE CYCLABLE"),
            ("35360", "35360", "BANDE CYCLABLE"),
            ("35068", "35360", "VOIE VERTE"),
            ("44058", "44058", "VOIE VERTE"),
            ("2A004", "2A004", "PISTE CYCLABLE"),
            ("93066", "93066", "PISTE CYCLABLE"),
        ],
        start=1,
    ):
        a, b = point(left, number), point(right, number + 1)
        geometry = (
            {"type": "LineString", "coordinates": [list(a), list(b)]}
            if number % 3
            else {"type": "MultiLineString", "coordinates": [[list(a), list(b)], [list(b), [b[0] + 0.001, b[1]]]]}
        )
        properties = {name: None for name in CYCLE_PROPERTIES}
        properties.update(
            id_local=f"geovelo_{number}",
            id_osm=str(100000 + number),
            code_com_d=left,
            ame_d=ame,
            regime_d="AUTRE",
            sens_d="BIDIRECTIONNEL",
            statut_d="EN SERVICE",
            revet_d="LISSE",
            code_com_g=right,
            ame_g="AUCUN",
            regime_g="AUTRE",
            sens_g="UNIDIRECTIONNEL",
            statut_g="EN SERVICE",
            access_ame="VELO DE ROUTE",
            date_maj="2026-07-01",
            trafic_vit=30,
            lumiere=True,
            source="OSM",
            ref_geo="OSM",
        )
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    write("files/amenagements_cyclables.geojson", {"type": "FeatureCollection", "features": features})

    def accident_rows(year, first, communes):
        rows = []
        n = 0
        for insee, count in communes:
            for k in range(count):
                n += 1
                lon, lat = point(insee, k + 7)
                dep = insee[:3] if insee.startswith("97") else insee[:2]
                rows.append(
                    [
                        f"{year}{first + n:08d}",
                        str(1 + n % 28),
                        str(1 + n % 12),
                        str(year),
                        f"{8 + n % 12:02d}:{n % 60:02d}",
                        "1",
                        dep,
                        insee,
                        "2",
                        "1",
                        "1",
                        "3",
                        f"RUE {n}",
                        f"{lat:.8f}".replace(".", ","),
                        f"{lon:.8f}".replace(".", ","),
                    ]
                )
        return rows

    header = [
        "Num_Acc",
        "jour",
        "mois",
        "an",
        "hrmn",
        "lum",
        "dep",
        "com",
        "agg",
        "int",
        "atm",
        "col",
        "adr",
        "lat",
        "long",
    ]
    communes_2023 = [
        ("35238", 6),
        ("35051", 2),
        ("35360", 2),
        ("44058", 1),
        ("2A004", 2),
        ("2B033", 1),
        ("97411", 2),
        ("93066", 2),
        ("75118", 2),
        ("75105", 1),
        ("29155", 1),
        ("97611", 1),
    ]
    write("files/caracteristiques-2023.csv", csv_text(header, accident_rows(2023, 0, communes_2023), ";", True))
    header_2022 = ["Accident_Id"] + header[1:]
    write(
        "files/carcteristiques-2022.csv",
        csv_text(header_2022, accident_rows(2022, 0, [("35238", 3), ("35360", 1)]), ";", True),
    )


# -- live feeds for the load tests (GBFS, Overpass, sensor.community) ----------------------------


def gbfs_system(name, system_id, stations=None, vehicles=None, vehicle_types=None):
    feeds = [{"name": "system_information", "url": f"{BASE}/gbfs/{name}/system_information.json"}]
    if stations is not None:
        feeds += [
            {"name": "station_information", "url": f"{BASE}/gbfs/{name}/station_information.json"},
            {"name": "station_status", "url": f"{BASE}/gbfs/{name}/station_status.json"},
        ]
    if vehicles is not None:
        feeds.append({"name": "free_bike_status", "url": f"{BASE}/gbfs/{name}/free_bike_status.json"})
    if vehicle_types is not None:
        feeds.append({"name": "vehicle_types", "url": f"{BASE}/gbfs/{name}/vehicle_types.json"})
    envelope = {"last_updated": 1785000000, "ttl": 60, "version": "2.3"}
    write(f"gbfs/{name}/gbfs.json", dict(envelope, data={"fr": {"feeds": feeds}}))
    write(
        f"gbfs/{name}/system_information.json",
        dict(
            envelope,
            data={
                "system_id": system_id,
                "language": "fr",
                "name": system_id,
                "timezone": "Europe/Paris",
                "license_id": "ODbL-1.0",
            },
        ),
    )
    if stations is not None:
        write(
            f"gbfs/{name}/station_information.json",
            dict(
                envelope,
                data={
                    "stations": [
                        {"station_id": str(i), "name": label, "lat": lat, "lon": lon, "capacity": 12}
                        for i, (label, (lon, lat)) in enumerate(stations, start=1)
                    ]
                },
            ),
        )
        write(
            f"gbfs/{name}/station_status.json",
            dict(
                envelope,
                data={
                    "stations": [
                        {
                            "station_id": str(i),
                            "num_bikes_available": 3 + i,
                            "num_docks_available": 9 - i,
                            "is_installed": True,
                            "is_renting": True,
                            "is_returning": True,
                            "last_reported": 1785000000,
                        }
                        for i in range(1, len(stations) + 1)
                    ]
                },
            ),
        )
    if vehicles is not None:
        write(
            f"gbfs/{name}/free_bike_status.json",
            dict(
                envelope,
                data={
                    "bikes": [
                        {
                            "bike_id": f"s{i}",
                            "lat": lat,
                            "lon": lon,
                            "is_reserved": False,
                            "is_disabled": False,
                            "vehicle_type_id": "scooter",
                        }
                        for i, (lon, lat) in enumerate(vehicles, start=1)
                    ]
                },
            ),
        )
    if vehicle_types is not None:
        write(f"gbfs/{name}/vehicle_types.json", dict(envelope, data={"vehicle_types": vehicle_types}))


def build_feeds():
    gbfs_system(
        "star",
        "le_velo_star",
        stations=[
            ("République", point("35238", 1)),
            ("Gares", point("35238", 2)),
            ("Cesson Centre", point("35051", 1)),
        ],
    )
    gbfs_system(
        "citiz",
        "citiz_rennes",
        stations=[("Citiz Colombier", point("35238", 3))],
        vehicle_types=[{"vehicle_type_id": "car", "form_factor": "car", "propulsion_type": "combustion"}],
    )
    gbfs_system(
        "scooters",
        "scooters_rennes",
        vehicles=[point("35238", 4), point("35238", 5)],
        vehicle_types=[{"vehicle_type_id": "scooter", "form_factor": "scooter", "propulsion_type": "electric"}],
    )
    gbfs_system("vitre", "velos_vitre", stations=[("Vitré Gare", point("35360", 1))])
    readings = []
    for n, insee in enumerate(["35238", "35238", "35051", "35360", "44058", "2A004", "97411"], start=1):
        lon, lat = point(insee, 11 + n)
        readings.append(
            {
                "id": 9000 + n,
                "sampling_rate": None,
                "timestamp": "2026-07-22 08:00:00",
                "location": {
                    "id": 500 + n,
                    "latitude": f"{lat}",
                    "longitude": f"{lon}",
                    "altitude": "40.0",
                    "country": "FR",
                    "exact_location": 0,
                    "indoor": 0,
                },
                "sensor": {
                    "id": 700 + n,
                    "pin": "1",
                    "sensor_type": {"id": 14, "name": "SDS011", "manufacturer": "Nova Fitness"},
                },
                "sensordatavalues": [
                    {"id": 1, "value": f"{10 + n}.5", "value_type": "P1"},
                    {"id": 2, "value": f"{5 + n}.2", "value_type": "P2"},
                ],
            }
        )
    write("sensors/readings.json", readings)


if __name__ == "__main__":
    build_geo()
    build_transport()
    build_datagouv()
    build_schemas()
    build_national_files()
    build_feeds()
    print("fixtures written under", HERE)
