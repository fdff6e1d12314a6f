#!/bin/bash
# The user guide's screenshots in the real QGIS desktop under Xvfb, in one language:
#   tests/desktop/guide_screenshots.sh OUT_DIR [en_GB|fr_FR]
# Leaves OUT_DIR/<lang>_*.png and report.json (tests/desktop/guide_screenshots.py says what it does). The places
# of the locator come from the local stand-in of geo.api.gouv.fr (tests/plugin/compose/standins.py), so that
# nothing leaves the machine. To refresh the guide's images: run it with OUT_DIR=docs/guide/img for both
# languages, look at them, then `make guide`.
set -euo pipefail
OUT=$(realpath -m "${1:?output folder}")
LOCALE=${2:-en_GB}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$OUT"
PORT=$("$REPO/.venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$REPO/.venv/bin/python" "$REPO/tests/plugin/compose/standins.py" --port "$PORT" >"$OUT/standins.log" 2>&1 &
STANDINS=$!
trap 'kill "$STANDINS" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    "$REPO/.venv/bin/python" -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 1)" 2>/dev/null && break
    sleep 0.1
done
OT_GEO_API="http://127.0.0.1:$PORT/geo" "$REPO/tests/desktop/register_screenshot.sh" "$OUT" "$LOCALE" \
    "$REPO/tests/desktop/guide_screenshots.py"
