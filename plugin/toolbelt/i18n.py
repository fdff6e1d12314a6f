"""Translation helpers: one Qt context for every string of the plugin.

`scripts/i18n.py` extracts every literal passed to `tr()` into `i18n/open_territory_fr.ts`,
so the first argument of `tr()` must always be a string literal.
"""

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings

CONTEXT = "OpenTerritory"


def tr(message: str) -> str:
    return QCoreApplication.translate(CONTEXT, message)


def colon() -> str:
    """The separator before a list or a value in printed text: ": " in English, " : " in French."""
    return tr(": ")


def qgis_locale() -> str:
    """The two-letter language QGIS runs in (its own override first, then the system's): what a source
    asks a server for (a GBFS feed's language), whether or not the plugin has a translation for it."""
    settings = QSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        name = settings.value("locale/userLocale", "") or ""
    else:
        name = QLocale.system().name()
    return (name or "en")[:2]


def ui_language() -> str:
    """The two-letter language the plugin's texts are shown in. The plugin's translation says it: QGIS
    installs the one of the user's locale, scripts (the demo) install theirs, and without one the texts
    are English."""
    # Translators: not a text, the two-letter code of this translation's language.
    return tr("en")
