"""The Opendatasoft dock panel: portals, search, details, load in a background task, cancel."""

import importlib.util
import os
import time

import pytest
from open_territory.plugin.toolbelt.settings import load_settings
from open_territory.ui.resources.ods_panel import OdsPanel
from qgis.core import QgsProject
from werkzeug import Response

from ...qgis_auth import store_auth_config

spec = importlib.util.spec_from_file_location(
    "ods_payloads",
    os.path.join(os.path.dirname(__file__), "..", "..", "plugin", "sources", "ods", "test_ods_payloads.py"),
)
P = importlib.util.module_from_spec(spec)
spec.loader.exec_module(P)


@pytest.fixture()
def panel(qgis_iface, project, wait_until):
    widget = OdsPanel(qgis_iface)
    yield widget
    widget.shutdown()
    assert wait_until(lambda: widget.task is None and widget.search_task is None)


def serve_catalog(httpserver):
    entries = [
        P.dataset_entry("arceaux", P.POINT_FIELDS, title="Arceaux vélo", records_count=30, licence="ODbL"),
        P.dataset_entry("quartiers", P.SHAPE_FIELDS, title="Quartiers de Rennes", records_count=3),
    ]
    httpserver.expect_request(f"{P.API}/catalog/datasets").respond_with_json({"total_count": 2, "results": entries})
    return entries


def test_portals_prelisted_and_added(panel, httpserver):
    urls = [panel.portal_combo.itemData(i) for i in range(panel.portal_combo.count())]
    assert "https://data.rennesmetropole.fr" in urls and "https://data.nantesmetropole.fr" in urls
    added = panel.add_portal(httpserver.url_for("/api/explore/v2.1/"))
    assert added == httpserver.url_for("/").rstrip("/") and panel.portal() == added
    assert added in load_settings().ods_portals
    again = OdsPanel(None)  # a new panel lists the added portal too
    assert again.portal_combo.findData(added) >= 0
    assert panel.title()


def test_search_details_and_load_into_project(panel, httpserver, wait_until):
    serve_catalog(httpserver)
    httpserver.expect_request(f"{P.API}/catalog/datasets/arceaux").respond_with_json(
        P.dataset_entry("arceaux", P.POINT_FIELDS, records_count=30, licence="ODbL")
    )
    httpserver.expect_request(f"{P.API}/catalog/datasets/arceaux/exports/geojson").respond_with_data(
        P.export_bytes(P.point_features(30)), content_type="application/geo+json"
    )
    panel.add_portal(httpserver.url_for("/"))
    panel.search_edit.setText("vélo")
    panel.search()
    assert wait_until(lambda: panel.search_task is None)
    assert panel.results.count() == 2 and "Arceaux vélo" in panel.results.item(0).text()
    assert "Datasets found: 2" in panel.status.text()
    panel.results.setCurrentRow(0)
    text = panel.details.toPlainText()
    assert "ODbL" in text and "coordonnees (geo_point_2d)" in text and "capacite" in text and "30" in text
    assert panel.load_button.isEnabled()
    panel.category_combo.setCurrentIndex(panel.category_combo.findData("bicycle_parking"))
    panel.load()
    assert not panel.cancel_button.isHidden() and not panel.progress.isHidden() and not panel.load_button.isEnabled()
    assert wait_until(lambda: panel.task is None)
    layers = list(QgsProject.instance().mapLayers().values())
    assert len(layers) == 1 and layers[0].name() == "Arceaux vélo" and layers[0].featureCount() == 30
    feature = next(layers[0].getFeatures())
    assert feature["category"] == "bicycle_parking" and feature["licence"] == "ODbL"
    assert "30" in panel.status.text() and panel.progress.isHidden()


def test_load_error_is_shown_and_nothing_added(panel, httpserver, wait_until):
    serve_catalog(httpserver)
    httpserver.expect_request(f"{P.API}/catalog/datasets/arceaux").respond_with_json(
        {"error_code": "NotFound", "message": "Unknown dataset"}, status=404
    )
    panel.add_portal(httpserver.url_for("/"))
    panel.search()
    assert wait_until(lambda: panel.search_task is None)
    panel.results.setCurrentRow(0)
    panel.load()
    assert wait_until(lambda: panel.task is None)
    assert "arceaux" in panel.status.text() and "not found" in panel.status.text()
    assert not QgsProject.instance().mapLayers()


def test_cancel_a_slow_load(panel, httpserver, wait_until):
    serve_catalog(httpserver)
    httpserver.expect_request(f"{P.API}/catalog/datasets/arceaux").respond_with_json(
        P.dataset_entry("arceaux", P.POINT_FIELDS)
    )
    body = P.export_bytes(P.point_features(200))

    def slow(_request):
        def chunks():
            for start in range(0, len(body), 2000):
                time.sleep(0.05)
                yield body[start : start + 2000]

        return Response(chunks(), content_type="application/geo+json")

    httpserver.expect_request(f"{P.API}/catalog/datasets/arceaux/exports/geojson").respond_with_handler(slow)
    panel.add_portal(httpserver.url_for("/"))
    panel.search()
    assert wait_until(lambda: panel.search_task is None)
    panel.results.setCurrentRow(0)
    panel.load()
    assert wait_until(lambda: any(r.path.endswith("/geojson") for r, _ in httpserver.log) or False, seconds=10)
    panel.cancel()
    assert wait_until(lambda: panel.task is None)
    assert panel.status.text() == "The load was cancelled"
    assert not QgsProject.instance().mapLayers() and panel.load_button.isEnabled()


def store_apikey(key):
    """A Basic configuration whose password is the portal's API key, in the test's auth database."""
    return store_auth_config("Basic", {"username": "apikey", "password": key}, "Portal API key")


def test_private_dataset_with_the_chosen_api_key(panel, httpserver, wait_until, tmp_path):
    key = "pr1v4te-k3y-789"
    authcfg = store_apikey(key)
    sent = {"Authorization": f"Apikey {key}"}
    httpserver.expect_request(f"{P.API}/catalog/datasets", headers=sent).respond_with_json(
        {"total_count": 1, "results": [P.dataset_entry("prive", P.POINT_FIELDS, title="Privé", records_count=3)]}
    )
    httpserver.expect_request(f"{P.API}/catalog/datasets/prive", headers=sent).respond_with_json(
        P.dataset_entry("prive", P.POINT_FIELDS, records_count=3)
    )
    httpserver.expect_request(f"{P.API}/catalog/datasets/prive/exports/geojson", headers=sent).respond_with_data(
        P.export_bytes(P.point_features(3)), content_type="application/geo+json"
    )
    assert "Basic" in panel.auth_select.toolTip() and "password" in panel.auth_select.toolTip()
    panel.add_portal(httpserver.url_for("/"))
    panel.auth_select.setConfigId(authcfg)
    assert panel.authcfg() == authcfg
    panel.search()
    assert wait_until(lambda: panel.search_task is None)
    assert panel.results.count() == 1, panel.status.text()
    panel.results.setCurrentRow(0)
    panel.load()
    assert wait_until(lambda: panel.task is None)
    assert len(httpserver.log) == 3, panel.status.text()
    assert all(request.headers.get("Authorization") == f"Apikey {key}" for request, _ in httpserver.log)
    layers = list(QgsProject.instance().mapLayers().values())
    assert len(layers) == 1 and layers[0].featureCount() == 3
    # Neither the authcfg id nor the key is in the layer's source or in the saved project.
    assert authcfg not in layers[0].source() and key not in layers[0].source()
    project_file = tmp_path / "project.qgs"
    assert QgsProject.instance().write(str(project_file))
    text = project_file.read_text(encoding="utf-8")
    assert authcfg not in text and key not in text


def test_choosing_another_portal_clears_the_api_key(panel, httpserver):
    authcfg = store_apikey("k3y-of-one-portal")
    first = panel.add_portal(httpserver.url_for("/"))
    panel.auth_select.setConfigId(authcfg)
    panel.fill_portals(select=first)  # the list rebuilt around the same portal keeps the key
    assert panel.authcfg() == authcfg
    other = panel.portal_combo.findData("https://data.rennesmetropole.fr")
    assert other >= 0 and other != panel.portal_combo.currentIndex()
    panel.portal_combo.setCurrentIndex(other)
    assert panel.authcfg() == ""


def test_a_search_shows_what_it_waits_for_and_can_be_cancelled(panel, httpserver, wait_until):
    """No silent wait: the search button reads "Cancel" while the portal takes its time, and stops the search."""

    def slow(_request):
        time.sleep(3)
        return Response("{}", content_type="application/json")

    httpserver.expect_request(f"{P.API}/catalog/datasets").respond_with_handler(slow)
    panel.add_portal(httpserver.url_for("/"))
    panel.search_edit.setText("vélo")
    panel.search_button.click()
    assert panel.search_task is not None and panel.search_button.text() == "Cancel"
    assert panel.status.text()  # what it is doing, never an empty line
    panel.search_button.click()
    assert wait_until(lambda: panel.search_task is None, seconds=10)
    assert panel.search_button.text() == "Search" and panel.results.count() == 0
    assert panel.status.text() == "The search was cancelled"
