import os
import subprocess
import sys

from open_territory.plugin.toolbelt.i18n import CONTEXT
from open_territory.plugin.toolbelt.metadata import PLUGIN_DIR, translation_file
from qgis.PyQt.QtCore import QCoreApplication, QTranslator


def test_every_visible_string_has_a_french_translation():
    result = subprocess.run(
        [sys.executable, os.path.join(PLUGIN_DIR, "scripts", "i18n.py"), "missing"], capture_output=True, text=True
    )
    assert result.returncode == 0, "untranslated strings:\n" + result.stdout


def test_compiled_translation_loads_and_translates():
    path = translation_file("fr")
    assert os.path.exists(path), "run `make translations` first"
    translator = QTranslator()
    assert translator.load(path)
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate(CONTEXT, "Register") == "Registre"
        assert QCoreApplication.translate(CONTEXT, "Open Territory") == "Territoire ouvert"
    finally:
        QCoreApplication.removeTranslator(translator)
