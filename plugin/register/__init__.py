"""The commons register: the territory's challenges, actors and non-spatial resources (DESIGN.md
"Register"), in a GeoPackage or in a PostGIS schema shared by a team.

    register = create_register("/data/register.gpkg")            # or "postgres:<QGIS connection>[/<schema>]"
    register = open_register(target)                            # upgrades an older schema in place
    layers = register.add_to_project()                          # "Register" group, forms, relations
    report = import_rows(register, "challenges", "file.csv")    # ImportReport; ImportRejectedError if rows are invalid
    paths = export_register(register, "/tmp/out", "geojson")
"""

from .errors import RegisterError
from .export import export_register
from .import_csv import ImportRejectedError, ImportReport, import_rows
from .schema import DEFAULT_PG_SCHEMA, SCHEMA_VERSION, TABLES, table_label
from .store import Register, create_register, open_register, postgres_connections

__all__ = [
    "DEFAULT_PG_SCHEMA",
    "SCHEMA_VERSION",
    "TABLES",
    "ImportRejectedError",
    "ImportReport",
    "Register",
    "RegisterError",
    "create_register",
    "export_register",
    "import_rows",
    "open_register",
    "postgres_connections",
    "table_label",
]
