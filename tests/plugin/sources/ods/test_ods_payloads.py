"""Opendatasoft Explore v2.1 replies, built in the shapes of the real ones (catalog entries with
`fields[]` and `metas.default`, GeoJSON exports whose properties keep geo_point_2d as {lon, lat}).

Other Opendatasoft tests load this module by path (tests are not a package)."""

import json

API = "/api/explore/v2.1"

ACCENTED = ["Gare d'Été – Cesson-Sévigné", "Place de la Libération", "Rue de l'Église", "Château-Gontier"]


def field(name, type_, label=None, description=None):
    return {
        "annotations": {},
        "description": description,
        "type": type_,
        "name": name,
        "label": label or name,
    }


def dataset_entry(
    dataset_id,
    fields,
    title="Jeu de données",
    licence="Licence Ouverte v2.0",
    records_count=None,
    description="<p>Jeu de données <b>ouvert</b> &amp; géolocalisé</p>",
    theme=("Mobilité",),
    features=None,
):
    if features is None:
        features = ["geo"] if any(f["type"] in ("geo_point_2d", "geo_shape") for f in fields) else []
        features.append("analyze")
    return {
        "dataset_id": dataset_id,
        "dataset_uid": "da_" + dataset_id[:6],
        "attachments": [],
        "has_records": True,
        "data_visible": True,
        "fields": fields,
        "metas": {
            "default": {
                "records_count": records_count,
                "modified": "2026-11-20T07:50:20+00:00",
                "title": title,
                "description": description,
                "license": licence,
                "license_url": "https://www.etalab.gouv.fr/licence",
                "theme": list(theme) if theme else None,
                "keyword": ["vélo", "stationnement"],
                "publisher": "Métropole",
                "language": "fr",
                "territory": ["France"],
            }
        },
        "features": features,
    }


def point_features(n, geo_name="coordonnees", null_every=0, start=(-1.70, 48.05)):
    """n point features; every `null_every`-th one has a null geometry and no coordinates."""
    for i in range(n):
        lon = round(start[0] + (i % 1000) * 0.0003, 7)
        lat = round(start[1] + (i // 1000) * 0.001, 7)
        null = bool(null_every) and i % null_every == null_every - 1
        yield {
            "type": "Feature",
            "geometry": None if null else {"type": "Point", "coordinates": [lon, lat]},
            "properties": {
                "idobj": f"ID{i:06d}",
                "nom": ACCENTED[i % len(ACCENTED)] + f" {i}",
                "capacite": i % 40,
                "ouvert": i % 2 == 0,
                "mise_a_jour": "2026-11-20T08:00:00+00:00",
                "usages": ["vélo", "cargo"] if i % 3 == 0 else None,
                geo_name: None if null else {"lon": lon, "lat": lat},
            },
        }


def polygon_features():
    """A geo_shape dataset: ODS exports mix Polygon and MultiPolygon, with geo_point_2d in properties."""
    square = [[[-1.70, 48.10], [-1.69, 48.10], [-1.69, 48.11], [-1.70, 48.11], [-1.70, 48.10]]]
    other = [[[-1.68, 48.10], [-1.66, 48.10], [-1.66, 48.12], [-1.68, 48.12], [-1.68, 48.10]]]
    far = [[[-1.60, 48.00], [-1.59, 48.00], [-1.59, 48.01], [-1.60, 48.01], [-1.60, 48.00]]]
    return [
        {
            "type": "Feature",
            "geometry": {"type": "Polygon", "coordinates": square},
            "properties": {
                "nom_quartier": "Centre-Ville",
                "code": 1,
                "geo_point_2d": {"lon": -1.695, "lat": 48.105},
            },
        },
        {
            "type": "Feature",
            "geometry": {"type": "MultiPolygon", "coordinates": [other, far]},
            "properties": {
                "nom_quartier": "Thabor - Saint-Hélier - Alphonse Guérin",
                "code": 2,
                "geo_point_2d": {"lon": -1.67, "lat": 48.11},
            },
        },
        {
            "type": "Feature",
            "geometry": None,
            "properties": {"nom_quartier": "Périmètre à définir", "code": 3, "geo_point_2d": None},
        },
    ]


def table_features(n=5):
    for i in range(n):
        yield {
            "type": "Feature",
            "geometry": None,
            "properties": {
                "site": f"Compteur n°{i} – Vilaine",
                "comptage": 100 + i,
                "taux": i / 4,
                "date": f"2026-11-2{i % 9}",
            },
        }


def export_bytes(features) -> bytes:
    """A GeoJSON export as Opendatasoft streams it: one FeatureCollection, UTF-8, non-ASCII kept."""
    return json.dumps({"type": "FeatureCollection", "features": list(features)}, ensure_ascii=False).encode("utf-8")


POINT_FIELDS = [
    field("idobj", "text"),
    field("nom", "text", "Nom"),
    field("capacite", "int"),
    field("ouvert", "boolean"),
    field("mise_a_jour", "datetime"),
    field("usages", "text"),
    field("coordonnees", "geo_point_2d", "Coordonnées"),
]
SHAPE_FIELDS = [
    field("geo_point_2d", "geo_point_2d"),
    field("geo_shape", "geo_shape"),
    field("nom_quartier", "text"),
    field("code", "int"),
]
TABLE_FIELDS = [
    field("site", "text"),
    field("comptage", "int"),
    field("taux", "double"),
    field("date", "date"),
]


def test_payload_builders_are_faithful():
    entry = dataset_entry("x", POINT_FIELDS, records_count=3)
    assert entry["metas"]["default"]["records_count"] == 3 and "geo" in entry["features"]
    assert "geo" not in dataset_entry("t", TABLE_FIELDS)["features"]
    features = list(point_features(10, null_every=5))
    assert sum(f["geometry"] is None for f in features) == 2
    assert json.loads(export_bytes(features))["features"][0]["properties"]["nom"].startswith("Gare d'Été")
