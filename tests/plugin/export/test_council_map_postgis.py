"""The council map on a territory loaded into PostGIS: the demo's tables, drawn, with the sources box naming their
datasets from the schema's sources table, as from the GeoPackage's."""

from __future__ import annotations

import subprocess

from open_territory.plugin.export.council_map import export_council_map
from open_territory.plugin.export.sources_text import sources_text
from open_territory.plugin.profiles.profile import load_profile
from open_territory.plugin.profiles.territory import load_territory
from qgis.core import QgsVectorLayer


def test_the_council_map_of_the_demo_in_postgis(postgis, project, tmp_path):
    schema = postgis.new_schema()
    in_database = load_territory(load_profile("demo"), f"postgres:{postgis.CONNECTION}/{schema}", offline=True)
    in_file = load_territory(load_profile("demo"), str(tmp_path / "demo.gpkg"), offline=True)
    names = ["car_park_ods", "bus_stop_overpass", "bike_share_station_gbfs", "boundary"]
    from_database = [QgsVectorLayer(in_database.layer_source(n)[0], n, in_database.layer_source(n)[1]) for n in names]
    from_file = [QgsVectorLayer(in_file.layer_source(n)[0], n, in_file.layer_source(n)[1]) for n in names]
    assert all(layer.providerType() == "postgres" for layer in from_database)
    for layer in from_database + from_file:
        project.addMapLayer(layer)
    text = sources_text(from_database)
    assert text == sources_text(from_file)
    titles = {o.layer: o.title for o in in_database.outcomes}
    assert titles["car_park_ods"] in text and "© OpenStreetMap contributors" in text
    output = tmp_path / "conseil.pdf"
    export_council_map(from_database, str(output), "Conseil municipal", project=project)
    pdf = subprocess.run(["pdftotext", str(output), "-"], capture_output=True, text=True, check=True).stdout
    assert "Conseil municipal" in pdf and titles["car_park_ods"] in " ".join(pdf.split())
