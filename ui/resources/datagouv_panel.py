"""Dock panel: search data.gouv.fr, pick a dataset and a resource, load it as a layer."""

from __future__ import annotations

from qgis.core import QgsFeedback
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ...plugin.profiles.remembered import RememberedDataset
from ...plugin.sources.datagouv import DEFAULT_SERVER, GEOGRAPHIC_KINDS, DatagouvSource
from ...plugin.toolbelt.i18n import colon, tr
from ...plugin.toolbelt.layer_writer import layer_target
from ...plugin.toolbelt.network import Transport
from .source_panel import SourcePanel, human_size

ROLE = Qt.UserRole


class DatagouvPanel(SourcePanel):
    def __init__(self, iface, parent=None, runner=None):
        super().__init__(iface, parent, runner)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.server = QLineEdit(DEFAULT_SERVER, self)
        self.server.setToolTip(tr("Base URL of the udata portal (data.gouv.fr or another udata instance)"))
        form.addRow(tr("Server"), self.server)
        layout.addLayout(form)

        search_row = QHBoxLayout()
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(tr("Search datasets (every word must match)"))
        self.query.returnPressed.connect(self.search)
        self.search_button = QPushButton(tr("Search"), self)
        self.search_button.clicked.connect(self.search)
        search_row.addWidget(self.query, 1)
        search_row.addWidget(self.search_button)
        layout.addLayout(search_row)
        self.geo_only = QCheckBox(tr("Maps only"), self)
        self.geo_only.setToolTip(tr("Only datasets with a geographic resource"))
        self.geo_only.setChecked(True)
        self.geo_only.toggled.connect(self.show_datasets)
        layout.addWidget(self.geo_only)

        self.datasets = QTreeWidget(self)
        self.datasets.setHeaderLabels([tr("Dataset"), tr("Publisher")])
        self.datasets.setRootIsDecorated(False)
        self.datasets.currentItemChanged.connect(self.show_resources)
        layout.addWidget(self.datasets, 2)
        self.resources = QTreeWidget(self)
        self.resources.setHeaderLabels([tr("Resource"), tr("Format"), tr("Size")])
        self.resources.setRootIsDecorated(False)
        self.resources.currentItemChanged.connect(self.update_buttons)
        layout.addWidget(self.resources, 1)

        self.add_output_options(layout)
        self.add_load_controls(layout, tr("Load the resource"))
        self.busy_widgets += [self.search_button, self.query]
        self.found = []
        self.update_buttons()

    def title(self) -> str:
        return tr("data.gouv.fr")

    def source(self, feedback: QgsFeedback | None = None) -> DatagouvSource:
        return DatagouvSource(Transport(feedback=feedback))

    def spec(self) -> dict:
        return {"source": "datagouv", "server": self.server.text().strip() or DEFAULT_SERVER}

    # -- search ------------------------------------------------------------------------------------

    def search(self) -> None:
        query = self.query.text().strip()
        spec = self.spec()
        self.run(
            tr("Searching data.gouv.fr…"),
            lambda feedback: self.source(feedback).search(spec, query, 50),
            self.searched,
        )

    def searched(self, result: list) -> None:
        self.found = result
        self.show_datasets()
        self.status.setText(tr("Datasets found") + colon() + f"{len(result)}")

    def show_datasets(self) -> None:
        self.datasets.clear()
        self.resources.clear()
        for summary in self.found:
            if self.geo_only.isChecked() and not summary["geographic"]:
                continue
            item = QTreeWidgetItem([summary["title"], summary["organization"]])
            item.setData(0, ROLE, summary)
            item.setToolTip(0, (summary["description"] or "")[:600])
            self.datasets.addTopLevelItem(item)
        self.datasets.resizeColumnToContents(0)
        self.update_buttons()

    def show_resources(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        self.resources.clear()
        summary = current.data(0, ROLE) if current is not None else None
        if summary:
            for resource in summary["resources"]:
                item = QTreeWidgetItem([resource["title"], resource["format"], human_size(resource["size"])])
                item.setData(0, ROLE, resource)
                if resource["kind"] not in GEOGRAPHIC_KINDS:
                    item.setDisabled(True)
                    item.setToolTip(0, tr("Not a format that loads as a layer"))
                self.resources.addTopLevelItem(item)
            enabled = [
                self.resources.topLevelItem(i)
                for i in range(self.resources.topLevelItemCount())
                if not self.resources.topLevelItem(i).isDisabled()
            ]
            if enabled:
                self.resources.setCurrentItem(enabled[0])
        self.update_buttons()

    def update_buttons(self, *_args) -> None:
        item = self.resources.currentItem()
        self.load_button.setEnabled(item is not None and not item.isDisabled())

    # -- load --------------------------------------------------------------------------------------

    def load(self) -> None:
        dataset_item, resource_item = self.datasets.currentItem(), self.resources.currentItem()
        if dataset_item is None or resource_item is None:
            return
        dataset = dataset_item.data(0, ROLE)
        resource = resource_item.data(0, ROLE)
        spec = dict(self.spec(), dataset=dataset["slug"] or dataset["id"], resource=resource["id"])
        if resource["size"] is None:
            # The catalog does not say: ask the server before deciding (a size it does not give
            # either is None, hence the list: a run without result is a cancelled one).
            self.run(
                tr("Checking the size of the file…"),
                lambda feedback: [self.source(feedback).head_size(resource["url"]) if resource["url"] else None],
                lambda sized: self.start_load(spec, dataset, resource, sized[0]),
            )
        else:
            self.start_load(spec, dataset, resource, resource["size"])

    def start_load(self, spec: dict, dataset: dict, resource: dict, size: int | None) -> None:
        title = f"{dataset['title']} — {resource['title']}"
        if not self.confirm_size(size, title):
            self.status.setText(tr("Download not started"))
            return
        path = self.output_path(self.output, f"datagouv_{dataset['slug'] or dataset['id']}")
        target = self.placed(layer_target(path, (dataset["slug"] or dataset["id"])[:50] + "_" + resource["id"][:8]))
        if target is None:
            return
        category = self.category.currentData()

        def work(feedback: QgsFeedback | None):
            return self.source(feedback).fetch(spec, target, category, feedback)

        self.run(
            tr("Loading") + f" {resource['title']}…",
            work,
            lambda result: self.loaded(result, resource["title"], target),
            remember=RememberedDataset(dict(spec, source="datagouv"), category, resource["title"]),
        )
