"""openterritory:register_import and register_export through Processing (GeoPackage register; the
PostGIS behaviour of the same functions is tested in tests/plugin/register)."""

import csv
import os

import pytest
from open_territory.plugin.register import create_register, open_register
from osgeo import ogr
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

DEMO = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
    "resources",
    "demo",
    "data",
    "register",
)


def run(algorithm, parameters):
    import processing

    return processing.run(
        f"openterritory:{algorithm}", parameters, context=QgsProcessingContext(), feedback=QgsProcessingFeedback()
    )


def test_import_then_export(provider, tmp_path):
    target = str(tmp_path / "register.gpkg")
    bad = tmp_path / "enjeux.csv"
    bad.write_text(
        "titre;domaine;latitude;longitude\nBon;velo;47,81;-1,59\nMauvais;magie;47,81;-1,59\n", encoding="cp1252"
    )
    with pytest.raises(QgsProcessingException) as raised:
        run(
            "register_import",
            {
                "TARGET": target,
                "TABLE": 0,
                "INPUT": str(bad),
                "GEOCODE": False,
                "CREATE": True,
                "OUTPUT": str(tmp_path / "report.csv"),
            },
        )
    assert "Nothing was imported" in str(raised.value) and "line 3: column domaine" in str(raised.value)
    assert open_register(target).counts()["challenges"] == 0  # one invalid row: nothing written
    with open(tmp_path / "report.csv", encoding="utf-8") as handle:
        report = list(csv.DictReader(handle))
    assert [(row["line"], row["outcome"]) for row in report] == [("3", "invalid")] and "magie" in report[0]["reason"]
    bad.write_text(
        "titre;domaine;latitude;longitude\nBon;velo;47,81;-1,59\nMauvais;voirie;47,81;-1,59\n", encoding="cp1252"
    )
    results = run("register_import", {"TARGET": target, "TABLE": 0, "INPUT": str(bad), "GEOCODE": False})
    assert (results["IMPORTED"], results["FAILED"], results["GEOCODED"]) == (2, 0, 0)
    results = run(
        "register_import", {"TARGET": target, "TABLE": 1, "INPUT": os.path.join(DEMO, "actors.csv"), "GEOCODE": False}
    )
    assert results["IMPORTED"] == 6
    assert open_register(target).counts()["actors"] == 6

    results = run("register_export", {"TARGET": target, "FORMAT": 1, "OUTPUT": str(tmp_path / "out")})
    assert os.path.basename(results["FILES"][0]) == "challenges.geojson"
    dataset = ogr.Open(str(tmp_path / "out" / "actors.geojson"))  # kept: the layer dies with it
    assert dataset.GetLayer(0).GetFeatureCount() == 6


def test_errors_are_processing_errors(provider, tmp_path):
    with pytest.raises(QgsProcessingException, match="No register at this path"):
        run("register_export", {"TARGET": str(tmp_path / "none.gpkg"), "FORMAT": 0, "OUTPUT": str(tmp_path)})
    target = str(tmp_path / "register.gpkg")
    create_register(target)
    missing = tmp_path / "x.csv"
    missing.write_text("description\nrien\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="Required columns are missing"):
        run("register_import", {"TARGET": target, "TABLE": 0, "INPUT": str(missing), "GEOCODE": False})
    assert open_register(target).counts()["challenges"] == 0


def test_new_register_message_in_the_users_language(provider, tmp_path):
    from open_territory.plugin.toolbelt.i18n import CONTEXT
    from open_territory.plugin.toolbelt.metadata import translation_file
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.infos = []

        def pushInfo(self, info):  # noqa: N802
            self.infos.append(info)

    import processing

    translator = QTranslator()
    assert translator.load(translation_file("fr"))
    QCoreApplication.installTranslator(translator)
    try:
        feedback = Recorder()
        target = str(tmp_path / "nouveau.gpkg")
        processing.run(
            "openterritory:register_import",
            {"TARGET": target, "TABLE": 1, "CREATE": True, "INPUT": os.path.join(DEMO, "actors.csv"), "GEOCODE": False},
            context=QgsProcessingContext(),
            feedback=feedback,
        )
        expected = QCoreApplication.translate(CONTEXT, "No register there yet: a new one is created")
    finally:
        QCoreApplication.removeTranslator(translator)
    assert expected != "No register there yet: a new one is created"
    assert f"{expected}: {target}" in feedback.infos
    assert not any(info.endswith("new register") for info in feedback.infos)


def test_cancelling_the_import_while_it_geocodes_is_one_sentence_and_writes_nothing(provider, tmp_path):
    # Before issue 14: a CancelledError traceback.
    import processing

    from ..benchmarks.ban_standin import BanStandIn

    class CancelWhenGeocoding(QgsProcessingFeedback):
        def setProgress(self, progress):  # noqa: N802 - 39.6 % when the last of the 100 rows is checked
            super().setProgress(progress)
            if progress >= 39:
                self.cancel()

    standin = BanStandIn()
    try:
        target = str(tmp_path / "register.gpkg")
        create_register(target)
        path = tmp_path / "enjeux.csv"
        rows = "".join(f"Enjeu {i};voirie;{i} rue de la Gare;Rennes\n" for i in range(100))
        path.write_text("titre;domaine;adresse;commune\n" + rows, encoding="utf-8")
        parameters = {"TARGET": target, "TABLE": 0, "INPUT": str(path), "GEOCODER": standin.url}
        with pytest.raises(QgsProcessingException) as raised:
            processing.run(
                "openterritory:register_import",
                parameters,
                context=QgsProcessingContext(),
                feedback=CancelWhenGeocoding(),
            )
        assert str(raised.value) == f"Import cancelled; nothing was written: {path}"
        assert open_register(target).counts()["challenges"] == 0 and standin.batches == 0
    finally:
        standin.close()
