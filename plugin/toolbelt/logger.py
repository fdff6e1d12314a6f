"""The plugin's one logger: QGIS message log under "Open Territory", message bar for the user.

Whatever is logged or shown passes through `redaction.redact_text`: a URL with a key is masked here too.
"""

from qgis.core import Qgis, QgsMessageLog

from .redaction import redact_text

TAG = "Open Territory"

_LEVELS = {
    "info": Qgis.Info,
    "success": Qgis.Success,
    "warning": Qgis.Warning,
    "critical": Qgis.Critical,
}


def log(message: str, level: str = "info") -> None:
    QgsMessageLog.logMessage(redact_text(str(message)), TAG, _LEVELS[level])


def notify(message: str, level: str = "info", iface=None, duration: int = 6) -> None:
    """Log a message and, when a QGIS interface is available, show it in the message bar."""
    message = redact_text(str(message))
    log(message, level)
    if iface is None:
        try:
            from qgis.utils import iface as qgis_iface
        except ImportError:  # pragma: no cover - qgis.utils always exists inside QGIS
            qgis_iface = None
        iface = qgis_iface
    if iface is None or not hasattr(iface, "messageBar"):
        return
    # Errors stay until dismissed: a technician may be looking elsewhere while a download ends.
    keep = 0 if level == "critical" else duration
    iface.messageBar().pushMessage(TAG, str(message), _LEVELS[level], keep)
