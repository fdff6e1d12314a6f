"""The data.gouv.fr and RUDI dock panels, with work run synchronously against local servers."""

import json

from open_territory.ui.resources.datagouv_panel import DatagouvPanel
from open_territory.ui.resources.rudi_panel import RudiPanel
from qgis.PyQt.QtWidgets import QMessageBox


def geojson(n):
    return json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"nom": f"P{i}"},
                    "geometry": {"type": "Point", "coordinates": [-1.6 + i / 100, 48.1]},
                }
                for i in range(n)
            ],
        }
    )


def udata(base, slug, title, resources):
    return {
        "id": slug + "-id",
        "slug": slug,
        "title": title,
        "license": "lov2",
        "organization": {"name": "Ville"},
        "description": "",
        "resources": resources,
    }


def udata_resource(rid, title, fmt, url, filesize=None):
    return {
        "id": rid,
        "title": title,
        "format": fmt,
        "url": url,
        "filesize": filesize,
        "type": "main",
        "mime": None,
        "extras": {},
    }


def test_datagouv_search_select_and_load(httpserver, qgis_iface, project, tmp_path, sync_runner):
    base = httpserver.url_for("").rstrip("/")
    geo = udata(
        base,
        "parkings",
        "Parkings vélos",
        [
            udata_resource("11111111-aaaa", "Notice", "pdf", f"{base}/n.pdf", 10),
            udata_resource("22222222-bbbb", "parkings.geojson", "geojson", f"{base}/p.geojson", 500),
        ],
    )
    text_only = udata(base, "budget", "Budget", [udata_resource("r", "budget.pdf", "pdf", f"{base}/b.pdf")])
    httpserver.expect_request("/api/1/datasets/").respond_with_json(
        {
            "data": [geo, text_only],
            "page": 1,
            "page_size": 50,
            "total": 2,
            "next_page": None,
            "previous_page": None,
        }
    )
    httpserver.expect_request("/api/1/datasets/parkings/").respond_with_json(geo)
    httpserver.expect_request("/p.geojson").respond_with_data(geojson(3))
    panel = DatagouvPanel(qgis_iface, runner=sync_runner)
    assert panel.title()
    panel.server.setText(base)
    panel.query.setText("parkings")
    panel.search()
    assert panel.datasets.topLevelItemCount() == 1  # the pdf-only dataset is hidden
    panel.geo_only.setChecked(False)
    assert panel.datasets.topLevelItemCount() == 2
    panel.datasets.setCurrentItem(panel.datasets.topLevelItem(0))
    assert panel.resources.topLevelItemCount() == 2
    assert panel.resources.topLevelItem(0).isDisabled()
    assert panel.resources.currentItem().text(0) == "parkings.geojson" and panel.load_button.isEnabled()
    panel.category.setCurrentIndex(panel.category.findData("bicycle_parking"))
    panel.output.setFilePath(str(tmp_path / "dock.gpkg"))
    panel.load()
    layers = list(project.mapLayers().values())
    assert len(layers) == 1 and layers[0].featureCount() == 3
    feature = next(layers[0].getFeatures())
    assert feature["category"] == "bicycle_parking" and feature["source_dataset"] == "parkings"
    panel.shutdown()


def test_datagouv_large_download_asks_first(httpserver, qgis_iface, project, tmp_path, monkeypatch, sync_runner):
    base = httpserver.url_for("").rstrip("/")
    big = udata(
        base,
        "gros",
        "Gros",
        [udata_resource("33333333", "gros.geojson", "geojson", f"{base}/g.geojson", 500 * 1024 * 1024)],
    )
    httpserver.expect_request("/api/1/datasets/").respond_with_json({"data": [big], "total": 1})
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args) or QMessageBox.No)
    panel = DatagouvPanel(qgis_iface, runner=sync_runner)
    panel.server.setText(base)
    panel.search()
    panel.datasets.setCurrentItem(panel.datasets.topLevelItem(0))
    panel.output.setFilePath(str(tmp_path / "dock.gpkg"))
    panel.load()
    assert asked and "500.0\u00a0MB" in asked[0][2]
    assert not any(request.path == "/g.geojson" for request, _ in httpserver.log)
    assert project.mapLayers() == {}


def serve_unsized(httpserver):
    """A dataset whose catalog entry gives no size for its geographic resource."""
    base = httpserver.url_for("").rstrip("/")
    resource = udata_resource("44444444", "a.geojson", "geojson", f"{base}/a.geojson")
    dataset = udata(base, "arceaux", "Arceaux", [resource])
    httpserver.expect_request("/api/1/datasets/").respond_with_json({"data": [dataset], "total": 1})
    httpserver.expect_request("/api/1/datasets/arceaux/").respond_with_json(dataset)
    httpserver.expect_request("/a.geojson").respond_with_data(geojson(2))
    return base


def test_datagouv_unknown_size_is_asked_first(httpserver, qgis_iface, project, tmp_path, sync_runner):
    base = serve_unsized(httpserver)
    runs = []
    panel = DatagouvPanel(qgis_iface, runner=lambda *args: runs.append(args[0]) or sync_runner(*args))
    panel.server.setText(base)
    panel.search()
    panel.datasets.setCurrentItem(panel.datasets.topLevelItem(0))
    panel.output.setFilePath(str(tmp_path / "dock.gpkg"))
    panel.load()
    assert runs[1] == "Checking the size of the file…" and runs[2].startswith("Loading a.geojson")
    assert any(request.method == "HEAD" and request.path == "/a.geojson" for request, _ in httpserver.log)
    layers = list(project.mapLayers().values())
    assert len(layers) == 1 and layers[0].featureCount() == 2


def test_datagouv_cancelled_size_check_downloads_nothing(httpserver, qgis_iface, project, tmp_path, sync_runner):
    base = serve_unsized(httpserver)
    panel = DatagouvPanel(qgis_iface, runner=sync_runner)
    panel.server.setText(base)
    panel.search()
    panel.datasets.setCurrentItem(panel.datasets.topLevelItem(0))
    panel.output.setFilePath(str(tmp_path / "dock.gpkg"))
    runs = []

    def cancel_the_size_check(description, function, on_done):
        runs.append(description)
        if len(runs) == 1:
            return on_done(None, None)  # what a cancelled FeedbackTask reports: no result, no error
        return sync_runner(description, function, on_done)

    panel.runner = cancel_the_size_check
    panel.load()
    assert runs == ["Checking the size of the file…"]
    assert panel.status.text() == "Cancelled" and panel.load_button.isEnabled()
    assert not any(request.path == "/a.geojson" and request.method == "GET" for request, _ in httpserver.log)
    assert project.mapLayers() == {}


def test_datagouv_search_error_is_shown(httpserver, qgis_iface, sync_runner):
    httpserver.expect_request("/bad/api/1/datasets/").respond_with_json(
        {"message": "Bad page", "status": 400}, status=400
    )
    panel = DatagouvPanel(qgis_iface, runner=sync_runner)
    panel.server.setText(httpserver.url_for("/bad"))
    panel.search()
    assert "Bad page" in panel.status.text() and panel.search_button.isEnabled()


def test_datagouv_resource_list_shows_format_and_size(httpserver, qgis_iface, project, sync_runner):
    base = httpserver.url_for("").rstrip("/")
    csv_resource = udata_resource("55555555", "arceaux.csv", "csv", f"{base}/a.csv")
    csv_resource["extras"] = {"analysis:content-length": 2048}  # filesize null: the analysis gives it
    dataset = udata(
        base,
        "arceaux",
        "Arceaux",
        [
            udata_resource("11111111", "arceaux.geojson", "GeoJSON", f"{base}/a.geojson", 5 * 1024 * 1024),
            csv_resource,
            udata_resource("22222222", "notice.pdf", "pdf", f"{base}/n.pdf", 900),
            udata_resource("33333333", "arceaux.zip", "zip", f"{base}/a.zip"),
        ],
    )
    httpserver.expect_request("/api/1/datasets/").respond_with_json({"data": [dataset], "total": 1})
    panel = DatagouvPanel(qgis_iface, runner=sync_runner)
    panel.server.setText(base)
    panel.search()
    panel.datasets.setCurrentItem(panel.datasets.topLevelItem(0))
    header = panel.resources.headerItem()
    assert [header.text(i) for i in range(panel.resources.columnCount())] == ["Resource", "Format", "Size"]
    rows = [
        [panel.resources.topLevelItem(i).text(c) for c in range(3)] for i in range(panel.resources.topLevelItemCount())
    ]
    assert rows == [
        ["arceaux.geojson", "GeoJSON", "5.0\u00a0MB"],
        ["arceaux.csv", "csv", "2.0\u00a0kB"],
        ["notice.pdf", "pdf", "900\u00a0B"],
        ["arceaux.zip", "zip", ""],  # size unknown until asked
    ]
    panel.shutdown()


def rudi_item(base, gid, title, formats, theme="Mobilité"):
    return {
        "global_id": gid,
        "resource_title": title,
        "synopsis": [{"lang": "fr", "text": f"À propos de {title}"}],
        "theme": theme,
        "keywords": ["vélo"],
        "producer": {"organization_name": "Rennes Métropole"},
        "available_formats": formats,
        "access_condition": {"licence": {"licence_type": "STANDARD", "licence_label": "etalab-2.0"}},
    }


def test_rudi_list_filter_and_load(httpserver, qgis_iface, project, tmp_path, sync_runner):
    base = httpserver.url_for("").rstrip("/")
    geo_id = "aaaaaaaa-0000-0000-0000-000000000001"
    items = [
        rudi_item(
            base,
            geo_id,
            "Stationnements vélos",
            [
                {
                    "media_type": "FILE",
                    "media_name": "stat",
                    "connector": {"url": f"{base}/media/1"},
                    "file_type": "application/geo+json",
                    "file_size": "700",
                }
            ],
        ),
        rudi_item(base, "bbbbbbbb-0000-0000-0000-000000000002", "Budget", [None], theme="Economie"),
    ]
    httpserver.expect_request("/api/v1/resources", query_string={"limit": "500", "offset": "0"}).respond_with_json(
        {"total": 2, "items": items}
    )
    httpserver.expect_request(f"/api/v1/resources/{geo_id}").respond_with_json(items[0])
    httpserver.expect_request("/media/1").respond_with_data(geojson(2))
    panel = RudiPanel(qgis_iface, runner=sync_runner)
    assert panel.title()
    panel.node.setText(base)
    panel.list_catalog()
    assert panel.items.topLevelItemCount() == 1
    panel.geo_only.setChecked(False)
    assert panel.items.topLevelItemCount() == 2
    panel.filter.setText("velos")
    assert panel.items.topLevelItemCount() == 1
    panel.items.setCurrentItem(panel.items.topLevelItem(0))
    assert "À propos" in panel.details.toPlainText() and "etalab-2.0" in panel.details.toPlainText()
    panel.output.setFilePath(str(tmp_path / "rudi.gpkg"))
    panel.load()
    layers = list(project.mapLayers().values())
    assert len(layers) == 1 and layers[0].featureCount() == 2
    assert next(layers[0].getFeatures())["licence"] == "etalab-2.0"


def test_rudi_error_reply_is_shown(httpserver, qgis_iface, sync_runner):
    # Another node path than the listing test: QGIS's own HTTP cache mishandles a URL that answered
    # 200 before and 500 now (reported to the transport's owner).
    httpserver.expect_request("/down/api/v1/resources").respond_with_json(
        {"statusCode": 500, "error": "Internal Server Error", "message": "Database unavailable"}, status=500
    )
    panel = RudiPanel(qgis_iface, runner=sync_runner)
    panel.node.setText(httpserver.url_for("/down"))
    panel.list_catalog()
    assert "Database unavailable" in panel.status.text()
