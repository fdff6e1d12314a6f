"""Translation helpers: one Qt context for every string of the plugin.

`scripts/i18n.py` extracts every literal passed to `tr()` into `i18n/open_territory_fr.ts`,
so the first argument of `tr()` must always be a string literal.
"""

from qgis.PyQt.QtCore import QCoreApplication

CONTEXT = "OpenTerritory"


def tr(message: str) -> str:
    return QCoreApplication.translate(CONTEXT, message)
