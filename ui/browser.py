"""The "Open Territory" node of QGIS's Browser panel: territories with their resources, portals with their datasets,
favourite and recent datasets. A dataset loads on double-click, from its context menu, or dragged onto the map,
through the same loader as the favourites (ui/dataset_loader.py: its source fetches it, as in a profile).

- Territories: the bundled profiles and the profile files opened lately; each lists its resources.
- Portals: the Opendatasoft portals of the bundled profiles, of the portal list and those the user added; each
  lists its datasets that have a geometry. QGIS's Browser asks for them in a worker thread when the portal is
  expanded (createChildren); the catalog reply is cached by the transport, so expanding again is immediate.
- Favourites and Recent: the datasets starred and loaded (plugin/profiles/remembered.py); the star is in the
  context menu of every dataset.

A dataset dragged onto the map travels as a "custom" URI of this plugin (the dataset's entry as JSON), which the
drop handler turns into a load. QGIS copies into a GeoPackage only URIs of layers that exist (a file, a table): a
dataset has to be fetched and written first, so the Browser cannot drop one straight into a GeoPackage.

The node is made at QGIS's start: what reads profiles, sources and the network is imported where it is used
(when a node is expanded or a dataset loaded), so that the start pays for none of it.
"""

from __future__ import annotations

import os
import threading
import time

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsDataCollectionItem,
    QgsDataItem,
    QgsDataItemProvider,
    QgsDataProvider,
    QgsErrorItem,
    QgsMimeDataUtils,
)
from qgis.gui import QgsCustomDropHandler, QgsDataItemGuiProvider
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from ..plugin.definitions import category_label
from ..plugin.profiles.remembered import (
    RememberedDataset,
    favourite_datasets,
    forget_recent_datasets,
    is_favourite,
    recent_datasets,
    recent_profiles,
    remembered_lists,
    toggle_favourite,
)
from ..plugin.toolbelt.errors import OpenTerritoryError
from ..plugin.toolbelt.i18n import tr
from ..plugin.toolbelt.logger import log
from ..plugin.toolbelt.metadata import ICON_PATH
from ..plugin.toolbelt.settings import load_settings

PROVIDER_KEY = "open_territory"
ROOT_PATH = "/open_territory"
FAVOURITES_PATH = f"{ROOT_PATH}/favourites"
RECENT_PATH = f"{ROOT_PATH}/recent"
CATALOG_LIMIT = 100  # datasets listed under a portal (the panel searches the rest)
CATALOG_KEEP_SECONDS = 3600  # a portal's listing is asked again after an hour (QGIS's Refresh, a new session)
_catalogs = {}  # portal URL -> (monotonic time, [(dataset_id, title)]); filled from the Browser's worker threads
_catalogs_lock = threading.Lock()


def portal_datasets(url: str) -> list:
    """(dataset_id, title) of a portal's datasets with a geometry: asked once an hour, kept in memory between."""
    with _catalogs_lock:
        kept = _catalogs.get(url)
    if kept is not None and time.monotonic() - kept[0] < CATALOG_KEEP_SECONDS:
        return kept[1]
    from ..plugin.sources import registry
    from ..plugin.toolbelt.network import Transport

    found = registry.make_source("ods", Transport()).search({"portal": url}, "", geo_only=True)
    listing = [(d.dataset_id, d.title or d.dataset_id) for d in found[:CATALOG_LIMIT]]
    with _catalogs_lock:
        _catalogs[url] = (time.monotonic(), listing)
    return listing


def theme_icon(name: str) -> QIcon:
    return QgsApplication.getThemeIcon(name)


def bundled_profile_paths() -> list:
    from ..plugin.profiles.profile import bundled_profile_ids, profile_path

    return [profile_path(profile_id) for profile_id in bundled_profile_ids()]


def fast(item: QgsDataItem) -> QgsDataItem:
    """Children made in the main thread: reading a profile or the settings takes no time."""
    item.setCapabilitiesV2(item.capabilities2() | Qgis.BrowserItemCapability.Fast)
    return item


class DatasetItem(QgsDataItem):
    """One dataset: loads on double-click, drags onto the map, stars from its context menu."""

    def __init__(self, parent: QgsDataItem, dataset: RememberedDataset, path: str) -> None:
        super().__init__(Qgis.BrowserItemType.Custom, parent, dataset.title or dataset.source, path, PROVIDER_KEY)
        self.dataset = dataset
        self.setState(Qgis.BrowserItemState.Populated)  # no children
        from ..plugin.sources import registry

        self.setToolTip(f"{registry.label(dataset.source)} — {category_label(dataset.category)}")
        self.setIcon(theme_icon("/mIconVector.svg"))

    def hasDragEnabled(self) -> bool:  # noqa: N802
        return True

    def mimeUris(self) -> list:  # noqa: N802
        uri = QgsMimeDataUtils.Uri()
        uri.layerType = "custom"
        uri.providerKey = PROVIDER_KEY
        uri.name = self.name()
        uri.uri = self.dataset.to_line()
        return [uri]


class TerritoryItem(QgsDataCollectionItem):
    """A profile: its resources, as the Territory tab lists them."""

    def __init__(self, parent: QgsDataItem, path: str, name: str) -> None:
        super().__init__(parent, name, f"{ROOT_PATH}/territories/{os.path.basename(path)}", PROVIDER_KEY)
        self.profile_path = path
        self.setToolTip(path)
        self.setIcon(QIcon(ICON_PATH))
        fast(self)

    def createChildren(self) -> list:  # noqa: N802
        from ..plugin.profiles.profile import load_profile
        from ..plugin.profiles.single_entry import dataset_from_entry

        try:
            profile = load_profile(self.profile_path)
        except OpenTerritoryError as error:  # shown in the Browser, never raised into its thread
            return [QgsErrorItem(self, str(error), f"{self.path()}/error")]
        return [
            DatasetItem(self, dataset_from_entry(entry, profile), f"{self.path()}/{entry.layer}")
            for entry in profile.resources
        ]


class TerritoriesItem(QgsDataCollectionItem):
    def __init__(self, parent: QgsDataItem) -> None:
        super().__init__(parent, tr("Territories"), f"{ROOT_PATH}/territories", PROVIDER_KEY)
        self.setIcon(theme_icon("/mIconFolder.svg"))
        fast(self)

    def createChildren(self) -> list:  # noqa: N802
        from ..plugin.profiles.profile import load_profile

        children, seen = [], set()
        for path in bundled_profile_paths() + recent_profiles():
            if path in seen:
                continue
            seen.add(path)
            try:
                name = load_profile(path).name
            except OpenTerritoryError as error:  # a broken profile file leaves the others listed
                log(f"Browser: {error}", "warning")
                continue
            children.append(TerritoryItem(self, path, name))
        return children


def known_portals() -> list:
    """(name, url) of the Opendatasoft portals: the bundled profiles', the portal list's, the user's."""
    from ..plugin.profiles.profile import load_profile
    from ..plugin.sources.ods.catalog import load_portals, normalize_portal

    found = {}
    for portal in load_portals():
        found.setdefault(portal["url"], portal["name"])
    for path in bundled_profile_paths():
        try:
            profile = load_profile(path)
        except OpenTerritoryError:  # a broken profile file leaves the others listed
            continue
        for portal in (profile.data.get("portals") or {}).values():
            if portal.get("platform", "ods") == "ods" and portal.get("url"):
                found.setdefault(normalize_portal(portal["url"]), f"{profile.name} — {portal['url']}")
    for url in load_settings().ods_portals:
        found.setdefault(url, url)
    return sorted(((name, url) for url, name in found.items()), key=lambda pair: pair[0].lower())


class PortalItem(QgsDataCollectionItem):
    """An Opendatasoft portal: its datasets with a geometry, asked in the Browser's worker thread."""

    def __init__(self, parent: QgsDataItem, name: str, url: str) -> None:
        super().__init__(parent, name, f"{ROOT_PATH}/portals/{url}", PROVIDER_KEY)
        self.url = url
        self.setToolTip(url)
        self.setIcon(theme_icon("/mIconWms.svg"))

    def createChildren(self) -> list:  # noqa: N802
        try:
            listing = portal_datasets(self.url)
        except OpenTerritoryError as error:  # shown in the Browser, never raised into its thread
            return [QgsErrorItem(self, str(error), f"{self.path()}/error")]
        children = []
        for dataset_id, title in listing:
            entry = {"source": "ods", "portal": self.url, "dataset": dataset_id}
            children.append(DatasetItem(self, RememberedDataset(entry, "other", title), f"{self.path()}/{dataset_id}"))
        return children


class PortalsItem(QgsDataCollectionItem):
    def __init__(self, parent: QgsDataItem) -> None:
        super().__init__(parent, tr("Portals"), f"{ROOT_PATH}/portals", PROVIDER_KEY)
        self.setIcon(theme_icon("/mIconFolder.svg"))
        fast(self)

    def createChildren(self) -> list:  # noqa: N802
        return [PortalItem(self, name, url) for name, url in known_portals()]


class RememberedItem(QgsDataCollectionItem):
    """Favourites or Recent: the datasets kept in the settings."""

    def __init__(self, parent: QgsDataItem, name: str, path: str, datasets) -> None:
        super().__init__(parent, name, path, PROVIDER_KEY)
        self.datasets = datasets
        self.setIcon(theme_icon("/mIconFavorites.svg" if path == FAVOURITES_PATH else "/mIconHistory.svg"))
        fast(self)

    def createChildren(self) -> list:  # noqa: N802
        return [DatasetItem(self, d, f"{self.path()}/{i}") for i, d in enumerate(self.datasets())]


class RootItem(QgsDataCollectionItem):
    def __init__(self) -> None:
        super().__init__(None, tr("Open Territory"), ROOT_PATH, PROVIDER_KEY)
        self.setIcon(QIcon(ICON_PATH))
        fast(self)

    def createChildren(self) -> list:  # noqa: N802
        return [
            TerritoriesItem(self),
            PortalsItem(self),
            RememberedItem(self, tr("Favourites"), FAVOURITES_PATH, favourite_datasets),
            RememberedItem(self, tr("Recent"), RECENT_PATH, recent_datasets),
        ]


class OpenTerritoryItemProvider(QgsDataItemProvider):
    """Gives the Browser its "Open Territory" root node."""

    def name(self) -> str:
        return "Open Territory"

    def dataProviderKey(self) -> str:  # noqa: N802
        return PROVIDER_KEY

    def capabilities(self) -> int:
        return QgsDataProvider.Net

    def createDataItem(self, path: str, parentItem: QgsDataItem) -> QgsDataItem | None:  # noqa: N802, N803
        return RootItem() if not path else None


def refresh_remembered(browser_model) -> None:
    """The Favourites and Recent nodes list the settings again (after a star or a load)."""
    if browser_model is None:
        return
    for path in (FAVOURITES_PATH, RECENT_PATH):
        index = browser_model.findPath(path)
        if index.isValid():
            browser_model.refresh(index)


class OpenTerritoryItemGuiProvider(QgsDataItemGuiProvider):
    """Double-click and context menu of the Open Territory node's items."""

    def __init__(self, iface) -> None:
        super().__init__()
        self.iface = iface
        # The Favourites and Recent nodes follow the lists, whoever changes them (a panel, the Resources tab).
        remembered_lists.changed.connect(self.refresh_remembered)

    def name(self) -> str:
        return "Open Territory"

    def refresh_remembered(self) -> None:
        refresh_remembered(self.iface.browserModel() if hasattr(self.iface, "browserModel") else None)

    def load(self, dataset: RememberedDataset) -> None:
        from .dataset_loader import load_dataset

        load_dataset(dataset, self.iface)

    def handleDoubleClick(self, item: QgsDataItem, context) -> bool:  # noqa: N802
        if isinstance(item, DatasetItem):
            self.load(item.dataset)
            return True
        return False

    def populateContextMenu(self, item: QgsDataItem, menu, selectedItems: list, context) -> None:  # noqa: N802, N803
        if isinstance(item, DatasetItem):
            load = QAction(theme_icon("/mActionAddLayer.svg"), tr("Load on the map"), menu)
            load.triggered.connect(lambda: self.load(item.dataset))
            menu.addAction(load)
            starred = is_favourite(item.dataset)
            star = QAction(
                theme_icon("/mIconFavorites.svg"),
                tr("Remove from favourites") if starred else tr("Add to favourites"),
                menu,
            )
            star.triggered.connect(lambda: self.star(item.dataset))
            menu.addAction(star)
        elif isinstance(item, RememberedItem) and item.path() == RECENT_PATH:
            clear = QAction(theme_icon("/mActionDeleteSelected.svg"), tr("Clear the recent datasets"), menu)
            clear.triggered.connect(self.clear_recent)
            menu.addAction(clear)

    def star(self, dataset: RememberedDataset) -> bool:
        starred = toggle_favourite(dataset)
        remembered_lists.changed.emit()
        return starred

    def clear_recent(self) -> None:
        forget_recent_datasets()
        remembered_lists.changed.emit()


class OpenTerritoryDropHandler(QgsCustomDropHandler):
    """A dataset dragged from the Browser onto the map loads as on a double-click."""

    def __init__(self, iface, gui_provider: OpenTerritoryItemGuiProvider) -> None:
        super().__init__()
        self.iface = iface
        self.gui_provider = gui_provider

    def customUriProviderKey(self) -> str:  # noqa: N802
        return PROVIDER_KEY

    def handleCustomUriDrop(self, uri: QgsMimeDataUtils.Uri) -> None:  # noqa: N802
        """Dropped on QGIS's window (the layer tree, a panel)."""
        dataset = RememberedDataset.from_line(uri.uri)
        if dataset is not None:
            self.gui_provider.load(dataset)

    def canHandleCustomUriCanvasDrop(self, uri: QgsMimeDataUtils.Uri, canvas) -> bool:  # noqa: N802
        return uri.providerKey == PROVIDER_KEY

    def handleCustomUriCanvasDrop(self, uri: QgsMimeDataUtils.Uri, canvas) -> bool:  # noqa: N802
        """Dropped on the map canvas: the canvas asks its drop handlers first."""
        if uri.providerKey != PROVIDER_KEY or RememberedDataset.from_line(uri.uri) is None:
            return False
        self.handleCustomUriDrop(uri)
        return True
