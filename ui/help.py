"""Help at hand: open a page of the shipped user guide (plugin/toolbelt/guide.py) in the user's browser, and
the dock's "?" button, which opens the page of the tab the user is in."""

from __future__ import annotations

from typing import Callable

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QToolButton, QWidget

from ..plugin.toolbelt.guide import guide_url, has_page
from ..plugin.toolbelt.i18n import tr


def open_guide(page: str = "index", anchor: str = "") -> bool:
    """Open a page of the guide (a tab's key names its page; anything else opens the first page)."""
    return QDesktopServices.openUrl(QUrl(guide_url(page if has_page(page) else "index", anchor)))


def help_button(parent: QWidget, current_page: Callable[[], str]) -> QToolButton:
    """A "?" button that opens the guide's page `current_page()` names when clicked."""
    button = QToolButton(parent)
    button.setObjectName("OpenTerritoryHelp")
    button.setIcon(QgsApplication.getThemeIcon("/mActionHelpContents.svg"))
    button.setAutoRaise(True)
    button.setToolTip(tr("Help: the user guide's page of this tab"))
    button.clicked.connect(lambda: open_guide(current_page()))
    return button
