"""Every tab of the dock, and every source panel, usable at 360 px in English and in French (ui/narrow.py): nothing
cut off, no horizontal scroll bar, and the dock does not widen itself when lists fill. The real desktop checks the
same with QGIS's own window (tests/desktop/test_dock_desktop.py)."""

import pytest
from open_territory.plugin.toolbelt.metadata import translation_file
from open_territory.ui.dock import OpenTerritoryDock
from open_territory.ui.narrow import DOCK_WIDTH, button_grid, fit_narrow, narrow_combo
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtWidgets import QApplication, QComboBox, QPushButton, QScrollArea, QWidget

LONG_ITEM = "Rennes Métropole — https://data.rennesmetropole.fr/explore/dataset/un-identifiant-tres-long/"


@pytest.fixture()
def desktop_font():
    """The font QGIS's desktop uses (9 pt), not the offscreen platform's 12 pt, so widths are the desktop's."""
    app = QApplication.instance()
    font = app.font()
    desktop = app.font()
    desktop.setPointSizeF(9)
    app.setFont(desktop)
    yield
    app.setFont(font)


@pytest.fixture(params=["en", "fr"])
def language(request):
    translator = None
    if request.param == "fr":
        translator = QTranslator()
        assert translator.load(translation_file("fr")), "run `make translations` first"
        QCoreApplication.installTranslator(translator)
    yield request.param
    if translator is not None:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture()
def narrow_dock(qgis_iface, desktop_font, language):
    dock = OpenTerritoryDock(qgis_iface)  # on its own, a window of its own: as wide as asked, if it can be
    dock.resize(DOCK_WIDTH, 800)
    dock.show()
    QApplication.processEvents()
    yield dock
    dock.shutdown()
    dock.deleteLater()
    QApplication.processEvents()


def pages(dock: OpenTerritoryDock) -> list:
    """(name, page, how to show it) for every tab and every panel of the Resources tab."""
    found = []
    for section in dock.sections:
        found.append((section.KEY, section, lambda s=section: dock.tabs.setCurrentWidget(s)))
        toolbox = getattr(section, "toolbox", None)
        for index in range(toolbox.count() if toolbox is not None else 0):

            def show(s=section, t=toolbox, i=index):
                dock.tabs.setCurrentWidget(s)
                t.setCurrentIndex(i)

            found.append((f"{section.KEY}/{type(toolbox.widget(index)).__name__}", toolbox.widget(index), show))
    return found


def test_every_tab_fits_a_360_px_dock(narrow_dock, language):
    assert narrow_dock.width() <= DOCK_WIDTH, f"the dock cannot be made {DOCK_WIDTH} px wide in {language}"
    for name, page, show in pages(narrow_dock):
        show()
        QApplication.processEvents()
        assert page.width() >= page.minimumSizeHint().width(), f"{name} is cut off in {language}"
        for area in page.findChildren(QScrollArea):
            if area.isVisible():
                assert not area.horizontalScrollBar().isVisible(), f"{name} scrolls sideways in {language}"
    # Filling lists does not widen the dock: a long portal, a long territory name.
    territory = narrow_dock.section("territory")
    territory.profile_combo.addItem(LONG_ITEM * 2, "long")
    ods = narrow_dock.section("resources").panels[0]
    ods.portal_combo.addItem(LONG_ITEM, LONG_ITEM)
    QApplication.processEvents()
    assert narrow_dock.minimumSizeHint().width() <= DOCK_WIDTH


def test_a_narrow_combo_box_keeps_short_items_as_they_are(qgis_app, desktop_font):
    parent = QWidget()
    long_combo, short_combo = QComboBox(parent), QComboBox(parent)
    long_combo.addItem(LONG_ITEM)
    short_combo.addItems(["A4", "A3"])
    short_width = short_combo.minimumSizeHint().width()
    long_width = long_combo.minimumSizeHint().width()
    fit_narrow(parent)
    assert long_combo.minimumSizeHint().width() < long_width / 3
    assert long_combo.toolTip() == LONG_ITEM  # the text the box cuts
    assert short_combo.minimumSizeHint().width() == short_width
    explained = QComboBox(parent)
    explained.setToolTip("What this choice does")
    narrow_combo(explained)
    explained.addItem(LONG_ITEM)
    assert explained.toolTip() == "What this choice does"


def test_button_grid_puts_the_buttons_two_a_row(qgis_app):
    buttons = [QPushButton(str(i)) for i in range(3)]
    grid = button_grid(buttons)
    assert [grid.getItemPosition(grid.indexOf(b))[:2] for b in buttons] == [(0, 0), (0, 1), (1, 0)]
