"""Where the dock writes its layers: one new file per call, even within the same second."""

import datetime
import os

from open_territory.ui.resources import layer_output
from open_territory.ui.resources.layer_output import dock_output_path


class FrozenClock:
    class datetime:  # noqa: N801
        @staticmethod
        def now():
            return datetime.datetime(2024, 5, 1, 12, 0, 0)


def test_paths_within_one_second_are_distinct(monkeypatch, qgis_new_project):
    monkeypatch.setattr(layer_output, "datetime", FrozenClock)
    paths = [dock_output_path("osm_car_park") for _ in range(3)]
    assert len(set(paths)) == 3
    assert all(os.path.basename(p).startswith("osm_car_park_20240501_120000") and p.endswith(".gpkg") for p in paths)
    assert len({os.path.dirname(p) for p in paths}) == 1


def test_an_existing_file_is_never_handed_out(monkeypatch, qgis_new_project):
    monkeypatch.setattr(layer_output, "datetime", FrozenClock)
    folder = os.path.dirname(dock_output_path("other"))
    existing = os.path.join(folder, "osm_bus_stop_20240501_120000.gpkg")  # written by an earlier session
    open(existing, "w").close()
    later = [dock_output_path("osm_bus_stop") for _ in range(2)]
    assert existing not in later and len(set(later)) == 2
    assert not any(os.path.exists(p) for p in later)


def test_stem_is_made_safe(qgis_new_project):
    path = dock_output_path("ods_data.example.fr/my dataset")
    assert os.path.basename(path).startswith("ods_data.example.fr_my_dataset_")
