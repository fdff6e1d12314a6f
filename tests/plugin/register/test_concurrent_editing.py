"""Two technicians editing one register at once (issue 14.7): each is a QGIS of their own (the colleague is a
process, colleague.py), with the register's layers as the dock adds them. Edits of different rows, or of
different challenges, both land; an edit of a row a colleague changed meanwhile is refused, with a sentence
saying so, rather than silently overwriting the colleague's; once reloaded, it goes through."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from open_territory.plugin.register import create_register, open_register
from open_territory.plugin.register.schema import ROW_VERSION
from qgis.core import QgsGeometry, QgsProject, QgsVectorLayerUtils

COLLEAGUE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "colleague.py")


def colleague_edits(tmp_path, pg_tools, target: str, fid: int, field: str, value: str) -> dict:
    """The colleague's QGIS edits one field of one challenge and saves."""
    settings = tmp_path / f"colleague_{fid}_{field}"
    settings.mkdir(exist_ok=True)
    environment = dict(os.environ, XDG_CONFIG_HOME=str(settings), QT_QPA_PLATFORM="offscreen")
    connection = target[len("postgres:") :].split("/")[0] if target.startswith("postgres:") else "unused"
    result = subprocess.run(
        [sys.executable, "-P", COLLEAGUE, "edit", connection, pg_tools.dsn(), target, str(fid), field, value],
        capture_output=True,
        text=True,
        timeout=180,
        env=environment,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def registered(target: str, helpers) -> tuple:
    """A register with two challenges (points), in this QGIS's project as the dock adds it."""
    register = create_register(target)
    table = register.dialect.qualify("challenges")
    for title, x in (("Carrefour des Lices", -1.68), ("Gare routière", -1.67)):
        helpers.run_sql(
            register,
            f"INSERT INTO {table} (title, domain, geom) VALUES ('{title.replace(chr(39), chr(39) * 2)}', 'velo', "
            f"ST_GeomFromText('POINT({x} 48.11)', 4326))"
            if register.is_postgres
            else f"INSERT INTO {table} (title, domain, geom) VALUES ('{title}', 'velo', "
            f"AsGPB(ST_GeomFromText('POINT({x} 48.11)', 4326)))",
        )
    layer = open_register(target).add_to_project(QgsProject.instance())["challenges"]
    fids = {feature["title"]: feature.id() for feature in layer.getFeatures()}
    return register, layer, fids


def row(register, helpers, fid: int) -> list:
    return helpers.run_sql(
        register, f"SELECT title, status, {ROW_VERSION} FROM {register.dialect.qualify('challenges')} WHERE fid = {fid}"
    )[0]


def test_a_colleague_changed_the_row_meanwhile_the_edit_is_refused_not_lost(target, helpers, pg_tools, tmp_path):
    register, layer, fids = registered(target, helpers)
    fid = fids["Carrefour des Lices"]
    version = row(register, helpers, fid)[2]
    assert version == 1
    layer.startEditing()  # this technician starts editing the challenge...
    assert layer.changeAttributeValue(fid, layer.fields().indexOf("title"), "Carrefour des Lices (nord)")
    # ...while a colleague, in another QGIS, changes its status and saves.
    assert colleague_edits(tmp_path, pg_tools, target, fid, "status", "in_progress") == {
        "committed": True,
        "errors": [],
    }
    assert row(register, helpers, fid) == ["Carrefour des Lices", "in_progress", 2]
    assert not layer.commitChanges()  # refused: the colleague's status would have been lost
    errors = " ".join(layer.commitErrors())
    assert "changed by someone else since you read it" in errors
    assert row(register, helpers, fid) == ["Carrefour des Lices", "in_progress", 2]  # nothing overwritten
    assert layer.isEditable() and layer.isModified()  # the edit is still there, not lost either
    layer.rollBack()
    layer.reload()
    layer.startEditing()
    assert layer.changeAttributeValue(fid, layer.fields().indexOf("title"), "Carrefour des Lices (nord)")
    assert layer.commitChanges(), layer.commitErrors()
    assert row(register, helpers, fid) == ["Carrefour des Lices (nord)", "in_progress", 3]  # both edits kept


def test_edits_of_different_challenges_and_new_ones_all_land(target, helpers, pg_tools, tmp_path):
    register, layer, fids = registered(target, helpers)
    layer.startEditing()
    assert layer.changeAttributeValue(fids["Gare routière"], layer.fields().indexOf("status"), "solved")
    fields = layer.fields()
    values = {fields.indexOf("title"): "Piste des Prairies", fields.indexOf("domain"): "velo"}
    added = QgsVectorLayerUtils.createFeature(layer, QgsGeometry.fromWkt("POINT(-1.69 48.12)"), values)
    assert layer.addFeature(added)  # with the form's default values, as a click on the map gives
    fid = fids["Carrefour des Lices"]
    assert colleague_edits(tmp_path, pg_tools, target, fid, "title", "Carrefour des Lices (sud)")["committed"]
    assert layer.commitChanges(), layer.commitErrors()
    assert row(register, helpers, fid)[:2] == ["Carrefour des Lices (sud)", "identified"]
    assert row(register, helpers, fids["Gare routière"])[1] == "solved"
    assert register.counts()["challenges"] == 3
    # The same technician editing the same challenge twice: no conflict with their own saved edit.
    layer.startEditing()
    assert layer.changeAttributeValue(fids["Gare routière"], layer.fields().indexOf("status"), "in_progress")
    assert layer.commitChanges(), layer.commitErrors()
    layer.startEditing()
    assert layer.changeAttributeValue(fids["Gare routière"], layer.fields().indexOf("title"), "Gare routière (est)")
    assert layer.commitChanges(), layer.commitErrors()
    assert row(register, helpers, fids["Gare routière"])[:2] == ["Gare routière (est)", "in_progress"]
