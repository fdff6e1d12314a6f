"""The downloaded-file loader shared by the catalog sources: JSON records converted in Python."""

import json

import pytest
from open_territory.plugin.formats import resource_file
from open_territory.plugin.formats.resource_file import json_records_to_geojson
from open_territory.plugin.toolbelt.errors import ReplyError


def test_json_records_converted(tmp_path):
    path = tmp_path / "records.json"
    path.write_text(json.dumps([{"nom": "A", "geo_point_2d": [48.1, -1.6]}, {"nom": "B"}]), encoding="utf-8")
    dest = json_records_to_geojson(str(path), str(tmp_path / "out.geojson"))
    features = json.loads(open(dest, encoding="utf-8").read())["features"]
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [-1.6, 48.1]}
    assert features[1]["geometry"] is None and features[1]["properties"] == {"nom": "B"}


def test_json_records_size_limit_names_file_and_size(tmp_path):
    # json.load and a Python loop per record: the limit keeps a conversion to seconds
    assert resource_file.JSON_RECORDS_MAX_BYTES <= 50 * 1024 * 1024
    path = tmp_path / "export_arceaux.json"
    with open(path, "wb") as handle:
        handle.write(b"[")
        handle.truncate(resource_file.JSON_RECORDS_MAX_BYTES + 3 * 1024 * 1024)  # sparse: nothing written
    with pytest.raises(ReplyError, match="too large") as info:
        json_records_to_geojson(str(path), str(tmp_path / "out.geojson"))
    assert "export_arceaux.json" in str(info.value) and "53 MB" in str(info.value)
