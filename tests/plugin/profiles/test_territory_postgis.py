"""A whole territory into a PostGIS schema: the demo through the real sources from its recorded replies."""

from __future__ import annotations

import pytest
from open_territory.plugin.profiles.profile import load_profile
from open_territory.plugin.profiles.territory import load_territory
from open_territory.plugin.toolbelt.errors import Cancelled, InputError
from qgis.core import QgsProcessingFeedback, QgsVectorLayer


def tables(postgis, schema: str) -> set:
    return {row[0] for row in postgis.execute(f"SELECT tablename FROM pg_tables WHERE schemaname = '{schema}'")}


def counts(postgis, schema: str, names) -> dict:
    return {name: postgis.execute(f'SELECT count(*) FROM {schema}."{name}"')[0][0] for name in names}


@pytest.fixture(scope="module")
def demo_gpkg(tmp_path_factory, qgis_app):
    """The demo into a GeoPackage, the reference the database must match."""
    from osgeo import ogr

    path = str(tmp_path_factory.mktemp("demo") / "demo.gpkg")
    report = load_territory(load_profile("demo"), path, offline=True)
    dataset = ogr.Open(path)
    layer_counts = {name: dataset.GetLayerByName(name).GetFeatureCount() for name in report.layers}
    dataset = None
    return report, layer_counts


def test_the_demo_into_a_schema(postgis, demo_gpkg):
    reference, reference_counts = demo_gpkg
    schema = postgis.new_schema()
    report = load_territory(load_profile("demo"), f"postgres:{postgis.CONNECTION}/{schema}", offline=True)

    assert report.layers == reference.layers and not report.failed
    assert tables(postgis, schema) == set(report.layers) | {"sources"}
    assert counts(postgis, schema, report.layers) == reference_counts
    sources = {row[0]: row[1:] for row in postgis.execute(f"SELECT layer, status, feature_count FROM {schema}.sources")}
    assert {name: row for name, row in sources.items() if name in reference_counts} == {
        name: ["ok", count] for name, count in reference_counts.items()
    }
    # The layers the dock adds: PostGIS sources without the password, styled from QGIS's layer_styles.
    styled = postgis.execute(
        f"SELECT f_table_name FROM public.layer_styles WHERE f_table_schema = '{schema}' AND useasdefault"
    )
    assert {row[0] for row in styled} == set(report.layers)
    for name in report.layers:
        source, provider = report.layer_source(name)
        assert provider == "postgres" and "password" not in source
        layer = QgsVectorLayer(source, name, provider)  # a colleague opening the table: its default style
        assert layer.isValid() and layer.featureCount() == reference_counts[name]
        if name == "boundary":
            symbol = layer.renderer().symbol()
            assert symbol.color().alpha() == 0  # the outline-only boundary style, from the database


def test_a_reload_replaces_the_tables_and_keeps_the_others(postgis, demo_gpkg):
    _reference, reference_counts = demo_gpkg
    schema = postgis.new_schema()
    destination = f"postgres:{postgis.CONNECTION}/{schema}"
    load_territory(load_profile("demo"), destination, offline=True)
    postgis.execute(f"CREATE TABLE {schema}.notes (id serial PRIMARY KEY, text text)")  # a colleague's table
    postgis.execute(f"DELETE FROM {schema}.boundary")  # a reload must bring it back
    report = load_territory(load_profile("demo"), destination, offline=True)
    assert counts(postgis, schema, report.layers) == reference_counts
    assert tables(postgis, schema) == set(report.layers) | {"sources", "notes"}
    styles = postgis.execute(f"SELECT count(*) AS n FROM public.layer_styles WHERE f_table_schema = '{schema}'")
    assert styles == [[len(report.layers)]]  # saved again, not twice


def test_a_cancelled_reload_leaves_the_schema_as_it_was(postgis, demo_gpkg):
    _reference, reference_counts = demo_gpkg
    schema = postgis.new_schema()
    destination = f"postgres:{postgis.CONNECTION}/{schema}"
    load_territory(load_profile("demo"), destination, offline=True, layers=["boundary"])
    before = counts(postgis, schema, ["boundary", "sources"])

    class CancelAfterTwo(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.infos = 0

        def pushInfo(self, info):  # noqa: N802
            self.infos += 1
            if self.infos == 3:
                self.cancel()

    with pytest.raises(Cancelled):
        load_territory(load_profile("demo"), destination, offline=True, feedback=CancelAfterTwo())
    assert tables(postgis, schema) == {"boundary", "sources"}
    assert counts(postgis, schema, ["boundary", "sources"]) == before


def test_a_destination_without_schema_is_refused(postgis):
    with pytest.raises(InputError, match="schema"):
        load_territory(load_profile("demo"), f"postgres:{postgis.CONNECTION}", offline=True)
