"""The reply cache's pruning: old entries and a size cap, leftovers of cut downloads, never anything
else in the folder, never a cache bundled in the plugin, once per session, never in offline mode."""

import os
import time

import pytest
from open_territory.plugin.toolbelt import cache as cache_module
from open_territory.plugin.toolbelt.cache import ReplyCache, cache_key, prune
from open_territory.plugin.toolbelt.errors import NetworkError
from open_territory.plugin.toolbelt.metadata import PLUGIN_DIR
from open_territory.plugin.toolbelt.network import Transport
from open_territory.plugin.toolbelt.settings import PluginSettings

DAY = 86400
NOW = 2_000_000_000.0


def add_entry(cache: ReplyCache, url: str, age_days: float, size: int = 10, now: float = NOW) -> str:
    """A cache entry fetched `age_days` before `now`, with a body of `size` bytes; returns its key."""
    key = cache_key("GET", url)
    entry = cache.put_bytes(key, b"x" * size, url)
    when = now - age_days * DAY
    for path in (entry.body_path, entry.body_path[: -len(".body")] + ".json"):
        os.utime(path, (when, when))
    return key


def aged(path: str, age_days: float, now: float = NOW) -> str:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(b"partial")
    when = now - age_days * DAY
    os.utime(path, (when, when))
    return path


def test_prune_by_age_keeps_recent_entries_and_other_files(tmp_path):
    cache = ReplyCache(str(tmp_path / "cache"))
    old = add_entry(cache, "https://a/old", age_days=40)
    recent = add_entry(cache, "https://a/recent", age_days=2)
    layers = tmp_path / "cache" / "layers"
    layers.mkdir()
    (layers / "ods_portal_dataset.gpkg").write_bytes(b"a layer the project uses")
    (tmp_path / "cache" / "notes.txt").write_text("not an entry")
    stale_part = aged(os.path.join(cache.folder, ".download-abc.part"), age_days=3)
    live_part = aged(os.path.join(cache.folder, ".download-def.part"), age_days=0)

    removed, freed = prune(cache.folder, keep_seconds=30 * DAY, max_bytes=0, now=NOW)

    assert removed == 1 and freed > 10
    assert cache.get(old) is None and not os.path.exists(cache._paths(old)[0])
    assert cache.get(recent) is not None
    assert (layers / "ods_portal_dataset.gpkg").exists() and (tmp_path / "cache" / "notes.txt").exists()
    assert not os.path.exists(stale_part) and os.path.exists(live_part)


def test_prune_size_cap_removes_least_recently_fetched_first(tmp_path):
    cache = ReplyCache(str(tmp_path / "cache"))
    keys = [add_entry(cache, f"https://a/{age}", age_days=age, size=1000) for age in (5, 1, 3, 2)]
    # The cap holds the two newest entries exactly (a .json's length varies with its fetched_at digits).
    cap = sum(os.path.getsize(p) for k in (keys[1], keys[3]) for p in cache._paths(k))
    removed, _freed = prune(cache.folder, keep_seconds=0, max_bytes=cap, now=NOW)
    assert removed == 2
    assert [cache.get(k) is not None for k in keys] == [False, True, False, True]  # 5 and 3 days old went


def test_prune_zero_limits_keep_everything(tmp_path):
    cache = ReplyCache(str(tmp_path / "cache"))
    key = add_entry(cache, "https://a/ancient", age_days=3000)
    assert prune(cache.folder, keep_seconds=0, max_bytes=0, now=NOW) == (0, 0)
    assert cache.get(key) is not None


def test_entry_being_written_is_left_alone(tmp_path):
    cache = ReplyCache(str(tmp_path / "cache"))
    key = add_entry(cache, "https://a/x", age_days=40)
    body, meta = cache._paths(key)
    os.remove(meta)  # between the two renames of put_file: the .body is there, the .json not yet
    os.utime(body, (NOW, NOW))
    rewrite = aged(cache._paths(cache_key("GET", "https://a/y"))[0] + ".part", age_days=0)
    prune(cache.folder, keep_seconds=DAY, max_bytes=1, now=NOW)
    assert os.path.exists(body) and os.path.exists(rewrite)
    prune(cache.folder, keep_seconds=DAY, max_bytes=1, now=NOW + 2 * DAY)
    assert not os.path.exists(body) and not os.path.exists(rewrite)


def test_bundled_cache_is_never_pruned(tmp_path, monkeypatch):
    # The demo profile's recorded replies are recognised as bundled, without pruning them to find out
    # (the loader reads a copy of them offline, and an offline transport never prunes).
    from open_territory.plugin.profiles.profile import load_profile

    demo_cache = load_profile("demo").offline_cache
    assert os.path.realpath(demo_cache).startswith(os.path.realpath(PLUGIN_DIR))
    assert os.path.isdir(demo_cache) and cache_module._is_bundled(demo_cache)
    # A stand-in plugin folder shows that a bundled cache keeps even its oldest entries.
    plugin = tmp_path / "plugin"
    cache = ReplyCache(str(plugin / "resources" / "demo" / "cache"))
    key = add_entry(cache, "https://demo/x", age_days=400)
    monkeypatch.setattr(cache_module, "PLUGIN_DIR", str(plugin))
    assert prune(cache.folder, keep_seconds=DAY, max_bytes=1, now=NOW) == (0, 0)
    assert cache.get(key) is not None
    assert not cache_module._is_bundled(str(tmp_path / "elsewhere"))


@pytest.fixture()
def settings(tmp_path):
    """Settings keeping replies 10 days, with a cache folder of this test. Handed to the transports
    rather than saved: the QgsSettings store is shared with any other QGIS process running meanwhile
    (reading the store is tested in test_settings.py)."""
    return PluginSettings(cache_dir=str(tmp_path / "settings-cache"), cache_keep_days=10, cache_max_mb=0)


@pytest.fixture()
def settings_cache(settings):
    return ReplyCache(settings.cache_dir)


def test_transport_prunes_once_when_it_first_writes(httpserver, settings, settings_cache):
    now = time.time()
    old = add_entry(settings_cache, "https://a/old", age_days=11, now=now)
    kept = add_entry(settings_cache, "https://a/kept", age_days=9, now=now)
    httpserver.expect_request("/fresh").respond_with_json({"n": 1})
    transport = Transport(offline=False, retries=0, settings=settings)
    assert transport.cache.folder == settings_cache.folder
    transport.get(httpserver.url_for("/fresh"))
    assert settings_cache.get(old) is None and settings_cache.get(kept) is not None
    assert settings_cache.get(cache_key("GET", httpserver.url_for("/fresh"))) is not None
    # Later writes in the same session do not scan the folder again.
    again = add_entry(settings_cache, "https://a/again", age_days=20, now=now)
    Transport(offline=False, retries=0, settings=settings).get(httpserver.url_for("/fresh"))
    assert settings_cache.get(again) is not None


def test_offline_transport_never_prunes(settings, settings_cache):
    old = add_entry(settings_cache, "https://a/old", age_days=365, now=time.time())
    offline = Transport(offline=True, settings=settings)
    assert offline.get("https://a/old").content == b"x" * 10
    with pytest.raises(NetworkError) as raised:
        offline.get("https://a/missing")
    assert raised.value.reason == "offline"
    assert settings_cache.get(old) is not None


def test_two_writers_of_the_same_reply_do_not_collide(tmp_path):
    """Two jobs fetching the same URL at once (two refreshes of one layer) each store the reply whole."""
    import threading

    cache = ReplyCache(str(tmp_path / "cache"))
    key = cache_key("GET", "https://a/same")
    errors, start = [], threading.Barrier(8)

    def write(n):
        start.wait()
        try:
            for _ in range(20):
                cache.put_bytes(key, str(n).encode() * 1000, "https://a/same")
        except Exception as error:  # noqa: BLE001 - the test reports whatever a writer met
            errors.append(error)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    entry = cache.get(key)
    with open(entry.body_path, "rb") as handle:
        body = handle.read()
    assert len(body) == 1000 and len(set(body)) == 1
    assert sorted(os.listdir(os.path.dirname(entry.body_path))) == [key + ".body", key + ".json"]


def test_a_cut_writers_files_are_leftovers(tmp_path):
    cache = ReplyCache(str(tmp_path / "cache"))
    body, _meta = cache._paths(cache_key("GET", "https://a/z"))
    cut = aged(body + ".0123456789ab.part", age_days=2)
    prune(cache.folder, keep_seconds=0, max_bytes=0, now=NOW)
    assert not os.path.exists(cut)
