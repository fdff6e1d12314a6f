#!/usr/bin/env python3
"""Rebuild resources/demo/cache, the recorded replies of the demo territory, from the readable
files of resources/demo/data/.

The real loader runs on the demo profile with a transport that answers every request from the demo
data (a small router standing in for each server) and stores the answer in a reply cache under the
very key the transport computes (`cache_key(method, url, params, data, authcfg)` +
`ReplyCache.put_bytes`). The sources therefore record exactly the requests they make; offline,
they find them again. Run it after editing the demo data or a source's requests:

    .venv/bin/python scripts/build_demo_cache.py
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import sys
import tempfile
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from headless import REPO, start_qgis  # noqa: E402
from overpass_replies import OsmData, reply  # noqa: E402

DATA = os.path.join(REPO, "resources", "demo", "data")
CACHE = os.path.join(REPO, "resources", "demo", "cache")
JSON_TYPE = "application/json; charset=utf-8"
DEMO_TIME = 1795500000  # 2026-11-24T06:00:00Z, 07:00 in Démo-sur-Vilaine on a Tuesday: the demo data's "now"


class UnknownRequestError(Exception):
    pass


def read(*parts) -> bytes:
    with open(os.path.join(DATA, *parts), "rb") as handle:
        return handle.read()


# -- the demo servers ---------------------------------------------------------------------------


def geo_api(path, query, _body):
    if path.rstrip("/") == "/communes" and query.get("codeEpci") == ["200099999"]:
        return read("boundary", "communes.geojson"), "application/geo+json; charset=utf-8"
    raise UnknownRequestError(path)


def ods_portal(path, _query, _body):
    match = re.match(r"^/api/explore/v2\.1/catalog/datasets/([^/]+)(/exports/geojson)?/?$", path)
    if not match:
        raise UnknownRequestError(path)
    dataset = match.group(1)
    if not os.path.exists(os.path.join(DATA, "ods", f"{dataset}.geojson")):
        raise UnknownRequestError(f"no demo dataset {dataset}")
    if match.group(2):
        return read("ods", f"{dataset}.geojson"), "application/geo+json; charset=utf-8"
    return read("ods", f"{dataset}.meta.json"), JSON_TYPE


def gbfs_server(path, _query, _body):
    name = os.path.basename(path)
    if not name.endswith(".json") or not os.path.exists(os.path.join(DATA, "gbfs", name)):
        raise UnknownRequestError(path)
    return read("gbfs", name), JSON_TYPE


def sensor_server(path, _query, _body):
    if not path.startswith("/airrohr/v1/filter/"):
        raise UnknownRequestError(path)
    items = json.loads(read("sensor_community", "filter.json"))
    types = re.search(r"type=([^/&]+)", path)
    if types:
        wanted = set(types.group(1).split(","))
        items = [i for i in items if i["sensor"]["sensor_type"]["name"] in wanted]
    return json.dumps(items).encode("utf-8"), JSON_TYPE


# Overpass: demo.osm answered as a real server prints its reply (scripts/overpass_replies.py: the count first,
# then nodes, ways and relations in quadtile order).
def overpass(path, query, body):
    ql = parse_qs(body.decode("utf-8")).get("data", [""])[0] if body else query.get("data", [""])[0]
    if not ql.strip():
        raise UnknownRequestError("overpass request without a query")
    return reply(OsmData.from_xml(read("osm", "demo.osm")), ql), "application/osm3s+xml"


def datagouv(path, _query, _body):
    dataset = json.loads(read("datagouv", "dataset.json"))
    if path.rstrip("/") in (f"/api/1/datasets/{dataset['slug']}", f"/api/1/datasets/{dataset['id']}"):
        return read("datagouv", "dataset.json"), JSON_TYPE
    raise UnknownRequestError(path)


def static_files(path, _query, _body):
    name = os.path.basename(path)
    if name.endswith(".csv") and os.path.exists(os.path.join(DATA, "datagouv", name)):
        return read("datagouv", name), "text/csv; charset=windows-1252"
    raise UnknownRequestError(path)


def transport_server(path, _query, _body):
    """The network's GTFS zip and its GTFS-RT VehiclePositions feed (both binary)."""
    if path == "/gtfs/network.zip":
        return read("gtfs", "network.zip"), "application/zip"
    if path == "/gtfs-rt/vehicle_positions.pb":
        return read("gtfs", "vehicle_positions.pb"), "application/x-protobuf"
    raise UnknownRequestError(path)


SERVERS = {
    "datagouv.demo-sur-vilaine.example": datagouv,
    "static.demo-sur-vilaine.example": static_files,
    "geo.demo-sur-vilaine.example": geo_api,
    "data.demo-sur-vilaine.example": ods_portal,
    "gbfs.demo-sur-vilaine.example": gbfs_server,
    "sensors.demo-sur-vilaine.example": sensor_server,
    "overpass.demo-sur-vilaine.example": overpass,
    "transport.demo-sur-vilaine.example": transport_server,
}


def route(method: str, url: str, body):
    parts = urlsplit(url)
    server = SERVERS.get(parts.hostname)
    if server is None:
        raise UnknownRequestError(f"{method} {url}: not a demo server")
    if isinstance(body, dict):
        from urllib.parse import urlencode

        body = urlencode(body).encode("utf-8")
    try:
        return server(parts.path, parse_qs(parts.query), body)
    except UnknownRequestError as error:
        raise UnknownRequestError(f"{method} {url}: {error}") from None


# -- recording ----------------------------------------------------------------------------------


def recording_transport_class():
    from open_territory.plugin.toolbelt.cache import cache_key
    from open_territory.plugin.toolbelt.network import Transport

    class RecordingTransport(Transport):
        """Answers from the demo servers, storing each reply under the transport's own cache key,
        then serves it from the cache like any offline request."""

        recorded = []

        def request(
            self,
            method,
            url,
            params=None,
            data=None,
            headers=None,
            max_age=0,
            expect=None,
            timeout=None,
            progress=True,
        ):
            key = cache_key(method, url, params, data, self.authcfg)
            full_url = self.full_url(url, params)
            if self.cache.get(key) is None:
                content, content_type = route(method, full_url, data)
                self.cache.put_bytes(
                    key,
                    content,
                    full_url,
                    200,
                    {"content-type": content_type, "content-length": str(len(content))},
                )
                RecordingTransport.recorded.append(f"{method} {full_url}")
            self.offline = True
            return super().request(
                method,
                url,
                params=params,
                data=data,
                headers=headers,
                max_age=max_age,
                expect=expect,
                timeout=timeout,
                progress=progress,
            )

    return RecordingTransport


def stamp_entries(folder: str):
    """One fixed date on every entry, so a rebuild from unchanged data changes no file."""
    for parent, _dirs, files in os.walk(folder):
        for name in files:
            if name.endswith(".json"):
                path = os.path.join(parent, name)
                with open(path, encoding="utf-8") as handle:
                    meta = json.load(handle)
                meta["fetched_at"] = DEMO_TIME
                with open(path, "w", encoding="utf-8") as handle:
                    json.dump(meta, handle, sort_keys=True)


def build(target: str = CACHE) -> list:
    """Record the demo's replies into `target` (replaced atomically); returns the requests."""
    from open_territory.plugin.profiles.profile import load_profile
    from open_territory.plugin.profiles.territory import load_territory

    recording = recording_transport_class()
    recording.recorded = []
    profile = load_profile("demo")
    live = dataclasses.replace(profile, data={k: v for k, v in profile.data.items() if k != "offline_cache"})
    work = tempfile.mkdtemp(prefix="demo-cache-")
    folder = os.path.join(work, "cache")
    output = os.path.join(work, "check.gpkg")
    try:
        report = load_territory(
            live,
            output,
            offline=True,
            styles=False,
            transport_factory=lambda fb, authcfg, _f, _o: recording(
                feedback=fb, authcfg=authcfg, cache_dir=folder, offline=True
            ),
        )
        from open_territory.plugin.sources import registry

        # A source not written yet is left out of the cache (rebuild when it lands); any other
        # failure means the demo data or the router is wrong.
        missing = [o for o in report.failed if o.source not in registry.SOURCES]
        for outcome in missing:
            print(f"build_demo_cache: skipped {outcome.layer}: {outcome.message}", file=sys.stderr)
        failed = [f"{o.layer}: {o.message}" for o in report.failed if o not in missing]
        if failed:
            raise SystemExit("build_demo_cache: some demo resources did not load:\n  " + "\n  ".join(failed))
        for name in os.listdir(folder):
            if name.startswith("."):  # leftovers of put_bytes
                os.remove(os.path.join(folder, name))
        stamp_entries(folder)
        if os.path.exists(target):
            old = target + ".old"
            shutil.rmtree(old, ignore_errors=True)
            os.replace(target, old)
            shutil.copytree(folder, target)
            shutil.rmtree(old)
        else:
            shutil.copytree(folder, target)
        print(report.summary())
        return list(recording.recorded)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    app = start_qgis(processing=False)
    requests = build()
    print(f"{len(requests)} replies recorded into {os.path.relpath(CACHE, REPO)}:")
    for line in requests:
        print("  " + line)
    app.exitQgis()


if __name__ == "__main__":
    main()
