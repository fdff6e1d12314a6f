"""`make demo` (scripts/demo.py), offline, on the bundled demo territory: every output it promises."""

import os
import re
import sqlite3
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pdf_text(path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())


def test_demo_territory_register_planning_and_council_map(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-P", os.path.join(REPO, "scripts", "demo.py"), "--output-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]

    # The register, from the demo's CSV files.
    with sqlite3.connect(tmp_path / "register.gpkg") as db:
        assert db.execute("SELECT count(*) FROM challenges").fetchone()[0] == 6
        assert db.execute("SELECT count(*) FROM actors").fetchone()[0] == 6

    # The planning overlays: one context row per challenge (lines and areas included), a matrix row per
    # domain, a gap row per commune, and the printable report.
    with sqlite3.connect(tmp_path / "planning.gpkg") as db:
        assert db.execute("SELECT count(*) FROM challenge_context").fetchone()[0] == 6
        assert db.execute("SELECT count(*) FROM competence_matrix").fetchone()[0] == 11
        zones = sorted(row[0] for row in db.execute("SELECT zone FROM gaps"))
        assert zones == ["Démo-sur-Vilaine", "La Fictive", "Saint-Exemple"]
        velo = db.execute("SELECT actors FROM challenge_context WHERE title LIKE 'Stationnement vélo%'").fetchone()
        assert "Vilaine à Vélo" in velo[0]
        # The level of service near each challenge, from the demo's GTFS network: the station's stops are
        # served every few minutes at the morning peak, La Fictive's church by line 2 alone.
        service = dict(db.execute("SELECT title, transit_departures_7_9 FROM challenge_context"))
        assert service["Desserte du bourg de La Fictive"] < service["Stationnement vélo saturé à la gare"]
        assert all(count > 0 for count in service.values())
    assert "<svg" in (tmp_path / "competence_matrix.html").read_text(encoding="utf-8")

    # The council map.
    pdf = tmp_path / "council_map.pdf"
    assert pdf.exists() and f"council map {pdf}" in done.stdout
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE) and "A4" in info
    text = pdf_text(pdf)
    assert "Démo-sur-Vilaine — ressources de mobilité" in text
    # (pdftotext joins words hyphenated at a line end: host names are checked by their first part)
    for source in (
        "data.demo-sur",
        "datagouv.demo-sur",
        "OpenStreetMap",
        "sensors.demo-sur",
        "geo.demo-sur",
        "GTFS Vilaine Mobilités",
        "GTFS-RT transport.demo-sur",
    ):
        assert source in text
    # The demo territory is French: its layers, their legend and the sensors' classes are named in French
    # (the profile's French titles, the translation installed before the territory is loaded).
    for french in (
        "Communes de Démo-sur-Vilaine",
        "Parkings",
        "Feux tricolores",
        "Bon (0-10 µg/m³)",
        "Capteurs citoyens de qualité de l'air",
        "Arrêts du réseau Vilaine Mobilités (GTFS)",
        "Toutes les 5 min ou moins (7-9 h)",
        "Lignes de bus (GTFS)",
        "Bus en circulation (GTFS-RT)",
        "Légende",
    ):
        assert french in text, french
    for english in (
        "Communes of",
        "Car parks",
        "Traffic lights",
        "Good (0-10",
        "Citizen air sensors",
        "Every 5 min",
        "Bus routes",
        "Legend",
    ):
        assert english not in text, english
    from qgis.PyQt.QtCore import QDate, QLocale

    assert QLocale(QLocale.French, QLocale.France).toString(QDate.currentDate(), "d MMMM yyyy") in text
