"""The Territory tab's "any French territory" row: a search field with completion, then "Compose".

While the user types, the field asks geo.api.gouv.fr for the communes and EPCIs that match
(plugin/compose/lookup.suggestions), in a background task started once the typing pauses (DEBOUNCE_MS),
an answer to older text being dropped; homonyms are listed with their department and code. "Compose"
composes the profile of the chosen territory (or of the text, which may be a code) in a background task,
saves it as an ordinary profile file in the user's profile folder and hands its path on (`composed`): the
Territory tab opens it like any profile, ready to load. A name shared by several territories, or one that
matches none, puts the candidates (or the closest names) in the completion list to choose from.

The services are the ones the plugin's settings name (Settings › Options › Open Territory: the public
ones, or a mirror).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QStringListModel, Qt, QTimer, pyqtSignal, pyqtSlot
from qgis.PyQt.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..plugin.compose.assemble import compose_profile
from ..plugin.compose.geo_api import GeoApi
from ..plugin.compose.lookup import suggestions
from ..plugin.compose.services import Services
from ..plugin.profiles.profile import save_profile
from ..plugin.toolbelt.errors import InputError, OpenTerritoryError
from ..plugin.toolbelt.i18n import tr
from ..plugin.toolbelt.logger import notify
from ..plugin.toolbelt.network import Transport
from ..plugin.toolbelt.settings import load_settings
from ..plugin.toolbelt.tasks import start_task

if TYPE_CHECKING:  # names used in annotations only
    from qgis.core import QgsProcessingFeedback, QgsTask

    from ..plugin.compose.assemble import Composition

DEBOUNCE_MS = 400
SHORTEST_QUERY = 2  # characters before the field asks for suggestions


def composed_profiles_folder() -> str:
    """Where the dock saves the profiles it composes: a folder of the user's QGIS profile."""
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "open_territory", "profiles")


class ComposeBox(QWidget):
    composed = pyqtSignal(str)  # the path of the profile just written

    def __init__(self, iface, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.candidates = {}  # label shown in the completion list -> Territory
        self.search_task = None
        self.compose_task = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.field = QLineEdit(self)
        self.field.setObjectName("composeTerritory")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(tr("Any commune or EPCI: name or code"))
        self.field.setToolTip(
            tr(
                "A French commune or EPCI, by its name (accents optional) or its code (INSEE, SIREN): its profile "
                "is composed from the national open data"
            )
        )
        self.field.textEdited.connect(self.on_text_edited)
        self.field.returnPressed.connect(self.compose)
        row.addWidget(self.field, 1)
        self.compose_button = QPushButton(tr("Compose"), self)
        self.compose_button.setObjectName("composeButton")
        self.compose_button.setToolTip(tr("Compose this territory's profile, then open it here"))
        self.compose_button.clicked.connect(self.on_button)
        row.addWidget(self.compose_button)
        layout.addLayout(row)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        layout.addWidget(self.status)

        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        # The server chose the candidates: the list shows them all, whatever the text's spelling.
        self.completer.setCompletionMode(QCompleter.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.field.setCompleter(self.completer)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.search)

    @staticmethod
    def services() -> Services:
        return Services.from_settings(load_settings())

    # -- suggestions --------------------------------------------------------------------------

    @property
    def chosen(self):
        """The Territory the text names when it is one of the listed candidates (picked from the list), else None."""
        return self.candidates.get(self.field.text().strip())

    def on_text_edited(self, text: str) -> None:
        if len(text.strip()) >= SHORTEST_QUERY:
            self.timer.start()
        else:
            self.timer.stop()

    def search(self) -> QgsTask | None:
        text = self.field.text().strip()
        if len(text) < SHORTEST_QUERY:
            return None
        if self.search_task is not None:
            self.search_task.cancel()
        try:
            services = self.services()
        except InputError as error:
            self.show_status(str(error))
            return None

        def work(feedback: QgsProcessingFeedback):
            return suggestions(text, GeoApi(Transport(feedback=feedback), services.geo))

        self.search_task = start_task(tr("Searching the territory") + f" {text}", work, self.on_suggestions)
        self.search_task.query = text
        return self.search_task

    def on_suggestions(self, found: list | None, error: Exception | None) -> None:
        task, self.search_task = self.search_task, None
        if found is None or error is not None:
            if isinstance(error, OpenTerritoryError):
                self.show_status(str(error))
            return
        if task is not None and task.query != self.field.text().strip():
            return  # the user typed on: an answer to older text
        self.offer(found)

    def offer(self, territories: list) -> None:
        """Show these territories in the completion list."""
        self.candidates = {t.label(): t for t in territories}
        self.model.setStringList(list(self.candidates))
        if self.candidates and self.field.hasFocus():
            self.completer.complete()

    # -- composition --------------------------------------------------------------------------

    def on_button(self) -> None:
        """Compose; while a composition runs, the same button cancels it."""
        if self.compose_task is not None:
            self.compose_task.cancel()
        else:
            self.compose()

    def compose(self) -> QgsTask | None:
        text = self.field.text().strip()
        if self.compose_task is not None or not text:
            return None
        self.timer.stop()
        query = self.chosen or text  # a candidate picked from the list is composed as it is (no lookup again)
        try:
            services = self.services()
        except InputError as error:
            notify(str(error), "critical", self.iface)
            return None

        def work(feedback: QgsProcessingFeedback):
            return compose_profile(query, services, feedback=feedback)

        self.set_busy(True)
        self.show_status(tr("Composing the profile of") + f" {text}…")
        self.compose_task = start_task(tr("Composing the profile of") + f" {text}", work, self.on_composed)
        self.compose_task.progressChanged.connect(self.on_progress)
        return self.compose_task

    @pyqtSlot(float)
    def on_progress(self, value: object) -> None:
        self.progress.setValue(int(value))

    def on_composed(self, composition: Composition | None, error: Exception | None) -> None:
        self.compose_task = None
        self.set_busy(False)
        if isinstance(error, InputError) and error.reason in ("ambiguous", "unknown"):
            self.offer(list(error.payload or []))
            self.field.setFocus()
            if self.candidates:
                self.completer.complete()
            self.show_status(str(error).split("\n")[0])
            notify(str(error).split("\n")[0], "warning", self.iface)
            return
        if error is not None:
            self.show_status(str(error))
            notify(tr("The profile could not be composed") + f": {error}", "critical", self.iface)
            return
        if composition is None:
            self.show_status(tr("The composition was cancelled"))
            return
        self.finish(composition)

    def finish(self, composition: Composition) -> None:
        path = os.path.join(composed_profiles_folder(), f"{composition.profile['id']}.json")
        try:
            save_profile(composition.profile, path)
        except (InputError, OSError) as error:
            notify(tr("The profile could not be written") + f": {error}", "critical", self.iface)
            return
        self.show_status(composition.summary().split("\n")[0])
        # A step that failed was logged as a warning already; its note shows under the profile's description.
        notify(tr("Profile composed") + f": {composition.territory.label()} → {path}", "success", self.iface)
        self.composed.emit(path)

    def show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.compose_button.setText(tr("Cancel") if busy else tr("Compose"))
        self.field.setEnabled(not busy)

    def cancel(self) -> None:
        for task in (self.search_task, self.compose_task):
            if task is not None:
                task.cancel()
