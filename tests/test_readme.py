"""The README's example profile is a valid profile: users copy it."""

import os
import re

from open_territory.plugin.profiles.profile import load_profile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_readme_profile_example_validates(tmp_path):
    with open(os.path.join(REPO, "README.md"), encoding="utf-8") as handle:
        text = handle.read()
    block = re.search(r"### Writing a profile.*?```json\n(.*?)```", text, re.S)
    assert block, "README.md has no example profile"
    path = tmp_path / "territory.json"
    path.write_text(block.group(1), encoding="utf-8")
    profile = load_profile(str(path))
    assert {entry.source for entry in profile.resources} == {"gbfs", "ods", "overpass", "sensor_community"}
