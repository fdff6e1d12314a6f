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


def test_cache_pruning_limits_shown_and_applied():
    page = OpenTerritoryOptionsFactory().createWidget(None)
    defaults = PluginSettings()
    assert page.cache_keep_days.value() == defaults.cache_keep_days
    assert page.cache_max_mb.value() == defaults.cache_max_mb
    page.cache_keep_days.setValue(0)
    page.cache_max_mb.setValue(500)
    assert page.cache_keep_days.text() == "forever"
    page.apply()
    settings = load_settings()
    assert settings.cache_keep_days == 0 and settings.cache_max_mb == 500
    page.reset.click()
    assert page.cache_keep_days.value() == defaults.cache_keep_days


def test_the_transport_limits_shown_and_applied():
    page = OpenTerritoryOptionsFactory().createWidget(None)
    defaults = PluginSettings()
    assert page.stall_timeout.value() == defaults.network_stall_timeout == 20
    assert page.max_download.value() == defaults.max_download_mb == 2048
    page.stall_timeout.setValue(45)
    page.max_download.setValue(0)
    assert page.max_download.text() == "no limit"
    page.apply()
    settings = load_settings()
    assert settings.network_stall_timeout == 45 and settings.max_download_mb == 0
    page.reset.click()
    assert page.max_download.value() == 2048
