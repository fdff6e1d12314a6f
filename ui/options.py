"""The Open Territory page in QGIS Settings > Options."""

from __future__ import annotations

from qgis.gui import QgsFileWidget, QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..plugin.toolbelt.i18n import tr
from ..plugin.toolbelt.metadata import ICON_PATH
from ..plugin.toolbelt.settings import (
    PluginSettings,
    default_cache_dir,
    default_data_dir,
    load_settings,
    save_settings,
)


class OpenTerritoryOptionsFactory(QgsOptionsWidgetFactory):
    def __init__(self):
        super().__init__()
        self.setTitle(tr("Open Territory"))

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def createWidget(self, parent: QWidget) -> OpenTerritoryOptionsPage:  # noqa: N802
        return OpenTerritoryOptionsPage(parent)


class OpenTerritoryOptionsPage(QgsOptionsPageWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("OpenTerritoryOptionsPage")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.overpass = QComboBox(self)
        self.overpass.setEditable(True)
        self.overpass.setToolTip(tr("Overpass API server used for OpenStreetMap resources"))
        form.addRow(tr("Overpass server"), self.overpass)

        # The transport's own limits (QGIS's network timeout does not apply to the plugin's requests).
        self.timeout = QSpinBox(self)
        self.timeout.setRange(5, 3600)
        self.timeout.setSuffix(tr(" s"))
        self.timeout.setToolTip(
            tr(
                "How long a server may take to start answering (connection and its own work) before the "
                "request is abandoned; an Overpass query waits its own timeout"
            )
        )
        form.addRow(tr("Wait for an answer"), self.timeout)

        self.stall_timeout = QSpinBox(self)
        self.stall_timeout.setRange(5, 3600)
        self.stall_timeout.setSuffix(tr(" s"))
        self.stall_timeout.setToolTip(tr("How long a download may receive almost nothing before it is abandoned"))
        form.addRow(tr("Wait when a download stops"), self.stall_timeout)

        self.max_download = QSpinBox(self)
        self.max_download.setRange(0, 1000000)
        self.max_download.setSuffix(tr(" MB"))
        self.max_download.setSpecialValueText(tr("no limit"))
        self.max_download.setToolTip(tr("A reply larger than this is stopped while it downloads"))
        form.addRow(tr("Largest download"), self.max_download)

        self.retries = QSpinBox(self)
        self.retries.setRange(0, 10)
        self.retries.setToolTip(tr("Retries after a busy server (HTTP 429, 502, 503, 504)"))
        form.addRow(tr("Retries"), self.retries)

        self.cache_dir = QgsFileWidget(self)
        self.cache_dir.setStorageMode(QgsFileWidget.GetDirectory)
        self.cache_dir.lineEdit().setPlaceholderText(default_cache_dir())
        self.cache_dir.setToolTip(tr("Folder where downloaded replies are kept for offline use"))
        form.addRow(tr("Cache folder"), self.cache_dir)

        self.data_dir = QgsFileWidget(self)
        self.data_dir.setStorageMode(QgsFileWidget.GetDirectory)
        self.data_dir.lineEdit().setPlaceholderText(default_data_dir())
        self.data_dir.setToolTip(
            tr("Folder of the territories' GeoPackages when the project is not saved (else the project's folder)")
        )
        form.addRow(tr("Territories folder"), self.data_dir)

        self.cache_keep_days = QSpinBox(self)
        self.cache_keep_days.setRange(0, 3650)
        self.cache_keep_days.setSuffix(tr(" days"))
        self.cache_keep_days.setSpecialValueText(tr("forever"))
        self.cache_keep_days.setToolTip(
            tr(
                "Downloaded replies are kept for offline use, then deleted this many "
                "days after they were fetched (checked once per session)"
            )
        )
        form.addRow(tr("Keep cached replies"), self.cache_keep_days)

        self.cache_max_mb = QSpinBox(self)
        self.cache_max_mb.setRange(0, 1000000)
        self.cache_max_mb.setSuffix(tr(" MB"))
        self.cache_max_mb.setSpecialValueText(tr("no limit"))
        self.cache_max_mb.setToolTip(
            tr(
                "Beyond this size, the least recently fetched replies are deleted from "
                "the cache (checked once per session)"
            )
        )
        form.addRow(tr("Cache size limit"), self.cache_max_mb)

        self.download_warning = QSpinBox(self)
        self.download_warning.setRange(1, 100000)
        self.download_warning.setSuffix(tr(" MB"))
        self.download_warning.setToolTip(tr("Ask before downloading a file larger than this"))
        form.addRow(tr("Warn before downloads over"), self.download_warning)

        self.offline = QCheckBox(tr("Offline mode: answer from the cache only"), self)
        form.addRow("", self.offline)

        # Imported with the page, which QGIS builds when the options dialog opens: the factory is made at start.
        from .compose_options import ComposeServicesGroup

        self.compose_services = ComposeServicesGroup(self)
        layout.addWidget(self.compose_services)

        self.reset = QPushButton(tr("Restore defaults"), self)
        self.reset.clicked.connect(lambda: self.show_settings(PluginSettings()))
        layout.addWidget(self.reset)
        layout.addStretch(1)
        self.show_settings(load_settings())

    def show_settings(self, settings: PluginSettings) -> None:
        self._servers = list(settings.overpass_servers)
        self.overpass.clear()
        self.overpass.addItems(self._servers)
        self.overpass.setCurrentText(settings.overpass_server)
        self.timeout.setValue(settings.network_timeout)
        self.stall_timeout.setValue(settings.network_stall_timeout)
        self.max_download.setValue(settings.max_download_mb)
        self.retries.setValue(settings.network_retries)
        self.cache_dir.setFilePath(settings.cache_dir)
        self.data_dir.setFilePath(settings.data_dir)
        self.cache_keep_days.setValue(settings.cache_keep_days)
        self.cache_max_mb.setValue(settings.cache_max_mb)
        self.download_warning.setValue(settings.download_warning_mb)
        self.offline.setChecked(settings.offline)
        self.compose_services.show_settings(settings)

    def current_settings(self) -> PluginSettings:
        settings = load_settings()
        settings.overpass_server = self.overpass.currentText().strip() or PluginSettings().overpass_server
        if settings.overpass_server not in self._servers:
            self._servers.append(settings.overpass_server)
        settings.overpass_servers = self._servers
        settings.network_timeout = self.timeout.value()
        settings.network_stall_timeout = self.stall_timeout.value()
        settings.max_download_mb = self.max_download.value()
        settings.network_retries = self.retries.value()
        settings.cache_dir = self.cache_dir.filePath().strip()
        settings.data_dir = self.data_dir.filePath().strip()
        settings.cache_keep_days = self.cache_keep_days.value()
        settings.cache_max_mb = self.cache_max_mb.value()
        settings.download_warning_mb = self.download_warning.value()
        settings.offline = self.offline.isChecked()
        self.compose_services.apply_to(settings)
        return settings

    def apply(self) -> None:
        save_settings(self.current_settings())
