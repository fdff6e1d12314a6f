"""ui/help.py and the dock's "?" button: the page of the current tab opens, through Qt's URL handlers."""

import os

import pytest
from open_territory.plugin.toolbelt.metadata import GUIDE_DIR
from qgis.PyQt.QtCore import QObject, QUrl, pyqtSlot
from qgis.PyQt.QtGui import QDesktopServices


class Opened(QObject):
    def __init__(self):
        super().__init__()
        self.urls = []

    @pyqtSlot(QUrl)
    def open(self, url):
        self.urls.append(url)


@pytest.fixture()
def opened():
    """Catches the file:// URLs QDesktopServices would hand to the browser."""
    handler = Opened()
    QDesktopServices.setUrlHandler("file", handler, "open")
    yield handler.urls
    QDesktopServices.unsetUrlHandler("file")


def test_the_dock_button_opens_the_page_of_the_current_tab(qgis_iface, opened):
    from open_territory.ui.dock import OpenTerritoryDock

    dock = OpenTerritoryDock(qgis_iface)
    try:
        assert dock.tabs.cornerWidget() is dock.help_button
        for key in ("register", "export"):
            dock.tabs.setCurrentWidget(dock.section(key))
            dock.help_button.click()
            assert opened[-1].toLocalFile() == os.path.join(GUIDE_DIR, "en", f"{key}.html")
            assert os.path.isfile(opened[-1].toLocalFile())
    finally:
        dock.shutdown()
        dock.deleteLater()


def test_an_unknown_page_opens_the_first_page(opened):
    from open_territory.ui.help import open_guide

    assert open_guide("not-a-page")
    assert opened[-1].toLocalFile() == os.path.join(GUIDE_DIR, "en", "index.html")
