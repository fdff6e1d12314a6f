"""The base of the dock's tabs: `DockSection`. Each tab is a `DockSection` in its own module (ui/*_section.py);
ui/dock.py lists them in display order. This module imports none of them, so that the sections can import it."""

from __future__ import annotations

from collections.abc import Callable

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ..plugin.toolbelt.i18n import tr


class DockSection(QWidget):
    """Base of a dock tab: a key, a translated title, and a hook to stop background work."""

    KEY = ""

    def __init__(self, iface, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.setObjectName(f"OpenTerritorySection_{self.KEY}")

    def title(self) -> str:
        raise NotImplementedError

    def shutdown(self) -> None:
        """Cancel running tasks; called when the plugin unloads."""

    def sibling(self, key: str) -> DockSection | None:
        """Another tab of the same dock (found up the widget tree, not by searching QGIS's whole window), or None
        outside a dock."""
        widget = self.parentWidget()
        while widget is not None and not hasattr(widget, "sections"):
            widget = widget.parentWidget()
        for section in getattr(widget, "sections", []):
            if section.KEY == key:
                return section
        return None

    def add_progress_row(self, layout: QVBoxLayout, cancel: Callable) -> None:
        """`self.progress` and, beside it, `self.cancel_button` (calls `cancel`): the row of the work running in the
        background, both hidden until it runs."""
        row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setVisible(False)
        row.addWidget(self.progress, 1)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(cancel)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)

    def add_intro(self, layout: QVBoxLayout, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextBrowserInteraction)
        label.setOpenExternalLinks(True)
        layout.addWidget(label)
        return label
