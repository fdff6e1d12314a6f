"""Property-based tests of the profile loader: whatever a profile file holds (hostile JSON values, absurd nesting,
not JSON at all), a Profile or one InputError naming the file. Found by this search before issue 14 was fixed: a
RecursionError on a profile nested thousands of levels deep."""

import json
import os
import tempfile

from hypothesis import strategies as st
from open_territory.plugin.profiles.profile import load_profile
from open_territory.plugin.toolbelt.errors import InputError
from open_territory.plugin.toolbelt.metadata import PROFILES_DIR

from ...fuzzing import fuzz, json_values, mutated

KEYS = (
    "$schema", "version", "id", "name", "crs", "boundary", "epci", "communes", "file", "portals", "url", "platform",
    "resources", "source", "dataset", "portal", "title", "fr", "en", "feed", "kind", "types", "extent", "layer",
    "domain", "enabled", "unconfirmed", "note", "register", "offline_cache", "description", "server", "resource",
)  # fmt: skip
with open(os.path.join(PROFILES_DIR, "demo.json"), encoding="utf-8") as handle:
    DEMO = json.load(handle)


def load(data: bytes):
    with tempfile.TemporaryDirectory(prefix="ot-fuzz-profile-") as folder:
        path = os.path.join(folder, "territoire.json")
        with open(path, "wb") as handle:
            handle.write(data)
        try:
            return load_profile(path)
        except InputError as error:
            assert str(error).startswith(path), str(error)  # every line names the file
            return None


@fuzz(json_values(KEYS))
def test_any_json(value):
    load(json.dumps(value).encode("utf-8"))


@fuzz(mutated(DEMO, KEYS))
def test_the_demo_profile_with_hostile_values(value):
    load(json.dumps(value).encode("utf-8"))


@fuzz(st.one_of(st.binary(max_size=200), st.integers(min_value=0, max_value=5000).map(lambda n: b"[" * n)))
def test_any_bytes(data):
    load(data)
