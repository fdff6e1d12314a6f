"""GDAL raises inside the plugin's work and only there: QGIS's own Processing scripts and other plugins
test `if dataset is None` after gdal.Open / ogr.Open, so the plugin leaves the bindings' switch as it
found it."""

import threading

import pytest
from open_territory.plugin.toolbelt.gdal_errors import gdal_exceptions, with_gdal_exceptions
from osgeo import gdal, ogr, osr

MODULES = (gdal, ogr, osr)


def switches():
    return [m.GetUseExceptions() for m in MODULES]


def test_on_inside_off_after_even_on_error():
    assert switches() == [0, 0, 0]
    with pytest.raises(RuntimeError):
        with gdal_exceptions():
            assert switches() == [1, 1, 1]
            with gdal_exceptions():  # nested: still on when the inner block ends
                pass
            assert switches() == [1, 1, 1]
            gdal.Open("/nonexistent/nothing.tif")
    assert switches() == [0, 0, 0]
    assert gdal.Open("/nonexistent/nothing.tif") is None


def test_a_switch_already_on_stays_on():
    ogr.UseExceptions()
    try:
        with gdal_exceptions():
            pass
        assert ogr.GetUseExceptions() == 1 and gdal.GetUseExceptions() == 0
    finally:
        ogr.DontUseExceptions()


def test_overlapping_threads_keep_it_on_until_the_last_ends():
    inside, release, seen = threading.Event(), threading.Event(), []

    @with_gdal_exceptions
    def long_work():
        inside.set()
        release.wait(10)
        seen.append(switches())

    worker = threading.Thread(target=long_work)
    worker.start()
    assert inside.wait(10)
    with gdal_exceptions():
        pass  # this block ends first: the worker must still see exceptions on
    release.set()
    worker.join(10)
    assert seen == [[1, 1, 1]] and switches() == [0, 0, 0]


def test_other_code_still_gets_none_after_a_plugin_load(provider, tmp_path):
    """A territory load through Processing, then a failed open as QGIS's raster scripts do it
    (processing/algs/qgis/HypsometricCurves.py: `rasterDS = gdal.Open(...)`, then a None check)."""
    import processing

    result = processing.run(
        "openterritory:load_territory", {"PROFILE": "demo", "OFFLINE": True, "OUTPUT": str(tmp_path / "demo.gpkg")}
    )
    assert result["LOADED"] > 0
    assert switches() == [0, 0, 0]
    assert gdal.Open(str(tmp_path / "missing.tif")) is None
