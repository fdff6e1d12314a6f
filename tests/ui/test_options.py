from open_territory.plugin.toolbelt.settings import PluginSettings, load_settings
from open_territory.ui.options import OpenTerritoryOptionsFactory


def test_page_shows_and_applies_settings(tmp_path):
    factory = OpenTerritoryOptionsFactory()
    assert factory.title() == "Open Territory"
    page = factory.createWidget(None)
    assert page.timeout.value() == PluginSettings().network_timeout
    page.timeout.setValue(42)
    page.offline.setChecked(True)
    page.overpass.setCurrentText("http://127.0.0.1:1/api/interpreter")
    page.apply()
    settings = load_settings()
    assert settings.network_timeout == 42 and settings.offline
    assert settings.overpass_server == "http://127.0.0.1:1/api/interpreter"
    assert "http://127.0.0.1:1/api/interpreter" in settings.overpass_servers
    page.reset.click()
    assert page.timeout.value() == PluginSettings().network_timeout
