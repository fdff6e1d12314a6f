"""The options page's group for the profile composer: the base URLs of the services it asks.

Empty fields mean the public services (shown as placeholders); a mirror, or the local stand-ins of a
demonstration, go here. Processing's `compose_profile` takes the same as parameters."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QWidget

from ..plugin.compose.services import DATAGOUV_API, GEO_API, TRANSPORT_API, base_url
from ..plugin.sources.sensor_community import DEFAULT_SERVER as SENSOR_API
from ..plugin.toolbelt.errors import InputError
from ..plugin.toolbelt.i18n import tr
from ..plugin.toolbelt.settings import PluginSettings


class ComposeServicesGroup(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Profile composer"), parent)
        self.setObjectName("composeServices")
        form = QFormLayout(self)
        self.fields = {}
        for key, label, public in (
            ("compose_geo_api", tr("geo.api.gouv.fr base URL"), GEO_API),
            ("compose_transport_api", tr("transport.data.gouv.fr base URL"), TRANSPORT_API),
            ("compose_datagouv_api", tr("data.gouv.fr base URL"), DATAGOUV_API),
            ("compose_sensor_api", tr("sensor.community server written in the profile"), SENSOR_API),
        ):
            field = QLineEdit(self)
            field.setPlaceholderText(public)
            field.setToolTip(tr("Empty: the public service. A mirror, or a local stand-in for a demonstration"))
            form.addRow(label, field)
            self.fields[key] = field

    def show_settings(self, settings: PluginSettings) -> None:
        for key, field in self.fields.items():
            field.setText(getattr(settings, key))

    def apply_to(self, settings: PluginSettings) -> None:
        """The fields into `settings`; one that is not an http(s) address keeps the value it had."""
        for key, field in self.fields.items():
            value = field.text().strip()
            try:
                setattr(settings, key, base_url(value, "", key) if value else "")
            except InputError:
                field.setText(getattr(settings, key))
