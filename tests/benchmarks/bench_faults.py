"""How long the plugin takes to give up on a failing server, and what it says: the figures of issues 14.5
and 15.3, for this checkout or another one (an older commit, to compare).

Each scenario runs in a child process with a QGIS settings folder of its own, against the local fault
server (tests/fault_server.py of this checkout), with the plugin's default settings and QGIS's own:

    territory_stall   a bundled profile (Rennes) loaded while every server accepts and never answers (the fault
                      server stands as the proxy of QGIS's network settings): seconds to the first progress
                      text, to the first failure message, to the end
    overpass_slow     an Overpass query (TIMEOUT 180) whose server answers after 75 s, beyond QGIS's 60 s
    redirect_loop     a request to an address that redirects to itself: requests made, seconds, message
    multi_gb          a 3 GB reply announced in Content-Length, and one without a length (stopped after 90 s)
    cancel_stall      a cancel 2 s into a request to a server that never answers: seconds to give up

Run: .venv/bin/python tests/benchmarks/bench_faults.py [--checkout PATH] [SCENARIO ...]
(`git worktree add /tmp/before e8a4f6e` and --checkout /tmp/before for the state before the issues.)
The fault-by-source table of the tests (tests/test_fault_matrix.py) is printed by `--table`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # tests/benchmarks, even under python -P
from importable import REPO  # noqa: E402

SCENARIOS = ("territory_stall", "overpass_slow", "redirect_loop", "multi_gb", "cancel_stall")


# -- the parent: one child per scenario ---------------------------------------------------------------------


def run_child(scenario: str, checkout: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="ot-bench-faults-") as home:
        link_parent = os.path.join(home, "importable")
        os.makedirs(link_parent)
        os.symlink(os.path.abspath(checkout), os.path.join(link_parent, "open_territory"))
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(home, "config"), HOME=home, QT_QPA_PLATFORM="offscreen")
        command = [sys.executable, "-P", os.path.abspath(__file__), "--child", scenario, link_parent]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    return {"error": (done.stderr or done.stdout)[-2000:]}


def print_table() -> None:
    """Run the fault matrix of the tests and print it: faults as rows, sources as columns."""
    with tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False) as handle:
        record = handle.name
    env = dict(os.environ, OPEN_TERRITORY_FAULT_TABLE=record, QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        [
            sys.executable,
            "-P",
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:randomly",
            "tests/test_fault_matrix.py",
            "-k",
            "every_fault",
        ],
        cwd=REPO,
        env=env,
        check=False,
    )
    with open(record, encoding="utf-8") as lines:
        cases = [json.loads(line) for line in lines if line.strip()]
    os.remove(record)
    sources = sorted({case["source"] for case in cases})
    faults = sorted({case["fault"] for case in cases})
    found = {(case["fault"], case["source"]): case for case in cases}
    print("| fault | " + " | ".join(sources) + " |")
    print("|---|" + "---|" * len(sources))
    for fault in faults:
        cells = []
        for source in sources:
            case = found.get((fault, source))
            if case is None:
                cells.append("–")
                continue
            intact = {True: "intact", False: "CHANGED", None: "n/a"}[case["intact"]]
            cells.append(f"{'ok' if case['passed'] else 'FAIL'} / {intact} / {case['seconds']:.1f} s")
        print(f"| {fault} | " + " | ".join(cells) + " |")
    print()
    for case in sorted(cases, key=lambda c: (c["fault"], c["source"])):
        print(f"- {case['fault']} × {case['source']}: {case['message']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--checkout", default=REPO, help="the checkout whose plugin is measured")
    parser.add_argument("--table", action="store_true", help="print the fault-by-source table of the tests")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("scenarios", nargs="*", default=list(SCENARIOS))
    arguments = parser.parse_args()
    if arguments.child:
        child(*arguments.child)
        return
    if arguments.table:
        print_table()
        return
    commit = subprocess.run(
        ["git", "-C", arguments.checkout, "log", "-1", "--format=%h %s"], capture_output=True, text=True
    ).stdout.strip()
    print(f"checkout: {arguments.checkout} ({commit})")
    for scenario in arguments.scenarios:
        started = time.monotonic()
        result = run_child(scenario, arguments.checkout)
        print(f"\n== {scenario} ({time.monotonic() - started:.0f} s)")
        for key, value in result.items():
            print(f"  {key}: {value}")


# -- the child: one scenario, its own QGIS ------------------------------------------------------------------


def child(scenario: str, link_parent: str) -> None:
    sys.path.insert(0, link_parent)
    sys.path.insert(0, os.path.join(REPO, "tests"))  # this checkout's fault server, whatever is measured
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from fault_server import FaultServer

    server = FaultServer()
    try:
        result = globals()[f"scenario_{scenario}"](server)
    finally:
        server.close()
    print(json.dumps(result, ensure_ascii=False))
    app.exitQgis()


class Recorder:
    """A Processing feedback that keeps what the user would read, with the time it came."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class Recording(QgsProcessingFeedback):
            def __init__(self):
                super().__init__(False)
                self.started = time.monotonic()
                self.texts, self.warnings, self.infos = [], [], []

            def at(self):
                return round(time.monotonic() - self.started, 1)

            def setProgressText(self, text):  # noqa: N802
                self.texts.append((self.at(), text))

            def pushWarning(self, text):  # noqa: N802
                self.warnings.append((self.at(), text))

            def reportError(self, text, fatal=False):  # noqa: N802
                self.warnings.append((self.at(), text))

            def pushInfo(self, text):  # noqa: N802
                self.infos.append((self.at(), text))

        return Recording()


def failure(error: Exception) -> str:
    return f"{type(error).__name__}: {' '.join(str(error).split())}"[:400]


def scenario_territory_stall(server) -> dict:
    from open_territory.plugin.profiles.profile import load_profile
    from open_territory.plugin.profiles.territory import load_territory
    from qgis.core import QgsNetworkAccessManager, QgsSettings

    server.arm("*", "never_answer")
    settings = QgsSettings()
    settings.setValue("proxy/proxyEnabled", True)
    settings.setValue("proxy/proxyType", "HttpProxy")
    settings.setValue("proxy/proxyHost", "127.0.0.1")
    settings.setValue("proxy/proxyPort", str(server.httpd.server_address[1]))
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()
    feedback = Recorder()
    output = os.path.join(tempfile.mkdtemp(prefix="ot-bench-"), "rennes.gpkg")
    try:
        report = load_territory(load_profile("rennes"), output, feedback=feedback)
        outcome = f"{len(report.loaded)} loaded, {len(report.failed)} failed"
        messages = sorted({o.message.split(" (http")[0][:160] for o in report.failed})
    except Exception as error:  # noqa: BLE001 - measured, not fixed here
        outcome, messages = failure(error), []
    return {
        "seconds to the end": feedback.at(),
        "first progress text": feedback.texts[0] if feedback.texts else None,
        "first failure message": feedback.warnings[0] if feedback.warnings else None,
        "outcome": outcome,
        "requests the server saw": len(server.requests),
        "messages": messages[:6],
    }


def scenario_overpass_slow(server) -> dict:
    import inspect

    from open_territory.plugin.sources.overpass import OverpassSource
    from open_territory.plugin.toolbelt.network import Transport

    with open(os.path.join(REPO, "tests", "plugin", "sources", "overpass", "data", "mixed.osm"), "rb") as handle:
        server.route("/api/interpreter", handle.read(), "application/osm3s+xml")
    server.arm("/api/interpreter", "slow_first_byte", delay=75)
    spec = {"category": "car_park", "server": server.url("/api/interpreter"), "extent": [-1.8, 48.0, -1.5, 48.2]}
    output = os.path.join(tempfile.mkdtemp(prefix="ot-bench-"), "osm.gpkg")
    source = OverpassSource(Transport())
    start = time.monotonic()
    try:
        if "layer_name" in inspect.signature(source.fetch).parameters:  # before issue 13
            result = source.fetch(spec, output, "car_park", "car_park")
        else:
            from open_territory.plugin.toolbelt.layer_writer import file_target

            result = source.fetch(spec, file_target(output), "car_park")
        outcome = f"loaded {result.feature_count} features"
    except Exception as error:  # noqa: BLE001
        outcome = failure(error)
    return {"seconds": round(time.monotonic() - start, 1), "outcome": outcome, "requests": len(server.requests)}


def scenario_redirect_loop(server) -> dict:
    from open_territory.plugin.toolbelt.network import Transport

    server.route("/data.json", b"{}")
    server.arm("/data.json", "redirect_loop")
    start = time.monotonic()
    try:
        Transport(cache_dir=tempfile.mkdtemp(prefix="ot-bench-")).get(server.url("/data.json"), expect="json")
        outcome = "no error"
    except Exception as error:  # noqa: BLE001
        outcome = failure(error)
    return {"seconds": round(time.monotonic() - start, 1), "requests": len(server.requests), "outcome": outcome}


def scenario_multi_gb(server) -> dict:
    import shutil
    import threading

    from open_territory.plugin.toolbelt.network import Transport
    from qgis.core import QgsFeedback

    result = {}
    for name, fault in (("announced 3 GB", "huge"), ("unannounced, endless", "huge_unannounced")):
        server.route("/export.geojson", b"{}")
        server.arm("/export.geojson", fault, size=3 * 1024**3)
        cache = tempfile.mkdtemp(prefix="ot-bench-")
        feedback = QgsFeedback()
        timer = threading.Timer(90, feedback.cancel)  # an endless body is stopped by hand after 90 s
        timer.start()
        start = time.monotonic()
        try:
            reply = Transport(feedback=feedback, cache_dir=cache, retries=0).get(server.url("/export.geojson"))
            outcome = f"downloaded {reply.size / 1024**3:.1f} GB"
        except Exception as error:  # noqa: BLE001
            outcome = failure(error)
        timer.cancel()
        result[name] = f"{time.monotonic() - start:.1f} s: {outcome}"
        shutil.rmtree(cache, ignore_errors=True)
    return result


def scenario_cancel_stall(server) -> dict:
    import threading

    from open_territory.plugin.toolbelt.network import Transport
    from qgis.core import QgsFeedback

    server.route("/data.json", b"{}")
    server.arm("/data.json", "never_answer")
    feedback = QgsFeedback()
    cancelled = []
    threading.Timer(2, lambda: (cancelled.append(time.monotonic()), feedback.cancel())).start()
    try:
        Transport(feedback=feedback, cache_dir=tempfile.mkdtemp(prefix="ot-bench-")).get(server.url("/data.json"))
        outcome = "no error"
    except Exception as error:  # noqa: BLE001
        outcome = failure(error)
    return {"seconds from the cancel to the end": round(time.monotonic() - cancelled[0], 3), "outcome": outcome}


if __name__ == "__main__":
    main()
