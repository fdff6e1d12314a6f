"""Table Schemas: the fields they give, the `.csvt` line typing a CSV for GDAL, the SQL reading booleans."""

import sqlite3

from open_territory.plugin.formats.table_schema import SchemaField, boolean_sql, csvt_line, table_fields


def test_table_fields_of_a_table_schema_and_of_a_data_package():
    table = {
        "fields": [
            {"name": "a", "type": "integer"},
            {"name": "b"},
            {"type": "string"},
            {"name": "ok", "type": "boolean", "trueValues": ["Oui"], "falseValues": ["Non"]},
        ]
    }
    expected = [
        SchemaField("a", "integer"),
        SchemaField("b", "string"),
        SchemaField("ok", "boolean", ("Oui",), ("Non",)),
    ]
    assert table_fields(table) == expected
    assert table_fields({"resources": [{"name": "x", "path": "x.json"}, {"name": "y", "schema": table}]}) == expected
    assert table_fields(["not", "a", "schema"]) == []


def test_csvt_line():
    fields = [
        SchemaField("n", "integer"),
        SchemaField("p", "number"),
        SchemaField("ok", "boolean"),
        SchemaField("d", "date"),
        SchemaField("xy", "geopoint"),
    ]
    assert csvt_line(["n", "extra", "p", "ok", "d", "xy"], fields) == (
        '"Integer","String","Real","String","Date","String"'  # booleans are read as text, then by boolean_sql
    )


def test_boolean_sql_reads_every_spelling_and_leaves_the_unknown_null():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (id INTEGER, text TEXT, value BOOLEAN)")
    words = ["true", "FAUX", " Vrai ", "0", "oui", "non", "Gratuit", "payant", "", None, "peut-être"]
    db.executemany("INSERT INTO t (id, text) VALUES (?, ?)", list(enumerate(words)))
    db.execute(boolean_sql("t", "value", "text", SchemaField("gratuit", "boolean", ("Gratuit",), ("Payant",))))
    assert [value for (value,) in db.execute("SELECT value FROM t ORDER BY id")] == [
        1, 0, 1, 0, 1, 0, 1, 0, None, None, None,
    ]  # fmt: skip
