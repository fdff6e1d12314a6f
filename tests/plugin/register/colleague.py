"""A colleague's QGIS, for the register tests that need more than one: a process of its own, as two
technicians are two QGIS processes on two machines, never two threads of one.

    python -P colleague.py open <connection> <dsn> <target>
        starts QGIS (its settings in a folder of its own: XDG_CONFIG_HOME), saves the connection, prints
        "ready", waits for a line on stdin (so that several colleagues start at the same moment), opens
        the register and prints {"version": n} or {"error": "..."} as JSON.
    python -P colleague.py edit <connection> <dsn> <target> <fid> <field> <value>
        adds the register to its project, as the dock does, edits one field of one challenge through the
        register's layer and saves; prints {"committed": bool, "errors": [...]}.
    python -P colleague.py dock <connection> <dsn> <target> <rounds>
        what the dock does in one QGIS: opens the register in background tasks (FeedbackTask) while the
        main thread lists the saved connections (the register dialog's combo); prints {"opened": n}.
"""

from __future__ import annotations

import json
import os
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(REPO, "build", "importable"))  # made by tests/conftest.py
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def start_qgis(connection: str, dsn: str):
    from qgis.core import QgsApplication, QgsDataSourceUri, QgsProviderRegistry

    app = QgsApplication([], False)
    app.initQgis()
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    saved = metadata.createConnection(QgsDataSourceUri(dsn).uri(False), {"saveUsername": True, "savePassword": True})
    metadata.saveConnection(saved, connection)
    return app


def open_once(target: str) -> dict:
    from open_territory.plugin.register import open_register
    from open_territory.plugin.toolbelt.errors import OpenTerritoryError

    print("ready", flush=True)
    sys.stdin.readline()
    try:
        return {"version": open_register(target).schema_version}
    except OpenTerritoryError as error:
        return {"error": str(error)}


def dock(target: str, rounds: int) -> dict:
    from open_territory.plugin.register import open_register, postgres_connections
    from open_territory.plugin.toolbelt.postgres import connection_uri
    from open_territory.plugin.toolbelt.tasks import start_task
    from qgis.core import QgsApplication

    outcomes = []
    deadline = time.monotonic() + 60 * rounds
    for round_ in range(rounds):
        task = start_task("open", lambda _feedback: open_register(target), lambda r, e: outcomes.append((r, e)))
        while len(outcomes) <= round_:  # the task runs in a worker thread meanwhile
            for name in postgres_connections():  # what the register dialog does in the main thread
                connection_uri(name).host()
            QgsApplication.processEvents()
            if time.monotonic() > deadline:
                return {"error": "a task did not end"}
        del task  # kept referenced while it runs, as the dock keeps its task
    errors = [str(error) for _result, error in outcomes if error is not None]
    return {"opened": sum(1 for result, _error in outcomes if result is not None), "errors": errors}


def edit(target: str, fid: int, field: str, value: str) -> dict:
    from open_territory.plugin.register import open_register
    from qgis.core import QgsProject

    layer = open_register(target).add_to_project(QgsProject.instance())["challenges"]
    layer.startEditing()
    layer.changeAttributeValue(fid, layer.fields().indexOf(field), value)
    committed = layer.commitChanges()
    return {"committed": committed, "errors": [] if committed else layer.commitErrors()}


def main() -> None:
    mode, connection, dsn, target = sys.argv[1:5]
    app = start_qgis(connection, dsn)
    if mode == "open":
        result = open_once(target)
    elif mode == "edit":
        result = edit(target, int(sys.argv[5]), sys.argv[6], sys.argv[7])
    else:
        result = dock(target, int(sys.argv[5]))
    print(json.dumps(result), flush=True)
    app.exitQgis()


if __name__ == "__main__":
    main()
