"""Each territory's maps in the legal projected system of where it lies."""

import pytest
from open_territory.plugin.compose.crs import OVERSEAS, territory_crs


@pytest.mark.parametrize(
    ("departments", "crs"),
    [
        (["35"], "EPSG:2154"),
        (["35", "44", "56"], "EPSG:2154"),
        (["2A"], "EPSG:2154"),
        (["971"], "EPSG:5490"),
        (["972"], "EPSG:5490"),
        (["973"], "EPSG:2972"),
        (["974"], "EPSG:2975"),
        (["976"], "EPSG:4471"),
        ([], "EPSG:2154"),
    ],
)
def test_territory_crs(departments, crs):
    assert territory_crs(departments) == crs


def test_qgis_knows_every_system():
    from qgis.core import QgsCoordinateReferenceSystem

    for code in set(OVERSEAS.values()) | {"EPSG:2154"}:
        crs = QgsCoordinateReferenceSystem(code)
        assert crs.isValid() and not crs.isGeographic(), code
