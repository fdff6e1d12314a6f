from open_territory.plugin.toolbelt.logger import TAG, log, notify
from qgis.core import Qgis, QgsApplication


def test_log_goes_to_the_plugin_tab():
    received = []

    def collect(message, tag, level):
        received.append((message, tag, level))

    QgsApplication.messageLog().messageReceived.connect(collect)
    try:
        log("hello", "warning")
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(collect)
    assert ("hello", TAG, Qgis.Warning) in received


def test_notify_pushes_to_message_bar(qgis_iface):
    notify("Layer loaded", "success", qgis_iface)
    assert "Open Territory:Layer loaded" in qgis_iface.messageBar().get_messages(Qgis.Success)
