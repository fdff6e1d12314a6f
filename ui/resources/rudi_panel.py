"""Dock panel: list a RUDI producer node's catalog, filter it, load a geographic resource as a layer."""

from __future__ import annotations

from qgis.core import QgsFeedback
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ...plugin.profiles.remembered import RememberedDataset
from ...plugin.sources.rudi import RudiSource, item_summary, matches, user_language
from ...plugin.toolbelt.i18n import colon, tr
from ...plugin.toolbelt.layer_writer import layer_target
from ...plugin.toolbelt.network import Transport
from .source_panel import SourcePanel, human_size

ROLE = Qt.UserRole


class RudiPanel(SourcePanel):
    def __init__(self, iface, parent=None, runner=None):
        super().__init__(iface, parent, runner)
        layout = QVBoxLayout(self)
        node_row = QHBoxLayout()
        self.node = QLineEdit(self)
        self.node.setPlaceholderText("https://<producer node>")
        self.node.setToolTip(tr("Base URL of the RUDI producer node"))
        self.node.returnPressed.connect(self.list_catalog)
        self.list_button = QPushButton(tr("List"), self)
        self.list_button.clicked.connect(self.list_catalog)
        node_row.addWidget(self.node, 1)
        node_row.addWidget(self.list_button)
        form = QFormLayout()
        form.addRow(tr("Producer node"), node_row)
        layout.addLayout(form)

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(tr("Filter by title, description, theme or keyword"))
        self.filter.textChanged.connect(self.show_items)
        layout.addWidget(self.filter)
        self.geo_only = QCheckBox(tr("Maps only"), self)
        self.geo_only.setToolTip(tr("Only geographic resources"))
        self.geo_only.setChecked(True)
        self.geo_only.toggled.connect(self.show_items)
        layout.addWidget(self.geo_only)

        self.items = QTreeWidget(self)
        self.items.setHeaderLabels([tr("Resource"), tr("Theme"), tr("Formats"), tr("Size")])
        self.items.setRootIsDecorated(False)
        self.items.currentItemChanged.connect(self.show_details)
        layout.addWidget(self.items, 2)
        self.details = QTextBrowser(self)
        self.details.setOpenExternalLinks(True)
        layout.addWidget(self.details, 1)

        self.add_output_options(layout)
        self.add_load_controls(layout, tr("Load the resource"))
        self.busy_widgets += [self.list_button, self.node]
        self.summaries = []
        self.show_details(None)

    def title(self) -> str:
        return tr("RUDI (Rennes)")

    def source(self, feedback: QgsFeedback | None = None) -> RudiSource:
        return RudiSource(Transport(feedback=feedback))

    # -- catalog -----------------------------------------------------------------------------------

    def list_catalog(self) -> None:
        node = self.node.text().strip()
        if not node:
            self.status.setText(tr("Give the producer node's URL"))
            return
        language = user_language()

        def work(feedback: QgsFeedback | None):
            return [item_summary(item, language) for item in self.source(feedback).catalog(node, feedback)]

        self.run(tr("Reading the RUDI catalog…"), work, self.listed)

    def listed(self, result: list) -> None:
        self.summaries = result
        self.show_items()
        self.status.setText(tr("Resources in the catalog") + colon() + f"{len(result)}")

    def show_items(self, *_args) -> None:
        self.items.clear()
        query = self.filter.text()
        for summary in self.summaries:
            if self.geo_only.isChecked() and not summary["geographic"]:
                continue
            if not matches(summary, query):
                continue
            item = QTreeWidgetItem(
                [
                    summary["title"],
                    summary["theme"],
                    ", ".join(summary["formats"]),
                    human_size(summary["size"]),
                ]
            )
            item.setData(0, ROLE, summary)
            if not summary["loadable"]:
                item.setDisabled(True)
            self.items.addTopLevelItem(item)
        self.items.resizeColumnToContents(0)
        self.show_details(self.items.currentItem())

    def show_details(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        summary = current.data(0, ROLE) if current is not None else None
        if not summary:
            self.details.clear()
            self.load_button.setEnabled(False)
            return
        lines = [f"<b>{escape_html(summary['title'])}</b>", escape_html(summary["synopsis"])]
        facts = [
            (tr("Producer"), summary["producer"]),
            (tr("Theme"), summary["theme"]),
            (tr("Keywords"), ", ".join(summary["keywords"])),
            (tr("Licence"), summary["licence"]),
            (tr("Updated"), summary["updated"]),
        ]
        lines += [f"<i>{escape_html(label)}</i>: {escape_html(value)}" for label, value in facts if value]
        self.details.setHtml("<br>".join(lines))
        self.load_button.setEnabled(bool(summary["loadable"]) and not current.isDisabled())

    # -- load --------------------------------------------------------------------------------------

    def load(self) -> None:
        current = self.items.currentItem()
        summary = current.data(0, ROLE) if current is not None else None
        if not summary:
            return
        if not self.confirm_size(summary["size"], summary["title"]):
            self.status.setText(tr("Download not started"))
            return
        node = self.node.text().strip()
        spec = {"source": "rudi", "node": node, "resource": summary["global_id"]}
        target = self.placed(layer_target(self.output_path(self.output, "rudi"), f"rudi_{summary['global_id'][:8]}"))
        if target is None:
            return
        category = self.category.currentData()

        def work(feedback: QgsFeedback | None):
            return self.source(feedback).fetch(spec, target, category, feedback)

        self.run(
            tr("Loading") + f" {summary['title']}…",
            work,
            lambda result: self.loaded(result, summary["title"], target),
            remember=RememberedDataset(spec, category, summary["title"]),
        )


def escape_html(text: str) -> str:
    return str(text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
