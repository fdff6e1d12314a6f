"""The composer's tests run against the local stand-ins of the three national APIs (standins.py)."""

import pytest

from .standins import StandIns


@pytest.fixture()
def stand_ins(httpserver):
    return StandIns().register(httpserver)


@pytest.fixture()
def root(httpserver):
    return httpserver.url_for("/").rstrip("/")


@pytest.fixture()
def services(stand_ins, root):
    from open_territory.plugin.compose.services import Services

    return Services.from_urls(
        geo=f"{root}/geo",
        transport=f"{root}/transport",
        datagouv=f"{root}/datagouv",
        sensor_community=f"{root}/sensors",
        overpass=f"{root}/overpass/api/interpreter",
    )


@pytest.fixture()
def transport():
    from open_territory.plugin.toolbelt.network import Transport

    return Transport(retries=0)


@pytest.fixture()
def geo(transport, services):
    from open_territory.plugin.compose.geo_api import GeoApi

    return GeoApi(transport, services.geo)
