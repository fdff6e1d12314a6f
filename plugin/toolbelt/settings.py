"""The plugin's one settings object: a dataclass of defaults backed by QgsSettings.

Every value lives under the `open_territory/` key in the user's QGIS profile. Add a setting by
adding a field here: reading, writing and the types follow from the dataclass.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field, fields

from qgis.core import QgsApplication, QgsSettings

PREFIX = "open_territory"

OVERPASS_SERVERS = (
    "https://overpass-api.de/api/interpreter",
    "https://overpass.kumi.systems/api/interpreter",
    "https://maps.mail.ru/osm/tools/overpass/api/interpreter",
    "https://overpass.private.coffee/api/interpreter",
)


def default_cache_dir() -> str:
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "cache", "open_territory")


def default_data_dir() -> str:
    """A folder the user sees and can find again: "Open Territory" in their documents."""
    from qgis.PyQt.QtCore import QStandardPaths

    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or os.path.expanduser("~")
    return os.path.join(documents, "Open Territory")


@dataclass
class PluginSettings:
    overpass_server: str = OVERPASS_SERVERS[0]
    overpass_servers: list = field(default_factory=lambda: list(OVERPASS_SERVERS))
    # The transport's own limits (QGIS's global network timeout is taken off the plugin's requests):
    # seconds a server may take to start answering (connection and its own work; Overpass's query
    # timeout extends it), seconds a reply may stop coming once it streams (a stall), and the largest
    # reply in MB (0: no limit), checked while it streams.
    network_timeout: int = 60
    network_stall_timeout: int = 20
    max_download_mb: int = 2048
    network_retries: int = 3  # after a busy server (429, 502, 503, 504) or a dropped connection
    cache_dir: str = ""  # empty: the profile's cache folder (default_cache_dir())
    # The reply cache is what offline mode answers from, so replies stay on disk after use: they are
    # deleted `cache_keep_days` after they were fetched (0: kept forever), and the least recently fetched
    # go while the cache is over `cache_max_mb` (0: no cap). Pruned once per session, when the transport
    # first writes (cache.prune_once); bundled caches (the demo's) are never touched. How long a reply
    # may be served *without asking the server* is not a setting: each source passes its own `max_age`
    # (catalogs, boundaries, geocoding), and data downloads always ask.
    cache_keep_days: int = 30
    cache_max_mb: int = 2000
    offline: bool = False  # answer from the cache alone
    download_warning_mb: int = 100  # ask before downloading more than this
    gbfs_refresh_seconds: int = 0  # 0: live GBFS layers are not refreshed automatically
    gtfs_rt_refresh_seconds: int = 0  # 0: live GTFS-RT vehicle layers are not refreshed automatically
    ods_portals: list = field(default_factory=list)  # Opendatasoft portals the user added (base URLs)
    # Datasets the user loaded and starred, newest first: one compact JSON object a line, a profile entry with its
    # category and title (plugin/profiles/remembered.py reads and writes them); profile files opened lately.
    recent_datasets: list = field(default_factory=list)
    favourite_datasets: list = field(default_factory=list)
    recent_profiles: list = field(default_factory=list)
    # The profile composer's services (the dock's "Compose"; Processing takes them as parameters): empty for
    # the public ones (plugin/compose/services.py), else a mirror's or a local stand-in's base URL. The
    # sensor.community server is written into the composed profiles.
    compose_geo_api: str = ""
    compose_transport_api: str = ""
    compose_datagouv_api: str = ""
    compose_sensor_api: str = ""
    # Where the dock writes a territory's GeoPackage when the project is not saved (a saved project's folder
    # otherwise); empty: default_data_dir().
    data_dir: str = ""

    def effective_cache_dir(self) -> str:
        return self.cache_dir or default_cache_dir()

    def effective_data_dir(self) -> str:
        return self.data_dir or default_data_dir()


def _convert(value, default):
    """QgsSettings returns strings for every type on some backends: bring them back to the default's type."""
    if value is None:
        return default
    if isinstance(default, bool):
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")
        return bool(value)
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            return default
    if isinstance(default, list):
        if isinstance(value, str):
            return [v for v in value.split("\n") if v] if value else []
        return list(value)
    return str(value)


def load_settings() -> PluginSettings:
    store = QgsSettings()
    defaults = PluginSettings()
    values = {}
    for f in fields(PluginSettings):
        default = getattr(defaults, f.name)
        values[f.name] = _convert(store.value(f"{PREFIX}/{f.name}", None), default)
    return PluginSettings(**values)


def save_settings(settings: PluginSettings) -> None:
    store = QgsSettings()
    for key, value in dataclasses.asdict(settings).items():
        if isinstance(value, list):
            value = "\n".join(value)
        store.setValue(f"{PREFIX}/{key}", value)


def reset_settings() -> None:
    store = QgsSettings()
    for f in fields(PluginSettings):
        store.remove(f"{PREFIX}/{f.name}")
