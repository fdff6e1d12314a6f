"""The council map speaks the user's language: every text the plugin puts on the page (legend title, date
line, sources box, OSM attribution) comes from the French translation and the French
locale when QGIS runs in French. Layer titles and the user's own title are data, shown as given."""

from __future__ import annotations

import subprocess

import pytest
from open_territory.plugin.export.council_map import export_council_map
from open_territory.plugin.toolbelt.i18n import CONTEXT
from open_territory.plugin.toolbelt.metadata import translation_file
from qgis.PyQt.QtCore import QCoreApplication, QDate, QLocale, QTranslator

from .council_data import load_layers


@pytest.fixture()
def french():
    translator = QTranslator()
    assert translator.load(translation_file("fr")), "run scripts/i18n.py update && scripts/i18n.py compile"
    QCoreApplication.installTranslator(translator)
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.French, QLocale.France))
    yield
    QLocale.setDefault(previous)
    QCoreApplication.removeTranslator(translator)


def pdf_text(path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def test_the_page_is_in_french(territory, project, tmp_path, french):
    layers = load_layers(territory, project=project)
    result = export_council_map(layers, str(tmp_path / "carte.pdf"), "", project=project)
    text = pdf_text(result["OUTPUT"])

    def fr(english):
        return QCoreApplication.translate(CONTEXT, english)

    month = QLocale(QLocale.French, QLocale.France).monthName(QDate.currentDate().month())
    for expected in (
        fr("Legend"),
        fr("Map made on"),
        fr("with QGIS and Open Territory"),
        month,
        fr("© OpenStreetMap contributors"),
    ):
        assert expected in text, expected
    for english in (
        "Legend",
        "Map made on",
        "with QGIS and Open Territory",
        "OpenStreetMap contributors",
        QLocale(QLocale.English).monthName(QDate.currentDate().month()),
    ):
        assert english not in text, english


def test_the_date_follows_the_maps_language_not_the_system_locale(territory, project, tmp_path):
    """QGIS run in French on an English system: the plugin's translation is French, so is the date."""
    translator = QTranslator()
    assert translator.load(translation_file("fr"))
    QCoreApplication.installTranslator(translator)
    try:
        assert QLocale().language() != QLocale.French
        layers = load_layers(territory, ["car_park_ods"], project)
        result = export_council_map(layers, str(tmp_path / "carte.pdf"), "", project=project)
    finally:
        QCoreApplication.removeTranslator(translator)
    text = pdf_text(result["OUTPUT"])
    assert QLocale(QLocale.French).monthName(QDate.currentDate().month()) in text
    assert QLocale(QLocale.English).monthName(QDate.currentDate().month()) not in text
