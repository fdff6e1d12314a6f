"""Makes the repository importable as the `open_territory` package, as QGIS imports it.

The clone's folder can have any name, so a link named `open_territory` is made under build/.
"""

from __future__ import annotations

import gc
import os
import sys
import time
import uuid

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE_PARENT = os.path.join(REPO, "build", "importable")
LINK = os.path.join(PACKAGE_PARENT, "open_territory")

os.makedirs(PACKAGE_PARENT, exist_ok=True)
if not os.path.islink(LINK):
    os.symlink(REPO, LINK)
if PACKAGE_PARENT not in sys.path:
    sys.path.insert(0, PACKAGE_PARENT)
PROCESSING_PLUGINS = "/usr/share/qgis/python/plugins"
if PROCESSING_PLUGINS not in sys.path:
    sys.path.append(PROCESSING_PLUGINS)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True, scope="session")
def collect_before_qgis_exits(qgis_app):
    """Frees the session's leftover layers and tasks while QGIS still runs.

    pytest-qgis calls exitQgis() when the session ends, and pytest then garbage-collects: a layer
    wrapper caught in a reference cycle and destroyed after exitQgis() frees memory that QGIS has
    already released, which aborted CI runs with "double free or corruption" after every test had
    passed. This fixture is torn down before qgis_app, so the collection happens first.
    """
    yield
    from qgis.core import QgsApplication, QgsProject

    manager = QgsApplication.taskManager()
    manager.cancelAll()
    deadline = time.monotonic() + 30
    while manager.countActiveTasks() and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    QgsProject.instance().clear()
    for _ in range(3):
        QgsApplication.processEvents()
        gc.collect()


@pytest.fixture(autouse=True)
def gdal_switch_left_as_found():
    """The plugin turns GDAL's exceptions on for its own work only (plugin/toolbelt/gdal_errors.py)."""
    from osgeo import gdal, ogr, osr

    yield
    left_on = [m.__name__ for m in (gdal, ogr, osr) if m.GetUseExceptions()]
    assert not left_on, f"GDAL exceptions left on after the test: {left_on}"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Each test starts from the default settings, with a cache folder and a territories folder of its own."""
    from open_territory.plugin.toolbelt.settings import PluginSettings, reset_settings, save_settings

    reset_settings()
    save_settings(PluginSettings(cache_dir=str(tmp_path / "cache"), data_dir=str(tmp_path / "territories")))
    yield
    reset_settings()


@pytest.fixture()
def provider(qgis_processing):
    """The `openterritory` Processing provider, registered in QGIS's registry for the test."""
    from open_territory.processing.provider import OpenTerritoryProvider
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    added = registry.providerById("openterritory") is None
    if added:
        registry.addProvider(OpenTerritoryProvider())
    yield registry.providerById("openterritory")
    if added:
        registry.removeProvider("openterritory")


# -- PostGIS: the local test database (scripts/start_postgis.sh, which `make test` runs) ---------------------
#
# The connection string comes from OPEN_TERRITORY_TEST_PG, else from build/postgis/dsn (written by
# scripts/start_postgis.sh), else the default below. When the server cannot be reached the PostGIS cases FAIL
# under CI (CI=true) and wherever start_postgis.sh has prepared the database (build/postgis/dsn exists), so
# that they can never silently vanish; they are skipped only on a workstation that never set PostGIS up.

PG_DSN_FILE = os.path.join(REPO, "build", "postgis", "dsn")
PG_DEFAULT_DSN = (
    "host=127.0.0.1 port=5432 dbname=open_territory_test user=open_territory_test password=open_territory_test"
)


class Postgis:
    """The test database: its connection string, SQL on it, saved QGIS connections to it, and schemas made for
    one test (`new_schema`, dropped when the test ends)."""

    CONNECTION = "open_territory_test"
    _reachable = None

    def __init__(self):
        self.schemas = []

    @staticmethod
    def dsn() -> str:
        if os.environ.get("OPEN_TERRITORY_TEST_PG"):
            return os.environ["OPEN_TERRITORY_TEST_PG"]
        if os.path.exists(PG_DSN_FILE):
            with open(PG_DSN_FILE, encoding="utf-8") as handle:
                return handle.read().strip()
        return PG_DEFAULT_DSN

    @classmethod
    def reachable(cls) -> tuple:
        """(True, "") or (False, why)."""
        from osgeo import gdal

        if cls._reachable is None:
            try:
                dataset = gdal.OpenEx(
                    "PG:" + cls.dsn() + " connect_timeout=5", gdal.OF_VECTOR, allowed_drivers=["PostgreSQL"]
                )
                result = dataset.ExecuteSQL("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'")
                has_postgis = result.GetNextFeature().GetField(0) > 0
                dataset.ReleaseResultSet(result)
                cls._reachable = (True, "") if has_postgis else (False, "the test database has no postgis extension")
            except RuntimeError as error:
                cls._reachable = (False, str(error).strip())
        return cls._reachable

    @classmethod
    def require(cls) -> None:
        ok, why = cls.reachable()
        if ok:
            return
        message = f"PostgreSQL/PostGIS test database unreachable ({why}); run scripts/start_postgis.sh"
        if os.environ.get("CI", "").strip().lower() in ("1", "true", "yes") or os.path.exists(PG_DSN_FILE):
            pytest.fail(message)
        pytest.skip(message)

    @staticmethod
    def save_connection(name: str, dsn: str) -> None:
        """A saved QGIS PostgreSQL connection, in the test session's own QGIS settings (pytest-qgis)."""
        from qgis.core import QgsDataSourceUri, QgsProviderRegistry

        metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
        uri = QgsDataSourceUri(dsn)
        connection = metadata.createConnection(uri.uri(False), {"saveUsername": True, "savePassword": True})
        metadata.saveConnection(connection, name)

    @classmethod
    def execute(cls, sql: str) -> list:
        """Run `sql` on a connection of its own; the rows it returns."""
        from osgeo import gdal

        dataset = gdal.OpenEx("PG:" + cls.dsn(), gdal.OF_VECTOR | gdal.OF_UPDATE, allowed_drivers=["PostgreSQL"])
        result = dataset.ExecuteSQL(sql)
        rows = []
        if result is not None:
            rows = [[feature.GetField(i) for i in range(feature.GetFieldCount())] for feature in result]
            dataset.ReleaseResultSet(result)
        dataset = None
        return rows

    def new_schema(self, prefix: str = "ot_test_") -> str:
        """A schema name nobody uses (not created), dropped with what it holds when the test ends."""
        schema = prefix + uuid.uuid4().hex[:10]
        self.schemas.append(schema)
        return schema

    def drop_schemas(self) -> None:
        """Drop the test's schemas, and the styles QGIS saved for their tables."""
        styles = self.execute("SELECT to_regclass('public.layer_styles') IS NOT NULL AS found")[0][0]
        for schema in self.schemas:
            # A connection left open by a failed test must make this fail, not hang.
            self.execute(f"SET lock_timeout = '20s'; DROP SCHEMA IF EXISTS \"{schema}\" CASCADE")
            if styles:
                self.execute(f"DELETE FROM public.layer_styles WHERE f_table_schema = '{schema}'")
        self.schemas = []


@pytest.fixture(scope="session")
def pg_tools():
    """The test database's helpers (connection string, SQL), whether or not it can be reached."""
    return Postgis


@pytest.fixture
def postgis(qgis_app):
    """The test database, reachable (else the test fails or is skipped, see above), with the QGIS connection
    `Postgis.CONNECTION` saved; the schemas the test took with `new_schema` are dropped after it."""
    Postgis.require()
    Postgis.save_connection(Postgis.CONNECTION, Postgis.dsn())
    database = Postgis()
    yield database
    from qgis.core import QgsProject

    QgsProject.instance().clear()  # layers keep their connections open
    database.drop_schemas()


@pytest.fixture()
def fault_server():
    """A local server that answers like a real service, or fails on request (tests/fault_server.py)."""
    from .fault_server import FaultServer

    server = FaultServer()
    yield server
    server.close()


@pytest.fixture()
def fault_servers():
    """`make()` gives another fault server, each on a port of its own (a host of its own for the transport)."""
    from .fault_server import FaultServer

    made = []

    def make() -> FaultServer:
        made.append(FaultServer())
        return made[-1]

    yield make
    for server in made:
        server.close()
