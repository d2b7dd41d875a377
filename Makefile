# moemae-qgis. Every target does its own set-up; each can be run again safely.
#   make demo     the main job on the bundled default
#   make test     the lint gate, then the whole test suite in real QGIS (offscreen); what CI runs
#   make test-fast  the inner loop: the lint gate, then the suite without the slow and desktop tests
#   make lint     ruff, mypy on the backend, the import graph's rules, the Qt 6 / QGIS 4 rules, and the
#                 plugin repository's scan (Bandit, detect-secrets) of the packaged zip
#   make bench    the benchmarks, printed as a table and written to docs/benchmarks.md
#   make package  dist/moemae_qgis-<version>.zip for QGIS's "Install from ZIP"
#   make translations  resources/i18n/*.ts from the code's tr() strings, compiled to out/i18n/*.qm
#   make deploy   installs the plugin into the QGIS profile (honours QGIS_CUSTOM_CONFIG_PATH)

SHELL := /bin/bash
PY := .venv/bin/python
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
ZIP := dist/moemae_qgis-$(VERSION).zip
# Qt draws offscreen: tests, the demo and qgis_process need no display.
export QT_QPA_PLATFORM ?= offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)

.PHONY: setup lint test test-fast demo bench package deploy translations clean

setup:
	@bash tools/setup.sh

lint: setup
	$(PY) -m ruff check .
	$(PY) tools/qt6_check.py moemae_qgis
	$(PY) tools/scan_package.py
	$(PY) -m mypy
	$(PY) tools/import_graph.py --quiet

test: setup lint
	$(PY) -m pytest

test-fast: setup lint
	$(PY) -m pytest -m "not slow and not desktop"

demo: setup
	$(PY) tools/demo.py

bench: setup
	$(PY) -m backend bench

# The .ts sources brought up to date with the code's tr() strings, and compiled (make package puts
# the .qm files in the zip; the repository keeps only the sources).
translations: setup
	$(PY) tools/translations.py update
	$(PY) tools/translations.py compile out/i18n

package: setup
	$(PY) tools/package.py --output $(ZIP)

deploy: setup
	$(PY) tools/package.py --output $(ZIP) --deploy

clean:
	rm -rf dist .pytest_cache
