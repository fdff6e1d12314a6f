#!/usr/bin/env python3
"""Translation upkeep, without Qt's own extractor (which cannot see module-level `tr()` calls).

  i18n.py update            extract every tr("literal") of the plugin into i18n/open_territory_fr.ts,
                            keeping the translations already there
  i18n.py missing           list the strings without a French translation (exit 1 if any)
  i18n.py fill FILE.json    set translations from a JSON object {"English": "Français"}

French translations come from the .ts itself and from the fragments i18n/fr/*.json (one per
area of the code, {"English": "Français"}); a fragment wins over the .ts.
  i18n.py compile           compile the .ts files into .qm with lrelease
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE_DIRS = ("plugin", "processing", "ui")
TS_FILE = os.path.join(ROOT, "i18n", "open_territory_fr.ts")
FRAGMENTS = os.path.join(ROOT, "i18n", "fr")
CONTEXT = "OpenTerritory"


def source_files():
    # The composition root (main.py) and __init__.py sit at the top, beside the packages.
    for name in sorted(os.listdir(ROOT)):
        if name.endswith(".py"):
            yield os.path.join(ROOT, name)
    for top in SOURCE_DIRS:
        for folder, _dirs, files in os.walk(os.path.join(ROOT, top)):
            for name in sorted(files):
                if name.endswith(".py"):
                    yield os.path.join(folder, name)


def extract():
    """Return {source string: [(relative path, line)]} for every tr() call with a literal."""
    found = {}
    for path in sorted(source_files()):
        with open(path, encoding="utf-8") as handle:
            tree = ast.parse(handle.read(), path)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name != "tr":
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.setdefault(arg.value, []).append((os.path.relpath(path, ROOT), node.lineno))
    return found


def read_fragments():
    translations = {}
    if os.path.isdir(FRAGMENTS):
        for name in sorted(os.listdir(FRAGMENTS)):
            if name.endswith(".json"):
                with open(os.path.join(FRAGMENTS, name), encoding="utf-8") as handle:
                    translations.update(json.load(handle))
    return translations


def read_ts(path=TS_FILE):
    translations = {}
    if not os.path.exists(path):
        return translations
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source")
        node = message.find("translation")
        if source is not None and node is not None and node.get("type") not in ("unfinished", "vanished", "obsolete"):
            translations[source] = node.text or ""
    translations.update(read_fragments())
    return translations


def write_ts(strings, translations, path=TS_FILE):
    root = ET.Element("TS", version="2.1", language="fr_FR", sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in sorted(strings):
        message = ET.SubElement(context, "message")
        # The file only, no line number: a line number changes with every edit above it, and the .ts is
        # regenerated on every build, so it would conflict in every merge.
        for rel, _line in strings[source][:1]:
            ET.SubElement(message, "location", filename="../" + rel)
        ET.SubElement(message, "source").text = source
        node = ET.SubElement(message, "translation")
        text = translations.get(source)
        if text:
            node.text = text
        else:
            node.set("type", "unfinished")
    ET.indent(root)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        handle.write(ET.tostring(root, encoding="unicode"))
        handle.write("\n")


def update():
    strings = extract()
    translations = read_ts()
    write_ts(strings, translations)
    missing = [s for s in strings if not translations.get(s)]
    print(f"i18n: {len(strings)} strings, {len(missing)} without a French translation")
    return missing


def fill(json_path):
    with open(json_path, encoding="utf-8") as handle:
        new = json.load(handle)
    strings = extract()
    translations = read_ts()
    unknown = [s for s in new if s not in strings]
    translations.update({k: v for k, v in new.items() if v})
    write_ts(strings, translations)
    for source in unknown:
        print(f"i18n: not a tr() string in the code: {source!r}", file=sys.stderr)


def compile_ts():
    lrelease = shutil.which("lrelease") or "/usr/lib/qt5/bin/lrelease"
    if not os.path.exists(lrelease):
        sys.exit("i18n: lrelease not found: install qttools5-dev-tools")
    target = TS_FILE[:-3] + ".qm"
    subprocess.run([lrelease, "-silent", TS_FILE, "-qm", target], check=True)


def main(argv):
    if not argv:
        sys.exit(__doc__)
    command = argv[0]
    if command == "update":
        update()
    elif command == "missing":
        missing = [s for s in extract() if not read_ts().get(s)]
        for source in missing:
            print(json.dumps(source, ensure_ascii=False))
        sys.exit(1 if missing else 0)
    elif command == "fill":
        fill(argv[1])
    elif command == "compile":
        compile_ts()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
