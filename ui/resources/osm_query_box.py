"""The OpenStreetMap panel's own-query box: tag conditions of the user's choice (key=value, key=*, key!=value,
key~expression, joined by &), the category the layer is written under, how it is drawn, the Overpass query
shown as it will be sent (read-only) with a link that opens it in Overpass Turbo, and the load button.

The box only gathers the choice and shows the query; the panel (osm_panel.py) counts first, asks before a
large download, and loads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtGui import QFontDatabase
from qgis.PyQt.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout

from ...plugin.definitions import CATEGORIES, category_label
from ...plugin.sources.overpass import OverpassQuery, turbo_url
from ...plugin.sources.overpass.presets import LINES, POINTS, POLYGONS
from ...plugin.toolbelt.errors import InputError
from ...plugin.toolbelt.i18n import tr

if TYPE_CHECKING:  # names used in annotations only
    from typing import Callable

    from qgis.PyQt.QtWidgets import QWidget


def narrow(combo: QComboBox) -> None:
    """A combo box as narrow as the dock needs (360 px): long entries (server URLs, labels) are elided in
    the closed box and shown whole in its list."""
    combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)


class OsmQueryBox(QgsCollapsibleGroupBox):
    """`coverage()` gives the panel's extent or area; `spec_base()` its server and timeout."""

    def __init__(self, coverage: Callable[[], dict], spec_base: Callable[[], dict], parent: QWidget | None = None):
        super().__init__(tr("Your own query"), parent)
        self.setObjectName("OpenTerritoryOsmQuery")
        self.coverage, self.spec_base = coverage, spec_base
        self.setCollapsed(True)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText("amenity=parking & fee=no")
        self.tags_edit.setToolTip(
            tr("key=value, key=*, key!=value or key~expression; several joined by & must all hold")
        )
        form.addRow(tr("Tags"), self.tags_edit)
        self.category_combo = QComboBox(self)
        for key in CATEGORIES:
            self.category_combo.addItem(category_label(key), key)
        self.category_combo.setCurrentIndex(CATEGORIES.index("other"))
        self.category_combo.setToolTip(tr("Category written in the 'category' field of the loaded layer"))
        narrow(self.category_combo)
        form.addRow(tr("Category"), self.category_combo)
        self.geometry_combo = QComboBox(self)
        for value, text in ((POINTS, tr("Points")), (POLYGONS, tr("Polygons")), (LINES, tr("Lines"))):
            self.geometry_combo.addItem(text, value)
        self.geometry_combo.setToolTip(
            tr("Points: every feature, areas and lines as a point on them; polygons: the areas; lines: the ways")
        )
        narrow(self.geometry_combo)
        form.addRow(tr("Drawn as"), self.geometry_combo)
        layout.addLayout(form)
        self.query_view = QPlainTextEdit(self)
        self.query_view.setReadOnly(True)
        self.query_view.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        self.query_view.setMaximumHeight(110)
        self.query_view.setToolTip(tr("The Overpass query, as it will be sent"))
        layout.addWidget(self.query_view)
        self.turbo_link = QLabel(self)
        self.turbo_link.setOpenExternalLinks(True)
        layout.addWidget(self.turbo_link)
        self.load_button = QPushButton(tr("Count, then load this query"), self)
        layout.addWidget(self.load_button)
        self.tags_edit.textChanged.connect(self.refresh)
        self.category_combo.currentIndexChanged.connect(self.refresh)
        self.geometry_combo.currentIndexChanged.connect(self.refresh)
        self.collapsedStateChanged.connect(self.refresh)
        self.refresh()

    def setCollapsed(self, collapse: bool) -> None:  # noqa: N802 - Qt's name
        """Opened from code (QGIS says nothing then while the box is hidden): the query is shown at once."""
        super().setCollapsed(collapse)
        self.refresh()

    def spec(self) -> dict:
        """The spec of the user's query (InputError when its conditions cannot be read)."""
        tags = self.tags_edit.text().strip()
        if not tags:
            raise InputError(tr("Write at least one tag condition, for instance amenity=parking"))
        spec = {
            **self.spec_base(),
            "tags": tags,
            "category": self.category_combo.currentData(),
            "geometry": self.geometry_combo.currentData(),
            **self.coverage(),
        }
        return spec

    def refresh(self, *_args) -> None:
        """Show the query as it will be sent, and its Overpass Turbo link; or why it cannot be sent. Only while
        the box is open: the map's every move asks, and an area layer's outline takes a moment."""
        if self.isCollapsed():
            return
        try:
            spec = self.spec()
            if not spec.get("extent") and not spec.get("area_wkt"):
                raise InputError(tr("Zoom the map to the area to cover, or choose an area layer."))
            text = OverpassQuery(spec).text
        except InputError as error:
            self.query_view.setPlainText(str(error))
            self.turbo_link.setText("")
            return
        self.query_view.setPlainText(text)
        self.turbo_link.setText(f'<a href="{turbo_url(text)}">{tr("Open in Overpass Turbo")}</a>')
