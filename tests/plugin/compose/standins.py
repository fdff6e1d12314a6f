"""Local stand-ins of geo.api.gouv.fr, transport.data.gouv.fr and data.gouv.fr (API 1), serving the fixture
data of data/ the way the real services answer, plus the national files and the live feeds a territory
load asks (GBFS, GTFS and GTFS-RT, Overpass, sensor.community).

One server holds them all, each under its own path: GEO_API = <root>/geo, TRANSPORT_API = <root>/transport,
DATAGOUV_API = <root>/datagouv; files under <root>/files, <root>/schemas, <root>/gbfs; Overpass at
<root>/overpass/api/interpreter; sensor.community at <root>/sensors. Replies carry the server's own address
where the fixtures hold "{base}".

Behaviours kept from the real services:
- geo.api.gouv.fr (etalab/api-geo): `nom` matches word by word, each typed word the start of a word of the
  name, accents, case and punctuation aside, `_score` added, `boost=population` sorting the large ones first;
  `code`, `codeEpci`, `codeDepartement`, `codePostal`, `siren`, `type` (default `commune-actuelle`),
  `codeParent`, `fields` (plus `nom` and `code` always), `limit`, `format=geojson` with `geometry`
  (`centre` by default, `contour`, `bbox`); 400 for a GeoJSON of everything; 404 for an unknown code.
- transport.data.gouv.fr: `/api/datasets` one bare array; `/api/aoms/<insee>` an AOM or 404.
- data.gouv.fr: `/api/1/organizations/?q=&business_number_id=`, `/api/1/datasets/?q=&organization=` paged
  (`page`, `page_size`, `next_page`), `/api/1/datasets/<id or slug>/`, `/api/1/datasets/schemas/`;
  errors `{"message", "status"}`.

Tests may take a service down (`down` path prefixes answer 503) and read what was asked (`log`).

    python3 tests/plugin/compose/standins.py [--port 8765]      serves them for a desktop demo
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
import time
import unicodedata
from urllib.parse import urlencode

from werkzeug import Request, Response

try:
    from .gtfs_feeds import network_zip, vehicle_positions
except ImportError:  # run as a script, or from the benchmarks: this folder is on sys.path
    from gtfs_feeds import network_zip, vehicle_positions

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
COMMUNE_DEFAULT_FIELDS = [
    "nom",
    "code",
    "codeDepartement",
    "siren",
    "codeEpci",
    "codeRegion",
    "codesPostaux",
    "population",
]
EPCI_DEFAULT_FIELDS = ["nom", "code", "codesDepartements", "codesRegions", "population"]
GEOMETRIES = ("centre", "contour", "bbox")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z]", "", text)


def tokens(text: str) -> list:
    return [t for t in (fold(part) for part in re.split(r"[\s\-]+", text or "")) if t]


def text_score(query: str, name: str):
    """lunr 1.0 as api-geo uses it: every query word is the start of a word of the name; exact words
    score more than prefixes. None when the name does not match."""
    words = tokens(name)
    score = 0.0
    for q in tokens(query):
        best = 0.0
        for w in words:
            if w == q:
                best = max(best, 1.0)
            elif w.startswith(q):
                best = max(best, 0.5 * len(q) / len(w))
        if best == 0.0:
            return None
        score += best
    return score / max(len(words), 1) ** 0.5


def bbox_polygon(geometry: dict) -> dict:
    points = [p for ring in geometry["coordinates"] for p in ring]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    ring = [[min(xs), min(ys)], [max(xs), min(ys)], [max(xs), max(ys)], [min(xs), max(ys)], [min(xs), min(ys)]]
    return {"type": "Polygon", "coordinates": [ring]}


class StandIns:
    def __init__(self, data_dir: str = DATA):
        self.data_dir = data_dir
        self.down = set()  # path prefixes answering 503
        self.log = []  # (method, path, query string)
        self.communes = self._load("geo/communes.json")
        self.epcis = self._load("geo/epcis.json")

    # -- plumbing -----------------------------------------------------------------------------

    def _load(self, relative: str):
        with open(os.path.join(self.data_dir, relative), encoding="utf-8") as handle:
            return json.load(handle)

    def register(self, httpserver) -> StandIns:
        httpserver.expect_request(re.compile(r"^/.*")).respond_with_handler(self.handle)
        return self

    @staticmethod
    def root(request) -> str:
        return request.host_url.rstrip("/")

    def json(self, request, payload, status: int = 200) -> Response:
        text = json.dumps(payload, ensure_ascii=False).replace("{base}", self.root(request))
        return Response(text, status=status, content_type="application/json; charset=utf-8")

    def file(self, request, relative: str) -> Response:
        path = os.path.normpath(os.path.join(self.data_dir, relative))
        if not path.startswith(self.data_dir) or not os.path.isfile(path):
            return Response("Not Found", status=404, content_type="text/plain")
        with open(path, "rb") as handle:
            body = handle.read()
        if path.endswith(".json"):
            body = body.replace(b"{base}", self.root(request).encode())
        types = {".csv": "text/csv", ".geojson": "application/geo+json", ".json": "application/json"}
        return Response(body, content_type=types.get(os.path.splitext(path)[1], "application/octet-stream"))

    def handle(self, request) -> Response:
        path = request.path
        self.log.append((request.method, path, request.query_string.decode()))
        if any(path.startswith(prefix) for prefix in self.down):
            return Response('{"error": "Service Unavailable"}', status=503, content_type="application/json")
        for prefix, handler in (
            ("/geo/", self.geo),
            ("/transport/", self.transport),
            ("/datagouv/", self.datagouv),
            ("/overpass/", self.overpass),
            ("/sensors/", self.sensors),
        ):
            if path.startswith(prefix):
                return handler(request, path[len(prefix) - 1 :])
        if path.startswith(("/files/gtfs/", "/files/gtfs-rt/")):
            return self.network(request, path)
        for prefix in ("/files/", "/schemas/", "/gbfs/"):
            if path.startswith(prefix):
                return self.file(request, path.lstrip("/"))
        return Response("Not Found", status=404, content_type="text/plain")

    # -- geo.api.gouv.fr ----------------------------------------------------------------------

    def fields(self, request, default) -> list:
        value = request.args.get("fields")
        chosen = value.split(",") if value else list(default)
        for base in ("nom", "code"):
            if base not in chosen:
                chosen.append(base)
        return chosen

    def shape(self, request, item: dict, fields: list):
        properties = {k: item[k] for k in fields if k in item and k not in GEOMETRIES}
        if "_score" in item and "_score" in fields:
            properties["_score"] = item["_score"]
        if "departement" in fields and item.get("codeDepartement"):
            properties["departement"] = {"code": item["codeDepartement"]}
        if request.args.get("format") == "geojson":
            geometry = request.args.get("geometry") if request.args.get("geometry") in GEOMETRIES else "centre"
            shape = item.get("contour") if geometry != "centre" else item.get("centre")
            if geometry == "bbox" and shape:
                shape = bbox_polygon(shape)
            return {"type": "Feature", "properties": properties, "geometry": shape}
        for geometry in GEOMETRIES:
            if geometry in fields and item.get(geometry):
                properties[geometry] = item[geometry]
        if "bbox" in fields and "bbox" not in properties and item.get("contour"):
            properties["bbox"] = bbox_polygon(item["contour"])  # api-geo computes it from the contour
        return properties

    def listing(self, request, items: list, fields: list) -> Response:
        if request.args.get("limit"):
            items = items[: int(request.args["limit"])]
        shaped = [self.shape(request, item, fields) for item in items]
        if request.args.get("format") == "geojson":
            return self.json(request, {"type": "FeatureCollection", "features": shaped})
        return self.json(request, shaped)

    def search(self, request, items: list, filters: dict) -> list:
        args = request.args
        found = []
        for item in items:
            if any(value is not None and not test(item, value) for value, test in filters.values()):
                continue
            if args.get("nom"):
                score = text_score(args["nom"], item["nom"])
                if score is None:
                    continue
                item = dict(item, _score=score)
            found.append(item)
        if args.get("nom"):
            if args.get("boost") == "population":
                for item in found:
                    item["_score"] = item["_score"] * (1 + (item.get("population") or 0) / 100000)
            found.sort(key=lambda i: -i["_score"])
        return found

    def geo(self, request, path: str) -> Response:
        args = request.args
        parts = [p for p in path.split("/") if p]
        if parts[:1] == ["communes"] and len(parts) == 1:
            fields = self.fields(request, COMMUNE_DEFAULT_FIELDS)
            if args.get("nom"):
                fields.append("_score")
            keys = (
                "type",
                "code",
                "codePostal",
                "nom",
                "siren",
                "codeEpci",
                "codeDepartement",
                "codeRegion",
                "codeParent",
            )
            if not any(args.get(k) for k in keys) and (args.get("format") == "geojson" or "contour" in fields):
                return Response(status=400)
            types = (args.get("type") or "commune-actuelle").split(",")
            filters = {
                "type": (types, lambda c, v: c.get("type") in v),
                "code": (args.get("code"), lambda c, v: c["code"] == v),
                "codePostal": (args.get("codePostal"), lambda c, v: v in c.get("codesPostaux", [])),
                "siren": (args.get("siren"), lambda c, v: c.get("siren") == v),
                "codeEpci": (args.get("codeEpci"), lambda c, v: c.get("codeEpci") == v),
                "codeDepartement": (args.get("codeDepartement"), lambda c, v: c.get("codeDepartement") == v),
                "codeRegion": (args.get("codeRegion"), lambda c, v: c.get("codeRegion") == v),
                "codeParent": (args.get("codeParent"), lambda c, v: c.get("codeParent") == v),
            }
            return self.listing(request, self.search(request, self.communes, filters), fields)
        if parts[:1] == ["communes"] and len(parts) == 2:
            found = [c for c in self.communes if c["code"] == parts[1]]
            if not found:
                return Response(status=404)
            return self.json(request, self.shape(request, found[0], self.fields(request, COMMUNE_DEFAULT_FIELDS)))
        if parts[:1] == ["epcis"] and len(parts) == 1:
            fields = self.fields(request, EPCI_DEFAULT_FIELDS)
            if args.get("nom"):
                fields.append("_score")
            filters = {
                "code": (args.get("code"), lambda e, v: e["code"] == v),
                "codeDepartement": (args.get("codeDepartement"), lambda e, v: v in e["codesDepartements"]),
                "codeRegion": (args.get("codeRegion"), lambda e, v: v in e["codesRegions"]),
            }
            return self.listing(request, self.search(request, self.epcis, filters), fields)
        if parts[:1] == ["epcis"] and len(parts) >= 2:
            found = [e for e in self.epcis if e["code"] == parts[1]]
            if not found:
                return Response(status=404)
            if parts[2:] == ["communes"]:
                members = [c for c in self.communes if c.get("codeEpci") == parts[1]]
                return self.listing(request, members, self.fields(request, COMMUNE_DEFAULT_FIELDS))
            return self.json(request, self.shape(request, found[0], self.fields(request, EPCI_DEFAULT_FIELDS)))
        return Response(status=404)

    # -- transport.data.gouv.fr ---------------------------------------------------------------

    def transport(self, request, path: str) -> Response:
        if path.rstrip("/") == "/api/datasets":
            return self.json(request, self._load("transport/datasets.json"))
        match = re.match(r"^/api/aoms/([0-9AB]{5})$", path)
        if match:
            aom = self._load("transport/aoms.json").get(match.group(1))
            if aom is None:
                return self.json(request, {"error": "Commune not found"}, 404)
            return self.json(request, aom)
        return self.json(request, {"errors": "Not found"}, 404)

    # -- data.gouv.fr -------------------------------------------------------------------------

    def page(self, request, items: list, path: str) -> Response:
        page = max(1, int(request.args.get("page") or 1))
        size = max(1, int(request.args.get("page_size") or 20))
        chunk = items[(page - 1) * size : page * size]
        query = {k: v for k, v in request.args.items() if k != "page"}

        def link(number):
            return f"{self.root(request)}/datagouv/api/1{path}?{urlencode(dict(query, page=number))}"

        return self.json(
            request,
            {
                "data": chunk,
                "page": page,
                "page_size": size,
                "total": len(items),
                "next_page": link(page + 1) if page * size < len(items) else None,
                "previous_page": link(page - 1) if page > 1 else None,
            },
        )

    @staticmethod
    def words_match(query: str, text: str) -> bool:
        return all(word in tokens(text) or any(t.startswith(word) for t in tokens(text)) for word in tokens(query))

    def datagouv(self, request, path: str) -> Response:
        args = request.args
        if path == "/api/1/organizations/":
            items = self._load("datagouv/organizations.json")
            if args.get("business_number_id"):
                items = [o for o in items if o.get("business_number_id") == args["business_number_id"]]
            if args.get("q"):
                items = [o for o in items if self.words_match(args["q"], o["name"])]
            return self.page(request, items, "/organizations/")
        if path == "/api/1/datasets/schemas/":
            return self.json(request, self._load("datagouv/schemas.json"))
        if path == "/api/1/datasets/":
            items = self._load("datagouv/datasets.json")
            if args.get("organization"):
                items = [d for d in items if (d.get("organization") or {}).get("id") == args["organization"]]
            if args.get("q"):
                items = [
                    d for d in items if self.words_match(args["q"], d["title"] + " " + " ".join(d.get("tags", [])))
                ]
            return self.page(request, items, "/datasets/")
        match = re.match(r"^/api/1/datasets/([^/]+)/?$", path)
        if match:
            for dataset in self._load("datagouv/datasets.json"):
                if match.group(1) in (dataset["id"], dataset["slug"]):
                    return self.json(request, dataset)
            return self.json(request, {"message": "Not Found", "status": 404}, 404)
        return self.json(request, {"message": "Not Found", "status": 404}, 404)

    # -- live feeds ---------------------------------------------------------------------------

    def overpass(self, request, path: str) -> Response:
        """OSM XML of the fixture's OpenStreetMap objects inside the query's bounding box."""
        query = request.form.get("data") or request.args.get("data") or ""
        match = re.search(r"\((-?[\d.]+),(-?[\d.]+),(-?[\d.]+),(-?[\d.]+)\)", query)
        south, west, north, east = (float(v) for v in match.groups()) if match else (-90, -180, 90, 180)
        tags = [
            {"highway": "traffic_signals"},
            {"amenity": "bicycle_parking", "capacity": "10"},
            {"amenity": "charging_station", "capacity": "2"},
            {"highway": "bus_stop", "name": "Arrêt"},
            {"amenity": "parking", "capacity": "40"},
            {"highway": "street_lamp"},
            {"amenity": "bicycle_rental"},
            {"amenity": "car_sharing"},
            {"man_made": "monitoring_station", "monitoring:air_quality": "yes"},
            {"man_made": "monitoring_station", "monitoring:traffic": "yes"},
        ]
        nodes, ways = [], []
        ident = 0
        for commune in self.communes:
            if commune.get("type") != "commune-actuelle":
                continue
            ring = commune["contour"]["coordinates"][0]
            x0, y0 = ring[0]
            size = ring[1][0] - x0
            for k, tag in enumerate(tags):
                lon, lat = x0 + size * (0.1 + 0.08 * k), y0 + size * (0.5 + 0.03 * math.sin(k))
                if south <= lat <= north and west <= lon <= east:
                    ident += 1
                    nodes.append((ident, lat, lon, tag))
            lon, lat = x0 + size * 0.2, y0 + size * 0.2
            if south <= lat <= north and west <= lon <= east:
                first, second = ident + 1, ident + 2
                nodes += [(first, lat, lon, {}), (second, lat + size * 0.3, lon + size * 0.3, {})]
                ident += 2
                ways.append((ident, [first, second], {"highway": "cycleway", "name": f"Voie verte {commune['nom']}"}))
        lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="Overpass API 0.7.62">']
        lines.append("<note>The data included in this document is from www.openstreetmap.org.</note>")
        for ident, lat, lon, tag in nodes:
            inner = "".join(f'<tag k="{k}" v="{v}"/>' for k, v in tag.items())
            lines.append(f'<node id="{ident}" lat="{lat:.7f}" lon="{lon:.7f}">{inner}</node>')
        for ident, refs, tag in ways:
            inner = "".join(f'<nd ref="{r}"/>' for r in refs) + "".join(
                f'<tag k="{k}" v="{v}"/>' for k, v in tag.items()
            )
            lines.append(f'<way id="{100000 + ident}">{inner}</way>')
        lines.append("</osm>")
        return Response("\n".join(lines), content_type="application/osm3s+xml")

    def network_communes(self, dataset: dict) -> list:
        """The communes of a dataset's covered area and of its transport authorities (EPCIs by SIREN)."""
        wanted = []
        for area in dataset.get("covered_area") or []:
            key = {"commune": "code", "epci": "codeEpci", "departement": "codeDepartement", "region": "codeRegion"}
            wanted.append((key.get(area["type"], ""), area["insee"]))
        wanted += [
            ("codeEpci", str(owner["siren"])) for owner in dataset.get("legal_owners") or [] if owner.get("siren")
        ]
        return [
            c
            for c in self.communes
            if c.get("type") == "commune-actuelle" and any(c.get(field) == value for field, value in wanted)
        ]

    def network(self, request, path: str) -> Response:
        """A network's GTFS zip or GTFS-RT vehicle positions (gtfs_feeds.py), over the communes of the dataset
        that lists it."""
        for dataset in self._load("transport/datasets.json"):
            for resource in dataset.get("resources") or []:
                if resource.get("url", "").replace("{base}", "") == path:
                    name = os.path.splitext(os.path.basename(path))[0]
                    communes = self.network_communes(dataset)
                    if path.endswith(".zip"):
                        return Response(network_zip(name, communes), content_type="application/zip")
                    body = vehicle_positions(name, communes, int(time.time()))
                    return Response(body, content_type="application/x-protobuf")
        return Response("Not Found", status=404, content_type="text/plain")

    def sensors(self, request, path: str) -> Response:
        match = re.search(r"box=(-?[\d.]+),(-?[\d.]+),(-?[\d.]+),(-?[\d.]+)", path)
        readings = self._load("sensors/readings.json")
        if match:
            lat1, lon1, lat2, lon2 = (float(v) for v in match.groups())
            readings = [
                r
                for r in readings
                if min(lat1, lat2) <= float(r["location"]["latitude"]) <= max(lat1, lat2)
                and min(lon1, lon2) <= float(r["location"]["longitude"]) <= max(lon1, lon2)
            ]
        return self.json(request, readings)


def main(argv) -> None:
    from werkzeug.serving import run_simple

    port = int(argv[argv.index("--port") + 1]) if "--port" in argv else 8765
    stand_ins = StandIns()
    print(
        f"GEO_API=http://127.0.0.1:{port}/geo TRANSPORT_API=http://127.0.0.1:{port}/transport "
        f"DATAGOUV_API=http://127.0.0.1:{port}/datagouv"
    )
    run_simple("127.0.0.1", port, Request.application(stand_ins.handle))


if __name__ == "__main__":
    main(sys.argv)
