"""A QGIS home for `qgis_process.bin` runs: the plugin installed (a link to this checkout) and enabled in the
default profile, and saved PostgreSQL connections, as a technician's QGIS has them.

    env = qgis_process_home(tmp_path / "home", {"team": "host=... dbname=... user=... password=..."})
    subprocess.run(["qgis_process.bin", "run", "openterritory:load_territory", "--", ...], env=env)
"""

from __future__ import annotations

import os

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def qgis_process_home(home: str, connections: dict | None = None) -> dict:
    """Make the QGIS home `home` and return the environment that points qgis_process.bin at it."""
    from qgis.core import QgsDataSourceUri
    from qgis.PyQt.QtCore import QSettings

    profile = os.path.join(str(home), ".local", "share", "QGIS", "QGIS3", "profiles", "default")
    plugins = os.path.join(profile, "python", "plugins")
    os.makedirs(plugins, exist_ok=True)
    if not os.path.lexists(os.path.join(plugins, "open_territory")):
        os.symlink(REPO, os.path.join(plugins, "open_territory"))
    os.makedirs(os.path.join(profile, "QGIS"), exist_ok=True)
    settings = QSettings(os.path.join(profile, "QGIS", "QGIS3.ini"), QSettings.IniFormat)
    settings.setValue("PythonPlugins/open_territory", True)
    for name, dsn in (connections or {}).items():
        uri = QgsDataSourceUri(dsn)
        group = f"PostgreSQL/connections/{name}"
        for key, value in (
            ("host", uri.host()),
            ("port", uri.port() or "5432"),
            ("database", uri.database()),
            ("username", uri.username()),
            ("password", uri.password()),
            ("saveUsername", True),
            ("savePassword", True),
            ("authcfg", uri.authConfigId()),
        ):
            settings.setValue(f"{group}/{key}", value)
    settings.sync()
    env = dict(os.environ, HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env["XDG_DATA_HOME"] = os.path.join(str(home), ".local", "share")
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    return env
