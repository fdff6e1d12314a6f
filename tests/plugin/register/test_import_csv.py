"""Import of challenges and actors from association files, on a GeoPackage and on PostGIS."""

import json
import os
import time

import pytest
from open_territory.plugin.register import create_register, import_rows, rejected_report
from open_territory.plugin.toolbelt.errors import Cancelled, InputError, NetworkError
from open_territory.plugin.toolbelt.network import Transport
from osgeo import gdal, ogr
from werkzeug import Response

from ...benchmarks.ban_standin import BanStandIn


def rows(register, helpers, table, columns):
    q = register.dialect.qualify(table)
    return helpers.run_sql(register, f"SELECT {columns} FROM {q} ORDER BY fid")


def geometries(register, table):
    with register.open_dataset(update=False) as dataset:
        layer = dataset.GetLayerByName(table)
        return [f.GetGeometryRef().ExportToWkt() if f.GetGeometryRef() else None for f in layer]


def write(path, text, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as handle:
        handle.write(text)
    return str(path)


def test_demo_files_import(target, helpers):
    register = create_register(target)
    started = time.perf_counter()
    challenges = import_rows(register, "challenges", os.path.join(helpers.DEMO, "challenges.csv"), geocode=False)
    actors = import_rows(register, "actors", os.path.join(helpers.DEMO, "actors.csv"), geocode=False)
    elapsed = time.perf_counter() - started
    assert (challenges.imported, challenges.failed, actors.imported, actors.failed) == (6, [], 6, [])
    assert elapsed < 10
    saved = rows(register, helpers, "challenges", "title, domain, status, priority")
    assert saved[1] == ["Continuité cyclable avenue de Vilaine", "voirie", "in_progress", 1]
    wkts = geometries(register, "challenges")
    assert wkts[0] == "POINT (-1.5945 47.8113)" and wkts[1].startswith("LINESTRING") and wkts[4].startswith("POLYGON")
    created = rows(register, helpers, "challenges", "created_at")[0][0]
    assert str(created).startswith("2026/09/14 08:30:00")  # the file's own dates are kept
    competences = [r[0] for r in rows(register, helpers, "actors", "competences")]
    assert competences[0] == "{voirie,stationnement,transport_collectif,donnees}"
    actor_geometries = geometries(register, "actors")
    assert actor_geometries[0].startswith("MULTIPOLYGON") and actor_geometries[2] is None
    again = import_rows(register, "actors", os.path.join(helpers.DEMO, "actors.csv"), geocode=False)
    assert again.imported == 0 and len(again.skipped) == 6  # re-importing adds no duplicates
    assert register.counts()["actors"] == 6


def test_french_cp1252_file_with_semicolons_and_decimal_commas(target, tmp_path, helpers):
    path = write(
        tmp_path / "enjeux.csv",
        (
            "Titre;Domaine;Statut;Priorité;Latitude;Longitude;Porteur\r\n"
            "Carrefour dangereux;Sécurité routière;En cours;haute;47,8168;-1,6003;Parents d'élèves\r\n"
            "Arceaux vélo;vélo;;;47,8113;-1,5945;Vilaine à Vélo\r\n"
        ),
        encoding="cp1252",
    )
    register = create_register(target)
    report = import_rows(register, "challenges", path, geocode=False)
    assert report.imported == 2 and report.failed == []
    assert rows(register, helpers, "challenges", "title, domain, status, priority, community") == [
        ["Carrefour dangereux", "securite_routiere", "in_progress", 1, "Parents d'élèves"],
        ["Arceaux vélo", "velo", "identified", None, "Vilaine à Vélo"],
    ]
    point = ogr.CreateGeometryFromWkt(geometries(register, "challenges")[0])
    assert point.GetX() == pytest.approx(-1.6003) and point.GetY() == pytest.approx(47.8168)


def test_missing_columns_stop_the_import_naming_file_and_columns(target, tmp_path):
    register = create_register(target)
    path = write(tmp_path / "sans_domaine.csv", "titre;description\nA;B\n")
    with pytest.raises(InputError) as error:
        import_rows(register, "challenges", path, geocode=False)
    message = str(error.value)
    assert "sans_domaine.csv" in message and "domain" in message and "titre" in message
    assert register.counts()["challenges"] == 0
    with pytest.raises(InputError, match="nom"):
        import_rows(register, "actors", write(tmp_path / "a.csv", "contact,site\nx,y\n"))
    with pytest.raises(InputError, match="does not exist"):
        import_rows(register, "actors", str(tmp_path / "none.csv"))


def test_one_invalid_row_and_nothing_is_imported_every_invalid_row_listed(target, tmp_path, helpers):
    """Bad input changes nothing: the register keeps what it had, and the message lists every invalid row
    with its line, the column, the value and what was expected."""
    register = create_register(target)
    import_rows(register, "challenges", write(tmp_path / "avant.csv", "titre,domaine\nDéjà là,marche\n"), geocode=False)
    path = write(
        tmp_path / "enjeux.csv",
        (
            "titre,domaine,statut,priorite,lat,lon\n"
            "Bon,velo,,,47.81,-1.59\n"
            "Domaine inconnu,teleportation,,,47.81,-1.59\n"
            "Latitude folle,velo,,,123.4,-1.59\n"
            "Pas un nombre,velo,,,abc,-1.59\n"
            "Une seule coordonnée,velo,,,47.81,\n"
            "Statut inconnu,velo,fini?,,47.81,-1.59\n"
            "Priorité 9,velo,,9,47.81,-1.59\n"
            ",velo,,,47.81,-1.59\n"
            "Sans lieu,marche,,,,\n"
            "Tout faux,licornes,fini?,0,nord,-1.59\n"
        ),
    )
    with pytest.raises(InputError) as raised:
        import_rows(register, "challenges", path, geocode=False)
    error = raised.value
    assert isinstance(error, InputError)  # shown as is by the dock and by Processing
    rejected = dict(rejected_report(error).rejected)
    assert sorted(rejected) == [3, 4, 5, 6, 7, 8, 9, 11]  # "Bon" and "Sans lieu" are valid
    assert "column domaine" in rejected[3] and "Unknown mobility domain 'teleportation'" in rejected[3]
    assert "expected one of: voirie" in rejected[3]
    assert "Bad coordinates" in rejected[4] and "lon/lat" in rejected[4] and "123.4" in rejected[4]
    assert "'abc'" in rejected[5] and "column lat" in rejected[5] and "expected a number" in rejected[5]
    assert "one of the two is missing" in rejected[6] and "lon/lat" in rejected[6]
    assert "column statut" in rejected[7] and "'fini?'" in rejected[7] and "identified, in_progress" in rejected[7]
    assert "column priorite" in rejected[8] and "'9'" in rejected[8] and "expected 1, 2 or 3" in rejected[8]
    assert "The title is empty (column titre)" in rejected[9]
    # Every problem of a row, not only the first.
    assert all(word in rejected[11] for word in ("'licornes'", "'fini?'", "'0'", "'nord'")), rejected[11]
    message = str(error)
    assert message.startswith("Nothing was imported") and "enjeux.csv" in message
    assert all(f"line {line}: " in message for line in rejected)
    assert error.report.imported == 0 and error.report.summary().startswith("Nothing was imported")
    assert [r[0] for r in rows(register, helpers, "challenges", "title")] == ["Déjà là"]


def test_bad_wkt_and_actor_geometry(target, tmp_path):
    register = create_register(target)
    path = write(
        tmp_path / "acteurs.csv",
        (
            "wkt;nom;type;compétences\n"
            '"POLYGON ((-1.6 47.8, -1.58 47.8, -1.58 47.83, -1.6 47.8))";Asso;association;vélo, données\n'
            '"POLYGON ((-1.6 47.8, oops";Cassé;association;velo\n'
            '"POINT (-1.6 47.8)";Point;association;velo\n'
            ";Sorcier;magicien;velo\n"
            ';Inconnu;association;"velo,teleportation"\n'
        ),
    )
    with pytest.raises(InputError) as raised:
        import_rows(register, "actors", path, geocode=False)
    rejected = dict(rejected_report(raised.value).rejected)
    assert sorted(rejected) == [3, 4, 5, 6]
    assert "geometry cannot be read" in rejected[3] and "'POLYGON ((-1.6 47.8, oops'" in rejected[3]
    assert "expected WKT or GeoJSON" in rejected[3]
    assert "column wkt" in rejected[4] and "polygon is expected (POINT)" in rejected[4]
    assert "column type" in rejected[5] and "'magicien'" in rejected[5] and "public body" in rejected[5]
    assert "column compétences" in rejected[6] and "'teleportation'" in rejected[6]
    assert register.counts()["actors"] == 0


def make_xlsx(path, rows_values):
    dataset = gdal.GetDriverByName("XLSX").Create(path, 0, 0, 0, gdal.GDT_Unknown)
    layer = dataset.CreateLayer("Feuil1", geom_type=ogr.wkbNone)
    for name in ("Nom", "Type", "Compétences", "Courriel"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for values in rows_values:
        feature = ogr.Feature(layer.GetLayerDefn())
        for index, value in enumerate(values):
            if value:
                feature.SetField(index, value)
        layer.CreateFeature(feature)
    dataset = None
    return path


def test_spreadsheet_import(target, tmp_path, helpers):
    good = (
        ("Lycée technique", "école", "vehicules;logistique", "d@l.example"),
        ("Transports Express", "entreprise", "transport_collectif", ""),
    )
    register = create_register(target)
    with pytest.raises(InputError) as raised:
        import_rows(
            register, "actors", make_xlsx(str(tmp_path / "acteurs.xlsx"), good + (("Sorcier", "magicien", "velo", ""),))
        )
    ((line, reason),) = rejected_report(raised.value).rejected
    assert line == 4 and "magicien" in reason  # the spreadsheet's own row number
    assert register.counts()["actors"] == 0
    report = import_rows(register, "actors", make_xlsx(str(tmp_path / "acteurs_ok.xlsx"), good))
    assert report.imported == 2
    assert rows(register, helpers, "actors", "name, kind, competences, contact") == [
        ["Lycée technique", "school", "{vehicules,logistique}", "d@l.example"],
        ["Transports Express", "company", "{transport_collectif}", None],
    ]


def test_rows_are_written_all_or_nothing(target, tmp_path, helpers):
    """A row the database refuses while writing: no row of the file stays."""
    register = create_register(target)
    q = register.dialect.qualify
    if register.kind == "gpkg":
        helpers.run_sql(
            register,
            "CREATE TRIGGER refuse BEFORE INSERT ON challenges WHEN NEW.title = 'Refusée' "
            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
        )
    else:
        helpers.run_sql(
            register,
            f"CREATE FUNCTION {q('refuse')}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF NEW.title = 'Refusée' THEN RAISE EXCEPTION 'refused by the test'; END IF; "
            "RETURN NEW; END $$",
        )
        helpers.run_sql(
            register,
            f"CREATE TRIGGER refuse BEFORE INSERT ON {q('challenges')} FOR EACH ROW EXECUTE FUNCTION {q('refuse')}()",
        )
    path = write(tmp_path / "enjeux.csv", "titre,domaine\nPremière,velo\nDeuxième,velo\nRefusée,velo\nDernière,velo\n")
    with pytest.raises(InputError, match="nothing was imported") as error:
        import_rows(register, "challenges", path, geocode=False)
    assert "line 4" in str(error.value)
    assert register.counts()["challenges"] == 0


def test_import_into_an_unreachable_database(unreachable_connection, tmp_path, helpers):
    from open_territory.plugin.register.store import Register

    register = Register("postgres", unreachable_connection, "open_territory")
    with pytest.raises(NetworkError, match="Cannot connect"):
        import_rows(register, "challenges", os.path.join(helpers.DEMO, "challenges.csv"), geocode=False)


# -- geocoding against a local stand-in for the Base Adresse Nationale ---------------------------


def load(helpers, name):
    with open(os.path.join(helpers.DATA, name), encoding="utf-8") as handle:
        return json.load(handle)


def ban_reply(helpers, lon, lat, label, score):
    payload = load(helpers, "ban_search_housenumber.json")
    feature = payload["features"][0]
    feature["geometry"]["coordinates"] = [lon, lat]
    feature["properties"].update(label=label, score=score)
    return payload


@pytest.fixture
def ban(httpserver, helpers):
    found = ban_reply(helpers, -1.594512, 47.811301, "1 Place de la Gare 35901 Démo-sur-Vilaine", 0.91)
    weak = ban_reply(helpers, 2.35, 48.85, "Rue quelque part 75001 Paris", 0.21)
    noresult = load(helpers, "ban_search_noresult.json")
    httpserver.expect_request(
        "/search/", query_string={"q": "1 place de la Gare Démo-sur-Vilaine", "limit": "1"}
    ).respond_with_json(found)
    httpserver.expect_request(
        "/search/", query_string={"q": "99 rue Imaginaire Nullepart", "limit": "1"}
    ).respond_with_json(noresult)
    httpserver.expect_request(
        "/search/", query_string={"q": "rue Floue Démo-sur-Vilaine", "limit": "1"}
    ).respond_with_json(weak)
    httpserver.expect_request(
        "/search/", query_string={"q": "2 rue Cassée Démo-sur-Vilaine", "limit": "1"}
    ).respond_with_json({"code": 500, "message": "Internal Server Error"}, status=500)
    httpserver.expect_request(
        "/search/", query_string={"q": "3 rue Saturée Démo-sur-Vilaine", "limit": "1"}
    ).respond_with_handler(
        lambda request: Response(
            json.dumps({"code": 429, "message": "Too many requests"}),
            status=429,
            headers={"Retry-After": "0"},
            content_type="application/json",
        )
    )
    return httpserver


GEOCODE_CSV = (
    "titre;domaine;adresse;commune;latitude;longitude\n"
    "Déjà placé;velo;1 place de la Gare;Démo-sur-Vilaine;47,8;-1,6\n"
    "Gare;velo;1 place de la Gare;Démo-sur-Vilaine;;\n"
    "Gare bis;stationnement;1 place de la Gare;Démo-sur-Vilaine;;\n"
    "Introuvable;voirie;99 rue Imaginaire;Nullepart;;\n"
    "Floue;voirie;rue Floue;Démo-sur-Vilaine;;\n"
    "Serveur en panne;voirie;2 rue Cassée;Démo-sur-Vilaine;;\n"
    "Quota;voirie;3 rue Saturée;Démo-sur-Vilaine;;\n"
)


def test_addresses_are_geocoded_failures_reported_and_replies_cached(target, tmp_path, ban, helpers):
    register = create_register(target)
    path = write(tmp_path / "enjeux.csv", GEOCODE_CSV, encoding="cp1252")
    url = ban.url_for("").rstrip("/")
    report = import_rows(register, "challenges", path, geocoder_url=url)
    assert report.imported == 3 and report.geocoded == 2
    failed = dict(report.failed)
    assert "Address not found" in failed[5]
    assert "too little confidence" in failed[6] and "0.21" in failed[6]
    assert "HTTP 500" in failed[7]
    assert "HTTP 429" in failed[8]
    wkts = geometries(register, "challenges")
    assert wkts[1] == "POINT (-1.594512 47.811301)" == wkts[2]
    queries = [request.args["q"] for request, _response in ban.log]
    assert queries.count("1 place de la Gare Démo-sur-Vilaine") == 1  # asked once for two rows
    assert queries.count("3 rue Saturée Démo-sur-Vilaine") == 4  # retried on 429, then reported
    assert report.geocoder_cache_hits == 0

    # Second run: the found address and the empty reply come from the cache, the errors are asked again.
    asked = len(ban.log)
    again = import_rows(register, "challenges", path, geocoder_url=url, transport=Transport(retries=0))
    assert again.geocoder_cache_hits == 3
    assert [request.args["q"] for request, _ in ban.log[asked:]] == [
        "2 rue Cassée Démo-sur-Vilaine",
        "3 rue Saturée Démo-sur-Vilaine",
    ]
    assert again.imported == 0 and len(again.skipped) == 3
    assert register.counts()["challenges"] == 3


def test_an_invalid_row_stops_the_import_before_any_address_is_asked(target, tmp_path, ban):
    register = create_register(target)
    path = write(tmp_path / "enjeux.csv", GEOCODE_CSV + "Domaine inconnu;magie;1 place de la Gare;Démo-sur-Vilaine;;\n")
    with pytest.raises(InputError) as raised:
        import_rows(register, "challenges", path, geocoder_url=ban.url_for("").rstrip("/"))
    assert [line for line, _ in rejected_report(raised.value).rejected] == [9]
    assert ban.log == [] and register.counts()["challenges"] == 0


def test_geocoding_off_leaves_address_rows_without_location(target, tmp_path, ban):
    register = create_register(target)
    path = write(tmp_path / "enjeux.csv", GEOCODE_CSV)
    report = import_rows(register, "challenges", path, geocode=False)
    assert report.imported == 7 and report.geocoded == 0 and ban.log == []


def test_cancelled_import_writes_nothing(target, helpers):
    from qgis.core import QgsFeedback

    register = create_register(target)
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(Cancelled, match="cancelled"):
        import_rows(
            register, "challenges", os.path.join(helpers.DEMO, "challenges.csv"), geocode=False, feedback=feedback
        )
    assert register.counts()["challenges"] == 0


def test_lambert93_coordinates_are_reprojected(target, tmp_path):
    from pyproj import Transformer

    register = create_register(target)
    path = write(tmp_path / "enjeux_l93.csv", "titre;domaine;x;y\nPont;voirie;351234,5;6791234,25\n")
    report = import_rows(register, "challenges", path, geocode=False)
    assert report.imported == 1, report.failed
    point = ogr.CreateGeometryFromWkt(geometries(register, "challenges")[0])
    lon, lat = Transformer.from_crs("EPSG:2154", "EPSG:4326", always_xy=True).transform(351234.5, 6791234.25)
    assert point.GetX() == pytest.approx(lon, abs=1e-7) and point.GetY() == pytest.approx(lat, abs=1e-7)


def test_import_is_importable_from_the_package_and_from_import_csv():
    from open_territory.plugin import register
    from open_territory.plugin.register import import_csv

    assert register.import_rows is import_csv.import_rows and register.ImportReport is import_csv.ImportReport
    assert import_csv.IMPORT_TABLES == ("challenges", "actors")  # the Processing algorithm's table choice


def test_many_addresses_are_located_in_batches_with_the_same_report(target, tmp_path, helpers):
    standin = BanStandIn()
    try:
        register = create_register(target)
        lines = ["titre;domaine;adresse;commune"]
        lines += [f"Enjeu {i};voirie;{i} rue de la Gare;Rennes" for i in range(1, 121)]
        lines += ["Nulle part;voirie;4 rue de Nulle Part;Rennes", "Perdu;voirie;1 rue Introuvable;Rennes"]
        path = write(tmp_path / "enjeux.csv", "\n".join(lines) + "\n", encoding="cp1252")
        report = import_rows(register, "challenges", path, geocoder_url=standin.url)
        assert (standin.batches, standin.batch_rows, standin.searches) == (1, 122, 0)
        assert report.imported == report.geocoded == 120 and report.geocoder_requests == 122
        failed = dict(report.failed)
        assert sorted(failed) == [122, 123]
        assert "impossible coordinates" in failed[122] and "Address not found" in failed[123]
        wkts = geometries(register, "challenges")
        assert len(wkts) == 120 and all(wkt.startswith("POINT (-1.") for wkt in wkts)  # no POINT EMPTY stored
        # A second import: every address from the cache the batch filled.
        helpers.run_sql(register, f"DELETE FROM {register.dialect.qualify('challenges')}")
        again = import_rows(register, "challenges", path, geocoder_url=standin.url)
        assert again.imported == 120 and again.geocoder_cache_hits == 122 and standin.batches == 1
    finally:
        standin.close()


def test_impossible_coordinates_in_a_file_are_invalid_rows(target, tmp_path):
    register = create_register(target)
    path = write(
        tmp_path / "enjeux.csv",
        "titre;domaine;latitude;longitude\n"
        "Bon;velo;47,81;-1,59\n"
        "NaN;velo;nan;-1,59\n"
        "Infini;velo;47,81;inf\n"
        "Trop grand;velo;1e999;-1,59\n"
        "Au-delà;velo;1e308;-1,59\n",
    )
    with pytest.raises(InputError) as raised:
        import_rows(register, "challenges", path, geocode=False)
    rejected = dict(rejected_report(raised.value).rejected)
    assert sorted(rejected) == [3, 4, 5, 6] and all("Bad coordinates" in reason for reason in rejected.values())
    assert register.counts()["challenges"] == 0
