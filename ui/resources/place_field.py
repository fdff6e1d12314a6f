"""The place field of the panels that load over an area: type a commune or an EPCI ("Vitré", "saint denis (974)",
"35360"), choose it among the places geo.api.gouv.fr knows (plugin/places/search.py), and the load covers its
outline. The search runs in a background task while the user pauses typing; choosing a place zooms the map there
and loads its outline as a layer of the project (ui/place_area.py), which becomes the panel's area.
"""

from __future__ import annotations

from typing import Callable

from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsFilterLineEdit
from qgis.PyQt.QtCore import QStringListModel, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import QCompleter, QHBoxLayout, QWidget

from ...plugin.places.search import MIN_LETTERS, search_places
from ...plugin.toolbelt.coverage import area_wkt
from ...plugin.toolbelt.errors import Cancelled, OpenTerritoryError
from ...plugin.toolbelt.i18n import tr
from ...plugin.toolbelt.network import Transport
from ...plugin.toolbelt.tasks import start_task
from ..place_area import load_place_area
from ..place_locator import zoom_to_place

TYPING_PAUSE_MS = 400


class PlaceField(QWidget):
    """A place's name in, its outline (a polygon layer of the project) out: `areaChanged(layer or None)`."""

    areaChanged = pyqtSignal(object)  # noqa: N815 - a Qt signal

    def __init__(self, iface, parent: QWidget | None = None, runner: Callable = start_task, base: str = "") -> None:
        super().__init__(parent)
        self.iface = iface
        self.runner = runner
        self.base = base  # geo.api.gouv.fr's address (a stand-in in tests); empty: the public service
        self.places = {}  # label shown -> place (Territory)
        self.layer_id = ""
        self.search_task = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QgsFilterLineEdit(self)
        self.edit.setObjectName("placeField")
        self.edit.setShowClearButton(True)
        self.edit.setPlaceholderText(tr("Commune or EPCI: Vitré, 35360…"))
        self.edit.setToolTip(tr("A French commune or EPCI by name or code; the load covers its outline"))
        layout.addWidget(self.edit)
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        # geo.api.gouv.fr has matched already (accents aside): the list shows its answers as they are.
        self.completer.setCompletionMode(QCompleter.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.edit.setCompleter(self.completer)
        self.completer.activated[str].connect(self.choose)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.search)
        self.edit.textEdited.connect(self.on_edited)
        self.edit.cleared.connect(lambda: self.set_area(None))

    # -- searching --------------------------------------------------------------------------------

    def on_edited(self, text: str) -> None:
        if self.layer_id:
            self.set_area(None)  # a new name: the area chosen before no longer holds
        if len("".join(text.split())) >= MIN_LETTERS:
            self.timer.start()

    def search(self) -> None:
        text = self.edit.text()
        if self.search_task is not None:
            self.search_task.cancel()

        def work(feedback):
            return search_places(text, Transport(feedback=feedback), *([self.base] if self.base else []))

        self.search_task = self.runner(tr("Place search") + f": {text}", work, self.on_found)

    def on_found(self, places: list | None, error: BaseException | None) -> None:
        self.search_task = None
        if error is not None and not isinstance(error, Cancelled):
            message = str(error) if isinstance(error, OpenTerritoryError) else repr(error)
            self.edit.setToolTip(message)
            self.model.setStringList([message])
            self.places = {}
            self.completer.complete()
            return
        if not places:
            self.model.setStringList([])
            return
        self.places = {place.label(): place for place in places}
        self.model.setStringList(list(self.places))
        if self.edit.hasFocus() or self.isVisible():
            self.completer.complete()

    # -- choosing ---------------------------------------------------------------------------------

    def choose(self, label: str) -> None:
        """A place chosen in the list: the map zooms there, its outline loads and becomes the area."""
        place = self.places.get(label)
        if place is None:
            return
        self.edit.setText(label)
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is not None:
            zoom_to_place(canvas, place)
        load_place_area(place, self.set_area, self.iface, self.base, runner=self.runner)

    def set_area(self, layer: QgsVectorLayer | None) -> None:
        """Make `layer` (a place's outline, or None) the area; its name shows in the field."""
        self.layer_id = layer.id() if layer is not None else ""
        if layer is not None:
            self.edit.setText(layer.name())
        self.areaChanged.emit(layer)

    def area_layer(self) -> QgsVectorLayer | None:
        """The outline chosen, while it is still in the project."""
        return QgsProject.instance().mapLayer(self.layer_id) if self.layer_id else None

    def coverage(self) -> dict:
        """{"area_wkt": ...} of the place chosen, as the sources take an area; {} without one."""
        layer = self.area_layer()
        wkt = area_wkt(layer, QgsProject.instance().transformContext()) if layer is not None else ""
        return {"area_wkt": wkt} if wkt else {}

    def shutdown(self) -> None:
        self.timer.stop()
        if self.search_task is not None:
            self.search_task.cancel()
