"""A one-click map tool: the next left click on the canvas gives a point to the section, then the
previous map tool comes back. Right click or Esc cancels."""

from __future__ import annotations

from qgis.gui import QgsMapMouseEvent, QgsMapTool
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QCursor, QKeyEvent


class PickPointTool(QgsMapTool):
    """Emits `picked(QgsPointXY in the canvas CRS)` on a left click, `cancelled()` on Esc or right click."""

    picked = pyqtSignal(object)
    cancelled = pyqtSignal()

    def __init__(self, canvas):
        super().__init__(canvas)
        self.previous = None
        self.setCursor(QCursor(Qt.CrossCursor))

    def start(self) -> None:
        current = self.canvas().mapTool()
        if current is not self:
            self.previous = current
        self.canvas().setMapTool(self)

    def restore(self) -> None:
        """Give the canvas back its previous tool (or none)."""
        canvas = self.canvas()
        if canvas.mapTool() is not self:
            return
        if self.previous is not None and not sip.isdeleted(self.previous):
            canvas.setMapTool(self.previous)
        else:
            canvas.unsetMapTool(self)

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:
        if event.button() == Qt.RightButton:
            self.restore()
            self.cancelled.emit()
            return
        if event.button() != Qt.LeftButton:
            return
        point = event.mapPoint()  # canvas CRS, snapped when snapping is on
        self.restore()
        self.picked.emit(point)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key_Escape:
            event.accept()
            self.restore()
            self.cancelled.emit()
            return
        event.ignore()
