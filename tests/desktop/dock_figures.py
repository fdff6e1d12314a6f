#!/usr/bin/env python3
"""The dock's figures in the real QGIS desktop under Xvfb, in one command: start time through QGIS's own plugin
loader (first start without bytecode, then later starts), the dock's minimum width on every tab, the longest
main-thread stall during a demo territory load and during a council map export, the project's CRS after a
load (an empty project; a project already in EPSG:3857), the GeoPackages left after several loads in an
unsaved project, and a screenshot of every tab with the dock at 360 px.

    .venv/bin/python tests/desktop/dock_figures.py [--repo PATH] [--locale en_GB|fr_FR ...] [--starts N] [--out DIR]

The plugin is packaged from REPO's working tree (default: this repository) in a copy, installed in a throw-away
QGIS profile as "Install from ZIP" does, and QGIS is started with tests/desktop/dock_probe.py. The figures are
printed and written to OUT/<locale>/report.json (default OUT: build/dock_figures), the screenshots beside it.
tests/desktop/test_dock_desktop.py runs the same and holds the thresholds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
IGNORED = shutil.ignore_patterns(".git", ".venv", "build", "__pycache__", ".pytest_cache", "*.pyc")


def build_package(repo: str, work: str) -> str:
    """The plugin's zip built from a copy of `repo` (its working tree and .ts file are left as they are)."""
    copy = os.path.join(work, "repo")
    shutil.copytree(repo, copy, ignore=IGNORED, symlinks=True)
    subprocess.run(["make", "-s", "package"], cwd=copy, check=True, capture_output=True)
    return os.path.join(copy, "build", "open_territory.zip")


def install(package: str, root: str, locale: str) -> str:
    """A QGIS profiles folder at `root` with the plugin installed and enabled; returns the plugins folder."""
    profiles = os.path.join(root, "profiles")
    plugins = os.path.join(profiles, "default", "python", "plugins")
    os.makedirs(plugins)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(plugins)
    settings_dir = os.path.join(profiles, "default", "QGIS")
    os.makedirs(settings_dir)
    with open(os.path.join(settings_dir, "QGIS3.ini"), "w", encoding="utf-8") as handle:
        handle.write(
            "[PythonPlugins]\nopen_territory=true\n\n"
            "[qgis]\ncheckVersion=false\nshowTips=false\n"
            "[core]\nNewsFeed\\httpsnewsfeedqgisorg\\disabled=true\n"
            f"[locale]\noverrideFlag=true\nuserLocale={locale}\n"
            # The plugin's territories folder inside the throw-away profiles (not the user's documents).
            f"[open_territory]\ndata_dir={os.path.join(root, 'territories')}\n"
        )
    return plugins


def run_qgis(root: str, out: str, steps: str, loads: int = 3, timeout: int = 600) -> dict:
    """QGIS started on the profiles at `root` with the probe; its report."""
    os.makedirs(out, exist_ok=True)
    report_path = os.path.join(out, "report.json")
    if os.path.exists(report_path):
        os.remove(report_path)
    errors = os.path.join(out, "errors.log")
    env = dict(
        os.environ,
        OT_PROBE_DIR=out,
        OT_PROFILE_ROOT=root,
        OT_PROBE_ERRORS=errors,
        OT_STEPS=steps,
        OT_LOADS=str(loads),
        PYQGIS_STARTUP=os.path.join(HERE, "startup_probe.py"),
        QT_QPA_PLATFORM="xcb",
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # QGIS writes the plugin's bytecode, as on a user's machine
    env["PATH"] = qgis_path(env.get("PATH", ""))
    command = [
        "xvfb-run",
        "-a",
        "-s",
        "-screen 0 1600x1000x24",
        "qgis",
        "--profiles-path",
        root,
        "--nologo",
        "--noversioncheck",
        "--code",
        os.path.join(HERE, "dock_probe.py"),
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    if not os.path.exists(report_path):
        raise RuntimeError(f"QGIS did not run the probe:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    with open(report_path, encoding="utf-8") as handle:
        report = json.load(handle)
    report["python_errors"] = open(errors, encoding="utf-8").read() if os.path.exists(errors) else ""
    return report


def qgis_path(path: str) -> str:
    """PATH without the folders whose python3 is another interpreter than QGIS's own (a version manager's, put first
    when this script runs under it): QGIS and its plugins' tools would start that one, and QGIS hangs."""
    system = os.path.realpath(shutil.which("python3", path="/usr/bin") or "/usr/bin/python3")
    kept = []
    for folder in path.split(os.pathsep):
        candidate = os.path.join(folder, "python3")
        if os.path.exists(candidate) and os.path.realpath(candidate) != system:
            continue
        kept.append(folder)
    return os.pathsep.join(kept)


def start_ms(report: dict, kind: str = "") -> float:
    """The plugin's start through QGIS's loader: the import plus classFactory and initGui, wall (or CPU) time."""
    times = report.get("load_times_ms", {})
    return times.get(f"loadPlugin{kind}", 0.0) + times.get(f"startPlugin{kind}", 0.0)


def measure(package: str, locale: str, out: str, starts: int, steps: str, loads: int) -> dict:
    """Every figure for one locale: `starts` starts (the first without bytecode), the last one running `steps`."""
    with tempfile.TemporaryDirectory(prefix="ot-dock-") as root:
        install(package, root, locale)
        wall, cpu = [], []
        report = {}
        for run in range(starts):
            last = run == starts - 1
            report = run_qgis(root, out, steps if last else "", loads)
            wall.append(start_ms(report))
            cpu.append(start_ms(report, "_cpu"))
        report["start_ms"] = {"first": wall[0], "later": wall[1:], "first_cpu": cpu[0], "later_cpu": cpu[1:]}
    with open(os.path.join(out, "report.json"), "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=1, ensure_ascii=False)
    return report


def summary(locale: str, report: dict) -> list:
    lines = [f"== {locale}"]
    for kind in ("", "_cpu"):
        first, later = report["start_ms"]["first" + kind], report["start_ms"]["later" + kind]
        text = f"start through QGIS's loader (loadPlugin + startPlugin), {'CPU' if kind else 'wall'} time: "
        text += f"first start {first:.0f} ms"
        if later:
            text += f", later starts median {statistics.median(later):.0f} ms (min {min(later):.0f}, "
            text += f"max {max(later):.0f}, {len(later)} runs)"
        lines.append(text)
    for key, tab in report.get("tabs", {}).items():
        lines.append(
            f"tab {key:<10} ({tab['title']}): page minimum {tab['page_min']} px, dock minimum {tab['dock_min']} px, "
            f"dock width when set to 360: {tab['dock_width_at_360']} px"
        )
    for label in ("idle", "demo_load", "council_export"):
        if label in report:
            figure = report[label]
            lines.append(
                f"{label}: longest main-thread stall {figure['longest_gap_ms']} ms over {figure['seconds']} s, "
                f"longest main-thread CPU in one gap {figure['longest_busy_ms']} ms "
                f"(five longest gaps: [ms, at s, CPU ms] {figure['five_longest_ms_at_s_cpu']})"
            )
    for load in report.get("loads", [])[:1]:
        for label, outcome in load.items():
            lines.append(
                f"{label}: project CRS {report.get('project_crs_before_load')} -> {outcome['project_crs']}, "
                f"dock width {outcome['dock_width_before']} -> {outcome['dock_width_after']} px, "
                f"message bar: {outcome['messages']}"
            )
    if "crs_kept" in report:
        kept = report["crs_kept"]
        lines.append(f"project already in {kept['before']}: after the load {kept['after']}; told: {kept['messages']}")
    if "gpkg_files_after_loads" in report:
        files = report["gpkg_files_after_loads"]
        lines.append(f"GeoPackages left after {files['loads']} loads in an unsaved project: {files['count']}")
        lines.extend(f"    {path}" for path in files["files"])
        lines.append(f"message bar after those loads: {report.get('messages_after_loads')}")
    if "export_messages" in report:
        lines.append(f"export: {report.get('export_file')} bytes; message bar: {report['export_messages']}")
    if report.get("errors") or report.get("python_errors"):
        lines.append(f"errors: {report.get('errors')} {report.get('python_errors')}")
    return lines


def main(argv: list | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", default=REPO)
    parser.add_argument("--locale", action="append", help="en_GB, fr_FR (default: both)")
    parser.add_argument("--starts", type=int, default=4, help="QGIS starts per locale (the first without bytecode)")
    parser.add_argument("--loads", type=int, default=3, help="territory loads in the unsaved project")
    parser.add_argument("--steps", default="widths,load,files,export,crs")
    parser.add_argument("--out", default=os.path.join(REPO, "build", "dock_figures"))
    parser.add_argument("--screenshots", help="also copy the screenshots there (docs/screenshots for the docs)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ot-package-") as work:
        package = build_package(os.path.abspath(args.repo), work)
        for locale in args.locale or ["en_GB", "fr_FR"]:
            out = os.path.join(args.out, locale)
            report = measure(package, locale, out, args.starts, args.steps, args.loads)
            print("\n".join(summary(locale, report)), flush=True)
            if args.screenshots:
                copy_screenshots(out, locale[:2], args.screenshots)
    return 0


def copy_screenshots(out: str, language: str, folder: str) -> None:
    """The window after the demo load and every tab at 360 px, named `<what>_<language>.png`."""
    os.makedirs(folder, exist_ok=True)
    for name in sorted(os.listdir(out)):
        if name.endswith(".png") and (name.startswith("tab_") or name == "qgis_window.png"):
            shutil.copy(os.path.join(out, name), os.path.join(folder, f"{name[:-4]}_{language}.png"))


if __name__ == "__main__":
    sys.exit(main())
