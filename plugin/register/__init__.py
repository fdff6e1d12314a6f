"""The commons register: the territory's challenges, actors and non-spatial resources (DESIGN.md
"Register"), in a GeoPackage or in a PostGIS schema shared by a team.

    register = create_register("/data/register.gpkg")            # or "postgres:<QGIS connection>[/<schema>]"
    register = open_register(target)                            # upgrades an older schema in place
    layers = register.add_to_project()                          # "Register" group, forms, relations
    report = import_rows(register, "challenges", "file.csv")    # ImportReport; InputError if rows are invalid
    paths = export_register(register, "/tmp/out", "geojson")

Failures are the kinds of plugin/toolbelt/errors.py: InputError (the target, the file or the register's content),
NetworkError (a PostgreSQL server that cannot be reached), Cancelled; an import refused for its invalid rows
carries its ImportReport (import_report.rejected_report).
"""

from ..toolbelt.postgres import postgres_connections
from .export import export_register
from .import_csv import ImportReport, import_rows
from .import_report import rejected_report
from .schema import DEFAULT_PG_SCHEMA, SCHEMA_VERSION, TABLES, table_label
from .store import Register, create_register, open_register

__all__ = [
    "DEFAULT_PG_SCHEMA",
    "SCHEMA_VERSION",
    "TABLES",
    "ImportReport",
    "Register",
    "create_register",
    "export_register",
    "import_rows",
    "open_register",
    "postgres_connections",
    "rejected_report",
    "table_label",
]
