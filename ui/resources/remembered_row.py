"""The Resources tab's recent and favourite datasets: one list (the starred first), a star to keep one, a button to
load it again through the same loader as the Browser's node (ui/dataset_loader.py). It follows the lists as they
change, from a panel's load, the Browser's star or its own."""

from __future__ import annotations

from typing import Callable

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QComboBox, QHBoxLayout, QToolButton, QWidget

from ...plugin.definitions import category_label
from ...plugin.profiles.remembered import favourite_datasets, is_favourite, recent_datasets, set_favourite
from ...plugin.sources import registry
from ...plugin.toolbelt.i18n import tr
from ..dataset_loader import load_dataset, remembered_lists

STAR, NO_STAR = "★", "☆"


class RememberedRow(QWidget):
    def __init__(self, iface, parent: QWidget | None = None, loader: Callable = load_dataset) -> None:
        super().__init__(parent)
        self.iface = iface
        self.loader = loader
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox(self)
        self.combo.setObjectName("rememberedDatasets")
        self.combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(10)
        self.combo.setToolTip(tr("Favourite (★) and recent datasets"))
        layout.addWidget(self.combo, 1)
        self.star_button = QToolButton(self)
        self.star_button.setObjectName("rememberedStar")
        self.star_button.clicked.connect(self.toggle_star)
        layout.addWidget(self.star_button)
        self.load_button = QToolButton(self)
        self.load_button.setIcon(QgsApplication.getThemeIcon("/mActionAddLayer.svg"))
        self.load_button.setToolTip(tr("Load this dataset again"))
        self.load_button.clicked.connect(self.load)
        layout.addWidget(self.load_button)
        self.combo.currentIndexChanged.connect(self.show_star)
        remembered_lists.changed.connect(self.refresh)
        self.refresh()

    def datasets(self) -> list:
        """The favourites, then the recent datasets that are not favourites."""
        favourites = favourite_datasets()
        return favourites + [d for d in recent_datasets() if d not in favourites]

    def refresh(self) -> None:
        current = self.current()
        self.combo.blockSignals(True)
        self.combo.clear()
        favourites = favourite_datasets()
        for dataset in self.datasets():
            mark = STAR + " " if dataset in favourites else ""
            self.combo.addItem(mark + (dataset.title or dataset.source), dataset)
            where = registry.label(dataset.source)
            if dataset.category:
                where += " — " + category_label(dataset.category)
            self.combo.setItemData(self.combo.count() - 1, where, 3)  # Qt.ToolTipRole
        if not self.combo.count():
            self.combo.addItem(tr("Recent datasets: none loaded yet"), None)
        if current is not None:
            found = [i for i in range(self.combo.count()) if self.combo.itemData(i) == current]
            self.combo.setCurrentIndex(found[0] if found else 0)
        self.combo.blockSignals(False)
        self.show_star()

    def current(self):
        return self.combo.currentData() if self.combo.count() else None

    def show_star(self, *_args) -> None:
        dataset = self.current()
        starred = dataset is not None and is_favourite(dataset)
        self.star_button.setText(STAR if starred else NO_STAR)
        self.star_button.setToolTip(tr("Remove from favourites") if starred else tr("Add to favourites"))
        self.star_button.setEnabled(dataset is not None)
        self.load_button.setEnabled(dataset is not None)

    def toggle_star(self) -> None:
        dataset = self.current()
        if dataset is None:
            return
        set_favourite(dataset, not is_favourite(dataset))
        remembered_lists.changed.emit()

    def load(self) -> None:
        dataset = self.current()
        if dataset is not None:
            self.loader(dataset, self.iface)
