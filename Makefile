# Open Territory developer commands. `make demo` and `make test` set up a fresh Debian 12 machine.
SHELL := /bin/bash
PLUGIN := open_territory
VENV := .venv
PY := $(VENV)/bin/python
export QT_QPA_PLATFORM ?= offscreen
# QGIS's own Python (Debian's), for the steps of `make package` that need PyQGIS without the virtual environment.
QGIS_PYTHON ?= /usr/bin/python3
QGIS_PROFILE ?= default
QGIS_PROFILES_DIR ?= $(HOME)/.local/share/QGIS/QGIS3/profiles
PACKAGE_FILES := metadata.txt __init__.py main.py LICENSE README.md plugin processing ui resources i18n docs/guide

.PHONY: system setup demo test test-fast fuzz lint translations guide package package-files install clean bench postgis screenshots

# Debian packages only (QGIS, lrelease, zip...): enough to build translations and the package.
system:
	@bash scripts/setup.sh --system-only

setup:
	@bash scripts/setup.sh

demo: setup translations
	$(PY) scripts/demo.py

# pytest exits 5 when it collected no test: that must fail, like any other exit code.
# -P: the repository root must not be on sys.path, or our processing/ hides QGIS's processing.
# --basetemp: a temporary folder per checkout (several checkouts testing at once must not clean each
# other's), outside the checkout (the reply cache never prunes a folder inside the plugin).
PYTEST_TMP := /tmp/open-territory-pytest-$(shell echo $(CURDIR) | md5sum | cut -c1-8)
test: setup translations postgis
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -P -m pytest --basetemp=$(PYTEST_TMP)

# A local PostgreSQL/PostGIS for the register tests (scripts/start_postgis.sh, idempotent).
postgis: setup
	@bash scripts/start_postgis.sh

test-fast:
	$(PY) -P -m pytest --basetemp=$(PYTEST_TMP) -m "not desktop and not slow"

# The property-based tests of the parsers (tests/fuzzing.py), each searching for OT_FUZZ_SECONDS (default 120)
# instead of the few fixed examples `make test` runs.
OT_FUZZ_SECONDS ?= 120
fuzz: setup
	OT_FUZZ_SECONDS=$(OT_FUZZ_SECONDS) $(PY) -P -m pytest --basetemp=$(PYTEST_TMP) -s -k fuzz tests/plugin

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# lrelease comes from qttools5-dev-tools, a Debian package.
translations: system
	@python3 scripts/i18n.py update
	@python3 scripts/i18n.py compile

# The user guide: docs/guide/<lang>/*.md rendered beside them as HTML (committed, so that the package needs no
# Python package beyond Debian's; tests/test_guide.py fails while the HTML lags behind its Markdown).
guide: setup
	$(PY) scripts/guide.py

package: translations
	rm -rf build/package && mkdir -p build/package/$(PLUGIN)
	cp -r --parents $(PACKAGE_FILES) build/package/$(PLUGIN)/
	find build/package -name '__pycache__' -prune -exec rm -rf {} +
	find build/package -name '*.ts' -delete
	find build/package/$(PLUGIN)/docs -name '*.md' -delete
	$(QGIS_PYTHON) scripts/describe_algorithms.py build/package/$(PLUGIN)/processing/descriptions >/dev/null
	cd build/package && rm -f ../$(PLUGIN).zip && zip -qr ../$(PLUGIN).zip $(PLUGIN)
	@echo "Package: build/$(PLUGIN).zip"

# What the package holds, for scripts that build it in a copy (tests/desktop/register_screenshot.sh).
package-files:
	@echo $(PACKAGE_FILES)

install: package
	mkdir -p "$(QGIS_PROFILES_DIR)/$(QGIS_PROFILE)/python/plugins"
	rm -rf "$(QGIS_PROFILES_DIR)/$(QGIS_PROFILE)/python/plugins/$(PLUGIN)"
	cd "$(QGIS_PROFILES_DIR)/$(QGIS_PROFILE)/python/plugins" && unzip -q "$(CURDIR)/build/$(PLUGIN).zip"
	@echo "Installed into $(QGIS_PROFILES_DIR)/$(QGIS_PROFILE)/python/plugins/$(PLUGIN)"

# The documentation's screenshots, from the real desktop under Xvfb (tests/desktop/dock_figures.py): QGIS's window
# after the demo load, and every tab of the dock at 360 px, in English and French.
screenshots: setup
	$(PY) tests/desktop/dock_figures.py --starts 1 --screenshots docs/screenshots

bench: setup
	for b in tests/benchmarks/bench_*.py; do $(PY) $$b || exit 1; done

clean:
	rm -rf build .pytest_cache
