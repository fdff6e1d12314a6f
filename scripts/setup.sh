#!/usr/bin/env bash
# Installs what the demo and the tests need on a fresh Debian 12 machine, only what is missing.
#   scripts/setup.sh                 Debian packages, then the virtual environment .venv with the test tools
#   scripts/setup.sh --system-only   Debian packages only (what `make translations` and `make package` need)
set -euo pipefail
cd "$(dirname "$0")/.."

# xauth: xvfb-run needs it, and it is only a Recommends of xvfb (installed without recommends below).
DEBS="zip unzip python3-qgis qgis qgis-providers xvfb xauth gdal-bin pyqt5-dev-tools qttools5-dev-tools poppler-utils python3-venv postgresql-15-postgis-3"
missing=""
for pkg in $DEBS; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  echo "setup: installing Debian packages:$missing"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

[ "${1:-}" = "--system-only" ] && exit 0

VENV=.venv
stamp="$VENV/.requirements-dev.txt"
if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating $VENV from /usr/bin/python3 (with QGIS's system packages)"
  /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi
if ! cmp -s requirements-dev.txt "$stamp"; then
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -r requirements-dev.txt
  cp requirements-dev.txt "$stamp"
fi
