"""One tab of the register section: the challenges (or the actors) of the register, filtered by
domain, status (or kind) and free text, with the actions on one of them: add on the map, zoom to it,
edit its form."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorDataProvider,
    QgsVectorLayer,
    QgsVectorLayerTools,
    QgsVectorLayerUtils,
    QgsWkbTypes,
)
from qgis.gui import QgisInterface, QgsAttributeDialog, QgsAttributeEditorContext
from qgis.PyQt.QtCore import QItemSelectionModel, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QAction,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...plugin.definitions import DOMAINS, domain_label
from ...plugin.register.in_project import RegisterLayers
from ...plugin.toolbelt.i18n import colon, tr
from ...plugin.toolbelt.logger import notify
from .list_model import RegisterListModel, Row, filter_expression
from .list_tables import list_table
from .map_tool import PickPointTool

POINT_SCALE = 2500  # a point challenge is shown at 1:2,500 at most (a street and its corners)
MARGIN = 1.3  # a line or an area is shown with some of its surroundings


def show_feature_form(iface: QgisInterface, layer: QgsVectorLayer, feature: QgsFeature, adding: bool) -> bool:
    """The layer's own attribute form, modal. Adding: accepting it adds `feature` to the layer (which
    must be editable); editing: accepting it writes the changed values. Returns whether it was accepted."""
    context = QgsAttributeEditorContext()
    context.setMapCanvas(iface.mapCanvas())
    tools = iface.vectorLayerTools()
    if isinstance(tools, QgsVectorLayerTools):
        context.setVectorLayerTools(tools)
    dialog = QgsAttributeDialog(layer, feature, False, iface.mainWindow(), True, context)
    dialog.setMode(QgsAttributeEditorContext.AddFeatureMode if adding else QgsAttributeEditorContext.SingleEditMode)
    return dialog.exec_() == QDialog.Accepted


def count_features(layer: QgsVectorLayer) -> int:
    request = QgsFeatureRequest().setNoAttributes().setFlags(QgsFeatureRequest.NoGeometry)
    return sum(1 for _feature in layer.getFeatures(request))


def _can_add(layer) -> bool:
    return bool(layer.dataProvider().capabilities() & QgsVectorDataProvider.AddFeatures)


class RegisterListPanel(QWidget):
    """The list of one table ("challenges" or "actors") of the register shown by the section."""

    changed = pyqtSignal()  # the list was rebuilt

    def __init__(self, iface, table: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.table = table
        self.behaviour = list_table(table)
        self.register = None  # in_project.RegisterLayers, or None
        self.why_disabled = tr("Open or create a register first")
        self.total = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(self._build_filters())
        layout.addWidget(self._build_search())
        layout.addWidget(self._build_view(), 1)
        layout.addLayout(self._build_buttons())
        self.pick_tool = PickPointTool(iface.mapCanvas())
        self.pick_tool.picked.connect(self.add_at)
        self.pick_tool.cancelled.connect(
            lambda: notify(tr("Adding cancelled"), "info", self.iface, 2, action="register")
        )
        self.update_buttons()

    def _build_filters(self) -> QHBoxLayout:
        """The domain filter and the second one (status or kind)."""
        filters = QHBoxLayout()
        self.domain_combo = QComboBox(self)
        self.domain_combo.addItem(tr("All domains"), None)
        for key in DOMAINS:
            self.domain_combo.addItem(domain_label(key), key)
        self.domain_combo.setToolTip(self.behaviour.domain_tip())
        self.state_combo = QComboBox(self)
        for key, label in self.behaviour.state_choices():
            self.state_combo.addItem(label, key)
        self.state_combo.setToolTip(self.behaviour.state_tip())
        for combo in (self.domain_combo, self.state_combo):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self.refresh)
            filters.addWidget(combo, 1)
        return filters

    def _build_search(self) -> QLineEdit:
        """The free-text search, applied a moment after the last key."""
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.behaviour.search_placeholder())
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(250)
        self.search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _text: self.search_timer.start())
        return self.search_edit

    def _build_view(self) -> QTreeView:
        self.model = RegisterListModel(self.table, self)
        self.view = QTreeView(self)
        self.view.setObjectName(f"register_{self.table}_list")
        self.view.setModel(self.model)  # the model sorts itself (precomputed keys: fast on thousands)
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(self.behaviour.SORT_COLUMN, Qt.AscendingOrder)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        header = self.view.header()
        header.setStretchLastSection(False)
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        for column in self.behaviour.STRETCH_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.Stretch)
        self.view.doubleClicked.connect(lambda _index: self.zoom_to_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_args: self.update_buttons())
        return self.view

    def _build_buttons(self) -> QGridLayout:
        """Add (a button with the table's ways of adding in its menu) and the count, then zoom to and edit: two a
        row, so that the French labels fit a narrow dock."""
        buttons = QGridLayout()
        self.add_button = QToolButton(self)
        self.add_button.setPopupMode(QToolButton.MenuButtonPopup)
        self.add_button.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.add_button.setText(self.behaviour.add_text())
        self.add_menu = QMenu(self.add_button)
        self.add_menu.setToolTipsVisible(True)
        self.add_actions = {}
        for family, text in self.behaviour.add_entries():
            action = QAction(text, self.add_menu)
            action.triggered.connect(lambda _checked=False, f=family: self.start_add(f))
            self.add_menu.addAction(action)
            self.add_actions[family] = action
        self.add_button.setMenu(self.add_menu)
        self.add_button.clicked.connect(self.add_default)
        self.zoom_button = QPushButton(tr("Zoom to"), self)
        self.zoom_button.clicked.connect(self.zoom_to_selected)
        self.edit_button = QPushButton(tr("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.count_label = QLabel(self)
        self.count_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        buttons.addWidget(self.add_button, 0, 0)
        buttons.addWidget(self.count_label, 0, 1)
        buttons.addWidget(self.zoom_button, 1, 0)
        buttons.addWidget(self.edit_button, 1, 1)
        return buttons

    # state

    def set_register(self, register: RegisterLayers | None, why_disabled: str = "", refresh: bool = True) -> None:
        """Show `register` (in_project.RegisterLayers or None). Without `refresh` the rows of another register
        are dropped at once and the caller rebuilds the list a moment later."""
        changed = register != self.register
        self.register = register
        if why_disabled:
            self.why_disabled = why_disabled
        if refresh:
            self.refresh()
            return
        if changed or register is None:
            self.model.clear()
            self.total = 0
            self.count_label.clear()
        self.update_buttons()

    def layers(self) -> list:
        return self.register.layers(self.table) if self.register is not None else []

    def family_layer(self, family: str) -> QgsVectorLayer | None:
        if self.register is None:
            return None
        return self.behaviour.family_layer(self.register, family)

    def expression(self) -> str:
        return filter_expression(
            self.table, self.domain_combo.currentData(), self.state_combo.currentData(), self.search_edit.text()
        )

    def refresh(self, *_args) -> None:
        """Rebuild the list from the layers (the layers' features, edits included)."""
        self.search_timer.stop()
        selected = self.selected()
        layers = self.layers()
        if not layers:
            self.model.clear()
            self.total = 0
        else:
            expression = self.expression()
            self.model.fill(layers, expression)
            # Counted, not featureCount(): an OGR layer split by geometry type reports 0 after a rollback.
            self.total = self.model.rowCount() if not expression else sum(count_features(layer) for layer in layers)
        shown = self.model.rowCount()
        if shown != self.total:
            text = tr("{shown} of {total}").format(shown=shown, total=self.total)
        else:
            text = self.behaviour.count_text(self.total)
        self.count_label.setText(text)
        self.count_label.setToolTip(tr("Rows shown by the filters, of the rows in the register"))
        if selected is not None:
            self.select(*selected)
        self.update_buttons()
        self.changed.emit()

    def row_count(self) -> int:
        return self.model.rowCount()

    def displayed(self, column: int = 0) -> list:
        """The texts of one column as shown, in the view's order."""
        return [self.model.index(row, column).data() for row in range(self.model.rowCount())]

    def selected_row(self) -> Row | None:
        indexes = self.view.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.row(indexes[0])

    def selected(self) -> tuple | None:
        row = self.selected_row()
        return (row.layer_id, row.fid) if row is not None else None

    def select(self, layer_id: str, fid: int) -> bool:
        for number, row in enumerate(self.model.rows):
            if row.layer_id == layer_id and row.fid == fid:
                index = self.model.index(number, 0)
                self.view.selectionModel().select(index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
                self.view.scrollTo(index)
                return True
        return False

    def update_buttons(self) -> None:
        has_register = self.register is not None and bool(self.layers())
        for widget in (self.domain_combo, self.state_combo, self.search_edit, self.view):
            widget.setEnabled(has_register)
        if not has_register:
            for widget in (self.add_button, self.zoom_button, self.edit_button):
                widget.setEnabled(False)
                widget.setToolTip(self.why_disabled)
            return
        for family, action in self.add_actions.items():
            layer = self.family_layer(family)
            why = ""
            if layer is None:
                why = tr("This layer of the register is not in the project; open the register again")
            elif not _can_add(layer) or layer.readOnly():
                why = tr("The register's layer is read-only")
            action.setEnabled(not why)
            action.setToolTip(why or self.behaviour.add_tip(family))
        default = self.add_actions[next(iter(self.add_actions))]
        others = any(action.isEnabled() for action in self.add_actions.values())
        self.add_button.setEnabled(others)
        tip = default.toolTip()
        if not default.isEnabled() and others:
            tip += "\n" + tr("Other ways to add are in the menu of the arrow")
        self.add_button.setToolTip(tip)
        row = self.selected_row()
        if row is None:
            why = tr("Select a row in the list first")
            self.zoom_button.setEnabled(False)
            self.zoom_button.setToolTip(why)
            self.edit_button.setEnabled(False)
            self.edit_button.setToolTip(why)
            return
        self.zoom_button.setEnabled(row.located)
        self.zoom_button.setToolTip(
            tr("Zoom the map to it and flash it (or double-click the row)")
            if row.located
            else self.behaviour.unlocated_tip()
        )
        layer = QgsProject.instance().mapLayer(row.layer_id)
        editable = (
            layer is not None
            and not layer.readOnly()
            and bool(layer.dataProvider().capabilities() & QgsVectorDataProvider.ChangeAttributeValues)
        )
        self.edit_button.setEnabled(editable)
        self.edit_button.setToolTip(
            tr("Open its form; the change is saved when the form is accepted")
            if editable
            else tr("The register's layer is read-only")
        )

    # zoom

    def zoom_to_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        layer = QgsProject.instance().mapLayer(row.layer_id)
        if layer is None:
            self.refresh()
            return
        self.zoom_to(layer, row.fid)

    def zoom_to(self, layer: QgsVectorLayer, fid: int) -> bool:
        """Zoom the canvas to the feature (in the canvas CRS) and flash it."""
        request = QgsFeatureRequest(fid).setNoAttributes()
        feature = next(layer.getFeatures(request), None)
        if feature is None or not feature.hasGeometry() or feature.geometry().isEmpty():
            notify(tr("It has no location to zoom to"), "info", self.iface, 3, action="register")
            return False
        canvas = self.iface.mapCanvas()
        geometry = QgsGeometry(feature.geometry())
        transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
        try:
            geometry.transform(transform)
        except Exception as error:  # noqa: BLE001 - QgsCsException: out of the CRS's area
            notify(
                tr("It cannot be shown in the map's coordinate reference system") + colon() + f"{error}",
                "warning",
                self.iface,
                action="register",
            )
            return False
        box = geometry.boundingBox()
        if (
            QgsWkbTypes.geometryType(geometry.wkbType()) == QgsWkbTypes.PointGeometry
            and box.width() == 0
            and box.height() == 0
        ):
            canvas.setCenter(box.center())
            if canvas.scale() <= 0 or canvas.scale() > POINT_SCALE:
                canvas.zoomScale(POINT_SCALE)
        else:
            if box.width() == 0 or box.height() == 0:
                box = QgsRectangle(box)
                box.grow(max(box.width(), box.height(), 1e-9) / 2)
            box.scale(MARGIN)
            canvas.setExtent(box)
        canvas.refresh()
        canvas.flashFeatureIds(layer, [fid])
        return True

    # add and edit

    def add_default(self) -> None:
        """The button's own click: the first way of adding the layers allow (a point for a challenge)."""
        for family, action in self.add_actions.items():
            if action.isEnabled():
                self.start_add(family)
                return

    def start_add(self, family: str) -> None:
        layer = self.family_layer(family)
        if layer is None:
            notify(
                tr("This layer of the register is not in the project; open the register again"),
                "warning",
                self.iface,
                action="register",
            )
            return
        if self.behaviour.picks_a_point(family):
            self.show_layer(layer)
            self.pick_tool.start()
            notify(
                tr("Click on the map where the challenge is (Esc cancels)"), "info", self.iface, 4, action="register"
            )
        elif family == "None":
            self.add_feature(layer, QgsGeometry())
        else:
            self.digitize(layer)

    def add_at(self, point: QgsPointXY) -> bool:
        """Add a point challenge at `point` (canvas CRS): defaults, then its form."""
        layer = self.family_layer("Point")
        if layer is None:
            return False
        canvas_crs = self.iface.mapCanvas().mapSettings().destinationCrs()
        geometry = QgsGeometry.fromPointXY(point)
        if canvas_crs.isValid() and layer.crs().isValid() and canvas_crs != layer.crs():
            try:
                geometry.transform(QgsCoordinateTransform(canvas_crs, layer.crs(), QgsProject.instance()))
            except Exception as error:  # noqa: BLE001 - QgsCsException
                notify(
                    tr("This point cannot be placed in the register's coordinate reference system")
                    + colon()
                    + f"{error}",
                    "warning",
                    self.iface,
                    action="register",
                )
                return False
        return self.add_feature(layer, geometry)

    def initial_values(self, layer: QgsVectorLayer) -> dict:
        """The filters in force as the new feature's first values (the user sees them in the form)."""
        values = {}
        pairs = self.behaviour.initial_pairs(self.domain_combo.currentData(), self.state_combo.currentData())
        for name, value in pairs:
            index = layer.fields().indexOf(name)
            if value and index >= 0:
                values[index] = value
        return values

    def add_feature(self, layer: QgsVectorLayer, geometry: QgsGeometry) -> bool:
        """A feature with the layer's defaults and `geometry`, completed in the layer's form. When the
        layer was not being edited, the new feature is saved to the register at once (or nothing is
        left behind when the form is cancelled)."""
        was_editing = layer.isEditable()
        if not was_editing and not layer.startEditing():
            notify(
                tr("The register's layer cannot be edited") + colon() + f"{layer.name()}",
                "warning",
                self.iface,
                action="register",
            )
            return False
        feature = QgsVectorLayerUtils.createFeature(
            layer, geometry, self.initial_values(layer), layer.createExpressionContext()
        )
        accepted = show_feature_form(self.iface, layer, feature, True)
        if not accepted:
            if not was_editing:
                layer.rollBack()
            return False
        return self._save(layer, was_editing)

    def edit_selected(self) -> bool:
        row = self.selected_row()
        if row is None:
            return False
        layer = QgsProject.instance().mapLayer(row.layer_id)
        if layer is None:
            self.refresh()
            return False
        feature = layer.getFeature(row.fid)
        if not feature.isValid():
            self.refresh()
            return False
        was_editing = layer.isEditable()
        if not was_editing and not layer.startEditing():
            notify(
                tr("The register's layer cannot be edited") + colon() + f"{layer.name()}",
                "warning",
                self.iface,
                action="register",
            )
            return False
        if not show_feature_form(self.iface, layer, feature, False):
            if not was_editing:
                layer.rollBack()
            return False
        return self._save(layer, was_editing)

    def _save(self, layer, was_editing: bool) -> bool:
        if was_editing:
            return True  # the user's edit session: saved with the layer's other edits
        if layer.commitChanges():
            notify(
                tr("Saved to the register") + colon() + f"{layer.name()}", "success", self.iface, 3, action="register"
            )
            return True
        errors = "; ".join(layer.commitErrors())
        notify(
            tr("The register did not accept the change; the layer stays in edit mode") + colon() + f"{errors}",
            "critical",
            self.iface,
            action="register",
        )
        return False

    def digitize(self, layer: QgsVectorLayer) -> None:
        """QGIS's own digitizing tool on the layer, which opens the layer's form when the shape is done."""
        if not layer.isEditable() and not layer.startEditing():
            notify(
                tr("The register's layer cannot be edited") + colon() + f"{layer.name()}",
                "warning",
                self.iface,
                action="register",
            )
            return
        self.show_layer(layer)
        self.iface.setActiveLayer(layer)
        self.iface.actionAddFeature().trigger()
        notify(
            tr("Draw it on the map (right click ends), fill its form, then save the layer's edits"),
            "info",
            self.iface,
            8,
            action="register",
        )

    @staticmethod
    def show_layer(layer: QgsVectorLayer) -> None:
        node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
        if node is not None:
            node.setItemVisibilityCheckedParentRecursive(True)

    def shutdown(self) -> None:
        self.search_timer.stop()
        self.pick_tool.restore()
