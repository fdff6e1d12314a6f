#!/bin/bash
# The register dock in the real QGIS desktop under Xvfb, from the plugin's package in a throw-away profile:
#   tests/desktop/register_screenshot.sh OUT_DIR [en_GB|fr_FR] [SCRIPT]
# Leaves OUT_DIR/qgis_window.png, dock.png and report.json. SCRIPT (default register_screenshot.py) is the
# Python file `qgis --code` runs; tests/desktop/guide_screenshots.sh passes its own. The package is built in a copy of the
# repository, so the working tree (and its .ts file) is left as it is.
set -euo pipefail
OUT=$(realpath -m "${1:?output folder}")
LOCALE=${2:-en_GB}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
SCRIPT=$(realpath "${3:-$REPO/tests/desktop/register_screenshot.py}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT" "$WORK/repo"
cd "$REPO"
# shellcheck disable=SC2046 # the Makefile's list of packaged files, one word each
cp -r --parents Makefile scripts $(make -s --no-print-directory package-files) "$WORK/repo/"
make -s -C "$WORK/repo" package >/dev/null
PLUGINS="$WORK/qgis/profiles/default/python/plugins"
mkdir -p "$PLUGINS" "$WORK/qgis/profiles/default/QGIS"
(cd "$PLUGINS" && unzip -q "$WORK/repo/build/open_territory.zip")
cat > "$WORK/qgis/profiles/default/QGIS/QGIS3.ini" <<INI
[PythonPlugins]
open_territory=true

[qgis]
checkVersion=false
showTips=false
[core]
NewsFeed\httpsnewsfeedqgisorg\disabled=true
[locale]
overrideFlag=true
userLocale=$LOCALE
INI
rm -f "$OUT/report.json" "$OUT/register.gpkg"
OT_SHOT_DIR="$OUT" OT_SHOT_SCRIPTS="$REPO/scripts" QT_QPA_PLATFORM=xcb timeout 180 xvfb-run -a -s "-screen 0 1600x1000x24" \
    qgis --profiles-path "$WORK/qgis" --nologo --noversioncheck --code "$SCRIPT" \
    >"$OUT/qgis.log" 2>&1 || true
cat "$OUT/report.json"
