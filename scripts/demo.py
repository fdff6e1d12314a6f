#!/usr/bin/env python3
"""What `make demo` runs, offline, on the bundled demo territory (Démo-sur-Vilaine):
1. its resources loaded through the real sources and transport from their recorded replies, into
   build/demo/territory.gpkg (openterritory:load_territory);
2. its register of challenges and actors created from the demo's CSV files, build/demo/register.gpkg;
3. the planning overlays on both: build/demo/planning.gpkg (challenge context, competence matrix,
   gaps per commune) and build/demo/competence_matrix.html;
4. a council map of the territory, build/demo/council_map.pdf.
Prints a summary; exits non-zero when something failed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/demo.py [--output-dir build/demo]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from headless import REPO, start_qgis  # noqa: E402


def run_algorithm(algorithm_id: str, parameters: dict, context=None) -> dict:
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    class PrintFeedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.errors = []

        def pushInfo(self, info):  # noqa: N802
            print(info)

        def pushWarning(self, warning):  # noqa: N802
            print("warning: " + warning)

        def reportError(self, error, fatalError=False):  # noqa: N802, N803
            self.errors.append(error)
            print("error: " + error, file=sys.stderr)

    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    if algorithm is None:
        raise SystemExit(f"demo: the {algorithm_id} algorithm is not registered")
    feedback = PrintFeedback()
    results, ok = algorithm.run(parameters, context or QgsProcessingContext(), feedback)
    if not ok:
        raise SystemExit(f"demo: {algorithm_id} failed:\n" + "\n".join(feedback.errors))
    return results


def load(output_dir: str) -> dict:
    gpkg = os.path.join(output_dir, "territory.gpkg")
    started = time.monotonic()
    results = run_algorithm("openterritory:load_territory", {"PROFILE": "demo", "OFFLINE": True, "OUTPUT": gpkg})
    results["seconds"] = time.monotonic() - started
    return results


def territory_layers(gpkg: str) -> tuple:
    """(resource layers, communes layer) of the loaded territory, named by their titles as the dock
    names them, from the GeoPackage's sources table."""
    from qgis.core import QgsVectorLayer

    with sqlite3.connect(gpkg) as db:
        rows = db.execute("SELECT layer, title FROM sources WHERE status = 'ok' ORDER BY fid").fetchall()
    layers = {name: QgsVectorLayer(f"{gpkg}|layername={name}", title or name, "ogr") for name, title in rows}
    boundary = layers.pop("boundary", None)
    return [layer for layer in layers.values() if layer.isValid()], boundary


def remove_outputs(*paths) -> None:
    """The demo's own earlier outputs: the register refuses to be created over an existing one."""
    for path in paths:
        for name in (path, path + "-wal", path + "-shm", path + "-journal"):
            if os.path.exists(name):
                os.remove(name)


def register_and_planning(gpkg: str, output_dir: str) -> dict:
    """The demo register from its CSV files, then the three planning overlays on it and the resources."""
    from open_territory.plugin.planning.register_challenges import merged_challenges, register_challenge_layers
    from open_territory.plugin.register import create_register, import_rows
    from qgis.core import QgsProject

    started = time.monotonic()
    path = os.path.join(output_dir, "register.gpkg")
    planning = os.path.join(output_dir, "planning.gpkg")
    report_html = os.path.join(output_dir, "competence_matrix.html")
    remove_outputs(path, planning, report_html)
    register = create_register(path)
    data = os.path.join(REPO, "resources", "demo", "data", "register")
    for table in ("challenges", "actors"):
        report = import_rows(register, table, os.path.join(data, f"{table}.csv"), geocode=False)
        print(f"demo: register {table}: {report.imported} imported, {len(report.failed)} refused")
        for line, reason in report.failed:
            print(f"  line {line}: {reason}", file=sys.stderr)
        if report.failed:
            raise SystemExit(f"demo: rows of {table}.csv were refused")
    project = QgsProject.instance()
    project.clear()
    layers = register.add_to_project(project)
    challenges = merged_challenges(register_challenge_layers(project))
    resources, communes = territory_layers(gpkg)
    common = {"CHALLENGES": challenges, "RESOURCES": resources, "ACTORS": layers["actors"]}

    def into_planning(table):
        return f"ogr:dbname='{planning}' table=\"{table}\" (geom)"

    run_algorithm(
        "openterritory:challenge_context", dict(common, DISTANCE=300, OUTPUT=into_planning("challenge_context"))
    )
    run_algorithm(
        "openterritory:competence_matrix", dict(common, OUTPUT=into_planning("competence_matrix"), REPORT=report_html)
    )
    run_algorithm("openterritory:gap_layer", dict(common, DISTANCE=300, ZONES=communes, OUTPUT=into_planning("gaps")))
    project.clear()
    print(f"demo: register {path} and planning {planning} made in {time.monotonic() - started:.1f} s")
    return {"register": path, "planning": planning, "report": report_html}


def speak_french():
    """The demo territory is French: everything the demo makes is in French (the plugin's French
    translation, French dates), from the first step, since the territory load already writes texts
    (layer titles from the profile, the sensors' legend). Returns the translator, to keep it alive."""
    from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

    translator = QTranslator()
    path = os.path.join(REPO, "i18n", "open_territory_fr.qm")
    if not translator.load(path):
        raise SystemExit(f"demo: the French translation {path} could not be loaded (run `make translations`)")
    QCoreApplication.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.French, QLocale.France))
    return translator


def council_map(gpkg: str, output_dir: str):
    """The council map PDF (plugin/export/council_map.py), in the profile's CRS (Lambert-93 for the
    demo), its layers named by their titles as the dock names them."""
    from open_territory.plugin.export.council_map import export_council_map
    from open_territory.plugin.profiles.profile import load_profile
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject

    crs = QgsCoordinateReferenceSystem(load_profile("demo").crs)
    resources, boundary = territory_layers(gpkg)
    project = QgsProject.instance()
    project.clear()
    project.setCrs(crs)
    # The first layer is drawn on top: the communes outline goes last, at the bottom.
    loaded = resources + ([boundary] if boundary is not None and boundary.isValid() else [])
    project.addMapLayers(loaded)
    pdf = os.path.join(output_dir, "council_map.pdf")
    started = time.monotonic()
    result = export_council_map(
        layers=loaded,
        output=pdf,
        title="Démo-sur-Vilaine — ressources de mobilité",
        subtitle="Stationnement, recharge, vélo, transports et qualité de l'air sur les trois communes",
        project=project,
        fmt="pdf",
        crs=crs,
    )
    if not os.path.exists(pdf):
        raise SystemExit(f"demo: the council map export wrote no file at {pdf}")
    print(f"demo: council map made in {time.monotonic() - started:.1f} s, {result['PAGES']} page(s)")
    return pdf


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", default=os.path.join(REPO, "build", "demo"))
    parser.add_argument("--no-map", action="store_true", help="skip the council map PDF")
    args = parser.parse_args(argv)
    os.makedirs(args.output_dir, exist_ok=True)
    app = start_qgis(processing=True)
    translator = speak_french()
    try:
        results = load(args.output_dir)
        gpkg = results["OUTPUT"]
        print()
        print(
            f"demo: {gpkg}: {int(results['LOADED'])} layers loaded, {int(results['FAILED'])} failed, "
            f"in {results['seconds']:.1f} s"
        )
        from open_territory.plugin.toolbelt.errors import OpenTerritoryError

        try:
            register_and_planning(gpkg, args.output_dir)
        except OpenTerritoryError as error:  # the bundled register data is checked like any user's file
            raise SystemExit(f"demo: the demo register could not be made: {error.message}") from None
        pdf = None if args.no_map else council_map(gpkg, args.output_dir)
        if pdf:
            print(f"demo: council map {pdf} ({os.path.getsize(pdf)} bytes)")
        return 1 if results["FAILED"] else 0
    finally:
        from qgis.PyQt.QtCore import QCoreApplication

        QCoreApplication.removeTranslator(translator)
        app.exitQgis()


if __name__ == "__main__":
    sys.exit(main())
