"""A local Overpass server for the tests: pytest-httpserver answering each posted query from OpenStreetMap data
the way a real server prints its reply (scripts/overpass_replies.py: the count first, then nodes, ways and
relations in quadtile order, so node ids do not increase)."""

from __future__ import annotations

import os
from urllib.parse import parse_qs

from open_territory.scripts.overpass_replies import OsmData, reply
from werkzeug import Request, Response

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def osm_data(name: str = "mixed.osm") -> OsmData:
    """The OpenStreetMap data of a file of tests/plugin/sources/overpass/data."""
    with open(os.path.join(DATA, name), "rb") as handle:
        return OsmData.from_xml(handle.read())


def posted_query(request: Request) -> str:
    return parse_qs(request.get_data(as_text=True)).get("data", [""])[0]


def serve_overpass(httpserver, data: OsmData | None = None, path: str = "/api/interpreter") -> str:
    """Answer every POST to `path` from `data` (mixed.osm by default); returns the interpreter's URL."""
    data = data if data is not None else osm_data()

    def answer(request: Request) -> Response:
        return Response(reply(data, posted_query(request)), content_type="application/osm3s+xml")

    httpserver.expect_request(path, method="POST").respond_with_handler(answer)
    return httpserver.url_for(path)
