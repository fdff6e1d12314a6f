"""The plugin loads into a QGIS interface, shows its dock and provider, and unloads cleanly."""

import time

import pytest
from open_territory import classFactory
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QEvent
from qgis.PyQt.QtWidgets import QDockWidget


def provider_ids():
    return [p.id() for p in QgsApplication.processingRegistry().providers()]


@pytest.fixture()
def plugin(qgis_iface):
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    yield plugin
    plugin.unload()


def our_docks(iface) -> list:
    return [d for d in iface.mainWindow().findChildren(QDockWidget) if d.objectName() == "OpenTerritoryDock"]


def test_load_shows_dock_action_and_provider(plugin, qgis_iface):
    assert "openterritory" in provider_ids()
    assert plugin.dock is None and our_docks(qgis_iface) == []  # built on first use
    qgis_iface.mainWindow().show()  # offscreen: a dock counts as visible only in a shown window
    plugin.action.trigger()
    assert len(our_docks(qgis_iface)) == 1
    assert [plugin.dock.tabs.tabText(i) for i in range(plugin.dock.tabs.count())] == [
        "Territory",
        "Resources",
        "Register",
        "Planning",
        "Export",
    ]
    assert plugin.dock.isUserVisible()
    plugin.action.trigger()
    assert not plugin.dock.isUserVisible()
    assert not plugin.action.isChecked()
    plugin.action.trigger()
    assert len(our_docks(qgis_iface)) == 1 and plugin.dock.isUserVisible()


def test_a_layer_the_plugin_made_builds_the_dock(qgis_new_project, plugin, qgis_iface):
    """The dock's panels offer actions on the plugin's layers (refresh from OpenStreetMap...): a project with
    one gets the dock, hidden; other layers leave start-up as cheap as it was."""
    project = QgsProject.instance()
    project.addMapLayer(QgsVectorLayer("Point?crs=EPSG:4326", "theirs", "memory"))
    QgsApplication.processEvents()
    assert plugin.dock is None
    ours = QgsVectorLayer("Point?crs=EPSG:4326", "ours", "memory")
    ours.setCustomProperty("open_territory/overpass_spec", '{"category": "bus_stop"}')
    project.addMapLayer(ours)
    QgsApplication.processEvents()
    assert plugin.dock is not None and not plugin.dock.isUserVisible()
    assert not plugin.action.isChecked()


class RecordingIface:
    """The test interface, recording what the plugin adds to QGIS's interface and removes from it."""

    def __init__(self, iface):
        self._iface = iface
        self.toolbar, self.menus, self.options, self.layer_actions = [], [], [], []

    def __getattr__(self, name):
        return getattr(self._iface, name)

    def addToolBarIcon(self, action):  # noqa: N802
        self.toolbar.append(action)

    def removeToolBarIcon(self, action):  # noqa: N802
        self.toolbar.remove(action)

    def addPluginToMenu(self, menu, action):  # noqa: N802
        self.menus.append((menu, action))

    def removePluginMenu(self, menu, action):  # noqa: N802
        self.menus.remove((menu, action))

    def registerOptionsWidgetFactory(self, factory):  # noqa: N802
        self.options.append(factory)

    def unregisterOptionsWidgetFactory(self, factory):  # noqa: N802
        self.options.remove(factory)

    def addCustomActionForLayerType(self, action, menu, layer_type, all_layers):  # noqa: N802
        self.layer_actions.append(action)

    def addCustomActionForLayer(self, action, layer):  # noqa: N802
        assert action in self.layer_actions, "an action offered for a layer must be registered first"

    def removeCustomActionForLayerType(self, action):  # noqa: N802
        self.layer_actions.remove(action)
        return True


def test_unload_removes_everything_and_reload_works(qgis_iface):
    iface = RecordingIface(qgis_iface)
    for _ in range(2):
        plugin = classFactory(iface)
        plugin.initGui()
        assert provider_ids().count("openterritory") == 1
        assert iface.toolbar == [plugin.action]
        assert [action for _menu, action in iface.menus] == [
            plugin.action,
            plugin.help_action,
        ]  # removed under the same menu name
        assert len(iface.options) == 1
        assert iface.layer_actions == []  # the dock's, with the dock
        plugin.show_dock()
        refresh = [a for a in iface.layer_actions if a.text() == "Refresh from OpenStreetMap"]
        assert len(refresh) == 1 and len(iface.layer_actions) == 1
        plugin.unload()
        assert "openterritory" not in provider_ids()
        assert iface.toolbar == [] and iface.menus == [] and iface.options == [] and iface.layer_actions == []
        QgsApplication.processEvents()
        QgsApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        left = [d for d in qgis_iface.mainWindow().findChildren(QDockWidget) if d.objectName() == "OpenTerritoryDock"]
        assert left == []


def test_load_time_is_small(qgis_iface):
    start = time.perf_counter()
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    elapsed = time.perf_counter() - start
    plugin.unload()
    # The budget is 0.2 s on a real desktop; the margin covers a loaded CI machine.
    assert elapsed < 1.0, f"load took {elapsed:.3f} s"


def test_the_place_filter_joins_the_locator_and_leaves_with_the_plugin(qgis_iface):
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    qgis_iface.registerLocatorFilter.assert_called_with(plugin.locator_filter)
    assert plugin.locator_filter.prefix() == "ter"
    registered = plugin.locator_filter
    plugin.unload()
    qgis_iface.deregisterLocatorFilter.assert_called_with(registered)
    assert plugin.locator_filter is None


def test_unload_stops_every_live_layer(qgis_iface, qgis_new_project):
    """Live layers (GBFS station status, GTFS-RT vehicles) stop refreshing when the plugin unloads: their timers
    belong to it."""
    from open_territory.plugin.sources.gbfs import refresh as gbfs_refresh
    from open_territory.plugin.sources.gtfs import refresh as gtfs_refresh
    from qgis.core import QgsProject, QgsVectorLayer

    plugin = classFactory(qgis_iface)
    plugin.initGui()
    stations = QgsVectorLayer("Point?crs=EPSG:4326&field=station_id:string", "stations", "memory")
    vehicles = QgsVectorLayer("Point?crs=EPSG:4326&field=label:string", "vehicles", "memory")
    QgsProject.instance().addMapLayers([stations, vehicles])
    gbfs_refresh.watch_layer(stations, "http://127.0.0.1:9/gbfs.json", 600)
    refresher = gtfs_refresh.watch_layer(vehicles, "http://127.0.0.1:9/vehicle_positions.pb", 600)
    assert refresher.is_active() and gbfs_refresh.watched_layers() and gtfs_refresh.watched_layers()
    plugin.unload()
    assert gbfs_refresh.watched_layers() == [] and gtfs_refresh.watched_layers() == []
    assert not refresher.is_active()
    QgsProject.instance().removeAllMapLayers()
