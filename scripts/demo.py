#!/usr/bin/env python3
"""What `make demo` runs: the demo territory loaded offline, through the real sources and transport
from its recorded replies, into build/demo/territory.gpkg; then, when the council map export exists,
a council map PDF of it. Prints a summary; exits non-zero when something failed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/demo.py [--output-dir build/demo]
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from headless import REPO, start_qgis  # noqa: E402


def load(output_dir: str) -> dict:
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

    gpkg = os.path.join(output_dir, "territory.gpkg")
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("openterritory:load_territory")
    if algorithm is None:
        raise SystemExit("demo: the openterritory:load_territory algorithm is not registered")
    feedback = PrintFeedback()
    started = time.monotonic()
    results, ok = algorithm.run(
        {"PROFILE": "demo", "OFFLINE": True, "OUTPUT": gpkg}, QgsProcessingContext(), feedback
    )
    if not ok:
        raise SystemExit("demo: loading the demo territory failed:\n" + "\n".join(feedback.errors))
    results["seconds"] = time.monotonic() - started
    return results


def council_map(gpkg: str, output_dir: str):
    """The council map PDF, through plugin/export/council_map.py when it exists (issue 9)."""
    try:
        module = importlib.import_module("open_territory.plugin.export.council_map")
    except ModuleNotFoundError as error:
        if "council_map" in str(error) or "export" in str(error):
            print(
                "demo: no council map export in this version yet (plugin/export/council_map.py): PDF skipped"
            )
            return None
        raise
    from qgis.core import QgsProject, QgsVectorLayer

    with sqlite3.connect(gpkg) as db:
        layers = [row[0] for row in db.execute("SELECT layer FROM sources WHERE status = 'ok' ORDER BY fid")]
    project = QgsProject.instance()
    project.clear()
    loaded = []
    # The boundary first in the list is drawn last by QGIS's layer order: put it at the bottom.
    for name in [n for n in layers if n != "boundary"] + [n for n in layers if n == "boundary"]:
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        if layer.isValid():
            project.addMapLayer(layer)
            loaded.append(layer)
    pdf = os.path.join(output_dir, "council_map.pdf")
    export = module.export_council_map
    # The export's signature is issue 9's: pass what it asks for among what the demo knows.
    offered = {
        "layers": loaded,
        "output": pdf,
        "path": pdf,
        "title": "Démo-sur-Vilaine — ressources de mobilité",
        "project": project,
        "format": "pdf",
    }
    parameters = inspect.signature(export).parameters
    kwargs = {name: value for name, value in offered.items() if name in parameters}
    export(**kwargs)
    if not os.path.exists(pdf):
        raise SystemExit(f"demo: the council map export wrote no file at {pdf}")
    return pdf


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", default=os.path.join(REPO, "build", "demo"))
    parser.add_argument("--no-map", action="store_true", help="skip the council map PDF")
    args = parser.parse_args(argv)
    os.makedirs(args.output_dir, exist_ok=True)
    app = start_qgis(processing=True)
    try:
        results = load(args.output_dir)
        gpkg = results["OUTPUT"]
        print()
        print(
            f"demo: {gpkg}: {int(results['LOADED'])} layers loaded, {int(results['FAILED'])} failed, "
            f"in {results['seconds']:.1f} s"
        )
        pdf = None if args.no_map else council_map(gpkg, args.output_dir)
        if pdf:
            print(f"demo: council map {pdf} ({os.path.getsize(pdf)} bytes)")
        return 1 if results["FAILED"] else 0
    finally:
        app.exitQgis()


if __name__ == "__main__":
    sys.exit(main())
