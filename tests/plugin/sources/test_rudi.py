"""RUDI producer node source against a local server replaying its API replies."""

import json

import pytest
from open_territory.plugin.sources.rudi import (
    RudiSource,
    choose_media,
    item_summary,
    licence_of,
    localized,
    media_kind,
    user_language,
)
from open_territory.plugin.toolbelt.errors import ReplyError
from open_territory.plugin.toolbelt.layer_writer import file_target
from open_territory.plugin.toolbelt.network import Transport
from open_territory.plugin.toolbelt.settings import PluginSettings
from osgeo import ogr
from qgis.PyQt.QtCore import QLocale, QSettings

GEO_ID = "28b84a7d-876a-461a-9418-335ecac5ab34"
BUDGET_ID = "efd35c74-65dd-427e-941c-cc9af63d9026"
EMPTY_ID = "90895c79-e65b-4ea2-97f1-ef8beda56d92"


def item(global_id, title, synopsis, formats, theme="Mobilité, Transport", licence=None):
    # Shape of a producer node item, with the keys real items carry (synopsis and summary lists,
    # file_size as a string, null entries in available_formats).
    return {
        "resource_title": title,
        "global_id": global_id,
        "synopsis": synopsis,
        "summary": synopsis,
        "theme": theme,
        "keywords": ["vélo", "stationnement"],
        "producer": {
            "organization_id": "7448dbe3-ac18-4e99-a2e5-8a8dd1833927",
            "organization_name": "Rennes Métropole",
        },
        "contacts": [{"contact_id": "a5daf153", "contact_name": "Rennes Métropole", "email": "x@rennes.fr"}],
        "resource_languages": ["fr"],
        "dataset_dates": {"created": "2021-04-23T07:43:09+00:00", "updated": "2021-04-23T07:43:09+00:00"},
        "storage_status": "online",
        "local_id": title.lower().replace(" ", "-"),
        "available_formats": formats,
        "access_condition": {"licence": licence or {"licence_type": "STANDARD", "licence_label": "odbl-1.0"}},
        "metadata_info": {"api_version": "1.2.0"},
        "collection_tag": "init",
    }


def media(url, file_type, size="1234", name="media"):
    return {
        "media_type": "FILE",
        "media_name": name,
        "media_id": "39efa487-ddf2-4390-a255-83d896f7591c",
        "connector": {"url": url},
        "file_type": file_type,
        "file_size": size,
        "checksum": {
            "algo": "MD5",
            "hash": "c80d6049868f78cae8b1f37d935b9962",
            "file_encoding": "charset=utf-8",
        },
    }


SYNOPSIS = [
    {"lang": "fr", "text": "Arceaux à vélos de Rennes Métropole."},
    {"lang": "en", "text": "Bicycle racks of Rennes Métropole."},
]


def catalog(base):
    return [
        item(
            GEO_ID,
            "Arceaux vélos",
            SYNOPSIS,
            [
                media(f"{base}/media/download/json", "application/json"),
                media(f"{base}/media/download/geo", "application/geo+json", size="2048"),
            ],
        ),
        item(
            BUDGET_ID,
            "BP 2018 - Subventions",
            [{"lang": "fr", "text": "Subventions aux associations."}],
            [media(f"{base}/media/download/budget", "application/pdf")],
            theme="Economie",
        ),
        item(
            EMPTY_ID,
            "Végétation fine 2011",
            [{"lang": "fr", "text": "Emprise de la végétation."}],
            [None],
            theme="Environnement",
            licence={
                "licence_type": "CUSTOM",
                "custom_licence_label": [{"lang": "fr", "text": "Open License v2.0"}],
                "custom_licence_uri": "https://www.etalab.gouv.fr/licence",
            },
        ),
    ]


@pytest.fixture()
def source(tmp_path):
    transport = Transport(cache_dir=str(tmp_path / "cache"), offline=False, timeout=5, retries=0)
    return RudiSource(transport, settings=PluginSettings(download_warning_mb=100))


def geojson(n):
    return json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"nom": f"Arceau {i}", "capacite": "4"},
                    "geometry": {"type": "Point", "coordinates": [-1.68, 48.11 + i / 1000]},
                }
                for i in range(n)
            ],
        }
    )


def test_catalog_pages_and_search(httpserver, source):
    items = catalog(httpserver.url_for(""))
    httpserver.expect_request("/api/v1/resources", query_string={"limit": "500", "offset": "0"}).respond_with_json(
        {"total": 3, "items": items}
    )
    found = source.search({"node": httpserver.url_for("/api/v1/resources")}, "arceaux velo")
    assert [f["global_id"] for f in found] == [GEO_ID]
    summary = found[0]
    assert summary["formats"] == ["geojson", "json"] and summary["geographic"] and summary["size"] == 2048
    assert summary["licence"] == "odbl-1.0" and summary["producer"] == "Rennes Métropole"
    assert len(source.search({"node": httpserver.url_for("/")}, "")) == 3


def test_catalog_follows_offsets(httpserver, source, monkeypatch):
    monkeypatch.setattr("open_territory.plugin.sources.rudi.PAGE_SIZE", 2)
    items = catalog(httpserver.url_for(""))
    httpserver.expect_request("/api/v1/resources", query_string={"limit": "2", "offset": "0"}).respond_with_json(
        {"total": 3, "items": items[:2]}
    )
    httpserver.expect_request("/api/v1/resources", query_string={"limit": "2", "offset": "2"}).respond_with_json(
        {"total": 3, "items": items[2:]}
    )
    assert [i["global_id"] for i in source.catalog(httpserver.url_for("/"))] == [GEO_ID, BUDGET_ID, EMPTY_ID]


def test_fetch_geojson_media(httpserver, source, tmp_path):
    base = httpserver.url_for("")
    httpserver.expect_request(f"/api/v1/resources/{GEO_ID}").respond_with_json(catalog(base)[0])
    httpserver.expect_request("/media/download/geo").respond_with_data(geojson(4), content_type="application/geo+json")
    out = str(tmp_path / "rudi.gpkg")
    result = source.fetch(
        {"node": base, "resource": GEO_ID, "name_field": "nom"}, file_target(out, "arceaux"), "bicycle_parking"
    )
    assert result.feature_count == 4 and result.dataset == GEO_ID and result.licence == "odbl-1.0"
    dataset = ogr.Open(out)
    feature = dataset.GetLayerByName("arceaux").GetNextFeature()
    assert feature["name"] == "Arceau 0" and feature["source_dataset"] == GEO_ID
    assert feature["source"] == base.rstrip("/") and feature["category"] == "bicycle_parking"


def test_fetch_json_records_media(httpserver, source, tmp_path):
    # An Opendatasoft-style JSON export served as application/json.
    base = httpserver.url_for("")
    records = [
        {
            "datasetid": "arceaux",
            "recordid": "r1",
            "fields": {"nom": "Arceau Gare", "geo_point_2d": [48.1, -1.67]},
            "geometry": {"type": "Point", "coordinates": [-1.67, 48.1]},
        },
        {
            "datasetid": "arceaux",
            "recordid": "r2",
            "fields": {"nom": "Arceau Mairie", "geo_point_2d": [48.2, -1.6]},
        },
    ]
    entry = item(GEO_ID, "Arceaux", SYNOPSIS, [media(f"{base}/media/download/json", "application/json")])
    httpserver.expect_request(f"/api/v1/resources/{GEO_ID}").respond_with_json(entry)
    httpserver.expect_request("/media/download/json").respond_with_json(records)
    out = str(tmp_path / "rudi.gpkg")
    assert source.fetch({"node": base, "resource": GEO_ID}, file_target(out, "arceaux"), None).feature_count == 2
    dataset = ogr.Open(out)  # the layer lives only as long as its dataset
    layer = dataset.GetLayerByName("arceaux")
    points = [(f["nom"], f.GetGeometryRef().GetX(), f.GetGeometryRef().GetY()) for f in layer]
    assert points == [("Arceau Gare", -1.67, 48.1), ("Arceau Mairie", -1.6, 48.2)]


def test_resource_without_loadable_media(httpserver, source, tmp_path):
    base = httpserver.url_for("")
    httpserver.expect_request(f"/api/v1/resources/{EMPTY_ID}").respond_with_json(catalog(base)[2])
    with pytest.raises(ReplyError, match="Végétation fine 2011"):
        source.fetch({"node": base, "resource": EMPTY_ID}, file_target(str(tmp_path / "o.gpkg"), "x"), None)


def test_unknown_resource_error_reply(httpserver, source, tmp_path):
    httpserver.expect_request("/api/v1/resources/nope").respond_with_json(
        {"statusCode": 404, "error": "Not Found", "message": "No resource found with id 'nope'"}, status=404
    )
    with pytest.raises(ReplyError) as info:
        source.fetch(
            {"node": httpserver.url_for("/"), "resource": "nope"}, file_target(str(tmp_path / "o.gpkg"), "x"), None
        )
    assert "'nope'" in str(info.value) and "No resource found" in str(info.value)


def test_bad_request_error_reply(httpserver, source):
    httpserver.expect_request("/api/v1/resources").respond_with_json(
        {"statusCode": 400, "error": "Bad Request", "message": "Parameter 'limit' should be at most 500"},
        status=400,
    )
    with pytest.raises(ReplyError, match="at most 500"):
        source.list_page(httpserver.url_for("/"), 100, 0)


def test_media_helpers():
    base = "https://node.example"
    items = catalog(base)
    assert choose_media(items[0])["file_type"] == "application/geo+json"
    assert choose_media(items[1]) is None and choose_media(items[2]) is None
    assert media_kind({"file_type": "application/zip"}) == "zip"
    assert media_kind({"file_type": "", "media_name": "arceaux.geojson"}) == "geojson"
    assert licence_of(items[2]) == "Open License v2.0 (https://www.etalab.gouv.fr/licence)"
    assert localized(SYNOPSIS, "en").startswith("Bicycle") and localized(SYNOPSIS, "de").startswith("Arceaux")
    summary = item_summary(items[2], "fr")
    assert summary["formats"] == [] and not summary["loadable"] and summary["size"] is None


@pytest.fixture()
def locale_settings():
    settings = QSettings()
    saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    yield settings
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def test_user_language_follows_the_interface_language(locale_settings):
    texts = [{"lang": "eu", "text": "Bizikleta aparkalekuak"}, {"lang": "fr", "text": "Arceaux"}]
    # a locale chosen once in QGIS's options but not switched on is not the interface language
    locale_settings.setValue("locale/userLocale", "eu_ES")
    locale_settings.setValue("locale/overrideFlag", False)
    assert user_language() == (QLocale.system().name() or "en")[:2].lower() != "eu"
    assert localized(texts) == "Arceaux"
    locale_settings.setValue("locale/overrideFlag", True)
    assert user_language() == "eu" and localized(texts) == "Bizikleta aparkalekuak"
