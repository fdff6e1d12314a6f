#!/usr/bin/env python3
"""Writes the Processing algorithms' descriptions of the package, one file per language (processing/descriptions.py
says why), into OUT_DIR: `make package` runs it on the package it builds.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/describe_algorithms.py OUT_DIR
"""

from __future__ import annotations

import importlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from headless import start_qgis  # noqa: E402

LANGUAGES = ("en", "fr")  # English, and every translation the plugin ships


def main(out_dir: str) -> int:
    app = start_qgis(processing=False)  # noqa: F841 - kept alive until the end
    from open_territory.plugin.toolbelt.i18n import ui_language
    from open_territory.plugin.toolbelt.metadata import translation_file
    from open_territory.processing.descriptions import describe, write_descriptions
    from open_territory.processing.provider import algorithm_names
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QTranslator

    for language in LANGUAGES:
        translator = None
        if language != "en":
            translator = QTranslator()
            if not translator.load(translation_file(language)):
                raise SystemExit(f"describe_algorithms: no compiled translation for {language}")
            QgsApplication.installTranslator(translator)
        if ui_language() != language:
            raise SystemExit(f"describe_algorithms: the texts are not in {language}")
        descriptions = []
        for module, class_name in algorithm_names():
            algorithm = getattr(importlib.import_module(f"open_territory.processing.algorithms.{module}"), class_name)()
            algorithm.initAlgorithm()
            descriptions.append(describe(algorithm, module, class_name))
        path = os.path.join(out_dir, f"{language}.json")
        write_descriptions(path, descriptions)
        print(f"{path}: {len(descriptions)} algorithms")
        if translator is not None:
            QgsApplication.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    sys.exit(main(os.path.abspath(sys.argv[1])))
