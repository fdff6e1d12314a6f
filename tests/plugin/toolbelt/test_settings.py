from open_territory.plugin.toolbelt.settings import PluginSettings, load_settings, reset_settings, save_settings
from qgis.core import QgsSettings


def test_defaults_when_nothing_stored():
    reset_settings()
    settings = load_settings()
    assert settings == PluginSettings()
    assert settings.overpass_server.startswith("https://")
    assert settings.effective_cache_dir().endswith("open_territory")


def test_round_trip_keeps_types(tmp_path):
    save_settings(
        PluginSettings(
            overpass_server="http://127.0.0.1:9/api/interpreter",
            network_timeout=12,
            offline=True,
            cache_dir=str(tmp_path),
            overpass_servers=["a", "b"],
        )
    )
    settings = load_settings()
    assert settings.network_timeout == 12 and isinstance(settings.network_timeout, int)
    assert settings.offline is True
    assert settings.overpass_servers == ["a", "b"]
    assert settings.effective_cache_dir() == str(tmp_path)


def test_values_stored_as_strings_are_converted():
    store = QgsSettings()
    store.setValue("open_territory/offline", "false")
    store.setValue("open_territory/network_timeout", "not a number")
    settings = load_settings()
    assert settings.offline is False
    assert settings.network_timeout == PluginSettings().network_timeout
