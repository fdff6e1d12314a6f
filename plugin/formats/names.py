"""The one guess of the field that names each feature (the common `name`), for every source that has to guess.

A layer's fields are ranked on their names and on a sample of their values (counted by SQL in GDAL, on the
dataset being written, not by a Python loop over the features):

1. a field called exactly `nom`, `name`, `libelle`... (EXACT_NAMES, in that order) that holds values;
2. other fields whose name holds one of those words (`nom_de_la_manifestation`, `nom_station`, `libelle_long`),
   the most distinct values first: a name tells features apart;
3. such fields whose values repeat (a type, an operator) after those;
4. administrative names last (`nom_departement`, `nom_commune`, `libelle_commune_...`): the same few values on
   every feature, the name of where a feature is rather than of the feature.

Fields without a value in the sample, and fields that are not text, are never chosen; None when no field is
name-like. The Opendatasoft, data.gouv.fr, RUDI and CSV loads guess through `guess_name_field` when the user did
not name the field (their spec's `name_field`); GBFS and sensor.community layers name their features
themselves (station names, sensor labels).

    layer_writer.copy_with_common_fields(src, scratch, layer, common, name_field=name_field or guess_name_field)

`normalize_name` is the form in which names are compared everywhere (column names, register labels).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from osgeo import ogr

from ..toolbelt.logger import log

# Exact names, best first.
EXACT_NAMES = (
    "nom",
    "name",
    "libelle",
    "nom_usuel",
    "title",
    "titre",
    "label",
    "denomination",
    "designation",
    "intitule",
    "appellation",
    "lib",
)
# Words that make a field name-like wherever they stand in its name ("nom_station", "station_name").
NAME_WORDS = {"nom", "name", "libelle", "lib", "title", "titre", "label", "denomination", "designation", "intitule"}
NAME_WORDS |= {"appellation", "enseigne"}
# Words of administrative names: where a feature is, not what it is called.
ADMINISTRATIVE_WORDS = {
    "commune", "communes", "com", "ville", "departement", "dept", "dep", "region", "reg", "epci", "metropole",
    "pays", "country", "arrondissement", "canton", "quartier", "iris", "insee", "voie", "rue", "adresse", "cp",
    "postal", "territoire", "city", "county", "state", "street",
}  # fmt: skip
SAMPLE_ROWS = 1000
MOSTLY_DISTINCT = 0.5  # share of distinct values among the filled ones for a name-like field to rank high


def normalize_name(name: str) -> str:
    """A name (of a column, or a label or value written by hand) as compared: lowercase ASCII, accents dropped,
    runs of anything else as one "_" ("Coordonnées GPS" -> "coordonnees_gps")."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


@dataclass
class FieldSample:
    name: str
    filled: int  # features of the sample with a value
    distinct: int  # distinct values among them

    @property
    def distinct_share(self) -> float:
        return self.distinct / self.filled if self.filled else 0.0


def _words(name: str) -> set:
    return set(normalize_name(name).split("_"))


def name_like(name: str) -> bool:
    normalized = normalize_name(name)
    return normalized in EXACT_NAMES or bool(_words(name) & NAME_WORDS)


def administrative(name: str) -> bool:
    return bool(_words(name) & ADMINISTRATIVE_WORDS)


def rank_fields(samples: list) -> list:
    """The name-like fields of `samples` (FieldSample, in the layer's order) that hold values, best first (see
    the module's docstring)."""

    def rank(indexed):
        position, sample = indexed
        normalized = normalize_name(sample.name)
        if normalized in EXACT_NAMES and not administrative(sample.name):
            return (0, EXACT_NAMES.index(normalized), 0.0, position)
        if administrative(sample.name):
            tier = 3
        else:
            tier = 1 if sample.distinct_share >= MOSTLY_DISTINCT else 2
        return (tier, 0, -sample.distinct_share, position)

    candidates = [(i, s) for i, s in enumerate(samples) if s.filled and name_like(s.name)]
    return [sample.name for _position, sample in sorted(candidates, key=rank)]


def _sql_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sample_text_fields(dataset, layer) -> list:
    """[FieldSample] of the text fields of `layer` (a layer of the GDAL dataset `dataset`), counted by one SQL
    statement over its first SAMPLE_ROWS features (blank values count as empty)."""
    definition = layer.GetLayerDefn()
    names = [
        definition.GetFieldDefn(i).GetName()
        for i in range(definition.GetFieldCount())
        if definition.GetFieldDefn(i).GetType() == ogr.OFTString and name_like(definition.GetFieldDefn(i).GetName())
    ]
    if not names:
        return []
    counts = []
    for index, name in enumerate(names):
        value = f"nullif(trim({_sql_identifier(name)}), '')"
        counts.append(f"count({value}) AS f{index}, count(DISTINCT {value}) AS d{index}")
    columns = ", ".join(_sql_identifier(name) for name in names)
    sql = (
        f"SELECT {', '.join(counts)} FROM "
        f"(SELECT {columns} FROM {_sql_identifier(layer.GetName())} LIMIT {SAMPLE_ROWS})"
    )
    try:
        result = dataset.ExecuteSQL(sql, dialect="SQLITE")
    except RuntimeError as error:  # a feature GDAL cannot read (its geometry): no guess, the write tells
        log(f"{layer.GetName()}: no name field guessed ({error})", "warning")
        layer.ResetReading()
        return []
    try:
        row = result.GetNextFeature() if result is not None else None
        if row is None:
            return []
        return [
            FieldSample(name, row.GetField(2 * i) or 0, row.GetField(2 * i + 1) or 0) for i, name in enumerate(names)
        ]
    finally:
        if result is not None:
            dataset.ReleaseResultSet(result)
        layer.ResetReading()


def guess_name_field(dataset, layer) -> str | None:
    """The field of `layer` (of the open GDAL dataset `dataset`) that best names each feature, or None."""
    ranked = rank_fields(sample_text_fields(dataset, layer))
    return ranked[0] if ranked else None
