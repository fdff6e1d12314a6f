"""Dock panel: Opendatasoft portals. Choose a portal and, for its private datasets, an API key kept in
QGIS's authentication database; search its catalog, read a dataset's description, fields and licence,
and load it as a layer in a background task."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from qgis.core import QgsFeedback
from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtCore import Qt, pyqtSlot
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
)

from ...plugin.profiles.remembered import RememberedDataset
from ...plugin.sources.ods import OdsSource
from ...plugin.sources.ods.catalog import load_portals, normalize_portal
from ...plugin.toolbelt.i18n import colon, tr
from ...plugin.toolbelt.layer_writer import file_target, safe_name
from ...plugin.toolbelt.logger import clear_action, notify
from ...plugin.toolbelt.network import Transport
from ...plugin.toolbelt.settings import load_settings, save_settings
from .layer_output import dock_output_path
from .source_panel import SourcePanel

if TYPE_CHECKING:  # names used in annotations only
    from ...plugin.sources.base import FetchResult
    from ...plugin.sources.ods.catalog import OdsDataset
    from ...plugin.toolbelt.layer_writer import OutputTarget


def ods_output_path(portal: str, dataset: str) -> str:
    """One GeoPackage per load (a running project keeps its layers while a newer load of the same
    dataset is written), named after the portal's host and the dataset."""
    return dock_output_path(f"ods_{re.sub(r'^https?://', '', portal)}_{dataset}")


def details_html(info: OdsDataset) -> str:
    """The dataset card shown under the results."""
    esc = html.escape
    geometry = info.geometry_field
    rows = [
        (tr("Dataset id"), esc(info.dataset_id)),
        (tr("Licence"), esc(info.licence) if info.licence else "<i>" + esc(tr("not stated")) + "</i>"),
        (tr("Records"), esc(str(info.records_count)) if info.records_count is not None else "?"),
        (tr("Modified"), esc(info.modified[:10])),
        (tr("Geometry"), esc(f"{geometry.name} ({geometry.type})") if geometry else esc(tr("none (table)"))),
        (tr("Themes"), esc(", ".join(info.themes))),
        (tr("Publisher"), esc(info.publisher)),
    ]
    parts = [f"<h3>{esc(info.title)}</h3>", "<table>"]
    parts += [f"<tr><td><b>{label}</b>&nbsp;</td><td>{value}</td></tr>" for label, value in rows if value]
    parts.append("</table>")
    if info.description:
        parts.append("<p>" + esc(info.description).replace("\n", "<br>") + "</p>")
    parts.append(f"<p><b>{esc(tr('Fields'))}</b></p><ul>")
    for f in info.fields:
        label = " — " + esc(f.label) if f.label and f.label != f.name else ""
        parts.append(f"<li>{esc(f.name)} <i>({esc(f.type)})</i>{label}</li>")
    parts.append("</ul>")
    parts.append(f'<p><a href="{esc(info.page_url)}">{esc(tr("Open the dataset page"))}</a></p>')
    return "".join(parts)


class OdsPanel(SourcePanel):
    """The catalog search runs beside the load (its own `search_task`, no progress bar: a search is one
    short request), the load through `run`."""

    def __init__(self, iface, parent=None, runner=None):
        super().__init__(iface, parent, runner)
        self.search_task = None
        self.datasets = []
        self.setObjectName("OpenTerritoryOdsPanel")
        layout = QVBoxLayout(self)

        # One control or two a row, so that the panel fits a narrow dock (ui/narrow.py).
        self.portal_combo = QComboBox(self)
        self.portal_combo.setToolTip(tr("Opendatasoft portal whose catalog is searched"))
        layout.addWidget(self.portal_combo)
        portal_row = QHBoxLayout()
        self.add_portal_edit = QLineEdit(self)
        self.add_portal_edit.setPlaceholderText(tr("Other portal URL"))
        self.add_portal_edit.returnPressed.connect(self.on_add_portal)
        portal_row.addWidget(self.add_portal_edit, 1)
        self.add_portal_button = QToolButton(self)
        self.add_portal_button.setText("+")
        self.add_portal_button.setToolTip(tr("Add this portal to the list"))
        self.add_portal_button.clicked.connect(self.on_add_portal)
        portal_row.addWidget(self.add_portal_button)
        layout.addLayout(portal_row)

        # Only the authcfg id goes into the job's spec: the key is read from the authentication
        # database by the transport at request time, and never reaches the layer or the project.
        auth_row = QFormLayout()
        auth_label = QLabel(tr("Portal API key"), self)
        self.auth_select = QgsAuthConfigSelect(self)
        auth_tip = tr(
            "For private datasets: the portal's API key, kept in QGIS's authentication database as "
            "a Basic configuration whose password is the key (the user name is not used). It is "
            "sent as 'Authorization: Apikey <key>' to the selected portal only, and is never written "
            "to the layer or the project. Choosing another portal clears it."
        )
        auth_label.setToolTip(auth_tip)
        self.auth_select.setToolTip(auth_tip)
        auth_row.addRow(auth_label, self.auth_select)
        layout.addLayout(auth_row)
        self.auth_portal = ""
        self.portal_combo.currentIndexChanged.connect(self.on_portal_changed)
        self.fill_portals()

        search_row = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(tr("Search the catalog (vélo, parking, bus...)"))
        self.search_edit.returnPressed.connect(self.search)
        search_row.addWidget(self.search_edit, 1)
        self.search_button = QPushButton(tr("Search"), self)
        self.search_button.clicked.connect(self.search_or_cancel)
        search_row.addWidget(self.search_button)
        layout.addLayout(search_row)
        self.geo_check = QCheckBox(tr("Maps only"), self)
        self.geo_check.setToolTip(tr("Only datasets with a geometry"))
        self.geo_check.setChecked(True)
        layout.addWidget(self.geo_check)

        self.results = QListWidget(self)
        self.results.currentItemChanged.connect(self.on_result_chosen)
        layout.addWidget(self.results, 1)
        self.details = QTextBrowser(self)
        self.details.setOpenExternalLinks(True)
        layout.addWidget(self.details, 1)

        place_row = QHBoxLayout()
        place_label = QLabel(tr("Only within"), self)
        place_label.setToolTip(tr("Empty: the whole dataset"))
        place_row.addWidget(place_label)
        place_row.addWidget(self.make_place_field(), 1)
        layout.addLayout(place_row)
        self.category_combo = self.make_category_combo()
        self.add_load_controls(layout, tr("Load"), beside=self.category_combo)
        self.load_button.setEnabled(False)

    def title(self) -> str:
        return tr("Opendatasoft portals")

    # -- portals --------------------------------------------------------------------------------

    def fill_portals(self, select: str = None) -> None:
        # Rebuilt without signals (the current portal would flicker through the first one), then one check.
        self.portal_combo.blockSignals(True)
        self.portal_combo.clear()
        seen = set()
        for portal in load_portals():
            self.portal_combo.addItem(f"{portal['name']} — {portal['url']}", portal["url"])
            seen.add(portal["url"])
        for url in load_settings().ods_portals:
            if url not in seen:
                self.portal_combo.addItem(url, url)
                seen.add(url)
        if select:
            index = self.portal_combo.findData(select)
            if index >= 0:
                self.portal_combo.setCurrentIndex(index)
        self.portal_combo.blockSignals(False)
        self.on_portal_changed()

    def add_portal(self, url: str) -> str:
        """Add a portal to the list (kept in the settings) and select it; returns its base URL."""
        portal = normalize_portal(url)
        if not portal:
            return ""
        settings = load_settings()
        if portal not in settings.ods_portals and self.portal_combo.findData(portal) < 0:
            settings.ods_portals.append(portal)
            save_settings(settings)
        self.fill_portals(select=portal)
        return portal

    def on_add_portal(self, *_args) -> None:
        if self.add_portal(self.add_portal_edit.text()):
            self.add_portal_edit.clear()

    def portal(self) -> str:
        return self.portal_combo.currentData() or ""

    def authcfg(self) -> str:
        return self.auth_select.configId() or ""

    def on_portal_changed(self, *_args) -> None:
        """A key belongs to one portal: it is never sent to another one chosen afterwards."""
        if self.portal() != self.auth_portal:
            self.auth_portal = self.portal()
            self.auth_select.setConfigId("")

    # -- search ---------------------------------------------------------------------------------

    def search_or_cancel(self, *_args) -> None:
        """The search button: it reads "Cancel" while a search runs (a portal may not answer), and stops it."""
        if self.search_task is not None:
            self.search_task.cancel()
            self.status.setText(tr("Cancelling the search…"))
        else:
            self.search()

    def search(self, *_args) -> None:
        if self.search_task is not None:
            return
        portal, query, geo_only = self.portal(), self.search_edit.text(), self.geo_check.isChecked()
        authcfg = self.authcfg()
        self.results.clear()
        self.details.clear()
        self.load_button.setEnabled(False)
        self.search_button.setText(tr("Cancel"))
        self.status.setText(tr("Searching…"))

        def work(feedback: QgsFeedback | None):
            return OdsSource(Transport(feedback=feedback)).search_datasets(
                portal, query, geo_only=geo_only, authcfg=authcfg
            )

        clear_action(self.action, self.iface)
        self.search_task = self.runner(tr("Opendatasoft search") + f" {portal}", work, self.on_searched)
        if self.search_task is not None and hasattr(self.search_task, "feedback"):
            self.search_task.feedback.textChanged.connect(self.on_search_progress)

    @pyqtSlot(str)
    def on_search_progress(self, text: str) -> None:
        """What the search waits for ("data.example.fr: waiting for an answer (12 s)"); queued from its thread."""
        if self.search_task is not None:
            self.status.setText(tr("Searching…") + f"\n{text}")

    def on_searched(self, result: tuple | None, error: Exception | None) -> None:
        self.search_task = None
        self.search_button.setText(tr("Search"))
        if error is not None or result is None:
            self.status.setText(str(error) if error else tr("The search was cancelled"))
            if error is not None:
                notify(str(error), "warning", self.iface, action=self.action)
            return
        total, self.datasets = result
        for info in self.datasets:
            count = f" · {info.records_count}" if info.records_count is not None else ""
            item = QListWidgetItem(f"{info.title}{count}")
            item.setToolTip(info.dataset_id)
            item.setData(Qt.UserRole, info.dataset_id)
            self.results.addItem(item)
        self.status.setText(
            tr("Datasets found")
            + colon()
            + f"{total}"
            + (f" ({tr('first')} {len(self.datasets)})" if total > len(self.datasets) else "")
        )

    def current_dataset(self) -> OdsDataset | None:
        row = self.results.currentRow()
        return self.datasets[row] if 0 <= row < len(self.datasets) else None

    def on_result_chosen(self, *_args) -> None:
        info = self.current_dataset()
        if info is None:
            self.details.clear()
            self.load_button.setEnabled(False)
            return
        self.details.setHtml(details_html(info))
        self.load_button.setEnabled(self.task is None)

    # -- load -----------------------------------------------------------------------------------

    def load(self, *_args) -> None:
        info = self.current_dataset()
        if info is None or self.task is not None:
            return
        category = self.category_combo.currentData()
        target = self.placed(
            file_target(ods_output_path(info.portal, info.dataset_id), safe_name(info.dataset_id, "ods"))
        )
        if target is None:
            return
        spec = {"source": "ods", "portal": info.portal, "dataset": info.dataset_id, **self.place.coverage()}
        # Results listed before the portal changed keep their portal: the key chosen since is not theirs.
        if self.authcfg() and info.portal == self.portal():
            spec["authcfg"] = self.authcfg()

        def work(feedback: QgsFeedback | None):
            return OdsSource(Transport(feedback=feedback)).fetch(spec, target, category, feedback)

        self.run(
            tr("Opendatasoft") + f" {info.dataset_id}",
            work,
            lambda result: self.on_loaded(result, info, target),
            status=tr("Loading") + f" {info.title}…",
            cancelled=tr("The load was cancelled"),
            remember=RememberedDataset(spec, category, info.title or info.dataset_id),
        )

    def on_loaded(self, result: FetchResult, info: OdsDataset, target: OutputTarget) -> None:
        if self.add_layer(target, info.title) is None:
            return
        text = f"{info.title}: {result.feature_count} " + tr("records loaded")
        for warning in result.warnings:
            text += "\n" + warning
        self.status.setText(text)
        notify(text, "success", self.iface, action=self.action)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.load_button.setEnabled(not busy and self.current_dataset() is not None)

    def shutdown(self) -> None:
        super().shutdown()
        if self.search_task is not None:
            self.search_task.cancel()
