"""The dock's territory section: profiles, the resource table by category, export, background load."""

import functools
import json

from open_territory.plugin.definitions import category_label
from open_territory.plugin.profiles.profile import bundled_profile_ids, load_profile
from open_territory.ui.territory_section import LAYER_ROLE, TerritorySection
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import Qt

from ..qt_wait import wait_until


def tree_rows(section):
    rows = {}
    for i in range(section.tree.topLevelItemCount()):
        group = section.tree.topLevelItem(i)
        rows[group.text(0)] = [
            (group.child(j).data(0, LAYER_ROLE), group.child(j).checkState(0))
            for j in range(group.childCount())
        ]
    return rows


def test_lists_bundled_profiles_and_groups_resources_by_category(qgis_iface):
    section = TerritorySection(qgis_iface)
    ids = [section.profile_combo.itemData(i) for i in range(section.profile_combo.count())]
    assert ids == bundled_profile_ids()
    section.profile_combo.setCurrentIndex(ids.index("toulouse"))
    profile = load_profile("toulouse")
    rows = tree_rows(section)
    assert set(rows) == {category_label(c) for c in profile.categories()}
    flat = {layer: state for entries in rows.values() for layer, state in entries}
    assert set(flat) == {e.layer for e in profile.resources}
    for entry in profile.resources:
        expected = Qt.Checked if entry.enabled and not entry.unconfirmed else Qt.Unchecked
        assert flat[entry.layer] == expected, entry.layer


def test_open_profile_file_and_export_the_setup(qgis_iface, tmp_path):
    section = TerritorySection(qgis_iface)
    assert section.open_profile_file(load_profile("rennes").path)
    keep = section.checked_layers()[:3]
    section.set_checked(keep)
    target = tmp_path / "elsewhere" / "my_territory.json"
    assert section.export_profile(str(target))
    exported = load_profile(str(target))
    assert [e.layer for e in exported.resources if e.enabled] == keep
    assert len(exported.resources) == len(load_profile("rennes").resources)
    # the exported file opens in the section like any profile
    assert section.open_profile_file(str(target))
    assert section.profile.path == str(target)


def test_bad_profile_file_is_refused(qgis_iface, tmp_path):
    section = TerritorySection(qgis_iface)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"version": 1}), encoding="utf-8")
    before = section.profile_combo.count()
    assert not section.open_profile_file(str(bad))
    assert section.profile_combo.count() == before


wait_for = functools.partial(wait_until, seconds=60)

def test_loads_ticked_demo_resources_in_the_background(qgis_iface, qgis_new_project, tmp_path):
    section = TerritorySection(qgis_iface)
    section.profile_combo.setCurrentIndex(section.profile_combo.findData("demo"))
    wanted = [layer for layer in section.checked_layers() if layer.endswith("_ods")]
    assert wanted
    section.set_checked(wanted)
    section.output.setFilePath(str(tmp_path / "demo.gpkg"))
    task = section.start_load()
    assert task is not None and section.cancel_button.isEnabled()
    assert wait_for(lambda: section.task is None), "the load did not finish"
    report = section.last_report
    assert report is not None and not report.failed, report and report.summary()
    assert sorted(report.layers) == sorted(["boundary"] + wanted)
    names = sorted(
        layer.source().split("layername=")[1] for layer in QgsProject.instance().mapLayers().values()
    )
    assert names == sorted(["boundary"] + wanted)
    assert "boundary" in section.summary.toPlainText()
    shown = {
        section.tree.topLevelItem(i).child(j).data(0, LAYER_ROLE): section.tree.topLevelItem(i)
        .child(j)
        .text(3)
        for i in range(section.tree.topLevelItemCount())
        for j in range(section.tree.topLevelItem(i).childCount())
    }
    for outcome in report.loaded:
        if outcome.layer != "boundary":
            assert shown[outcome.layer] == f"✓ {outcome.feature_count}"
    assert QgsApplication.taskManager().countActiveTasks() == 0


def test_cancel_leaves_no_file(qgis_iface, qgis_new_project, tmp_path):
    section = TerritorySection(qgis_iface)
    section.profile_combo.setCurrentIndex(section.profile_combo.findData("demo"))
    output = tmp_path / "cancelled.gpkg"
    section.output.setFilePath(str(output))
    assert section.start_load(all_resources=True) is not None
    section.cancel()
    assert wait_for(lambda: section.task is None), "the cancelled load did not end"
    assert section.last_report is None and not output.exists()
    assert section.load_all_button.isEnabled()
