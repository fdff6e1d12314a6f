"""The plugin's one logger: QGIS message log under "Open Territory", message bar for the user.

The message bar holds at most one message per action (`notify(..., action="territory")`): a new message of an action
replaces the one it showed, so that a load says where it stands in one place instead of piling up messages. Errors
stay until the user closes them (or the action's next message replaces them), warnings stay a while, successes and
information fade. Messages without an action share one place of their own.

Whatever is logged or shown passes through `redaction.redact_text`: a URL with a key is masked here too.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog

from .i18n import tr
from .redaction import redact_text

TAG = "Open Territory"  # the tab of QGIS's log panel (a name, not translated)

_LEVELS = {
    "info": Qgis.Info,
    "success": Qgis.Success,
    "warning": Qgis.Warning,
    "critical": Qgis.Critical,
}
# Seconds a message stays in the message bar; 0: until closed.
DURATIONS = {"info": 5, "success": 6, "warning": 15, "critical": 0}
_shown = {}  # action -> the message bar item showing its last message


def log(message: str, level: str = "info") -> None:
    QgsMessageLog.logMessage(redact_text(str(message)), TAG, _LEVELS[level])


def message_title() -> str:
    return tr("Open Territory")


def notify(
    message: str,
    level: str = "info",
    iface=None,
    duration: int | None = None,
    action: str = "",
    button: tuple | None = None,
) -> None:
    """Log a message and, when a QGIS interface is available, show it in the message bar in place of the action's
    previous message. `button`: (text, callable) for a button in the message (open the file written...)."""
    message = redact_text(str(message))
    log(message, level)
    bar = message_bar(iface)
    if bar is None:
        return
    keep = 0 if level == "critical" else (DURATIONS[level] if duration is None else duration)
    previous = _shown.pop(action, None)
    if previous is not None and previous in bar.items():
        bar.popWidget(previous)
    if button is None:
        bar.pushMessage(message_title(), str(message), _LEVELS[level], keep)
        item = bar.currentItem()  # the item pushMessage made
    else:
        from qgis.PyQt.QtWidgets import QPushButton

        item = bar.createMessage(message_title(), str(message))
        widget = QPushButton(button[0], item)
        widget.clicked.connect(button[1])
        item.layout().addWidget(widget)
        bar.pushWidget(item, _LEVELS[level], keep)
    if item is not None:
        _shown[action] = item


def clear_action(action: str, iface=None) -> None:
    """Take the action's message off the message bar (the action starts again and will say how it ends)."""
    bar = message_bar(iface)
    previous = _shown.pop(action, None)
    if bar is not None and previous is not None and previous in bar.items():
        bar.popWidget(previous)


def message_bar(iface=None):
    """QGIS's message bar, or None outside the desktop."""
    if iface is None:
        try:
            from qgis.utils import iface as qgis_iface
        except ImportError:  # pragma: no cover - qgis.utils always exists inside QGIS
            qgis_iface = None
        iface = qgis_iface
    if iface is None or not hasattr(iface, "messageBar"):
        return None
    return iface.messageBar()
