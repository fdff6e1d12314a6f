"""Council map export helpers (the exports themselves are checked in test_council_map.py)."""

from __future__ import annotations

from open_territory.plugin.export.layout_export import safe_file_part


def test_file_parts():
    assert safe_file_part("Saint-Médard / Nord") == "Saint-Médard_Nord"
    assert safe_file_part("../..") == "page"
