"""The options page's group for the profile composer's services."""

from open_territory.plugin.compose.services import Services
from open_territory.plugin.toolbelt.settings import load_settings
from open_territory.ui.options import OpenTerritoryOptionsFactory


def test_the_public_services_unless_a_mirror_is_given():
    page = OpenTerritoryOptionsFactory().createWidget(None)
    fields = page.compose_services.fields
    assert (
        fields["compose_geo_api"].text() == ""
        and fields["compose_geo_api"].placeholderText() == "https://geo.api.gouv.fr"
    )
    assert Services.from_settings(load_settings()) == Services()
    fields["compose_geo_api"].setText(" http://127.0.0.1:8765/geo/ ")
    fields["compose_sensor_api"].setText("http://127.0.0.1:8765/sensors")
    fields["compose_transport_api"].setText("not an address")  # refused: the value it had stays
    page.apply()
    settings = load_settings()
    assert settings.compose_geo_api == "http://127.0.0.1:8765/geo" and settings.compose_transport_api == ""
    assert fields["compose_transport_api"].text() == ""
    services = Services.from_settings(settings)
    assert services.geo == "http://127.0.0.1:8765/geo" and services.transport == "https://transport.data.gouv.fr"
    assert services.sensor_community == "http://127.0.0.1:8765/sensors" and services.overpass == ""
    page.reset.click()
    assert fields["compose_geo_api"].text() == ""
