"""Council map fixtures: the small test territory (council_data.py) and a project in Lambert-93."""

from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProject

from .council_data import make_territory


@pytest.fixture()
def territory(tmp_path):
    return make_territory(tmp_path)


@pytest.fixture()
def project(qgis_new_project):
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    return project
