from open_territory.plugin.toolbelt.logger import TAG, clear_action, log, notify
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


class Iface:
    """The part of QGIS's interface notify uses, with a real message bar (pytest-qgis's records texts only)."""

    def __init__(self):
        from qgis.gui import QgsMessageBar

        self.bar = QgsMessageBar()

    def messageBar(self):  # noqa: N802
        return self.bar


def shown(iface):
    return [(item.text(), item.level(), item.duration()) for item in iface.messageBar().items()]


def test_one_message_per_action_errors_stay_successes_fade(qgis_app):
    from qgis.PyQt.QtWidgets import QPushButton

    iface = Iface()
    notify("Loading…", "info", iface, action="territory")
    notify("Road works failed", "critical", iface, action="territory")
    assert shown(iface) == [("Road works failed", Qgis.Critical, 0)]  # updated in place, and it stays
    notify("Council map exported", "success", iface, action="export", button=("Open", lambda: None))
    assert sorted(text for text, _level, _keep in shown(iface)) == ["Council map exported", "Road works failed"]
    success = [item for item in iface.messageBar().items() if item.text() == "Council map exported"][0]
    assert success.duration() > 0 and [b.text() for b in success.findChildren(QPushButton)] == ["Open"]
    notify("Demo: 11 layers", "success", iface, action="territory")
    assert sorted(text for text, _level, _keep in shown(iface)) == ["Council map exported", "Demo: 11 layers"]
    clear_action("export", iface)
    assert [text for text, _level, _keep in shown(iface)] == ["Demo: 11 layers"]


def test_the_title_is_the_plugins_name_in_the_users_language(qgis_app):
    from open_territory.plugin.toolbelt.metadata import translation_file
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(translation_file("fr"))
    QCoreApplication.installTranslator(translator)
    try:
        iface = Iface()
        notify("x", "info", iface, action="a")
        assert [item.title() for item in iface.messageBar().items()] == ["Territoire ouvert"]
    finally:
        QCoreApplication.removeTranslator(translator)
