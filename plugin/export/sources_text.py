"""The sources and licences of the layers a map shows, as the text of its sources box.

Each resource layer carries `source`, `source_dataset` and `licence` fields (DESIGN.md); their
distinct combinations come from one aggregate per layer (computed by QGIS, no Python loop over
features). A layer read from a territory GeoPackage (or a territory's PostGIS schema) also finds its row of
the `sources` table that load_territory writes (the dataset's title and licence). Licences are given their proper names
(Licence Ouverte / Open Licence, ODbL...), and "© OpenStreetMap contributors" is added whenever a
shown layer comes from OpenStreetMap. Sensor.community data is ODbL too, but it is not OSM: the
attribution follows the source, not the licence.

Every layer shown gets a line, from the best evidence it has, in this order: a layer the planning overlays
made names its inputs ("Open Territory planning, from ..."); the common fields; the `sources` table; the
layer's own metadata (its rights and licences, as QGIS's layer properties edit them); last its provider: a
web service's host, a file's name, or this project's own data for a layer made in memory.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..planning.provenance import made_from
from ..register.project_layers import TABLE_PROPERTY
from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import colon, tr

if TYPE_CHECKING:
    from qgis.core import QgsMapLayer

FIELD_SEP = "\x1f"
ROW_SEP = "\x1e"
OSM_MARKERS = ("openstreetmap", "overpass", "osm.org", "osm.fr")


DATA, DERIVED, LOCAL = "data", "derived", "local"
DATABASE_PROVIDERS = ("postgres", "oracle", "mssql", "hana", "db2")


@dataclass
class SourceEntry:
    """One source as shown: who publishes it, under which licence, and the layers that show it. `kind` is DATA
    (published data, with its licence or "licence not stated"), DERIVED (made by the planning overlays from
    other layers: no licence of its own) or LOCAL (the user's own file or memory layer: no licence to state)."""

    source: str
    licence: str = ""
    titles: list = field(default_factory=list)
    osm: bool = False
    kind: str = DATA

    @property
    def key(self):
        return (self.source.lower(), self.licence.lower())


def licence_name(value: object) -> str:
    """The proper name of a licence from what a portal or a layer says (code, name or URL)."""
    text = str(value or "").strip()
    low = text.lower()
    if not low:
        return ""
    version = re.search(r"(\d(?:\.\d)?)", low.replace("licence-ouverte-open-licence", ""))
    if (
        "licence ouverte" in low
        or "open licence" in low
        or "etalab" in low
        or low in ("lov2", "fr-lo", "lo-2.0")
        or "licence-ouverte" in low
    ):
        if low == "lov2" or (version and version.group(1).startswith("2")) or "etalab-2" in low:
            return "Licence Ouverte / Open Licence 2.0 (Etalab)"
        if low == "fr-lo" or (version and version.group(1).startswith("1")):
            return "Licence Ouverte / Open Licence 1.0 (Etalab)"
        return "Licence Ouverte / Open Licence (Etalab)"
    if "odbl" in low or "open database licen" in low:
        return "Open Database License (ODbL) 1.0"
    if low in ("cc0", "cc-zero", "cc0-1.0") or "publicdomain/zero" in low:
        return "Creative Commons CC0 1.0"
    match = re.match(r"^(?:cc|creative commons)[ -]?(by(?:[ -](?:sa|nd|nc))*)(?:[ -]?(\d\.\d))?$", low)
    if match:
        name = "CC " + match.group(1).upper().replace(" ", "-")
        return f"{name} {match.group(2)}" if match.group(2) else name
    if "creativecommons.org/licenses/" in low:
        parts = low.split("creativecommons.org/licenses/")[1].strip("/").split("/")
        name = "CC " + parts[0].upper()
        return f"{name} {parts[1]}" if len(parts) > 1 and parts[1] else name
    if low in ("notspecified", "license not specified", "not specified"):
        return ""
    return text


def source_name(value: object) -> str:
    """How a source is named on a map: a portal's host name, OpenStreetMap for OSM."""
    text = str(value or "").strip()
    if not text:
        return ""
    low = text.lower()
    if any(marker in low for marker in ("openstreetmap", "overpass")):
        return "OpenStreetMap"
    match = re.match(r"^[a-z][a-z0-9+.-]*://([^/?#]+)", text, re.IGNORECASE)
    if match:
        host = match.group(1).rsplit("@", 1)[-1]
        return host[4:] if host.lower().startswith("www.") else host
    return text


def is_osm(*values) -> bool:
    text = " ".join(str(v or "") for v in values).lower()
    return any(marker in text for marker in OSM_MARKERS)


def _field_expression(layer, name: str) -> str:
    if layer.fields().indexOf(name) < 0:
        return "''"
    return f"coalesce(to_string(\"{name}\"), '')"


def layer_source_rows(layer: QgsMapLayer) -> list:
    """Distinct (source, licence, source_dataset) of a vector layer, computed by QGIS in one aggregate."""
    from qgis.core import QgsAggregateCalculator

    if layer.fields().indexOf("source") < 0 and layer.fields().indexOf("licence") < 0:
        return []
    expression = f" || '{FIELD_SEP}' || ".join(
        _field_expression(layer, name) for name in ("source", "licence", "source_dataset")
    )
    parameters = QgsAggregateCalculator.AggregateParameters()
    parameters.delimiter = ROW_SEP
    value, ok = layer.aggregate(QgsAggregateCalculator.StringConcatenateUnique, expression, parameters)
    if not ok or not value:
        return []
    rows = []
    for row in str(value).split(ROW_SEP):
        parts = (row.split(FIELD_SEP) + ["", "", ""])[:3]
        if any(parts):
            rows.append(tuple(parts))
    return sorted(set(rows))


def geopackage_of(layer: QgsMapLayer) -> tuple | None:
    """(where, table) when the layer is a table of a territory: the GeoPackage's path, or for a PostGIS table
    the GDAL data source of its schema (where load_territory writes the sources table too); else None."""
    from qgis.core import QgsProviderRegistry

    if layer.providerType() == "postgres":
        from ..toolbelt.postgres import database_of

        return database_of(layer.source())
    if layer.providerType() != "ogr":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    table = parts.get("layerName") or ""
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return None
    return path, table


@with_gdal_exceptions
def sources_table_rows(path: str) -> dict:
    """layer name -> row of the `sources` table of a territory (its GeoPackage, or its PostGIS schema as
    geopackage_of gives it; empty when it has none)."""
    from osgeo import gdal

    try:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    except RuntimeError:
        return {}
    if dataset is None:
        return {}
    table = dataset.GetLayerByName("sources")
    if table is None:
        return {}
    names = [table.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(table.GetLayerDefn().GetFieldCount())]
    if "layer" not in names:
        return {}
    rows = {}
    for feature in table:  # one row per loaded layer: a dozen rows, not features
        row = {name: feature.GetField(name) for name in names}
        if row.get("status") in (None, "", "ok"):
            rows[row["layer"]] = row
    return rows


def layer_title(layer: QgsMapLayer) -> str | None:
    """A readable name for a layer loaded from a file path (Processing names it after the file): its title in
    the GeoPackage's sources table, else its table name; None when there is nothing better than its name."""
    gpkg = geopackage_of(layer) if hasattr(layer, "providerType") else None
    if gpkg is None:
        return None
    row = sources_table_rows(gpkg[0]).get(gpkg[1])
    return (row or {}).get("title") or gpkg[1] or None


def metadata_source(layer: QgsMapLayer) -> tuple | None:
    """(rights, licence) from the layer's metadata (Layer Properties > Metadata > Access), None when empty."""
    metadata = layer.metadata()
    rights = "; ".join(r for r in metadata.rights() if r.strip())
    licences = [entry for entry in metadata.licenses() if entry.strip()]
    if not rights and not licences:
        return None
    return rights, licences[0] if licences else ""


def provider_source(layer: QgsMapLayer) -> tuple:
    """(source, kind) that a layer's provider tells: a web service's host (DATA), a file's name or this
    project's own data (LOCAL)."""
    from qgis.core import QgsProviderRegistry

    if layer.customProperty(TABLE_PROPERTY):
        return tr("the territory's register of challenges and actors"), LOCAL
    provider = layer.providerType()
    if provider == "memory":
        return tr("this project's own data"), LOCAL
    parts = QgsProviderRegistry.instance().decodeUri(provider, layer.source())
    if provider in DATABASE_PROVIDERS:
        # The database's name only: a connection string may hold a user name and a password.
        return tr("database") + " " + str(parts.get("dbname") or parts.get("service") or provider), LOCAL
    url = parts.get("url") or ""
    if not url and re.match(r"^[a-z][a-z0-9+.-]*://", layer.source(), re.IGNORECASE):
        url = layer.source()
    if url:
        return source_name(url), DATA
    path = parts.get("path") or layer.source().split("|")[0]
    return os.path.basename(path) or layer.name(), LOCAL


class _Collector:
    """The sources of the layers shown, in their order, each source once."""

    def __init__(self):
        self.entries = {}
        self.tables = {}

    def add(self, source, licence, title, osm, kind=DATA) -> bool:
        name = source if kind != DATA else source_name(source)
        if not name:
            return False
        entry = SourceEntry(name, licence_name(licence) if kind == DATA else "", osm=osm, kind=kind)
        entry = self.entries.setdefault(entry.key, entry)
        if title and title not in entry.titles:
            entry.titles.append(title)
        entry.osm = entry.osm or osm
        return True

    def sources_row(self, layer):
        gpkg = geopackage_of(layer)
        if gpkg is None:
            return None
        if gpkg[0] not in self.tables:
            self.tables[gpkg[0]] = sources_table_rows(gpkg[0])
        return self.tables[gpkg[0]].get(gpkg[1])

    def from_fields(self, layer) -> bool:
        row = self.sources_row(layer)
        rows = layer_source_rows(layer)
        title = (row or {}).get("title") or layer.name()
        found = False
        for source, licence, dataset in rows:
            found = self.add(source, licence or (row or {}).get("licence"), title, is_osm(source, dataset)) or found
        if not rows and row is not None:
            found = self.add(
                row.get("source"), row.get("licence"), title, is_osm(row.get("source"), row.get("dataset"))
            )
        return found

    def from_metadata(self, layer) -> bool:
        found = metadata_source(layer)
        if found is None:
            return False
        rights, licence = found
        osm = is_osm(layer.source(), rights)
        if osm:
            return self.add("OpenStreetMap", licence or "ODbL", layer.name(), True)
        return self.add(rights or source_name(layer.source()), licence, layer.name(), False)

    def collect(self, layer) -> bool:
        from qgis.core import QgsVectorLayer

        inputs = made_from(layer)
        if inputs is not None:
            text = tr("Open Territory planning, from") + " " + (", ".join(inputs) or tr("the register"))
            return self.add(text, "", layer.name(), False, DERIVED)
        if isinstance(layer, QgsVectorLayer) and self.from_fields(layer):
            return True
        if self.from_metadata(layer):
            return True
        if is_osm(layer.source()):  # an OpenStreetMap basemap without metadata
            return self.add("OpenStreetMap", "ODbL", layer.name(), True)
        source, kind = provider_source(layer)
        return self.add(source, "", layer.name(), False, kind)


@with_gdal_exceptions
def collect_sources(layers: list) -> tuple:
    """(entries, unsourced layer names) for the layers shown, in their order, each source once. Every layer
    finds at least its provider's word, so `unsourced` is empty but for a layer with no source at all."""
    collector = _Collector()
    unsourced = [layer.name() for layer in layers if not collector.collect(layer)]
    return list(collector.entries.values()), unsourced


def entry_text(entry: SourceEntry) -> str:
    text = entry.source
    if entry.titles:
        text += " (" + ", ".join(entry.titles) + ")"
    if entry.kind == DATA:
        text += " — " + (entry.licence or tr("licence not stated"))
    elif entry.licence:
        text += " — " + entry.licence
    return text


@with_gdal_exceptions
def sources_text(layers: list) -> str:
    """The sources box: every source shown with its datasets and licence, and the OSM attribution."""
    entries, unsourced = collect_sources(layers)
    parts = [entry_text(entry) for entry in entries]
    if unsourced:
        parts.append(tr("also shown, source not stated") + colon() + ", ".join(unsourced))
    if not parts:
        return ""
    text = tr("Sources") + colon() + tr("; ").join(parts) + "."
    if any(entry.osm for entry in entries):
        text += " " + tr("© OpenStreetMap contributors")
    return text
