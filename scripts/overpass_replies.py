"""OpenStreetMap data and the replies an Overpass server prints for it, for the tests, the benchmarks and the
demo's recorded replies (scripts/build_demo_cache.py). Standard library only; never shipped with the plugin.

Why it exists: GDAL's OSM driver is sensitive to the order and the shape of what it reads, and hand-written
fixtures tend to be tidier than a real server's answer (nodes in increasing id order, every area one closed
way). This module writes what Overpass really prints:

- `out body qt;` sorts each element type by quadtile (position on a space-filling curve), so node ids come in
  no particular order; `out body;` sorts by id. Nodes come first, then ways, then relations, in each `out`.
- `out count;` prints one `<count>` element (nodes, ways, relations, areas, total tags) for the set it is given.
- OSM ids are handed out in time order, not in space order: the synthetic territories below draw their ids at
  random over a wide range, as a real extract looks.
- Areas are closed ways or multipolygon relations whose outer ring is split across several ways, with inner
  rings, and with a way shared by two neighbouring relations.

`OsmData` holds nodes, ways and relations; `reply(data, query)` runs the subset of Overpass QL the plugin
writes (unions of `node`/`way`/`relation`/`nwr` statements with tag filters and a bbox or `poly:` filter,
`(._;>;);`, `out count;`, `out body [qt];`, `out skel [qt];`) and returns the bytes a server would send.
`car_parks`, `cycleways` and `street_lamps` build synthetic territories of a given size.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field
from xml.etree import ElementTree
from xml.sax.saxutils import quoteattr

HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="Overpass API 0.7.62.1 084b4234">\n'
    "<note>The data included in this document is from www.openstreetmap.org. The data is made available "
    'under ODbL.</note>\n<meta osm_base="{stamp}"/>\n'
)
STAMP = "2026-11-22T09:00:00Z"


@dataclass
class Node:
    id: int
    lat: float
    lon: float
    tags: dict = field(default_factory=dict)


@dataclass
class Way:
    id: int
    refs: list
    tags: dict = field(default_factory=dict)


@dataclass
class Relation:
    id: int
    members: list  # (type, ref, role)
    tags: dict = field(default_factory=dict)


@dataclass
class OsmData:
    nodes: dict = field(default_factory=dict)
    ways: dict = field(default_factory=dict)
    relations: dict = field(default_factory=dict)

    def table(self, kind: str) -> dict:
        return {"node": self.nodes, "way": self.ways, "relation": self.relations}[kind]

    @classmethod
    def from_xml(cls, content: bytes) -> OsmData:
        """The elements of an OSM XML file (the demo's demo.osm)."""
        data = cls()
        for element in ElementTree.fromstring(content):
            tags = {t.get("k"): t.get("v") for t in element.findall("tag")}
            ident = int(element.get("id", 0))
            if element.tag == "node":
                data.nodes[ident] = Node(ident, float(element.get("lat")), float(element.get("lon")), tags)
            elif element.tag == "way":
                data.ways[ident] = Way(ident, [int(nd.get("ref")) for nd in element.findall("nd")], tags)
            elif element.tag == "relation":
                members = [(m.get("type"), int(m.get("ref")), m.get("role", "")) for m in element.findall("member")]
                data.relations[ident] = Relation(ident, members, tags)
        return data


# -- quadtile order ----------------------------------------------------------------------------------------


def quadtile(lat: float, lon: float) -> int:
    """The position of a point on Overpass's quadtile curve: latitude and longitude bits interleaved."""
    y = int((lat + 90.0) / 180.0 * 0xFFFF)
    x = int((lon + 180.0) / 360.0 * 0xFFFF)
    index = 0
    for bit in range(15, -1, -1):
        index = (index << 2) | (((y >> bit) & 1) << 1) | ((x >> bit) & 1)
    return index


def _position(data: OsmData, kind: str, ident: int, depth: int = 0) -> tuple:
    """A point of an element, for its quadtile: the node, a way's first node, a relation's first member."""
    if kind == "node":
        node = data.nodes.get(ident)
        return (node.lat, node.lon) if node else (0.0, 0.0)
    if kind == "way":
        way = data.ways.get(ident)
        return _position(data, "node", way.refs[0]) if way and way.refs else (0.0, 0.0)
    relation = data.relations.get(ident)
    if relation and relation.members and depth < 3:
        member_kind, ref, _role = relation.members[0]
        return _position(data, member_kind, ref, depth + 1)
    return (0.0, 0.0)


# -- the subset of Overpass QL the plugin writes ------------------------------------------------------------

STATEMENT = re.compile(r"\b(node|way|relation|nwr)((?:\[[^\]]*\])*)(\((?:poly:\"[^\"]*\"|[-\d.,\s]+)\))?\s*;")
FILTER = re.compile(r'\[\s*(!?)\s*"?([^"=~!\]]+?)"?\s*(?:(=|!=|~|!~)\s*"((?:[^"\\]|\\.)*)"\s*(,\s*i)?)?\s*\]')


def _tag_test(text: str):
    tests = []
    for negated, key, operator, value, flag in FILTER.findall(text):
        key = key.strip()
        value = value.replace('\\"', '"')
        if not operator:
            tests.append(lambda tags, k=key, n=bool(negated): (k in tags) != n)
        elif operator in ("=", "!="):
            tests.append(lambda tags, k=key, v=value, o=operator: (tags.get(k) == v) == (o == "="))
        else:
            pattern = re.compile(value, re.IGNORECASE if flag else 0)
            tests.append(
                lambda tags, k=key, p=pattern, o=operator: (k in tags and bool(p.search(tags[k]))) == (o == "~")
            )
    return lambda tags: all(test(tags) for test in tests)


def _place_test(text: str):
    """A test of (lat, lon) for a bbox `(s,w,n,e)` or a `(poly:"lat lon ...")` filter; None when absent."""
    if not text:
        return None
    inner = text[1:-1]
    if inner.startswith("poly:"):
        values = [float(v) for v in inner[5:].strip('"').split()]
        ring = list(zip(values[0::2], values[1::2]))
        return lambda lat, lon: _in_ring(lat, lon, ring)
    south, west, north, east = (float(v) for v in inner.split(","))
    return lambda lat, lon: south <= lat <= north and west <= lon <= east


def _in_ring(lat: float, lon: float, ring: list) -> bool:
    inside = False
    for (lat1, lon1), (lat2, lon2) in zip(ring, ring[1:] + ring[:1]):
        if (lat1 > lat) != (lat2 > lat) and lon < lon1 + (lat - lat1) * (lon2 - lon1) / (lat2 - lat1):
            inside = not inside
    return inside


def _way_inside(data: OsmData, way: Way, place) -> bool:
    return any(ref in data.nodes and place(data.nodes[ref].lat, data.nodes[ref].lon) for ref in way.refs)


def _relation_inside(data: OsmData, relation: Relation, place) -> bool:
    for kind, ref, _role in relation.members:
        if kind == "node" and ref in data.nodes and place(data.nodes[ref].lat, data.nodes[ref].lon):
            return True
        if kind == "way" and ref in data.ways and _way_inside(data, data.ways[ref], place):
            return True
    return False


def select(data: OsmData, kind: str, tags_text: str, place_text: str) -> set:
    """(type, id) of the elements one query statement finds."""
    test, place = _tag_test(tags_text), _place_test(place_text)
    kinds = ("node", "way", "relation") if kind == "nwr" else (kind,)
    found = set()
    for one in kinds:
        for ident, element in data.table(one).items():
            if not element.tags or not test(element.tags):
                continue
            if place is not None:
                if one == "node" and not place(element.lat, element.lon):
                    continue
                if one == "way" and not _way_inside(data, element, place):
                    continue
                if one == "relation" and not _relation_inside(data, element, place):
                    continue
            found.add((one, ident))
    return found


def recurse_down(data: OsmData, elements: set) -> set:
    """Overpass's `>`: the members of the relations, and the nodes of the ways (those of member ways too)."""
    found = set()
    for kind, ident in elements:
        if kind == "relation" and ident in data.relations:
            for member_kind, ref, _role in data.relations[ident].members:
                if member_kind in ("node", "way"):
                    found.add((member_kind, ref))
    for kind, ident in list(elements | found):
        if kind == "way" and ident in data.ways:
            found.update(("node", ref) for ref in data.ways[ident].refs)
    return found


# -- printing ----------------------------------------------------------------------------------------------


def _tags_xml(tags: dict) -> list:
    return [f"    <tag k={quoteattr(k)} v={quoteattr(str(v))}/>" for k, v in tags.items()]


def element_xml(data: OsmData, kind: str, ident: int, body: bool = True) -> str:
    """One element as Overpass prints it (`body`: with its tags; else `skel`)."""
    if kind == "node":
        node = data.nodes[ident]
        head = f'  <node id="{ident}" lat="{node.lat:.7f}" lon="{node.lon:.7f}"'
        if not (body and node.tags):
            return head + "/>"
        return "\n".join([head + ">", *_tags_xml(node.tags), "  </node>"])
    if kind == "way":
        way = data.ways[ident]
        lines = [f'  <way id="{ident}">', *(f'    <nd ref="{r}"/>' for r in way.refs)]
        return "\n".join(lines + (_tags_xml(way.tags) if body else []) + ["  </way>"])
    relation = data.relations[ident]
    lines = [f'  <relation id="{ident}">']
    lines += [f'    <member type="{t}" ref="{r}" role={quoteattr(role)}/>' for t, r, role in relation.members]
    return "\n".join(lines + (_tags_xml(relation.tags) if body else []) + ["  </relation>"])


def count_xml(elements: set) -> str:
    counts = {kind: sum(1 for k, _i in elements if k == kind) for kind in ("node", "way", "relation")}
    tags = {
        "nodes": counts["node"],
        "ways": counts["way"],
        "relations": counts["relation"],
        "areas": 0,
        "total": sum(counts.values()),
    }
    return "\n".join(['  <count id="0">', *_tags_xml(tags), "  </count>"])


def print_elements(data: OsmData, elements: set, quadtile_order: bool, body: bool = True) -> list:
    """The lines of one `out` statement: nodes, then ways, then relations, each by quadtile or by id; an
    element the data does not hold (a missing member) is left out, as Overpass does."""
    lines = []
    for kind in ("node", "way", "relation"):
        idents = [i for k, i in elements if k == kind and i in data.table(kind)]
        if quadtile_order:
            idents.sort(key=lambda i, k=kind: (quadtile(*_position(data, k, i)), i))
        else:
            idents.sort()
        lines += [element_xml(data, kind, i, body) for i in idents]
    return lines


def statements(query: str) -> list:
    """The top-level statements of a query, its `[out:xml]...` settings left out: a `;` inside brackets,
    parentheses or quotes does not end a statement."""
    found, depth, quoted, start = [], 0, False, 0
    for index, char in enumerate(query):
        if char == '"' and query[index - 1] != "\\":
            quoted = not quoted
        elif not quoted and char in "([":
            depth += 1
        elif not quoted and char in ")]":
            depth -= 1
        elif not quoted and depth == 0 and char == ";":
            found.append(query[start : index + 1].strip())
            start = index + 1
    return [s for s in found if not s.startswith("[")]


def reply(data: OsmData, query: str, stamp: str = STAMP) -> bytes:
    """What an Overpass server sends for `query` ([out:xml]) over `data`."""
    current: set = set()
    out = [HEADER.format(stamp=stamp)]
    for text in statements(query):
        if text.startswith("out"):
            words = text[3:-1].split()
            if "count" in words:
                out.append(count_xml(current))
            else:
                out += print_elements(data, current, "qt" in words, body="skel" not in words)
        elif text.replace(" ", "") == "(._;>;);":
            current = current | recurse_down(data, current)
        else:  # a statement or a union of statements: the new current set
            current = set()
            for kind, tags_text, place_text in STATEMENT.findall(text):
                current |= select(data, kind, tags_text, place_text)
    out.append("\n</osm>\n")
    return "\n".join(out).encode("utf-8")


# -- synthetic territories --------------------------------------------------------------------------------


class Ids:
    """OSM ids drawn at random over a wide range, never twice: ids follow mapping time, not position."""

    def __init__(self, rng: random.Random, low: int = 10_000_000, high: int = 12_000_000_000):
        self.rng, self.low, self.high, self.used = rng, low, high, set()

    def __call__(self) -> int:
        while True:
            ident = self.rng.randrange(self.low, self.high)
            if ident not in self.used:
                self.used.add(ident)
                return ident


def _ring(data: OsmData, ids: Ids, lat: float, lon: float, size: float, corners: int, rng) -> list:
    """The node ids of a closed ring (first id repeated at the end) around (lat, lon)."""
    refs = []
    for k in range(corners):
        angle = 2 * math.pi * k / corners
        radius = size * (0.8 + 0.4 * rng.random())
        node = Node(ids(), lat + radius * math.sin(angle), lon + 1.5 * radius * math.cos(angle))
        data.nodes[node.id] = node
        refs.append(node.id)
    return refs + refs[:1]


def _split(refs: list, parts: int) -> list:
    """A closed ring cut into `parts` open ways that share their end nodes."""
    step = max(1, (len(refs) - 1) // parts)
    cuts = [i * step for i in range(parts)] + [len(refs) - 1]
    return [refs[cuts[i] : cuts[i + 1] + 1] for i in range(parts)]


def _node(data: OsmData, ids: Ids, lat: float, lon: float) -> int:
    node = Node(ids(), lat, lon)
    data.nodes[node.id] = node
    return node.id


def _way(data: OsmData, ids: Ids, refs: list, tags: dict = None) -> int:
    way = Way(ids(), refs, dict(tags or {}))
    data.ways[way.id] = way
    return way.id


def _relation(data: OsmData, ids: Ids, members: list, tags: dict) -> None:
    relation = Relation(ids(), members, {"type": "multipolygon", **tags})
    data.relations[relation.id] = relation


def _split_relation(data: OsmData, ids: Ids, lat: float, lon: float, tags: dict, rng, inner: bool) -> None:
    """A multipolygon whose outer ring is two or three ways, with an inner ring when `inner`."""
    outer = _ring(data, ids, lat, lon, 0.0008, rng.randint(6, 12), rng)
    members = [("way", _way(data, ids, part), "outer") for part in _split(outer, rng.choice([2, 3]))]
    rng.shuffle(members)  # members are listed in any order
    if inner:
        members.append(("way", _way(data, ids, _ring(data, ids, lat, lon, 0.0002, 4, rng)), "inner"))
    _relation(data, ids, members, tags)


def _neighbours(data: OsmData, ids: Ids, lat: float, lon: float, tags: dict, other: dict) -> None:
    """Two car parks side by side whose common border is one way, member of both relations."""
    top, bottom = _node(data, ids, lat + 0.0005, lon), _node(data, ids, lat - 0.0005, lon)
    border = _way(data, ids, [bottom, top])
    for side, these in ((-1, tags), (1, other)):
        corners = [_node(data, ids, lat + dy, lon + side * 0.0008) for dy in (0.0005, 0.0, -0.0005)]
        rest = _way(data, ids, [top, *corners, bottom])
        _relation(data, ids, [("way", border, "outer"), ("way", rest, "outer")], these)


def car_parks(count: int, seed: int = 5, bbox: tuple = (48.0, -1.8, 48.2, -1.5)) -> OsmData:
    """`count` car parks as real data has them: about 70 % closed ways (a parking entrance tagged on some
    vertices), 15 % nodes, 15 % multipolygon relations (outer ring split across two or three ways listed in
    any order, an inner ring for one in three, and pairs of neighbours sharing their border way)."""
    rng = random.Random(seed)
    ids = Ids(rng)
    data = OsmData()
    south, west, north, east = bbox
    k = 0
    while k < count:
        lat, lon = south + rng.random() * (north - south), west + rng.random() * (east - west)
        tags = _parking_tags(k, rng)
        shape = rng.random()
        if shape < 0.15:
            node = Node(ids(), lat, lon, tags)
            data.nodes[node.id] = node
        elif shape < 0.85:
            refs = _ring(data, ids, lat, lon, 0.0004, rng.randint(4, 8), rng)
            if k % 11 == 0:
                data.nodes[refs[1]].tags = {"amenity": "parking_entrance"}
            _way(data, ids, refs, tags)
        elif shape < 0.95 or k + 1 == count:
            _split_relation(data, ids, lat, lon, tags, rng, inner=k % 3 == 0)
        else:
            k += 1
            _neighbours(data, ids, lat, lon, tags, _parking_tags(k, rng))
        k += 1
    return data


def _parking_tags(k: int, rng) -> dict:
    tags = {"amenity": "parking", "parking": rng.choice(["surface", "underground", "multi-storey"])}
    if k % 3 == 0:
        tags["capacity"] = str(10 + k % 90)
    if k % 7 == 0:
        tags["name"] = f"Parking {k}"
    return tags


def cycleways(count: int, seed: int = 7, bbox: tuple = (48.0, -1.8, 48.2, -1.5)) -> OsmData:
    """`count` cycleways of 2 to 12 nodes, chained so that consecutive ones share their end node, among as
    many roads carrying a painted lane (not cycleways)."""
    rng = random.Random(seed)
    ids = Ids(rng)
    data = OsmData()
    south, west, north, east = bbox
    last = None
    for k in range(2 * count):
        lat, lon = south + rng.random() * (north - south), west + rng.random() * (east - west)
        refs = [last] if (last is not None and k % 4 == 1) else []
        for _ in range(rng.randint(2, 12) - len(refs)):
            lat += (rng.random() - 0.5) * 0.001
            lon += (rng.random() - 0.5) * 0.001
            node = Node(ids(), lat, lon)
            data.nodes[node.id] = node
            refs.append(node.id)
        if k % 2 == 0:
            tags = {"highway": "cycleway", "surface": rng.choice(["asphalt", "paving_stones"])}
        else:
            tags = {"highway": "residential", "cycleway:right": "lane"}
        way = Way(ids(), refs, tags)
        data.ways[way.id] = way
        last = refs[-1]
    return data


def street_lamps(count: int, seed: int = 4, bbox: tuple = (48.0, -1.8, 48.2, -1.5)) -> OsmData:
    rng = random.Random(seed)
    ids = Ids(rng)
    data = OsmData()
    south, west, north, east = bbox
    for k in range(count):
        tags = {"highway": "street_lamp", "lamp_mount": "bent_mast", "light:count": str(1 + k % 2), "ref": f"L{k}"}
        node = Node(ids(), south + rng.random() * (north - south), west + rng.random() * (east - west), tags)
        data.nodes[node.id] = node
    return data
