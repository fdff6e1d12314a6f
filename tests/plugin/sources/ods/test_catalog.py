"""Opendatasoft URLs, ODSQL pieces and catalog-entry parsing (no network)."""

import pytest
from open_territory.plugin.sources.ods.catalog import (
    OdsDataset,
    OdsField,
    api_url,
    combine_where,
    in_bbox,
    load_portals,
    normalize_portal,
    odsql_string,
    parse_dataset,
    plain_text,
)
from open_territory.plugin.toolbelt.errors import ReplyError


@pytest.mark.parametrize(
    "given",
    [
        "data.rennesmetropole.fr",
        "https://data.rennesmetropole.fr/",
        "https://data.rennesmetropole.fr/api/explore/v2.1/catalog/datasets?limit=3",
        "https://data.rennesmetropole.fr/explore/dataset/vls-stations-etat-tr/table/",
        "  https://data.rennesmetropole.fr  ",
    ],
)
def test_normalize_portal(given):
    assert normalize_portal(given) == "https://data.rennesmetropole.fr"


def test_normalize_keeps_http_and_port_and_prefix():
    assert normalize_portal("http://127.0.0.1:8080/portal/api/explore/v2.1") == "http://127.0.0.1:8080/portal"
    assert normalize_portal("") == ""


def test_api_url_quotes_dataset_ids():
    assert (
        api_url("opendata.paris.fr", "catalog", "datasets", "a b/c")
        == "https://opendata.paris.fr/api/explore/v2.1/catalog/datasets/a%20b%2Fc"
    )


def test_in_bbox_takes_latitude_first():
    assert (
        in_bbox("geo_point_2d", [-1.75, 48.05, -1.60, 48.15])
        == "in_bbox(`geo_point_2d`, 48.0500000, -1.7500000, 48.1500000, -1.6000000)"
    )


def test_where_and_strings():
    assert combine_where("", None, "  ") == ""
    assert combine_where("a = 1", "") == "a = 1"
    assert combine_where("a = 1 OR b = 2", "in_bbox(x)") == "(a = 1 OR b = 2) AND (in_bbox(x))"
    assert odsql_string('l\'été "chaud" \\') == '"l\'été \\"chaud\\" \\\\"'


def test_plain_text_from_html():
    assert (
        plain_text("<p>Arceaux&nbsp;vélo</p><ul><li>un</li><li>deux &amp; trois</li></ul>")
        == "Arceaux\xa0vélo\nun\ndeux & trois"
    )
    assert plain_text(None) == ""


def test_parse_dataset_with_missing_metas():
    info = parse_dataset(
        "https://x.fr/",
        {
            "dataset_id": "d",
            "fields": [{"name": "loc", "type": "geo_point_2d"}],
            "metas": {"default": {"records_count": "12", "license": None}},
        },
    )
    assert info.title == "d" and info.licence == "" and info.records_count == 12
    assert info.geometry_field.name == "loc" and info.portal == "https://x.fr"
    with pytest.raises(ReplyError, match="not a dataset description"):
        parse_dataset("https://x.fr", {"results": []})


def test_geo_shape_preferred_over_point():
    info = OdsDataset("p", "d", fields=[OdsField("geo_point_2d", "geo_point_2d"), OdsField("shape", "geo_shape")])
    assert info.geometry_field.name == "shape" and info.is_geographic
    assert not OdsDataset("p", "d", fields=[OdsField("a", "text")]).is_geographic


def test_bundled_portals():
    portals = load_portals()
    urls = [p["url"] for p in portals]
    assert "https://data.rennesmetropole.fr" in urls and "https://opendata.paris.fr" in urls
    assert len(urls) == len(set(urls)) >= 8 and all(p["name"] for p in portals)
