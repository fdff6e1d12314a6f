"""Table Schemas (frictionless, as schema.data.gouv.fr publishes the Etalab ones): the types they give a
CSV's columns, for GDAL.

A Table Schema's `fields` give each column a `type`; GDAL's CSV driver reads types from a `.csvt` line
beside the file ("Integer", "Real", "Date"...). A data package (the IRVE one) holds its table schemas
inline: the first one is used.

Booleans are the exception: producers write them "true"/"false", but also "VRAI"/"FAUX", "oui"/"non"
or a schema's own `trueValues`/`falseValues`, which GDAL's boolean reading turns into nulls. They are
read as text (`csvt_line`) and turned into booleans afterwards by one SQL statement per column
(`boolean_sql`), an unknown or empty value staying null.
"""

from __future__ import annotations

from dataclasses import dataclass

CSVT_TYPES = {
    "integer": "Integer",
    "number": "Real",
    "date": "Date",
    "datetime": "DateTime",
    "time": "Time",
    "year": "Integer",
}
# Compared in lower case, with the schema's own trueValues/falseValues.
TRUE_WORDS = ("true", "1", "vrai", "oui", "yes", "t")
FALSE_WORDS = ("false", "0", "faux", "non", "no", "f")


@dataclass(frozen=True)
class SchemaField:
    name: str
    type: str = "string"
    true_values: tuple = ()
    false_values: tuple = ()

    @property
    def is_boolean(self) -> bool:
        return self.type == "boolean"


def table_fields(document: object) -> list:
    """The SchemaField of every field of a Table Schema, or of the first table schema a data package
    holds inline; [] for anything else."""
    if not isinstance(document, dict):
        return []
    if isinstance(document.get("fields"), list):
        return [
            SchemaField(
                str(f["name"]),
                str(f.get("type") or "string"),
                tuple(str(v) for v in f.get("trueValues") or ()),
                tuple(str(v) for v in f.get("falseValues") or ()),
            )
            for f in document["fields"]
            if isinstance(f, dict) and f.get("name")
        ]
    for resource in document.get("resources") or []:
        if isinstance(resource, dict) and isinstance(resource.get("schema"), dict):
            fields = table_fields(resource["schema"])
            if fields:
                return fields
    return []


def csvt_line(columns: list, fields: list) -> str:
    """The `.csvt` line typing `columns` (the file's header, in order) from the schema's fields; a column the
    schema does not know (a consolidation's own additions) and a boolean stay text."""
    types = {f.name: CSVT_TYPES.get(f.type, "String") for f in fields}
    return ",".join(f'"{types.get(column, "String")}"' for column in columns)


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def boolean_sql(table: str, column: str, text_column: str, field: SchemaField) -> str:
    """SQLite: fill the boolean `column` from the text `text_column`, by the field's words and the usual
    ones; anything else is null."""
    trues = sorted({*TRUE_WORDS, *(v.lower() for v in field.true_values)})
    falses = sorted({*FALSE_WORDS, *(v.lower() for v in field.false_values)} - set(trues))
    value = f'lower(trim("{text_column}"))'
    return (
        f'UPDATE "{table}" SET "{column}" = CASE '
        f"WHEN {value} IN ({', '.join(map(_sql_text, trues))}) THEN 1 "
        f"WHEN {value} IN ({', '.join(map(_sql_text, falses))}) THEN 0 END"
    )
