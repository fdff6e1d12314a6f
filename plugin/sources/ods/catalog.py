"""Opendatasoft Explore API v2.1: URLs, ODSQL pieces and the parsing of catalog entries.

No network here: the source (plugin/sources/ods/__init__.py) fetches, this module turns replies into
plain values.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from urllib.parse import quote

from ...toolbelt.errors import ReplyError
from ...toolbelt.i18n import tr
from ...toolbelt.metadata import resource_path
from ...toolbelt.network import base_url
from ...toolbelt.safe_json import obj

API_PATH = "/api/explore/v2.1"
GEO_TYPES = ("geo_shape", "geo_point_2d")
PORTALS_FILE = resource_path("portals.json")


def normalize_portal(url: str) -> str:
    """The portal's base URL (scheme and host, plus any path prefix before the API), whatever the
    user pasted: a bare host, a trailing slash, an API URL or a dataset page."""
    return base_url(url, ("/api/", "/explore/"))


def api_url(portal: str, *segments: str) -> str:
    tail = "/".join(quote(segment, safe="") for segment in segments)
    return f"{normalize_portal(portal)}{API_PATH}/{tail}"


def dataset_page(portal: str, dataset_id: str) -> str:
    return f"{normalize_portal(portal)}/explore/dataset/{quote(dataset_id, safe='')}/"


def odsql_field(name: str) -> str:
    # Back quotes make any field name safe, reserved keywords ("not", "year"...) included.
    return "`" + name.replace("`", "") + "`"


def odsql_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def in_bbox(field_name: str, extent: list | None) -> str:
    """ODSQL bounding-box filter from [xmin, ymin, xmax, ymax] in EPSG:4326: in_bbox takes
    latitude first."""
    xmin, ymin, xmax, ymax = (float(v) for v in extent)
    return f"in_bbox({odsql_field(field_name)}, {ymin:.7f}, {xmin:.7f}, {ymax:.7f}, {xmax:.7f})"


def intersects(field_name: str, wkt: str) -> str:
    return f"intersects({odsql_field(field_name)}, geom'{wkt.strip()}')"


def combine_where(*clauses) -> str:
    kept = [c.strip() for c in clauses if c and c.strip()]
    if len(kept) <= 1:
        return kept[0] if kept else ""
    return " AND ".join(f"({c})" for c in kept)


def plain_text(value: object) -> str:
    """Portal descriptions are HTML: keep the words, one paragraph per line."""
    if not value:
        return ""
    text = re.sub(r"<\s*(br|/p|/li|/h\d)\s*/?>", "\n", str(value), flags=re.IGNORECASE)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text)
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def as_list(value: object) -> list:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v is not None]
    return [str(value)]


@dataclass
class OdsField:
    name: str
    type: str
    label: str = ""
    description: str = ""


@dataclass
class OdsDataset:
    portal: str
    dataset_id: str
    title: str = ""
    description: str = ""
    licence: str = ""
    licence_url: str = ""
    modified: str = ""
    records_count: int = None
    publisher: str = ""
    themes: list = field(default_factory=list)
    keywords: list = field(default_factory=list)
    fields: list = field(default_factory=list)  # OdsField
    features: list = field(default_factory=list)

    @property
    def geometry_field(self) -> OdsField | None:
        """The field the GeoJSON export takes its geometry from: a geo_shape when there is one
        (lines, polygons, or points stored as shapes), else a geo_point_2d. Found by type, since
        the name varies (`coordonnees`, `location`, `stop_coordinates`...)."""
        for wanted in GEO_TYPES:
            for f in self.fields:
                if f.type == wanted:
                    return f
        return None

    @property
    def is_geographic(self) -> bool:
        return self.geometry_field is not None

    @property
    def page_url(self) -> str:
        return dataset_page(self.portal, self.dataset_id)

    def field_names(self) -> list:
        return [f.name for f in self.fields]


def parse_dataset(portal: str, payload: dict) -> OdsDataset:
    """One catalog entry (`catalog/datasets/{id}` or an item of `catalog/datasets`); a ReplyError (reason
    "not_dataset") for anything else, which the caller tells in its own words."""
    if (
        not isinstance(payload, dict)
        or not payload.get("dataset_id")
        or isinstance(payload["dataset_id"], (dict, list))
    ):
        raise ReplyError(tr("the reply is not a dataset description"), reason="not_dataset")
    metas = obj(obj(payload.get("metas")).get("default"))
    fields = []
    items = payload.get("fields")
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and item.get("name"):
            fields.append(
                OdsField(
                    str(item["name"]),
                    str(item.get("type") or ""),
                    str(item.get("label") or ""),
                    plain_text(item.get("description")),
                )
            )
    count = metas.get("records_count")
    try:
        count = int(count) if count is not None else None
    except (TypeError, ValueError, OverflowError):  # OverflowError: "records_count": Infinity
        count = None
    return OdsDataset(
        portal=normalize_portal(portal),
        dataset_id=str(payload["dataset_id"]),
        title=str(metas.get("title") or payload["dataset_id"]),
        description=plain_text(metas.get("description")),
        licence=str(metas.get("license") or ""),
        licence_url=str(metas.get("license_url") or ""),
        modified=str(metas.get("modified") or ""),
        records_count=count,
        publisher=str(metas.get("publisher") or ""),
        themes=as_list(metas.get("theme")),
        keywords=as_list(metas.get("keyword")),
        fields=fields,
        features=as_list(payload.get("features")),
    )


def load_portals(path: str = PORTALS_FILE) -> list:
    """The pre-listed Opendatasoft portals: [{"name", "url"}]."""
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    return [{"name": p["name"], "url": normalize_portal(p["url"])} for p in data.get("ods", [])]
