"""The dock writing into a team's PostGIS database: the Territory tab loads the demo into a schema and adds its
tables to the project; a Resources panel writes its layer as a table of the schema the tab names."""

from __future__ import annotations

import functools
import importlib.util
import os

from open_territory.ui.database_destination import DatabaseDestination, safe_schema
from open_territory.ui.resources_section import ResourcesSection
from open_territory.ui.territory_section import TerritorySection
from qgis.core import QgsApplication, QgsProject

from ..qt_wait import wait_until

wait_for = functools.partial(wait_until, seconds=90)
spec = importlib.util.spec_from_file_location(
    "ods_payloads", os.path.join(os.path.dirname(__file__), "..", "plugin", "sources", "ods", "test_ods_payloads.py")
)
P = importlib.util.module_from_spec(spec)
spec.loader.exec_module(P)


def test_the_destination_names_a_schema_of_a_saved_connection(qgis_iface, postgis):
    widget = DatabaseDestination()
    widget.refresh()
    assert widget.check.isEnabled() and not widget.active()
    widget.check.setChecked(True)
    widget.connection.setCurrentText(postgis.CONNECTION)
    widget.set_schema("equipe")
    assert widget.active() and widget.connection.isEnabled()
    assert widget.destination() == f"postgres:{postgis.CONNECTION}/equipe"
    assert widget.destination("arceaux") == f"postgres:{postgis.CONNECTION}/equipe/arceaux"
    assert safe_schema("Rennes-Métropole 2") == "rennes_m_tropole_2" and safe_schema("35") == "territory_35"


def test_the_demo_territory_into_a_schema_from_the_dock(qgis_iface, qgis_new_project, postgis):
    section = TerritorySection(qgis_iface)
    section.profile_combo.setCurrentIndex(section.profile_combo.findData("demo"))
    assert section.database.schema.text() == "demo"
    schema = postgis.new_schema("ot_dock_")
    section.database.check.setChecked(True)
    section.database.connection.setCurrentText(postgis.CONNECTION)
    section.database.set_schema(schema)
    section.offline_check.setChecked(True)
    assert section.start_load(all_resources=True) is not None
    assert wait_for(lambda: section.task is None), "the load did not finish"
    report = section.last_report
    assert report is not None and not report.failed, report and report.summary()
    layers = list(QgsProject.instance().mapLayers().values())
    assert len(layers) == len(report.layers)
    for layer in layers:
        assert layer.providerType() == "postgres" and layer.isValid() and layer.featureCount() > 0
        assert f'"{schema}".' in layer.source() and "password" not in layer.source()
    tables = postgis.execute(f"SELECT count(*) AS n FROM pg_tables WHERE schemaname = '{schema}'")
    assert tables == [[len(report.layers) + 1]]  # and the sources table
    assert QgsApplication.taskManager().countActiveTasks() == 0


def test_a_resources_panel_writes_into_the_schema(qgis_iface, qgis_new_project, postgis, httpserver):
    """The Opendatasoft panel's load, with the Resources tab's box ticked: a table of the schema, in the project."""
    entry = P.dataset_entry("arceaux", P.POINT_FIELDS, title="Arceaux vélo", records_count=30, licence="ODbL")
    httpserver.expect_request(f"{P.API}/catalog/datasets").respond_with_json({"total_count": 1, "results": [entry]})
    httpserver.expect_request(f"{P.API}/catalog/datasets/arceaux").respond_with_json(entry)
    httpserver.expect_request(f"{P.API}/catalog/datasets/arceaux/exports/geojson").respond_with_data(
        P.export_bytes(P.point_features(30)), content_type="application/geo+json"
    )
    section = ResourcesSection(qgis_iface)
    schema = postgis.new_schema("ot_dock_")
    section.database.check.setChecked(True)
    section.database.connection.setCurrentText(postgis.CONNECTION)
    section.database.set_schema(schema)
    panel = next(p for p in section.panels if type(p).__name__ == "OdsPanel")
    panel.add_portal(httpserver.url_for("/"))
    panel.search_edit.setText("vélo")
    panel.search()
    assert wait_for(lambda: panel.search_task is None)
    panel.results.setCurrentRow(0)
    panel.load()
    assert wait_for(lambda: panel.task is None)
    layers = list(QgsProject.instance().mapLayers().values())
    assert len(layers) == 1 and layers[0].providerType() == "postgres", panel.status.text()
    assert layers[0].featureCount() == 30 and "password" not in layers[0].source()
    assert postgis.execute(f"SELECT count(*) AS n FROM {schema}.arceaux") == [[30]]
    section.database.set_schema("not a schema")  # one sentence on the status line, nothing loaded
    panel.load()
    assert "schema" in panel.status.text() and panel.task is None
    section.shutdown()
