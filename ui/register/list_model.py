"""The dock's lists of challenges and actors: a filter built as a QGIS expression (values quoted by
QgsExpression, never pasted) and a small table model filled from the register's layers.

The layers themselves are never filtered (no subset string): the map and editing stay untouched.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsExpression, QgsFeatureRequest, QgsVectorLayer
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt

from ...plugin.definitions import (
    ACTOR_KINDS,
    CHALLENGE_STATUSES,
    DOMAINS,
    PRIORITIES,
    actor_kind_label,
    domain_label,
    priority_label,
    status_label,
)
from ...plugin.toolbelt.i18n import tr

# Columns searched by the free text, and those read for the list.
SEARCHED = {"challenges": ("title", "description", "community"), "actors": ("name", "contact", "website")}
READ = {"challenges": ("title", "domain", "status", "priority"), "actors": ("name", "kind", "competences")}
SORT_ROLE = Qt.UserRole + 1  # the sort key of a cell


def _is_null(value) -> bool:
    if value is None:
        return True
    is_null = getattr(value, "isNull", None)
    return bool(is_null()) if callable(is_null) else False


def _text(value) -> str:
    return "" if _is_null(value) else str(value)


def competence_keys(value: object) -> list:
    """Domain keys of an actor's competences ("{a,b}" as the multi-select writes, or "a;b")."""
    text = _text(value).strip()
    if text.startswith("["):
        text = text.strip("[]")
    text = text.strip("{}").replace(";", ",").replace("|", ",")
    return [item.strip().strip('"').lower() for item in text.split(",") if item.strip().strip('"')]


def filter_expression(table: str, domain: str = None, state: str = None, text: str = "") -> str:
    """The QGIS expression selecting the rows the user asked for ("" selects all).

    challenges: `domain` is the domain key, `state` the status key; actors: `domain` one of the
    competences, `state` the kind key. `text` is searched, case-insensitively, in SEARCHED."""
    clauses = []
    if domain:
        if table == "actors":
            # ",a,b," LIKE '%,key,%': the competences list without braces, quotes or spaces.
            bare = "regexp_replace(regexp_replace(coalesce({col}, ''), '[]{{}}[\" ]', ''), '[;|]', ',')".format(
                col=QgsExpression.quotedColumnRef("competences")
            )
            pattern = QgsExpression.quotedString(f"%,{domain},%")
            clauses.append(f"concat(',', {bare}, ',') LIKE {pattern}")
        else:
            clauses.append(f"{QgsExpression.quotedColumnRef('domain')} = {QgsExpression.quotedValue(domain)}")
    if state:
        column = "kind" if table == "actors" else "status"
        clauses.append(f"{QgsExpression.quotedColumnRef(column)} = {QgsExpression.quotedValue(state)}")
    text = (text or "").strip()
    if text:
        needle = QgsExpression.quotedString(text.lower())
        found = [
            f"strpos(lower(coalesce({QgsExpression.quotedColumnRef(column)}, '')), {needle}) > 0"
            for column in SEARCHED[table]
        ]
        clauses.append("(" + " OR ".join(found) + ")")
    return " AND ".join(f"({clause})" for clause in clauses)


@dataclass
class Row:
    layer_id: str
    fid: int
    located: bool
    values: dict  # column -> raw value
    cells: tuple = ()  # the texts shown, per column (computed once: the view asks for them often)
    keys: tuple = ()  # the sort keys, per column


def _label(function, value) -> str:
    if _is_null(value) or value == "":
        return ""
    try:
        return function(value)
    except (KeyError, ValueError, TypeError):
        return str(value)  # a value outside the nomenclature, shown as stored


class RegisterListModel(QAbstractTableModel):
    """Rows of one register table, read from its layers with a filter expression."""

    def __init__(self, table: str, parent=None):
        super().__init__(parent)
        self.table = table
        self.rows = []
        self.header_texts = self.headers()
        self.sort_column = 0
        self.sort_order = Qt.AscendingOrder

    # filling

    def fill(self, layers: list, expression: str = "") -> None:
        """Read the features of `layers` matching `expression`: the listed attributes, and the geometry only
        where it tells something (an actor with or without an area; a challenge's layer says it)."""
        rows = []
        for layer in layers:
            if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
                continue
            names = [name for name in READ[self.table] if layer.fields().indexOf(name) >= 0]
            request = QgsFeatureRequest()
            if expression:
                request.setFilterExpression(expression)
            request.setSubsetOfAttributes(names, layer.fields())
            read_geometry = layer.isSpatial() and self.table == "actors"
            if not read_geometry:
                request.setFlags(QgsFeatureRequest.NoGeometry)
            for feature in layer.getFeatures(request):
                has_geometry = feature.hasGeometry() if read_geometry else layer.isSpatial()
                row = Row(layer.id(), feature.id(), has_geometry, {name: feature.attribute(name) for name in names})
                columns = range(len(self.header_texts))
                row.cells = tuple(self.cell(row, column) for column in columns)
                row.keys = tuple(self.sort_key(row, column) for column in columns)
                rows.append(row)
        self._sort(rows)
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def _sort(self, rows: list) -> None:
        column = self.sort_column if 0 <= self.sort_column < len(self.header_texts) else 0
        rows.sort(key=lambda row: (row.keys[column], row.keys[0]), reverse=self.sort_order == Qt.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        """Sorted by the view's header (selection kept)."""
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        persistent = [index for index in self.persistentIndexList() if index.row() < len(self.rows)]
        kept = [(self.rows[index.row()], index.column()) for index in persistent]
        self._sort(self.rows)
        position = {id(row): number for number, row in enumerate(self.rows)}
        self.changePersistentIndexList(persistent, [self.index(position[id(row)], column) for row, column in kept])
        self.layoutChanged.emit()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows = []
        self.endResetModel()

    # Qt model

    def headers(self) -> list:
        if self.table == "challenges":
            return [tr("Title"), tr("Domain"), tr("Status"), tr("Priority")]
        return [tr("Name"), tr("Kind"), tr("Competences")]

    def rowCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.header_texts)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> object:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.header_texts[section]
        return None

    def row(self, index: QModelIndex) -> Row | None:
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    def cell(self, row: Row, column: int) -> str:
        values = row.values
        if self.table == "challenges":
            if column == 0:
                return _text(values.get("title"))
            if column == 1:
                return _label(domain_label, values.get("domain"))
            if column == 2:
                return _label(status_label, values.get("status"))
            return _label(priority_label, values.get("priority"))
        if column == 0:
            return _text(values.get("name"))
        if column == 1:
            return _label(actor_kind_label, values.get("kind"))
        return ", ".join(_label(domain_label, key) for key in competence_keys(values.get("competences")))

    def sort_key(self, row: Row, column: int) -> object:
        values = row.values
        if self.table == "challenges":
            if column == 1:
                return _order(DOMAINS, values.get("domain"))
            if column == 2:
                return _order(CHALLENGE_STATUSES, values.get("status"))
            if column == 3:
                return _order(PRIORITIES, values.get("priority"))
        elif column == 1:
            return _order(ACTOR_KINDS, values.get("kind"))
        return self.cell(row, column).lower()

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> object:
        row = self.row(index)
        if row is None:
            return None
        if role == Qt.DisplayRole:
            return row.cells[index.column()]
        if role == SORT_ROLE:
            return row.keys[index.column()]
        if role == Qt.ToolTipRole:
            text = row.cells[index.column()]
            if not row.located:
                text += "\n" + (tr("No location") if self.table == "challenges" else tr("No area of action"))
            return text
        return None


def _order(keys, value) -> int:
    if _is_null(value):
        return len(keys) + 1
    try:
        return list(keys).index(int(value) if isinstance(keys[0], int) else value)
    except (ValueError, TypeError):
        return len(keys)
