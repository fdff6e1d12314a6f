"""A user's own OpenStreetMap tag conditions ("custom queries"): `key=value`, `key=*`, `key!=value`,
`key~regex`, several joined by `&` (all must hold), turned into a preset like the bundled ones.

The server applies the conditions (Overpass tag filters); GDAL's OSM driver then also sees the nodes of the
ways and the members of the relations, and the preset's `where` drops those that are not targets. That
filter is OGR SQL, which knows no regular expression: a `key~regex` condition keeps there every element
that has the key (the server has already applied the expression to the targets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...toolbelt.i18n import tr
from ...toolbelt.layer_writer import sql_identifier, sql_literal
from .presets import ANY, OsmPreset, column_name

# Column names the layer has already: such a tag stays in other_tags and is filtered there.
RESERVED = {"category", "source", "source_dataset", "licence", "fetched_at", "osm_type", "osm_id", "other_tags"}
CONDITION = re.compile(r"^\s*(?P<key>[^=!~&]+?)\s*(?P<op>!=|=|~)\s*(?P<value>.*?)\s*$")
POSITIVE = ("=", "=*", "~")


@dataclass(frozen=True)
class Condition:
    key: str
    op: str  # "=", "!=", "=*" (the key is there), "~" (the value matches a regular expression)
    value: str = ""

    def overpass(self) -> str:
        key = ql_string(self.key)
        if self.op == "=*":
            return f"[{key}]"
        return f"[{key}{self.op}{ql_string(self.value)}]"

    def column(self) -> str:
        """The OGR SQL expression of the tag's value: its column, or its entry in other_tags."""
        if self.key.lower() in RESERVED:
            return f"hstore_get_value(other_tags, {sql_literal(self.key)})"
        return sql_identifier(column_name(self.key))

    def ogr_where(self) -> str:
        column = self.column()
        if self.op == "=":
            return f"{column} = {sql_literal(self.value)}"
        if self.op == "!=":
            return f"({column} IS NULL OR {column} <> {sql_literal(self.value)})"
        return f"{column} IS NOT NULL"  # =* and ~ (see the module's docstring)

    def text(self) -> str:
        return f"{self.key}=*" if self.op == "=*" else f"{self.key}{self.op}{self.value}"


def ql_string(text: str) -> str:
    """A quoted Overpass QL string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def bad_conditions(text: str) -> ValueError:
    return ValueError(
        tr("OpenStreetMap: a tag condition is key=value, key=*, key!=value or key~expression, joined by &")
        + f": {text}"
    )


def parse_conditions(conditions: str | list | tuple) -> list:
    """[Condition] of `key=value & key=*...` (or of a list of such texts). ValueError naming the text when
    one cannot be read, or when none is positive (a query needs something to look for)."""
    parts = [conditions] if isinstance(conditions, str) else list(conditions or [])
    texts = [piece for part in parts for piece in str(part).split("&") if piece.strip()]
    found = []
    for text in texts:
        match = CONDITION.match(text)
        if not match or not match.group("key").strip('"'):
            raise bad_conditions(text.strip())
        key, op, value = match.group("key").strip('"'), match.group("op"), match.group("value").strip('"')
        if op == "=" and value == "*":
            op, value = "=*", ""
        elif not value:
            raise bad_conditions(text.strip())
        if op == "~":
            try:
                re.compile(value)
            except re.error:
                raise bad_conditions(text.strip()) from None
        found.append(Condition(key, op, value))
    if not any(c.op in POSITIVE for c in found):
        raise bad_conditions(" & ".join(texts) if texts else "")
    return found


def conditions_text(conditions: list) -> str:
    return " & ".join(c.text() for c in conditions)


def custom_preset(conditions: list, category: str = "other") -> OsmPreset:
    """The preset of a user's conditions: nodes, ways and relations, drawn as points unless asked, the
    conditions' keys (and the name) as columns, the layer written under `category`."""
    keys = ["name"] + [c.key for c in conditions if c.key.lower() not in RESERVED and c.key != "name"]
    columns = tuple(dict.fromkeys(keys))
    return OsmPreset(
        category,
        ANY,
        ("".join(c.overpass() for c in conditions),),
        columns,
        " AND ".join(c.ogr_where() for c in conditions),
    )
