"""What keeps every tab of the dock usable at 360 px, in English and in French, without the dock widening itself
when a list fills or a message arrives (tests/ui/test_narrow.py, tests/desktop/test_dock_desktop.py):

- a combo box is as narrow as a few characters, whatever its longest item (the list shows the items in full, the
  tooltip the current one);
- a form's field goes under its label when both do not fit side by side;
- a word-wrapped label may be narrower than its longest word (a path, a URL): it never sets the dock's width;
- a row of buttons becomes a grid (`button_grid`).

The dock applies `fit_narrow` to every tab once built, so the panels' own layouts need nothing more than short
texts and grids where a row would not fit.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QEvent
from qgis.PyQt.QtWidgets import QApplication, QComboBox, QFormLayout, QGridLayout, QLabel, QLayout, QWidget

DOCK_WIDTH = 360  # pixels: the narrowest dock every tab must be usable in
COMBO_CHARACTERS = 10  # what a combo box shows at least before its text is cut


def fit_narrow(root: QWidget) -> None:
    """Make the combo boxes, forms and word-wrapped labels under `root` narrow, as the module's docstring says."""
    for combo in root.findChildren(QComboBox):
        narrow_combo(combo)
    for layout in root.findChildren(QLayout):
        if isinstance(layout, QFormLayout):
            layout.setRowWrapPolicy(QFormLayout.WrapLongRows)
    if root.layout() is not None and isinstance(root.layout(), QFormLayout):
        root.layout().setRowWrapPolicy(QFormLayout.WrapLongRows)
    for label in root.findChildren(QLabel):
        if label.wordWrap():
            label.setMinimumWidth(1)
    # Layouts keep the sizes they computed while their widgets were hidden: computed again with the new rules.
    for layout in root.findChildren(QLayout):
        layout.invalidate()


def narrow_combo(combo: QComboBox, characters: int = COMBO_CHARACTERS) -> None:
    """A combo box whose width does not follow its items, its current text in the tooltip when it has none of its
    own. Combo boxes inside QGIS's own composite widgets are left as their widget made them."""
    policy = combo.sizeAdjustPolicy()
    if policy in (QComboBox.AdjustToContents, QComboBox.AdjustToContentsOnFirstShow):
        width = combo.minimumSizeHint().width()
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        set_contents_length(combo, characters)
        if combo.count() and combo.minimumSizeHint().width() > width:  # short fixed items (A4, PDF): as they were
            combo.setSizeAdjustPolicy(policy)
            set_contents_length(combo, 0)
    elif policy == QComboBox.AdjustToMinimumContentsLengthWithIcon:
        set_contents_length(combo, min(combo.minimumContentsLength() or characters, characters))
    if not combo.toolTip() and not combo.property("ot_text_tip"):
        combo.setProperty("ot_text_tip", True)
        combo.currentTextChanged.connect(combo.setToolTip)
        combo.setToolTip(combo.currentText())


def set_contents_length(combo: QComboBox, characters: int) -> None:
    """QComboBox computes its minimum size hint once and keeps it until its style changes (not when its policy or its
    minimum contents length does): a style change is announced, so that it is computed again under the new rules."""
    combo.setMinimumContentsLength(characters)
    QApplication.sendEvent(combo, QEvent(QEvent.StyleChange))
    combo.updateGeometry()


def button_grid(buttons: list, columns: int = 2) -> QGridLayout:
    """The buttons `columns` a row, each row sharing the width evenly."""
    grid = QGridLayout()
    for index, button in enumerate(buttons):
        grid.addWidget(button, index // columns, index % columns)
    for column in range(columns):
        grid.setColumnStretch(column, 1)
    return grid
