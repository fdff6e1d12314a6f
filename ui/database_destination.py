"""Where the dock writes what it loads, when a team shares a PostGIS database: a box to tick, one of QGIS's
saved PostgreSQL connections and a schema. Unticked, the tab's own file output applies. The Territory tab
writes the whole territory into the schema; the Resources tab each loaded layer as a table of it."""

from __future__ import annotations

import re

from qgis.PyQt.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from ..plugin.toolbelt.i18n import tr
from ..plugin.toolbelt.postgres import POSTGRES_PREFIX, postgres_connections

DEFAULT_SCHEMA = "open_territory_resources"


def safe_schema(text: str) -> str:
    """A schema name from a profile id: lower-case letters, digits and _."""
    name = re.sub(r"[^a-z0-9_]+", "_", (text or "").lower()).strip("_")
    return name if name and not name[0].isdigit() else f"territory_{name}"


class DatabaseDestination(QWidget):
    """`active()`: the box is ticked; `destination(table)`: `postgres:<connection>/<schema>[/<table>]`."""

    def __init__(self, parent: QWidget | None = None, schema: str = DEFAULT_SCHEMA) -> None:
        super().__init__(parent)
        self.setObjectName("OpenTerritoryDatabaseDestination")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(tr("Into a PostGIS database"), self)
        self.check.setToolTip(
            tr(
                "Write into a schema of a PostGIS database shared by the team, through one of QGIS's saved "
                "PostgreSQL connections (its password or authentication configuration stays in QGIS); a table "
                "loaded again is replaced in one transaction"
            )
        )
        layout.addWidget(self.check)
        row = QHBoxLayout()
        self.connection = QComboBox(self)
        self.connection.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.connection.setMinimumContentsLength(8)
        self.connection.setToolTip(tr("A PostgreSQL connection saved in QGIS (Browser panel, PostgreSQL)"))
        self.schema = QLineEdit(schema, self)
        self.schema.setPlaceholderText(tr("schema"))
        self.schema.setToolTip(tr("The schema to write into (made when missing): letters, digits and _"))
        row.addWidget(self.connection, 3)
        row.addWidget(self.schema, 2)
        layout.addLayout(row)
        self.check.toggled.connect(self.update_state)
        self.refresh()

    def refresh(self) -> None:
        """List QGIS's saved connections again (one may have been added since)."""
        current = self.connection.currentText()
        self.connection.clear()
        self.connection.addItems(postgres_connections())
        if current:
            self.connection.setCurrentText(current)
        if not self.connection.count():
            self.check.setChecked(False)
            self.check.setToolTip(tr("Add a PostgreSQL connection in QGIS's Browser panel first"))
        self.check.setEnabled(self.connection.count() > 0)
        self.update_state()

    def update_state(self, *_args) -> None:
        for widget in (self.connection, self.schema):
            widget.setEnabled(self.check.isChecked())
            widget.setVisible(self.check.isChecked())

    def showEvent(self, event) -> None:  # noqa: N802
        self.refresh()
        super().showEvent(event)

    def active(self) -> bool:
        return self.check.isChecked() and bool(self.connection.currentText())

    def set_schema(self, schema: str) -> None:
        self.schema.setText(schema)

    def destination(self, table: str | None = None) -> str:
        """`postgres:<connection>/<schema>`, with `/<table>` when given."""
        text = f"{POSTGRES_PREFIX}{self.connection.currentText()}/{self.schema.text().strip()}"
        return f"{text}/{table}" if table else text
